import Foundation
import PoleJSON
import PoleRuntime

/// A `poled run` process on the simulated board, with its own site file and control socket in a
/// temporary directory, and the built `polectl` to talk to it: the end-to-end tests' fixture.
final class RunningDaemon {
    /// The build directory holding the test bundle, `poled` and `polectl`.
    static let buildDirectory: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (executable as NSString).deletingLastPathComponent
    }()

    let directory: String
    let socket: String
    private let process = Process()
    private let log: String
    /// Standard error when the test asked for a pipe nobody reads: held open, never read.
    private var unreadStandardError: Pipe?
    /// Whether `deinit` removes `directory` (not when the caller gave it, to restart in it).
    private let ownsDirectory: Bool

    /// Starts poled playing `scenario` (relative to the repository) with `tick`, and waits for its socket.
    /// A `tick` above 30 ms needs a longer `followAllowance` (debounce plus two ticks).
    /// `directory`, when given, is kept (with its store) for the next daemon; `store` and `site` add
    /// keys to the site file's `[store]` table and whole tables after it; `storePath` replaces the
    /// store's default place in `directory`; `control` adds keys to `[control]`; `standardErrorUnread`
    /// gives poled a pipe nobody reads.
    init(
        scenario: String, tick: String = "30ms", followAllowance: String = "100ms", clientTimeout: String = "1s", maxClients: Int = 128,
        directory given: String? = nil, storePath: String? = nil, store: String = "", site extra: String = "", control: String = "",
        trace: String? = nil, standardErrorUnread: Bool = false
    ) throws {
        ownsDirectory = given == nil
        directory = given ?? NSTemporaryDirectory() + "poled-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        socket = directory + "/control.sock"
        log = directory + "/poled.log"
        try? FileManager.default.removeItem(atPath: socket)
        let site = """
            board = "\(Repository.root)/boards/sim.toml"
            \(extra)
            [loop]
            tick = "\(tick)"
            [crosswalk]
            follow_allowance = "\(followAllowance)"
            [store]
            path = "\(storePath ?? directory + "/poled.sqlite")"
            \(store)
            [control]
            socket = "\(socket)"
            client_timeout = "\(clientTimeout)"
            max_clients = \(maxClients)
            \(control)
            """
        try site.write(toFile: directory + "/poled.toml", atomically: true, encoding: .utf8)
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        process.executableURL = URL(fileURLWithPath: Self.buildDirectory + "/poled")
        process.arguments = [
            "run", "--config", directory + "/poled.toml", "--scenario", Repository.root + "/" + scenario, "--status-every", "0s",
            "--trace", trace ?? directory + "/trace.jsonl",
        ]
        if standardErrorUnread {
            let pipe = Pipe()
            unreadStandardError = pipe
            process.standardError = pipe
        } else {
            let logHandle = FileHandle(forWritingAtPath: log)
            logHandle?.seekToEndOfFile()
            process.standardError = logHandle
        }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where process.isRunning && !FileManager.default.fileExists(atPath: socket) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        guard FileManager.default.fileExists(atPath: socket) else { throw Failure("poled did not open \(socket): \(logText)") }
    }

    deinit {
        if process.isRunning { process.terminate() }
        if ownsDirectory { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// What poled wrote to standard error.
    var logText: String {
        (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    }

    /// The trace poled wrote.
    var traceText: String {
        (try? String(contentsOfFile: directory + "/trace.jsonl", encoding: .utf8)) ?? ""
    }

    /// Stops poled with SIGTERM and returns its exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills poled with SIGKILL: no safe drive, no last write, no clean disconnect.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Runs polectl against this daemon.
    func polectl(_ arguments: String...) -> (status: Int32, out: String, err: String) {
        Self.run(Self.buildDirectory + "/polectl", arguments + ["--socket", socket])
    }

    /// Runs `polectl ARGS --json` and parses what it printed.
    func polectlJSON(_ arguments: String...) -> (status: Int32, json: JSONValue?) {
        let result = Self.run(Self.buildDirectory + "/polectl", arguments + ["--socket", socket, "--json"])
        return (result.status, try? JSONReader.parse(Array(result.out.utf8)).get())
    }

    /// Polls `status --json` until `condition` holds or `seconds` pass; returns the last status.
    @discardableResult
    func waitForStatus(seconds: Double, _ condition: (JSONValue) -> Bool) -> JSONValue? {
        let deadline = Date().addingTimeInterval(seconds)
        var last: JSONValue?
        while Date() < deadline {
            last = polectlJSON("status").json
            if let last, condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return last
    }

    /// Runs `executable` to its end; `environment` replaces the test's when given.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil
    ) -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
