import Glibc
import PoleProtocol
import Testing

/// Who may change a folder decides whether a socket in it can be trusted.
@Suite struct FolderTrustTests {
    private func temporaryFolder() -> String {
        var template = Array("/tmp/poled-trust-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    private let mine = FolderTrust(trusting: [geteuid()])

    @Test func aFolderOfMineOthersCannotWriteIsTrustedBelowTheStickyTmp() {
        let folder = temporaryFolder()
        defer { rmdir(folder) }
        chmod(folder, 0o750)
        #expect(mine.problem(folder: folder) == nil)
    }

    @Test func aFolderOthersMayWriteIsNotEvenWithTheStickyBit() {
        let folder = temporaryFolder()
        defer { rmdir(folder) }
        chmod(folder, 0o1777)
        #expect(mine.problem(folder: folder) == .untrusted("\(folder) is writable by others (mode 01777)"))
        chmod(folder, 0o770)
        #expect(mine.problem(folder: folder) == .untrusted("\(folder) is writable by others (mode 0770)"))
    }

    @Test func anAncestorOthersMayWriteIsRefusedWithoutTheStickyBit() {
        let folder = temporaryFolder()
        defer {
            rmdir(folder + "/inner")
            rmdir(folder)
        }
        mkdir(folder + "/inner", 0o700)
        chmod(folder, 0o777)
        #expect(mine.problem(folder: folder + "/inner") == .untrusted("\(folder) is writable by others (mode 0777) without the sticky bit"))
        chmod(folder, 0o1777)
        #expect(mine.problem(folder: folder + "/inner") == nil)
    }

    @Test(.enabled(if: geteuid() == 0, "giving a folder to another user needs root"))
    func aFolderOrALinkAnotherUserOwnsIsNotTrusted() {
        let folder = temporaryFolder()
        defer {
            unlink(folder + "/link")
            rmdir(folder + "/target")
            rmdir(folder)
        }
        chmod(folder, 0o755)
        mkdir(folder + "/target", 0o755)
        symlink(folder + "/target", folder + "/link")
        #expect(mine.problem(folder: folder + "/link") == nil, "a link of mine to a folder of mine")
        lchown(folder + "/link", 65_534, 65_534)
        #expect(mine.problem(folder: folder + "/link")?.description.hasPrefix("\(folder)/link is a symbolic link belonging to uid 65534") == true)
        chown(folder, 65_534, 65_534)
        #expect(mine.problem(folder: folder + "/target")?.description.hasPrefix("\(folder) belongs to uid 65534") == true)
        #expect(FolderTrust(trusting: [65_534]).problem(folder: folder + "/target") == nil)
    }

    @Test func aFolderThatIsNotThereCannotBeExamined() {
        #expect(mine.problem(folder: "/nonexistent-poled-folder/sub") == .unexamined("/nonexistent-poled-folder: No such file or directory"))
    }
}
