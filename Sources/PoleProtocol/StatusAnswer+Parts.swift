public import PoleJSON

extension StatusAnswer {
    /// `status.daemon`: the process.
    public struct Daemon: ControlAnswer {
        public var version: String
        public var pid: Int64
        public var uptimeMs: Int64
        public var utcMs: Int64
        /// How old the loop's snapshot was when answered, on the answering thread's clock.
        public var snapshotAgeMs: Int64
        /// Log lines standard error (the journal) did not take.
        public var logLinesDropped: Int64

        public init(version: String, pid: Int64, uptimeMs: Int64, utcMs: Int64, snapshotAgeMs: Int64, logLinesDropped: Int64) {
            self.version = version
            self.pid = pid
            self.uptimeMs = uptimeMs
            self.utcMs = utcMs
            self.snapshotAgeMs = snapshotAgeMs
            self.logLinesDropped = logLinesDropped
        }

        public var json: JSONValue {
            .object([
                "version": .string(version), "pid": .integer(pid), "uptime_ms": .integer(uptimeMs), "utc_ms": .integer(utcMs),
                "snapshot_age_ms": .integer(snapshotAgeMs), "log_lines_dropped": .integer(logLinesDropped),
            ])
        }

        public init(json: JSONValue) throws(AnswerError) {
            let reader = try AnswerReader(json)
            self.init(
                version: try reader.string("version"), pid: try reader.integer("pid"), uptimeMs: try reader.integer("uptime_ms"),
                utcMs: try reader.integer("utc_ms"), snapshotAgeMs: try reader.integer("snapshot_age_ms"),
                logLinesDropped: try reader.integer("log_lines_dropped")
            )
        }
    }

    /// `status.loop`: the control loop's timing.
    public struct Loop: ControlAnswer {
        public var tickMs: Int64
        public var ticks: Int64
        public var overruns: Int64
        /// The worst wake-up lateness since start, µs.
        public var latenessMaxMicroseconds: Int64
        /// The loop has not published a snapshot for longer than `stallAfterMs`.
        public var stalled: Bool
        public var stallAfterMs: Int64

        public init(tickMs: Int64, ticks: Int64, overruns: Int64, latenessMaxMicroseconds: Int64, stalled: Bool, stallAfterMs: Int64) {
            self.tickMs = tickMs
            self.ticks = ticks
            self.overruns = overruns
            self.latenessMaxMicroseconds = latenessMaxMicroseconds
            self.stalled = stalled
            self.stallAfterMs = stallAfterMs
        }

        public var json: JSONValue {
            .object([
                "tick_ms": .integer(tickMs), "ticks": .integer(ticks), "overruns": .integer(overruns),
                "lateness_max_us": .integer(latenessMaxMicroseconds), "stalled": .bool(stalled), "stall_after_ms": .integer(stallAfterMs),
            ])
        }

        public init(json: JSONValue) throws(AnswerError) {
            let reader = try AnswerReader(json)
            self.init(
                tickMs: try reader.integer("tick_ms"), ticks: try reader.integer("ticks"), overruns: try reader.integer("overruns"),
                latenessMaxMicroseconds: try reader.integer("lateness_max_us"), stalled: try reader.bool("stalled"),
                stallAfterMs: try reader.integer("stall_after_ms")
            )
        }
    }

    /// `status.crosswalk`: the head as classified and the crosswalk's outputs.
    public struct Crosswalk: ControlAnswer {
        /// red, green, flashing-green, dark or implausible.
        public var head: String
        /// dark, red or green, and its dim level in %.
        public var floor: String
        public var floorLevel: Int64
        public var beacon: String
        public var voice: String
        /// The crosswalk spotlight in %.
        public var spotlight: Int64

        public init(head: String, floor: String, floorLevel: Int64, beacon: String, voice: String, spotlight: Int64) {
            self.head = head
            self.floor = floor
            self.floorLevel = floorLevel
            self.beacon = beacon
            self.voice = voice
            self.spotlight = spotlight
        }

        public var json: JSONValue {
            .object([
                "head": .string(head), "floor": .string(floor), "floor_level": .integer(floorLevel), "beacon": .string(beacon),
                "voice": .string(voice), "spotlight": .integer(spotlight),
            ])
        }

        public init(json: JSONValue) throws(AnswerError) {
            let reader = try AnswerReader(json)
            self.init(
                head: try reader.string("head"), floor: try reader.string("floor"), floorLevel: try reader.integer("floor_level"),
                beacon: try reader.string("beacon"), voice: try reader.string("voice"), spotlight: try reader.integer("spotlight")
            )
        }
    }

    /// `status.lamp`: the security lamp's level in %.
    public struct Lamp: ControlAnswer {
        public var level: Int64

        public init(level: Int64) {
            self.level = level
        }

        public var json: JSONValue { .object(["level": .integer(level)]) }

        public init(json: JSONValue) throws(AnswerError) {
            self.init(level: try AnswerReader(json).integer("level"))
        }
    }

    /// `status.maintenance`: whether the crosswalk is dark for maintenance, and the output test running.
    public struct Maintenance: ControlAnswer {
        /// An output test: its target and the time it has left.
        public struct Test: ControlAnswer {
            public var target: String
            public var remainingMs: Int64

            public init(target: String, remainingMs: Int64) {
                self.target = target
                self.remainingMs = remainingMs
            }

            public var json: JSONValue { .object(["target": .string(target), "remaining_ms": .integer(remainingMs)]) }

            public init(json: JSONValue) throws(AnswerError) {
                let reader = try AnswerReader(json)
                self.init(target: try reader.string("target"), remainingMs: try reader.integer("remaining_ms"))
            }
        }

        public var active: Bool
        /// Null when maintenance is off.
        public var remainingMs: Int64?
        public var test: Test?

        public init(active: Bool, remainingMs: Int64?, test: Test?) {
            self.active = active
            self.remainingMs = remainingMs
            self.test = test
        }

        public var json: JSONValue {
            .object(["active": .bool(active), "remaining_ms": remainingMs.map { .integer($0) } ?? .null, "test": test.json])
        }

        public init(json: JSONValue) throws(AnswerError) {
            let reader = try AnswerReader(json)
            self.init(active: try reader.bool("active"), remainingMs: try reader.optionalInteger("remaining_ms"), test: try reader.optionalAnswer("test"))
        }
    }

    /// `status.store`: the SQLite store's size and rows; the counts are null while it cannot be read.
    public struct Store: ControlAnswer {
        public var path: String
        public var fileBytes: Int64?
        public var events: Int64?
        public var airMinutes: Int64?
        /// Uplink messages waiting in the outbox.
        public var uplinkBacklog: Int64?
        /// Why the store is not written, when it is not.
        public var error: String?

        public init(path: String, fileBytes: Int64?, events: Int64?, airMinutes: Int64?, uplinkBacklog: Int64?, error: String?) {
            self.path = path
            self.fileBytes = fileBytes
            self.events = events
            self.airMinutes = airMinutes
            self.uplinkBacklog = uplinkBacklog
            self.error = error
        }

        public var json: JSONValue {
            func integer(_ value: Int64?) -> JSONValue { value.map { .integer($0) } ?? .null }
            return .object([
                "path": .string(path), "file_bytes": integer(fileBytes), "events": integer(events), "air_minutes": integer(airMinutes),
                "uplink_backlog": integer(uplinkBacklog), "error": error.map(JSONValue.string) ?? .null,
            ])
        }

        public init(json: JSONValue) throws(AnswerError) {
            let reader = try AnswerReader(json)
            self.init(
                path: try reader.string("path"), fileBytes: try reader.optionalInteger("file_bytes"), events: try reader.optionalInteger("events"),
                airMinutes: try reader.optionalInteger("air_minutes"), uplinkBacklog: try reader.optionalInteger("uplink_backlog"),
                error: try reader.optionalString("error")
            )
        }
    }

    /// `status.uplink`: the MQTT link to the district.
    public struct Uplink: ControlAnswer {
        /// host:port.
        public var broker: String
        public var connected: Bool
        /// Messages the broker acknowledged since start, and those it has not yet.
        public var sent: Int64
        public var inFlight: Int64
        /// Why it is not connected: the broker's refusal, a TLS failure, a lost connection.
        public var problem: String?

        public init(broker: String, connected: Bool, sent: Int64, inFlight: Int64, problem: String?) {
            self.broker = broker
            self.connected = connected
            self.sent = sent
            self.inFlight = inFlight
            self.problem = problem
        }

        public var json: JSONValue {
            .object([
                "broker": .string(broker), "connected": .bool(connected), "sent": .integer(sent), "in_flight": .integer(inFlight),
                "problem": problem.map(JSONValue.string) ?? .null,
            ])
        }

        public init(json: JSONValue) throws(AnswerError) {
            let reader = try AnswerReader(json)
            self.init(
                broker: try reader.string("broker"), connected: try reader.bool("connected"), sent: try reader.integer("sent"),
                inFlight: try reader.integer("in_flight"), problem: try reader.optionalString("problem")
            )
        }
    }
}
