import Glibc

/// SCHED_FIFO for the control loop's thread alone.
///
/// `sched_setscheduler(0, …)` on Linux changes the calling thread, not the process, so the sensor
/// poller, socket and store threads stay at normal priority. The service grants the right with
/// `LimitRTPRIO`; without it the call fails with EPERM and the loop runs at normal priority.
public enum RealtimeScheduling {
    /// Raises the calling thread to SCHED_FIFO at `priority` (1…99); returns the errno on failure.
    public static func raiseCurrentThread(priority: Int32) -> Int32? {
        precondition((1...99).contains(priority), "SCHED_FIFO priorities are 1…99")
        var parameters = sched_param(sched_priority: priority)
        return sched_setscheduler(0, SCHED_FIFO, &parameters) == 0 ? nil : errno
    }
}
