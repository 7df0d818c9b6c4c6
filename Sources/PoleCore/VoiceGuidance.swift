/// Spoken guidance for someone stepping up to the kerb (docs/sensors.md, "Crosswalk practice"; docs/safety.md,
/// invariant 7).
///
/// On a presence rising edge in a waiting zone it pulses the trigger of the message for the phase
/// (cut short the moment the phase no longer allows it):
/// red "do not enter", green "look, then cross", flashing green "wait for the next signal". It never
/// says "cross" unless the floor is green this tick (invariant 7); says nothing while the head is dark
/// or implausible, in quiet hours, or within the rate limit of the zone's last message.
struct VoiceGuidance: Sendable {
    var rateLimitMs: Int64
    var pulseMs: Int64
    var quietHours: DailyWindow?
    private var lastMessageMs: [Int64?]
    private var wasPresent: [Bool]
    private var playing: (message: VoiceMessage, untilMs: Int64)?

    init(settings: CrosswalkSettings, waitingZones: Int) {
        rateLimitMs = settings.voiceRateLimitMs
        pulseMs = settings.voicePulseMs
        quietHours = settings.voiceQuietMinutes
        lastMessageMs = Array(repeating: nil, count: waitingZones)
        wasPresent = Array(repeating: false, count: waitingZones)
    }

    /// The message whose trigger is held this tick, given presence per waiting zone.
    mutating func update(
        signal: HeadSignal, floor: FloorIndication, waiting: [Bool], localMinuteOfDay: Int?, nowMs: Int64
    ) -> VoiceMessage {
        precondition(waiting.count == wasPresent.count, "one presence level per waiting zone")
        if let current = playing, nowMs >= current.untilMs || Self.message(signal: signal, floor: floor) != current.message {
            playing = nil
        }
        for zone in waiting.indices {
            let arrived = waiting[zone] && !wasPresent[zone]
            wasPresent[zone] = waiting[zone]
            guard arrived, playing == nil else { continue }
            if let last = lastMessageMs[zone], nowMs - last < rateLimitMs { continue }
            if let minute = localMinuteOfDay, quietHours?.contains(minute) == true { continue }
            guard let message = Self.message(signal: signal, floor: floor) else { continue }
            lastMessageMs[zone] = nowMs
            playing = (message, nowMs + pulseMs)
        }
        return playing?.message ?? .none
    }

    /// The message for the phase, or `nil` when nothing may be said.
    static func message(signal: HeadSignal, floor: FloorIndication) -> VoiceMessage? {
        switch signal {
        case .red: .redWait
        case .green: floor == .green ? .greenCross : nil
        case .flashingGreen: .flashWait
        case .dark, .implausible: nil
        }
    }
}
