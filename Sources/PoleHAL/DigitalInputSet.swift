/// A fixed set of digital input lines read together.
///
/// Exists so the control loop reads every input of a tick at one instant (one bulk read per GPIO chip
/// on Linux) instead of line by line at slightly different times. The set's lines and their order are
/// fixed when it is opened; `levels[i]` is always line `i`.
///
/// Physical contract: a level is what the pin showed when sampled, after the backend applied bias and
/// active-low. No debouncing happens here; the core debounces on tick time.
public protocol DigitalInputSet {
    /// How many lines the set holds.
    var lineCount: Int { get }

    /// Samples every line at once into `levels`, which must hold `lineCount` elements.
    mutating func sample(into levels: inout [LineLevel]) throws(HALError)
}
