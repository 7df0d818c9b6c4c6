public import PoleCore

/// Formats the simulation trace (docs/formats.md, "Trace (JSON Lines)"): JSON Lines, one object per
/// change, `t` in ms.
///
/// Every output's value is written on the first record (t = 0), then only changes, except `voice`,
/// which is written once per message played (when it changes to a message); events are
/// written as they happen, before the outputs of the same tick. Key order and number formatting are
/// fixed here, so the same run gives the same bytes.
public struct TraceWriter: Sendable {
    private var previous: Outputs?
    /// Formatted lines not yet taken.
    public private(set) var pending: [UInt8] = []

    public init() {
        pending.reserveCapacity(65_536)
    }

    /// Records one tick's events and outputs at `timeMs`.
    @inline(__always)
    public mutating func record(timeMs: Int64, events: [Event], outputs: Outputs) {
        // Most ticks change nothing: this test is all they cost (inlined into the loop).
        if events.isEmpty, outputs == previous { return }
        recordChanges(timeMs: timeMs, events: events, outputs: outputs)
    }

    private mutating func recordChanges(timeMs: Int64, events: [Event], outputs: Outputs) {
        for event in events {
            write(event, timeMs: timeMs)
        }
        // Field by field, without key paths: this runs every tick of every simulation.
        let first = previous == nil
        let before = previous ?? outputs
        if first || outputs.floor != before.floor { output(timeMs, "floor", text: outputs.floor.name) }
        if first || outputs.beacon != before.beacon { output(timeMs, "beacon", text: outputs.beacon.name) }
        if first || (outputs.voice != before.voice && outputs.voice != .none) {
            output(timeMs, "voice", text: outputs.voice.name)
        }
        if first || outputs.spotlightPercent != before.spotlightPercent {
            output(timeMs, "spotlight", number: outputs.spotlightPercent)
        }
        if first || outputs.lampPercent != before.lampPercent { output(timeMs, "lamp", number: outputs.lampPercent) }
        if first || outputs.air != before.air { output(timeMs, "air", text: outputs.air.name) }
        if first || outputs.mist != before.mist { output(timeMs, "mist", text: outputs.mist.name) }
        previous = outputs
    }

    /// Hands over the formatted bytes and empties the buffer (keeping its capacity).
    public mutating func takePending() -> [UInt8] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    private mutating func write(_ event: Event, timeMs: Int64) {
        switch event {
        case .airMinute(let minute):
            append("{\"t\":\(timeMs),\"type\":\"air\",\"pm1\":\(tenths(minute.pm1)),\"pm2_5\":\(tenths(minute.pm2_5)),"
                + "\"pm10\":\(minute.pm10.map { String(Int($0)) } ?? "null"),\"grade\":" + (minute.grade.map { "\"\($0.name)\"" } ?? "null")
                + ",\"cai\":\(minute.cai.map(String.init) ?? "null"),\"aqi\":\(minute.aqi.map(String.init) ?? "null")}\n")
        case .night(let night):
            append("{\"t\":\(timeMs),\"type\":\"event\",\"name\":\"night\",\"value\":\(night)}\n")
        default:
            eventLine(timeMs, event.traceName, event.traceFields)
        }
    }

    /// A concentration in tenths (as `AirMinute` truncated it) with its one decimal, or `null`: fixed
    /// formatting, so traces compare byte for byte.
    private func tenths(_ value: Double?) -> String {
        guard let value else { return "null" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    private mutating func eventLine(_ timeMs: Int64, _ name: String, _ fields: [(String, String)]) {
        append("{\"t\":\(timeMs),\"type\":\"event\",\"name\":\"\(name)\"")
        for (key, value) in fields {
            append(",\"\(key)\":")
            appendQuoted(value)
        }
        append("}\n")
    }

    private mutating func output(_ timeMs: Int64, _ name: String, text: String) {
        append("{\"t\":\(timeMs),\"type\":\"output\",\"name\":\"\(name)\",\"value\":\"\(text)\"}\n")
    }

    private mutating func output(_ timeMs: Int64, _ name: String, number: Int) {
        append("{\"t\":\(timeMs),\"type\":\"output\",\"name\":\"\(name)\",\"value\":\(number)}\n")
    }

    private mutating func append(_ text: String) {
        pending.append(contentsOf: text.utf8)
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped.
    private mutating func appendQuoted(_ text: String) {
        pending.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                pending.append(UInt8(ascii: "\\"))
                pending.append(byte)
            case 0x0A: append("\\n")
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u00" + (hex.count == 1 ? "0" : "") + hex)
            default:
                pending.append(byte)
            }
        }
        pending.append(UInt8(ascii: "\""))
    }
}
