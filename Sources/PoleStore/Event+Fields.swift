public import PoleCore

extension Event {
    /// The event's name in the trace, the event log and the control protocol.
    public var traceName: String {
        switch self {
        case .head: "head"
        case .faultRaised: "fault.raised"
        case .faultCleared: "fault.cleared"
        case .sequenceSkipped: "head.sequence"
        case .night: "night"
        case .sensorError: "sensor.error"
        case .airMinute: "air"
        case .alert: "alert"
        case .maintenance: "maintenance"
        case .testStarted: "test.started"
        case .testEnded: "test.ended"
        case .audit: "audit"
        }
    }

    /// The event's fields as text, in the order the trace writes them. A minute of air is written
    /// by the trace as numbers of its own; here it has its grade only.
    public var traceFields: [(String, String)] {
        switch self {
        case .head(let signal):
            return [("value", signal.name)]
        case .faultRaised(let fault):
            return [("fault", fault.name)]
        case .faultCleared(let fault, let by, let reason):
            var fields = [("fault", fault.name)]
            if let by { fields.append(("by", by)) }
            if let reason { fields.append(("reason", reason)) }
            return fields
        case .sequenceSkipped(let from, let to):
            return [("from", from.name), ("to", to.name)]
        case .night(let night):
            return [("value", "\(night)")]
        case .sensorError(let sensor, let error):
            return [("sensor", sensor), ("error", error)]
        case .airMinute(let minute):
            return [("grade", minute.grade?.name ?? "none")]
        case .alert(let level):
            return [("value", level.name)]
        case .maintenance(let active, let by):
            var fields = [("value", active ? "on" : "off")]
            if let by { fields.append(("by", by)) }
            return fields
        case .testStarted(let target, let durationMs, let by):
            return [("target", target.name), ("for", DurationText.format(milliseconds: durationMs)), ("by", by)]
        case .testEnded(let target, let reason):
            return [("target", target.name), ("reason", reason)]
        case .audit(let command, let by, let reason, let outcome):
            var fields = [("command", command), ("by", by)]
            if let reason { fields.append(("reason", reason)) }
            fields.append(("result", outcome.isDone ? "done" : "refused"))
            fields.append(("message", outcome.message))
            return fields
        }
    }
}
