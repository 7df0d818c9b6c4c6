import CRealtimeMemory

/// Memory for a real-time control loop, as real-time Linux practice sets it up: every page locked
/// in RAM before the loop starts, the loop thread's stack touched in advance, no memory handed back
/// to the kernel, so no tick waits for a page fault.
///
/// Also the stack size of the daemon's other threads: 8 MiB each by default (the stack rlimit),
/// which locking would make resident, where they need a fraction of one.
public enum RealtimeMemory {
    /// The stack of each thread started after `limitThreadStacks()`: the deepest is the control
    /// socket's JSON reader at its nesting limit in a debug build, well under this.
    public static let threadStackBytes = 1 << 20
    /// How much of the loop thread's stack is made present before the first tick.
    public static let loopStackBytes = 512 << 10

    /// A thread's page faults: minor ones find the page in memory, major ones read it from storage.
    public struct PageFaults: Sendable, Hashable {
        public var minor: Int
        public var major: Int

        public init(minor: Int, major: Int) {
            self.minor = minor
            self.major = major
        }
    }

    /// Gives threads started from now on (Dispatch's workers, the store's and the uplink's)
    /// `threadStackBytes` of stack; returns the error number on failure.
    public static func limitThreadStacks() -> Int32? {
        let error = poled_set_default_thread_stack_size(threadStackBytes)
        return error == 0 ? nil : error
    }

    /// Locks all current and future memory of the process and keeps freed memory in it; returns
    /// mlockall's error number when not permitted (without `CAP_IPC_LOCK`, or past `LimitMEMLOCK`).
    public static func lockAll() -> Int32? {
        let error = poled_lock_memory()
        return error == 0 ? nil : error
    }

    /// Makes `loopStackBytes` of the calling thread's stack present (and locked, after `lockAll`).
    public static func prefaultStack() {
        poled_prefault_stack(loopStackBytes)
    }

    /// The calling thread's page faults so far, `nil` when the kernel cannot say.
    public static func threadPageFaults() -> PageFaults? {
        var minor = 0
        var major = 0
        guard poled_thread_page_faults(&minor, &major) == 0 else { return nil }
        return PageFaults(minor: minor, major: major)
    }
}
