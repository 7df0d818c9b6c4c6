/// What the floor's lamps show: the sense inputs where the board has them, else what was commanded.
public struct FloorSense: Sendable, Hashable {
    public var red: Lamp
    public var green: Lamp

    public init(red: Lamp, green: Lamp) {
        self.red = red
        self.green = green
    }

    /// The lamps a commanded indication lights.
    public init(commanded: FloorIndication) {
        red = Lamp(lit: commanded == .red)
        green = Lamp(lit: commanded == .green)
    }
}
