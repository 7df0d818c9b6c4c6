public import PoleCore

/// Formats the simulation trace (DESIGN.md §7): JSON Lines, one object per change, `t` in ms.
///
/// Every output's value is written on the first record (t = 0), then only changes, except `voice`,
/// which is written once per message played (the core sets it only on the tick a message starts); events are
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
    public mutating func record(timeMs: Int64, events: [Event], outputs: Outputs) {
        for event in events {
            line(timeMs, "event", name: eventName(event), value: eventValue(event))
        }
        let before = previous
        func changed<Value: Equatable>(_ value: (Outputs) -> Value) -> Bool {
            before.map { value($0) != value(outputs) } ?? true
        }
        if changed(\.floor) { line(timeMs, "output", name: "floor", value: .text(outputs.floor.name)) }
        if changed(\.beacon) { line(timeMs, "output", name: "beacon", value: .text(outputs.beacon.name)) }
        if before == nil || outputs.voice != .none {
            line(timeMs, "output", name: "voice", value: .text(outputs.voice.name))
        }
        if changed(\.spotlightPercent) { line(timeMs, "output", name: "spotlight", value: .number(outputs.spotlightPercent)) }
        if changed(\.lampPercent) { line(timeMs, "output", name: "lamp", value: .number(outputs.lampPercent)) }
        if changed(\.air) { line(timeMs, "output", name: "air", value: .text(outputs.air.name)) }
        if changed(\.mist) { line(timeMs, "output", name: "mist", value: .text(outputs.mist.name)) }
        previous = outputs
    }

    /// Hands over the formatted bytes and empties the buffer (keeping its capacity).
    public mutating func takePending() -> [UInt8] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    private enum Value {
        case text(String)
        case number(Int)
    }

    private func eventName(_ event: Event) -> String {
        switch event {
        case .head: "head"
        }
    }

    private func eventValue(_ event: Event) -> Value {
        switch event {
        case .head(let signal): .text(signal.name)
        }
    }

    private mutating func line(_ timeMs: Int64, _ type: String, name: String, value: Value) {
        append("{\"t\":\(timeMs),\"type\":\"\(type)\",\"name\":\"\(name)\",\"value\":")
        switch value {
        case .text(let text): append("\"\(text)\"")
        case .number(let number): append("\(number)")
        }
        append("}\n")
    }

    private mutating func append(_ text: String) {
        pending.append(contentsOf: text.utf8)
    }
}
