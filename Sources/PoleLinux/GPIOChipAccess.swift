public import PoleHAL

/// What a line's kernel record says before the daemon requests it.
public struct GPIOLineUsage: Sendable, Hashable {
    /// Whether another consumer (a driver, another program) holds the line.
    public var used: Bool
    /// Who holds it, as the kernel reports it.
    public var consumer: String?

    public init(used: Bool, consumer: String?) {
        self.used = used
        self.consumer = consumer
    }
}

/// The thin layer between the GPIO bank and the kernel: every libgpiod call goes through one of these
/// methods, so tests observe and fail calls without `/dev` (swift-system's `Syscalls.swift` lesson).
public protocol GPIOChipAccess: AnyObject {
    /// A handle to one line of an open chip.
    associatedtype Line

    /// Finds a line by name (within the chip labelled `chipLabel`, when given).
    func locate(_ name: String, chipLabel: String?) throws(HALError) -> GPIOLineLocation
    /// Opens the chip if needed and returns the line at `offset`.
    func line(chip: String, offset: UInt32) throws(HALError) -> Line
    /// The kernel's record of the line before it is requested.
    func usage(of line: Line) -> GPIOLineUsage
    /// Requests lines of one chip together for the daemon's life; outputs start at `defaults`.
    func request(_ lines: [Line], group: GPIORequestPlan.Group, consumer: String, defaults: [Int32]) throws(HALError)
    /// Reads requested lines in one call.
    func read(_ lines: [Line], into values: inout [Int32]) throws(HALError)
    /// Writes requested output lines in one call.
    func write(_ lines: [Line], _ values: [Int32]) throws(HALError)
    /// Releases requested lines.
    func release(_ lines: [Line])
    /// Closes every chip opened.
    func closeAll()
}
