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
            (error as? LatchedFaultFile.Problem)?.description == "\(file.path): line 2: \"floor-on-fire\" is not a latching fault; expected one of conflict, floor-lamp-out, floor-wrong-colour, floor-both-lit"
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
