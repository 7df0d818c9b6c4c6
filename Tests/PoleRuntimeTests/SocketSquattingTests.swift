import Foundation
import Glibc
import Testing

/// Issue 17: another user must not be able to put a socket or a store where poled or polectl would
/// trust it. poled refuses a socket or state folder (or an ancestor of one) owned by another user or
/// writable by others; polectl refuses such a folder, and a server whose uid is not root, poled's,
/// or the caller's own, before it sends anything (exit 72). Run as root, which can make a folder
/// belong to `nobody`.
@Suite(.serialized, .tags(.slow), .notInFastSet) struct SocketSquattingTests {
    private let poled = RunningDaemon.buildDirectory + "/poled"
    private let polectl = RunningDaemon.buildDirectory + "/polectl"

    /// A fresh folder for one test, owned by root, 0755.
    private func workFolder() throws -> String {
        let path = NSTemporaryDirectory() + "poled-squat-\(UUID().uuidString.prefix(8))"
        try folder(path, owner: 0, mode: 0o755)
        return path
    }

    private func folder(_ path: String, owner: UInt32, mode: mode_t) throws {
        guard mkdir(path, 0o700) == 0 else { throw RunningDaemon.Failure("mkdir \(path): \(String(cString: strerror(errno)))") }
        guard chown(path, owner, owner == 0 ? 0 : OtherUser.nogroup) == 0, chmod(path, mode) == 0 else {
            throw RunningDaemon.Failure("chown/chmod \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// A site file on the simulated board with its socket and store where the test says.
    private func site(in work: String, socket: String, store: String) throws -> String {
        let path = work + "/poled.toml"
        try """
            board = "\(Repository.root)/boards/sim.toml"
            [store]
            path = "\(store)"
            [control]
            socket = "\(socket)"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func run(site: String) -> (status: Int32, out: String, err: String) {
        RunningDaemon.run(poled, ["run", "--config", site, "--status-every", "0s", "--duration", "2s"])
    }

    @Test func poledRefusesASocketFolderAnotherUserOwns() throws {
        guard OtherUser.available() else { return }
        let work = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try folder(work + "/squatted", owner: OtherUser.nobody, mode: 0o755)
        let result = run(site: try site(in: work, socket: work + "/squatted/control.sock", store: work + "/state/poled.sqlite"))
        #expect(result.status == 69, "\(result.err)")
        #expect(result.err.contains("\(work)/squatted") && result.err.contains("uid 65534"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: work + "/squatted/control.sock"))
    }

    @Test func poledRefusesAStateFolderAnotherUserOwns() throws {
        guard OtherUser.available() else { return }
        let work = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try folder(work + "/squatted", owner: OtherUser.nobody, mode: 0o755)
        let result = run(site: try site(in: work, socket: work + "/control.sock", store: work + "/squatted/poled.sqlite"))
        #expect(result.status == 69, "\(result.err)")
        #expect(result.err.contains("\(work)/squatted") && result.err.contains("uid 65534"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: work + "/squatted/poled.sqlite"), "the squatter's folder holds no store")
    }

    @Test func poledRefusesAFolderOthersMayWriteAndAnAncestorAnotherUserOwns() throws {
        guard OtherUser.available() else { return }
        let work = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try folder(work + "/open", owner: 0, mode: 0o777)
        let open = run(site: try site(in: work, socket: work + "/open/control.sock", store: work + "/state/poled.sqlite"))
        #expect(open.status == 69, "\(open.err)")
        #expect(open.err.contains("\(work)/open") && open.err.contains("writable by others"), "\(open.err)")

        try folder(work + "/theirs", owner: OtherUser.nobody, mode: 0o755)
        try folder(work + "/theirs/mine", owner: 0, mode: 0o755)
        let below = run(site: try site(in: work, socket: work + "/theirs/mine/control.sock", store: work + "/state/poled.sqlite"))
        #expect(below.status == 69, "\(below.err)")
        #expect(below.err.contains("\(work)/theirs") && below.err.contains("uid 65534"), "\(below.err)")
    }

    @Test func theDemoFolderIsCreatedForItsUserAloneAndRefusedWhenSomeoneElseMadeIt() throws {
        guard OtherUser.available() else { return }
        let work = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try folder(work + "/runtime", owner: 0, mode: 0o700)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_RUNTIME_DIR"] = work + "/runtime"
        let arguments = ["run", "--board", Repository.root + "/boards/sim.toml", "--status-every", "0s", "--duration", "2s"]
        let fresh = RunningDaemon.run(poled, arguments, environment: environment)
        #expect(fresh.status == 0, "\(fresh.err)")
        let mode = try FileManager.default.attributesOfItem(atPath: work + "/runtime/poled")[.posixPermissions] as? Int
        #expect(mode == 0o700, "the demo folder is 0\(String(mode ?? 0, radix: 8))")

        try FileManager.default.removeItem(atPath: work + "/runtime/poled")
        try folder(work + "/runtime/poled", owner: OtherUser.nobody, mode: 0o755)
        let squatted = RunningDaemon.run(poled, arguments, environment: environment)
        #expect(squatted.status == 69, "\(squatted.err)")
        #expect(squatted.err.contains("\(work)/runtime/poled") && squatted.err.contains("uid 65534"), "\(squatted.err)")
    }

    @Test func polectlRefusesASocketInAFolderAnotherUserOwnsBeforeSendingAnything() throws {
        guard OtherUser.available() else { return }
        let work = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try folder(work + "/squatted", owner: OtherUser.nobody, mode: 0o755)
        let socket = work + "/squatted/control.sock"
        let log = work + "/impostor.log"
        let impostor = try SpawnedProcess(OtherUser.perl, ["-e", OtherUser.impostor, socket, log])
        defer { impostor.stop() }
        try waitForListening(log)
        let result = RunningDaemon.run(polectl, ["status", "--socket", socket])
        #expect(result.status == 72, "\(result.out) \(result.err)")
        #expect(result.err.contains("\(work)/squatted") && result.err.contains("uid 65534"), "\(result.err)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "listening\n", "polectl sent nothing")
    }

    @Test func polectlRefusesAServerRunByAnotherUserBeforeSendingAnything() throws {
        guard OtherUser.available() else { return }
        let work = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try folder(work + "/nobodys", owner: OtherUser.nobody, mode: 0o777)
        try folder(work + "/trusted", owner: 0, mode: 0o755)
        let log = work + "/nobodys/impostor.log"
        let (setpriv, arguments) = OtherUser.command(
            uid: OtherUser.nobody, gid: OtherUser.nogroup, [OtherUser.perl, "-e", OtherUser.impostor, work + "/nobodys/s.sock", log]
        )
        let impostor = try SpawnedProcess(setpriv, arguments)
        defer { impostor.stop() }
        try waitForListening(log)
        // The socket moved into a folder root owns: only the server's uid gives the impostor away.
        #expect(rename(work + "/nobodys/s.sock", work + "/trusted/control.sock") == 0)
        let result = RunningDaemon.run(polectl, ["status", "--socket", work + "/trusted/control.sock"])
        #expect(result.status == 72, "\(result.out) \(result.err)")
        #expect(result.err.contains("uid 65534"), "\(result.err)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "listening\n", "polectl sent nothing")
    }

    private func waitForListening(_ log: String) throws {
        for _ in 0..<100 {
            if (try? String(contentsOfFile: log, encoding: .utf8))?.hasPrefix("listening") == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw RunningDaemon.Failure("the impostor did not start")
    }
}
