/// A fixed set of digital output lines written together, each with a declared safe level.
///
/// Exists so the control loop drives all outputs of a tick at one instant (one bulk write per GPIO
/// chip on Linux) and so the safe state is a property of the set, known before the first write: a
/// backend requests its lines with `safeLevels` as their initial values, and drives them again before
/// it lets go of the lines.
///
/// Physical contract: reading an output back would return what was requested, not the electrical level
/// on the lamp; verifying a lamp needs a separate sense input.
public protocol DigitalOutputSet {
    /// How many lines the set holds.
    var lineCount: Int { get }

    /// The level each line takes at request time and on any shutdown: the known-safe state.
    var safeLevels: [LineLevel] { get }

    /// Drives every line to `levels` (`lineCount` elements) in one operation.
    mutating func apply(_ levels: [LineLevel]) throws(HALError)
}

extension DigitalOutputSet {
    /// Drives every line to its safe level.
    public mutating func applySafeLevels() throws(HALError) {
        try apply(safeLevels)
    }
}
