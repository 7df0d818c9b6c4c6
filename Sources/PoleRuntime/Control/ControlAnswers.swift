import PoleCore
import PoleProtocol
import PoleStore
import PoleUplink

/// The daemon's side of protocol v1's answers, in one place: the loop's snapshot, the store's and
/// the uplink's state and the event log mapped onto the typed answers of `PoleProtocol`. The control
/// socket answers with these, and the uplink's retained `status` is the same `StatusAnswer`.
enum ControlAnswers {
    /// `status`, for a snapshot `ageMs` old (measured on the reader's clock, not the loop's): one
    /// older than `stallAfterMs` means a stalled loop, not healthy whatever it says.
    static func status(_ snapshot: ControlSnapshot, ageMs: Int64, store: StoreService?, uplink: MQTTUplink?) -> StatusAnswer {
        let stalled = ageMs > snapshot.stallAfterMs
        return StatusAnswer(
            site: snapshot.siteID, board: snapshot.boardFile, backend: snapshot.backend, healthy: !snapshot.reportsFault && !stalled,
            daemon: .init(
                version: PoledVersion.string, pid: Int64(snapshot.processID), uptimeMs: snapshot.uptimeMs, utcMs: snapshot.utcMs,
                snapshotAgeMs: max(0, ageMs), logLinesDropped: Int64(snapshot.logLinesDropped)
            ),
            loop: .init(
                tickMs: snapshot.tickMs, ticks: Int64(clamping: snapshot.ticks), overruns: Int64(clamping: snapshot.overruns),
                latenessMaxMicroseconds: snapshot.latenessMaxMicroseconds, stalled: stalled, stallAfterMs: snapshot.stallAfterMs
            ),
            crosswalk: snapshot.head.map { head in
                let outputs = snapshot.outputs
                return .init(
                    head: head.name, floor: outputs.floor.name, floorLevel: Int64(outputs.floorLevelPercent), beacon: outputs.beacon.name,
                    voice: outputs.voice.name, spotlight: Int64(outputs.spotlightPercent)
                )
            },
            lamp: snapshot.hasLamp ? .init(level: Int64(snapshot.outputs.lampPercent)) : nil,
            night: snapshot.night, air: air(snapshot), faults: faults(snapshot), maintenance: maintenance(snapshot),
            sensors: sensors(snapshot), store: store.map(self.store), uplink: uplink.map(self.uplink)
        )
    }

    static func faults(_ snapshot: ControlSnapshot) -> FaultsAnswer {
        FaultsAnswer(latched: snapshot.latched.map(\.name), active: snapshot.active.map(\.name))
    }

    /// `air`: null on a pole without a particulate sensor.
    static func air(_ snapshot: ControlSnapshot) -> AirAnswer? {
        guard snapshot.hasAir else { return nil }
        let minute = snapshot.airMinute
        return AirAnswer(
            pm1: minute?.pm1, pm2_5: minute?.pm2_5, pm10: minute?.pm10, grade: minute?.grade?.name, cai: minute?.cai.map(Int64.init),
            aqi: minute?.aqi.map(Int64.init), alert: snapshot.alert.name, indicator: snapshot.outputs.air.name, mist: snapshot.outputs.mist.name
        )
    }

    static func sensors(_ snapshot: ControlSnapshot) -> [SensorAnswer] {
        snapshot.sensors.map { sensor in
            let health = sensor.health
            return SensorAnswer(
                role: sensor.role, kind: sensor.kind, bus: sensor.bus, address: "0x" + String(sensor.address, radix: 16, uppercase: false),
                state: health.state.rawValue, serial: health.serial, firmware: health.firmware,
                lastSampleAgeMs: health.lastSampleMs.map { max(0, snapshot.uptimeMs - $0) }, errors: Int64(health.errors),
                lastError: health.lastError, flags: health.flags, cleaning: (health.cleaningUntilMs ?? 0) > snapshot.uptimeMs
            )
        }
    }

    static func lines(_ snapshot: ControlSnapshot) -> [LineAnswer] {
        snapshot.lines.map { line in
            LineAnswer(
                role: line.role, line: line.line, chip: line.chip, direction: line.isOutput ? "output" : "input", activeLow: line.activeLow,
                value: line.asserted ? 1 : 0
            )
        }
    }

    static func event(_ entry: EventLog.Entry) -> EventAnswer {
        EventAnswer(id: entry.id, utcMs: entry.utcMs, monotonicMs: entry.monotonicMs, name: entry.name, fields: entry.fields)
    }

    static let version = VersionAnswer(daemon: PoledVersion.string, protocolVersion: Int64(ControlProtocol.version))

    private static func maintenance(_ snapshot: ControlSnapshot) -> StatusAnswer.Maintenance {
        guard let until = snapshot.maintenance.untilMs else { return .init(active: false, remainingMs: nil, test: nil) }
        return .init(
            active: true, remainingMs: max(0, until - snapshot.uptimeMs),
            test: snapshot.maintenance.test.map { .init(target: $0.target.name, remainingMs: max(0, $0.untilMs - snapshot.uptimeMs)) }
        )
    }

    private static func store(_ store: StoreService) -> StatusAnswer.Store {
        let (statistics, lastError) = store.statistics()
        return .init(
            path: store.path, fileBytes: statistics?.fileBytes, events: statistics?.events, airMinutes: statistics?.airMinutes,
            uplinkBacklog: statistics?.outbox, error: lastError
        )
    }

    private static func uplink(_ uplink: MQTTUplink) -> StatusAnswer.Uplink {
        let link = uplink.link
        return .init(broker: link.broker, connected: link.connected, sent: link.sent, inFlight: Int64(link.inFlight), problem: link.problem)
    }
}
