import Glibc
import PoleCore
import PoleRuntime
import Testing

@Suite struct LatchedFaultFileTests {
    private func temporaryDirectory() -> String {
        var template = Array("/tmp/poled-state-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        return path
    }

    private func write(_ text: String, to path: String) {
        let file = fopen(path, "w")
        fputs(text, file)
        fclose(file)
    }

    @Test func aMissingFileMeansNothingLatched() throws {
        #expect(try LatchedFaultFile(directory: temporaryDirectory()).load() == [])
    }

    @Test func savedFaultsLoadBack() throws {
        let file = LatchedFaultFile(directory: temporaryDirectory())
        try file.save([.conflict, .floorLampOut])
        #expect(try file.load() == [.conflict, .floorLampOut])
        try file.save([])
        #expect(try file.load() == [])
        #expect(access(file.path + ".tmp", F_OK) != 0, "the temporary file is renamed, not left behind")
    }

    @Test func anUnknownFaultIsAnErrorNotASilentReset() throws {
        let directory = temporaryDirectory()
        let file = LatchedFaultFile(directory: directory)
        write("conflict\nfloor-on-fire # from a newer poled\n", to: file.path)
        #expect {
            try file.load()
        } throws: { error in
            (error as? StateFileProblem)?.description == "\(file.path): line 2: \"floor-on-fire\" is not a latching fault; expected one of conflict, floor-lamp-out, floor-wrong-colour, floor-both-lit"
        }
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let file = LatchedFaultFile(directory: temporaryDirectory())
        write("# header\n\nfloor-both-lit  # 2026-11-25\n", to: file.path)
        #expect(try file.load() == [.floorBothLit])
    }

    @Test func makeDirectoryCreatesParents() throws {
        let directory = temporaryDirectory() + "/var/lib/poled"
        try LatchedFaultFile.makeDirectory(directory)
        var info = stat()
        #expect(stat(directory, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFDIR)
    }
}

@Suite struct LampCounterFileTests {
    @Test func countersSurviveASimulatedRestart() throws {
        var template = Array("/tmp/poled-counters-XXXXXX".utf8CString)
        let state = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let scenario = try Repository.scenario("Tests/Scenarios/lamp/dusk.json")
        let first = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: nil, stateDirectory: state)
        #expect(first.lampCounters?.switchOns == 1, "on at dusk")
        #expect(try LampCounterFile(directory: state).load() == LampCounters(switchOns: 1, burningMs: (1_200_000 - 651_000) / 1_000 * 1_000))
        let second = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: nil, stateDirectory: state)
        #expect(second.lampCounters?.switchOns == 2)
    }

    @Test func aMalformedCounterFileIsAnErrorNotAReset() throws {
        var template = Array("/tmp/poled-counters-XXXXXX".utf8CString)
        let state = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let file = LampCounterFile(directory: state)
        let handle = fopen(file.path, "w")
        fputs("switch_ons = many\n", handle)
        fclose(handle)
        #expect(throws: StateFileProblem.self) { try file.load() }
    }
}
