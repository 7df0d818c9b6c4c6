public import PoleCore
import PoleJSON

/// Records the exact input stream the core saw, tick by tick, with the outputs it gave, so a field
/// problem can be replayed against the same or a changed configuration (`poled replay`).
///
/// JSON Lines: the header, then one line per tick with `t` (ms) and only the inputs that changed
/// since the previous tick, the tick's technician commands, and the outputs that changed (`o`).
/// About 12 bytes a tick when nothing changes (50 MB a day at 20 ms). Format: docs/formats.md, "Input
/// recording (JSON Lines)".
public struct InputRecorder {
    /// Lines written since the last `takePending()`.
    public private(set) var pending: [UInt8] = []
    /// A saved latched record is the rule: `ls` is written only when it is not.
    private var lastInputs: [String: JSONValue] = ["ls": .string(LatchedRecord.saved.name)]
    private var lastOutputs: [String: JSONValue] = [:]

    public init(header: RecordingHeader) {
        pending = Array((header.json.serialized + "\n").utf8)
    }

    /// Records one tick: the inputs the core stepped on and the outputs it returned.
    public mutating func record(_ inputs: Inputs, outputs: Outputs) {
        var fields: [String: JSONValue] = ["t": .integer(inputs.monotonicMs)]
        for (key, value) in Self.fields(of: inputs) where lastInputs[key] != value {
            fields[key] = value
            lastInputs[key] = value
        }
        if !inputs.commands.isEmpty { fields["cmd"] = .array(inputs.commands.map(RecordedValues.command)) }
        var changed: [String: JSONValue] = [:]
        for (key, value) in RecordedValues.outputs(outputs) where lastOutputs[key] != value {
            changed[key] = value
            lastOutputs[key] = value
        }
        if !changed.isEmpty { fields["o"] = .object(changed) }
        pending.append(contentsOf: (JSONValue.object(fields).serialized + "\n").utf8)
    }

    /// The pending bytes, emptied.
    public mutating func takePending() -> [UInt8] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    /// Every input field but the time and the commands, by its key in the format.
    static func fields(of inputs: Inputs) -> [(String, JSONValue)] {
        [
            ("utc", .integer(inputs.utcSeconds)),
            ("hr", RecordedValues.lamp(inputs.headRed)), ("hg", RecordedValues.lamp(inputs.headGreen)),
            ("frs", RecordedValues.lamp(inputs.floorRedSense)), ("fgs", RecordedValues.lamp(inputs.floorGreenSense)),
            ("p", .array(inputs.presence.map { .integer($0 ? 1 : 0) })),
            ("m", RecordedValues.flag(inputs.motion)), ("pc", RecordedValues.flag(inputs.photocellDark)),
            ("lc", RecordedValues.flag(inputs.lampCurrent)), ("cs", RecordedValues.flag(inputs.clockSynchronised)),
            ("lmin", inputs.localMinuteOfDay.map { .integer($0) } ?? .null), ("ld", RecordedValues.date(inputs.localDate)),
            ("lux", RecordedValues.lux(inputs.lux)), ("pm", RecordedValues.particulates(inputs.particulates)),
            ("ls", .string(inputs.latchedRecord.name)),
        ]
    }
}
