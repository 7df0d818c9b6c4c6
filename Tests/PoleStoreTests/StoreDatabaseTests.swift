import CSQLite
import Glibc
import PoleCore
import PoleJSON
@testable import PoleStore
import Testing

/// The store on its own: what it keeps, how it survives damage and age, and its outbox.
@Suite struct StoreDatabaseTests {
    static func temporaryDirectory() -> String {
        var template = Array("/tmp/poled-store-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    private func open(_ path: String, queuesUplink: Bool = false) throws -> StoreDatabase {
        try StoreDatabase.open(path: path, queuesUplink: queuesUplink, utcMs: 1_000).store
    }

    private func batch(_ events: [Event], utcMs: Int64 = 1_800_000_000_000) -> StoreBatch {
        var batch = StoreBatch()
        batch.add(events, utcMs: utcMs, monotonicMs: 5_000, atMs: 5_000)
        return batch
    }

    @Test func eventsComeBackWithTheirIdsFieldsAndTimes() throws {
        let store = try open(Self.temporaryDirectory() + "/poled.sqlite")
        let written = try store.write(batch([
            .faultRaised(.conflict), .head(.red), .faultCleared(.conflict, by: "uid 1000 gid 1000", reason: "cable \"fixed\""),
        ]))
        #expect(written.map(\.id) == [1, 2], "head changes are the trace's, not the store's")
        let read = try store.events(sinceUtcMs: nil, limit: 10)
        #expect(read == written)
        #expect(read[1].fields == ["fault": "conflict", "by": "uid 1000 gid 1000", "reason": "cable \"fixed\""])
        #expect(read[1].utcMs == 1_800_000_000_000 && read[1].monotonicMs == 5_000)
        #expect(try store.events(sinceUtcMs: 1_800_000_000_001, limit: 10).isEmpty)
        #expect(try store.events(sinceUtcMs: nil, limit: 1).map(\.id) == [2], "the newest, when limited")
    }

    @Test func faultsCountersAndAirSurviveReopening() throws {
        let path = Self.temporaryDirectory() + "/poled.sqlite"
        do {
            let store = try open(path)
            var first = batch([.airMinute(AirMinute(pm1: 3, pm2_5: 20, pm10: 40))])
            first.latchedFaults = [.conflict, .floorBothLit]
            first.lampCounters = LampCounters(switchOns: 7, burningMs: 123_456)
            try store.write(first)
            var second = StoreBatch()
            second.latchedFaults = [.floorBothLit]
            try store.write(second)
        }
        let store = try open(path)
        #expect(try store.latchedFaults().faults == [.floorBothLit])
        #expect(try store.lampCounters() == LampCounters(switchOns: 7, burningMs: 123_456))
        #expect(try store.statistics().airMinutes == 1)
    }

    @Test func aFileThatIsNotADatabaseIsMovedAsideNotOverwritten() throws {
        let directory = Self.temporaryDirectory()
        let path = directory + "/poled.sqlite"
        let garbage = Array("this is not an SQLite database, but somebody's data\n".utf8)
        let file = try #require(fopen(path, "w"))
        fwrite(garbage, 1, garbage.count, file)
        fclose(file)
        let opened = StoreKeeper.start(path: path, queuesUplink: false, utcMs: 42)
        #expect(opened.notes.count == 1, "\(opened.notes)")
        #expect(opened.notes.first?.text.contains("kept as \(path).corrupt-42") == true)
        #expect(try ByteFile.readAll(path: path + ".corrupt-42", limit: 1_000) == garbage, "the old bytes are kept as they were")
        #expect(opened.latched == [.stateLost], "nothing says which faults were latched: the floor stays dark until a person clears it")
        let written = try opened.keeper.write(batch([.faultRaised(.conflict)]))
        #expect(written.first?.id == StoreKeeper.idFloor + 1, "ids continue above any the lost store could have handed out")
        #expect(access(path + ".new", F_OK) != 0, "the replacement was renamed into place")
    }

    @Test func aDamagedPageFailsTheIntegrityCheckAndIsMovedAside() throws {
        let path = Self.temporaryDirectory() + "/poled.sqlite"
        do {
            let store = try open(path)
            var fault = batch([.faultRaised(.conflict)])
            fault.latchedFaults = [.conflict]
            try store.write(fault)
            for minute in 0..<2_000 {
                try store.write(batch([.airMinute(AirMinute(pm1: 1, pm2_5: Double(minute % 90), pm10: 50))], utcMs: Int64(minute) * 60_000))
            }
        }
        // Checkpointed into the main file when the connection closed; now scribble over a b-tree page.
        let handle = Glibc.open(path, O_WRONLY)
        let noise = [UInt8](repeating: 0xA5, count: 600)
        #expect(pwrite(handle, noise, noise.count, 20 * 1_024 + 8) == noise.count)
        close(handle)
        let opened = StoreKeeper.start(path: path, queuesUplink: false, utcMs: 7)
        #expect(opened.notes.first?.text.contains("failed its checks") == true, "\(opened.notes)")
        #expect(access(path + ".corrupt-7", F_OK) == 0)
        #expect(opened.latched == [.conflict], "the latched faults are salvaged from the damaged file")
        let airMinutes = try opened.keeper.store!.statistics().airMinutes
        #expect(airMinutes > 1_000 && airMinutes < 2_000, "the readable air minutes are carried over row by row (\(airMinutes) of 2000)")
        #expect(try opened.keeper.write(batch([.faultCleared(.conflict, by: "uid 0", reason: nil)])).first?.id == 2, "event ids continue")
    }

    @Test func aStoreFromANewerPoledIsRefusedAndLeftAlone() throws {
        let path = Self.temporaryDirectory() + "/poled.sqlite"
        _ = try open(path)
        var raw: OpaquePointer?
        #expect(sqlite3_open(path, &raw) == SQLITE_OK)
        #expect(sqlite3_exec(raw, "PRAGMA user_version = 99", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(raw)
        #expect {
            try open(path)
        } throws: { error in
            "\(error)".contains("schema 99 was written by a newer poled")
        }
    }

    @Test func retentionDeletesByAgeThenBySize() throws {
        let store = try open(Self.temporaryDirectory() + "/poled.sqlite")
        let day: Int64 = 86_400_000
        try store.write(batch([.faultRaised(.conflict)], utcMs: 0))
        try store.write(batch([.faultRaised(.floorBothLit)], utcMs: 10 * day))
        var air = StoreBatch()
        for minute in 0..<5_000 { air.airMinutes.append((10 * day + Int64(minute) * 60_000, AirMinute(pm1: 1, pm2_5: 2, pm10: 3))) }
        try store.write(air)
        let untrusted = try store.retain(nowUtcMs: nil, validFromUtcMs: 0, keepEventsMs: 5 * day, keepAirMs: 30 * day, maxBytes: 64 << 20)
        #expect(untrusted.total == 0, "no deletion by age without a trusted clock")
        let unset = try store.retain(nowUtcMs: 12 * day, validFromUtcMs: 1, keepEventsMs: 5 * day, keepAirMs: 30 * day, maxBytes: 64 << 20)
        #expect(unset.total == 0, "a row stamped before the clock was valid is not judged by its age")
        let byAge = try store.retain(nowUtcMs: 12 * day, validFromUtcMs: 0, keepEventsMs: 5 * day, keepAirMs: 30 * day, maxBytes: 64 << 20)
        #expect(byAge == StoreDatabase.Retention(events: 1, airMinutes: 0, outbox: 0))
        let bySize = try store.retain(nowUtcMs: nil, validFromUtcMs: 0, keepEventsMs: 5 * day, keepAirMs: 30 * day, maxBytes: 64 << 10)
        #expect(bySize.airMinutes > 0 && bySize.events == 0, "air minutes go first, whatever the clock says")
        let statistics = try store.statistics()
        #expect(statistics.usedBytes <= 64 << 10)
        #expect(statistics.events == 1)
        let remaining = try store.events(sinceUtcMs: nil, limit: 10)
        #expect(remaining.map(\.name) == ["fault.raised"] && remaining.first?.fields["fault"] == "floor-both-lit")
    }

    @Test func theOutboxHoldsEveryMessageUntilAcknowledged() throws {
        let store = try open(Self.temporaryDirectory() + "/poled.sqlite", queuesUplink: true)
        try store.write(batch([.faultRaised(.conflict), .airMinute(AirMinute(pm1: nil, pm2_5: 12, pm10: 30))]))
        let messages = try store.outbox(afterID: 0, limit: 10)
        #expect(messages.map(\.kind) == [.events, .air], "kinds, not topics: the uplink's current settings name the topic")
        let event = try JSONReader.parse(Array(messages[0].payload.utf8)).get()
        #expect(event["id"] == .number(1) && event["name"] == .string("fault.raised"))
        #expect(event["fields"]?["fault"] == .string("conflict"))
        let air = try JSONReader.parse(Array(messages[1].payload.utf8)).get()
        #expect(air["pm2_5"] == .number(12) && air["pm1"] == .null && air["grade"] == .string("good"))
        var acknowledgement = StoreBatch()
        acknowledgement.acknowledged = [messages[0].id]
        try store.write(acknowledgement)
        #expect(try store.outbox(afterID: 0, limit: 10).map(\.id) == [messages[1].id])
    }

    /// The uplink's air message carries the truncated values the indices use: PM2.5 9.05 is 9.0 (with
    /// AQI 50), PM10 54.96 is 54.
    @Test func theAirMessageCarriesTheTruncatedValues() throws {
        let store = try open(Self.temporaryDirectory() + "/poled.sqlite", queuesUplink: true)
        try store.write(batch([.airMinute(AirMinute(pm1: 7.26, pm2_5: 9.05, pm10: 54.96))]))
        let message = try #require(try store.outbox(afterID: 0, limit: 10).first)
        let air = try JSONReader.parse(Array(message.payload.utf8)).get()
        #expect(air["pm1"] == .number(7.2) && air["pm2_5"] == .number(9) && air["pm10"] == .number(54))
        #expect(air["aqi"] == .number(50) && air["cai"] == .number(74) && air["grade"] == .string("moderate"))
        #expect(air["nowcast"] == .null, "no NowCast before 2 of the last 3 hours are complete")
    }

    /// The hourly NowCast rides on every air message, labelled apart from the minute's values.
    @Test func theAirMessageCarriesTheHourlyNowCast() throws {
        let store = try open(Self.temporaryDirectory() + "/poled.sqlite", queuesUplink: true)
        let nowCast = AirNowCast(pm2_5: 30.04, pm10: 60.7)
        try store.write(batch([.airMinute(AirMinute(pm1: 30, pm2_5: 40, pm10: 80, nowCast: nowCast))]))
        let message = try #require(try store.outbox(afterID: 0, limit: 10).first)
        let air = try JSONReader.parse(Array(message.payload.utf8)).get()
        #expect(air["nowcast"] == .object(["pm2_5": .number(30), "pm10": .number(60), "aqi": .number(90)]))
        #expect(air["aqi"] == .number(112), "the minute's own AQI, from 40.0")
    }

    @Test func withoutAnUplinkNothingIsQueued() throws {
        let store = try open(Self.temporaryDirectory() + "/poled.sqlite")
        try store.write(batch([.faultRaised(.conflict)]))
        #expect(try store.statistics().outbox == 0)
    }
}

extension StoreDatabaseTests {
    @Test func outboxIdsAreNeverReusedAfterTheOutboxEmpties() throws {
        let store = try StoreDatabase.open(path: Self.temporaryDirectory() + "/poled.sqlite", queuesUplink: true, utcMs: 0).store
        var first = StoreBatch()
        first.add([.faultRaised(.conflict)], utcMs: 0, monotonicMs: 0, atMs: 0)
        try store.write(first)
        let sent = try store.outbox(afterID: 0, limit: 10)
        var acknowledgement = StoreBatch()
        acknowledgement.acknowledged = sent.map(\.id)
        try store.write(acknowledgement)
        var second = StoreBatch()
        second.add([.airMinute(AirMinute(pm1: 1, pm2_5: 2, pm10: 3))], utcMs: 60_000, monotonicMs: 60_000, atMs: 60_000)
        try store.write(second)
        #expect(try store.outbox(afterID: sent.last!.id, limit: 10).count == 1, "the next message comes after the uplink's cursor")
    }
}
