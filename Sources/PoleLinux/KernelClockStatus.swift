import CKernelClock

/// Whether the kernel considers the wall clock synchronised (NTP or a GPS reference keeping it).
///
/// `adjtimex` with no modes set only reads; it returns `TIME_ERROR` while the clock is
/// unsynchronised, as on a Pi that booted without an RTC and has not reached a time server yet.
public enum KernelClockStatus {
    /// `true` when synchronised, `false` when not, `nil` when the kernel cannot say.
    public static func isSynchronised() -> Bool? {
        switch poled_kernel_clock_synchronised() {
        case 1: true
        case 0: false
        default: nil
        }
    }
}
