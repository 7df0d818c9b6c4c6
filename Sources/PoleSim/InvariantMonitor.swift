/// Checks the crosswalk's safety invariants against the simulated street's ground truth on every tick.
///
/// Independent of the core on purpose: it looks only at what the head's lamps really did and what
/// poled really drove on the floor lines. Invariant 1 (docs/safety.md): floor green is lit only while
/// the head's green was lit within the last tick + debounce. Invariant 2: floor red and floor green
/// are never driven together.
public struct InvariantMonitor: Sendable {
    /// A broken invariant, with when it broke.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var atMs: Int64
        public var invariant: Int
        public var detail: String

        public var description: String { "t=\(atMs)ms invariant \(invariant): \(detail)" }

        public init(atMs: Int64, invariant: Int, detail: String) {
            self.atMs = atMs
            self.invariant = invariant
            self.detail = detail
        }
    }

    private let allowanceMs: Int64
    /// The slots of the output lines the board drives the floor's red and green on.
    private let floorRedSlot: Int
    private let floorGreenSlot: Int
    private var headGreenLastLitMs: Int64?
    /// Every violation seen, in order (bounded: the first 100).
    public private(set) var violations: [Violation] = []

    /// `allowanceMs` is one tick plus the debounce; the floor is driven on the simulated output lines
    /// named `floorRedLine` and `floorGreenLine`.
    public init(allowanceMs: Int64, floorRedLine: String, floorGreenLine: String) {
        guard let red = SimLines.outputSlot(floorRedLine), let green = SimLines.outputSlot(floorGreenLine) else {
            preconditionFailure("the floor lines \(floorRedLine) and \(floorGreenLine) are outputs of the simulated chip")
        }
        self.allowanceMs = allowanceMs
        floorRedSlot = red
        floorGreenSlot = green
    }

    /// Checks the state after poled's outputs for this tick were applied.
    public mutating func check(_ street: Street) {
        let now = street.nowMs
        if street.headGreenLit { headGreenLastLitMs = now }
        let floorGreen = street.isDrivenHigh(slot: floorGreenSlot)
        let floorRed = street.isDrivenHigh(slot: floorRedSlot)
        if floorGreen, floorRed {
            record(Violation(atMs: now, invariant: 2, detail: "floor red and floor green driven together"))
        }
        if floorGreen {
            let sinceGreen = headGreenLastLitMs.map { now - $0 }
            if sinceGreen.map({ $0 > allowanceMs }) ?? true {
                let ago = sinceGreen.map { "\($0)ms ago" } ?? "never"
                record(Violation(atMs: now, invariant: 1, detail: "floor green while head green was last lit \(ago) (allowance \(allowanceMs)ms)"))
            }
        }
    }

    private mutating func record(_ violation: Violation) {
        if violations.count < 100 { violations.append(violation) }
    }
}
