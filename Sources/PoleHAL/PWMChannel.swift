/// One PWM output whose duty cycle sets a level (a lamp's 1–10 V dimmer, a spotlight driver).
///
/// Exists beside the line sets because a level is not on/off. Like an output set it declares its
/// safe level, which it takes when opened and again before it is let go.
public protocol PWMChannel {
    /// The duty cycle, percent, at open and on any shutdown.
    var safeDutyPercent: Int { get }

    /// Sets the duty cycle, 0…100 percent.
    mutating func setDuty(percent: Int) throws(HALError)
}
