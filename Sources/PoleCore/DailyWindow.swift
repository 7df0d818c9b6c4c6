/// A daily window of local time, in minutes since midnight; `start > end` wraps past midnight. Used
/// for voice quiet hours and calendar rules.
public struct DailyWindow: Sendable, Hashable {
    public var startMinute: Int
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        precondition((0..<1_440).contains(startMinute), "start minute within a day")
        precondition((0..<1_440).contains(endMinute), "end minute within a day")
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Whether `minute` (0…1439) falls inside the window.
    public func contains(_ minute: Int) -> Bool {
        startMinute <= endMinute
            ? (minute >= startMinute && minute < endMinute)
            : (minute >= startMinute || minute < endMinute)
    }
}
