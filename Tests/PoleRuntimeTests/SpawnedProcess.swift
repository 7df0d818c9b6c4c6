import Glibc

/// A child process started with an empty signal mask and default signal dispositions.
///
/// Foundation's `Process` hands its children the test runner's blocked signals, so a broker
/// started that way never sees SIGTERM; this spawns with `POSIX_SPAWN_SETSIGMASK` instead.
final class SpawnedProcess {
    let pid: pid_t
    private var exited = false

    /// Starts `executable` with `arguments`, standard output to `output` (appended) or /dev/null,
    /// standard error to `errors` (appended) or /dev/null.
    init(_ executable: String, _ arguments: [String], output: String? = nil, errors: String? = nil) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard code == 0 else { throw RunningDaemon.Failure("cannot start \(executable): \(String(cString: strerror(code)))") }
        pid = child
    }

    deinit {
        stop()
    }

    /// Sends SIGTERM and waits for the process to end.
    func stop() {
        guard !exited else { return }
        kill(pid, SIGTERM)
        _ = waitForExit()
    }

    /// Sends `signal` and waits for the process to end; returns its wait status (`WEXITSTATUS` and
    /// friends apply).
    func signal(_ signal: Int32) -> Int32 {
        kill(pid, signal)
        return waitForExit()
    }

    /// Waits for the process to end by itself; returns its wait status.
    func waitUntilExit() -> Int32 {
        waitForExit()
    }

    private func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        exited = true
        return status
    }
}
