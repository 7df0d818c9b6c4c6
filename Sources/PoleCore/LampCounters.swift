/// The security lamp's life counters (TALQ): how often it was switched on and how long it burned.
public struct LampCounters: Sendable, Hashable {
    public var switchOns: Int
    public var burningMs: Int64

    public init(switchOns: Int = 0, burningMs: Int64 = 0) {
        self.switchOns = switchOns
        self.burningMs = burningMs
    }
}
