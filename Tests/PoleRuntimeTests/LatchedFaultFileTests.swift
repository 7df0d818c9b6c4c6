import Glibc
import PoleCore
@testable import PoleRuntime
@testable import PoleStore
import Testing

/// The state files of poled before the store, read once and imported into it.
@Suite struct LatchedFaultFileTests {
    private func temporaryDirectory() -> String {
        var template = Array("/tmp/poled-state-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        return path
    }

    private func write(_ text: String, to path: String) throws {
        let file = try #require(fopen(path, "w"))
        fputs(text, file)
        fclose(file)
    }

    @Test func aMissingFileMeansNothingLatched() throws {
        #expect(try LatchedFaultFile(directory: temporaryDirectory()).load() == [])
    }

    @Test func anOldStateFileIsImportedIntoTheStoreOnce() throws {
        let directory = temporaryDirectory()
        let file = LatchedFaultFile(directory: directory)
        try write("conflict\n", to: file.path)
        do {
            let first = StoreKeeper.start(path: directory + "/poled.sqlite", queuesUplink: false, utcMs: 0)
            #expect(first.latched == [.conflict])
            #expect(first.notes.contains { $0.text.contains("imported \(file.path)") })
        }
        #expect(access(file.path, F_OK) != 0 && access(file.path + ".imported", F_OK) == 0, "renamed, so it is not imported twice")
        let again = StoreKeeper.start(path: directory + "/poled.sqlite", queuesUplink: false, utcMs: 0)
        #expect(again.latched == [.conflict], "the store now keeps it")
        #expect(again.notes.isEmpty)
    }

    @Test func anUnknownFaultIsAnErrorNotASilentReset() throws {
        let directory = temporaryDirectory()
        let file = LatchedFaultFile(directory: directory)
        try write("conflict\nfloor-on-fire # from a newer poled\n", to: file.path)
        #expect {
            try file.load()
        } throws: { error in
            (error as? StateFileProblem)?.description == "\(file.path): line 2: \"floor-on-fire\" is not a latching fault; expected one of conflict, floor-lamp-out, floor-wrong-colour, floor-both-lit, state-lost"
        }
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let file = LatchedFaultFile(directory: temporaryDirectory())
        try write("# header\n\nfloor-both-lit  # 2026-11-25\n", to: file.path)
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
        let first = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: nil, storePath: state + "/poled.sqlite")
        #expect(first.lampCounters?.switchOns == 1, "on at dusk")
        #expect(StoreKeeper.start(path: state + "/poled.sqlite", queuesUplink: false, utcMs: 0).counters == first.lampCounters, "kept in the store")
        let second = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: nil, storePath: state + "/poled.sqlite")
        #expect(second.lampCounters?.switchOns == 2)
    }

    @Test func aMalformedCounterFileIsAnErrorNotAReset() throws {
        var template = Array("/tmp/poled-counters-XXXXXX".utf8CString)
        let state = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let file = LampCounterFile(directory: state)
        let handle = try #require(fopen(file.path, "w"))
        fputs("switch_ons = many\n", handle)
        fclose(handle)
        #expect(throws: StateFileProblem.self) { try file.load() }
    }
}
