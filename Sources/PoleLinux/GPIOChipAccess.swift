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
    /// Lines of one chip requested together.
    associatedtype Request

    /// Finds a line by name (within the chip labelled `chipLabel`, when given).
    func locate(_ name: String, chipLabel: String?) throws(HALError) -> GPIOLineLocation
    /// The kernel's record of a line before it is requested; opens the chip if needed.
    func usage(chip: String, offset: UInt32) throws(HALError) -> GPIOLineUsage
    /// Requests a group's lines together for the daemon's life; outputs start at `defaults`.
    func request(_ group: GPIORequestPlan.Group, consumer: String, defaults: [Int32]) throws(HALError) -> Request
    /// Reads a request's lines in one call, in the group's order.
    func read(_ request: Request, into values: inout [Int32]) throws(HALError)
    /// Writes an output request's lines in one call, in the group's order.
    func write(_ request: Request, _ values: [Int32]) throws(HALError)
    /// Releases a request's lines.
    func release(_ request: Request)
    /// Closes every chip opened.
    func closeAll()
}
