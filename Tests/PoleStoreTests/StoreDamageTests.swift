import Glibc
import PoleCore
import PoleSim
@testable import PoleStore
import Testing

/// Damaged storage, tried as a hostile tester would: random bytes at random offsets in the WAL (after
/// a crash, the only time it holds rows), in the main file (after a clean stop) and in the guard,
/// 50 seeds each. After every one, every fault latched before is still latched or `state-lost` is,
/// every event id that went missing is reported (count and range) and none that did not, and no id
/// (event or uplink message) is handed out twice.
@Suite struct StoreDamageTests {
    /// What was written before the damage.
    struct History {
        var latched: [Fault] = []
        var eventIDs: [Int64] = []
        var lastOutboxID: Int64 = 0
        /// The WAL's size and the offset of its last frame, after a crash.
        var walBytes = 0
    }

    static let utcMs: Int64 = 1_800_000_000_000

    /// Writes 40 batches as a day of a pole would (events, air minutes, faults latched and one cleared)
    /// through the keeper, then stops cleanly or as a SIGKILL would (no checkpoint, no last guard).
    static func makeHistory(path: String, crash: Bool) throws -> History {
        let keeper = StoreKeeper.start(path: path, queuesUplink: true, utcMs: utcMs, idBlock: 16).keeper
        var history = History()
        for index in 0..<40 {
            var batch = StoreBatch()
            var events: [Event] = [.night(index % 2 == 0), .audit(command: "maintenance on", by: "uid \(index)", reason: "visit", outcome: .done("ok"))]
            switch index {
            case 3: history.latched = [.conflict]
            case 15: history.latched = [.conflict, .floorBothLit]
            case 22: history.latched = [.conflict]
            case 37: history.latched = [.conflict, .floorWrongColour]
            default: break
            }
            if [3, 15, 22, 37].contains(index) {
                events.append(index == 22 ? .faultCleared(.floorBothLit, by: "uid 0", reason: "fixed") : .faultRaised(history.latched.last!))
                batch.latchedFaults = history.latched
            }
            batch.add(events, utcMs: utcMs + Int64(index) * 60_000, monotonicMs: Int64(index) * 60_000, atMs: 0)
            batch.airMinutes.append((utcMs + Int64(index) * 60_000, AirMinute(pm1: 1, pm2_5: Double(index), pm10: 30)))
            history.eventIDs += try keeper.write(batch).compactMap(\.id)
        }
        history.lastOutboxID = keeper.store?.lastOutboxID ?? 0
        if crash {
            keeper.store?.connection.keepWALOnClose()
        } else {
            keeper.close()
        }
        var status = stat()
        if stat(path + "-wal", &status) == 0 { history.walBytes = Int(status.st_size) }
        return history
    }

    /// Writes `count` random bytes at `offset` of `file`.
    static func scribble(_ file: String, at offset: Int, count: Int, random: inout SeededRandom) {
        let handle = open(file, O_WRONLY)
        precondition(handle >= 0, "\(file) exists")
        let noise = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
        _ = pwrite(handle, noise, noise.count, off_t(offset))
        close(handle)
    }

    /// What the start after the damage reported as lost.
    struct Report {
        var ids = Set<Int64>()
        var count: Int64 = 0
        var possiblyUpTo: Int64?

        init(_ entry: EventLog.Entry?) {
            guard let entry else { return }
            count = Int64(entry.fields["events"] ?? "0") ?? 0
            for part in (entry.fields["ids"] ?? "").split(separator: ",") {
                let bounds = part.split(separator: "-").compactMap { Int64($0) }
                if let first = bounds.first, let last = bounds.last { ids.formUnion(first...last) }
            }
            #expect(Int64(ids.count) == count, "the count agrees with the ids listed: \(entry.fields)")
            possiblyUpTo = entry.fields["possibly_up_to_id"].flatMap { Int64($0) }
        }

        func covers(_ id: Int64) -> Bool {
            ids.contains(id) || (possiblyUpTo.map { id <= $0 } ?? false)
        }
    }

    /// Opens the damaged store as poled does and checks the three promises; returns whether every
    /// missing event was reported.
    @discardableResult
    static func checkAfterDamage(path: String, history: History, what: String) throws -> Bool {
        let start = StoreKeeper.start(path: path, queuesUplink: true, utcMs: utcMs + 3_600_000, idBlock: 16)
        #expect(
            start.latched.contains(.stateLost) || Set(history.latched).isSubset(of: start.latched),
            "\(what): latched \(start.latched), before \(history.latched)"
        )
        let store = try #require(start.keeper.store, "\(what): the store is in use again: \(start.notes)")
        let surviving = Set(try store.events(sinceUtcMs: nil, limit: 1_000_000).compactMap(\.id))
        let missing = history.eventIDs.filter { !surviving.contains($0) }
        let report = Report(start.lostRows)
        let unreported = missing.filter { !report.covers($0) }
        let wronglyReported = report.ids.filter { surviving.contains($0) }
        #expect(wronglyReported.isEmpty, "\(what): reported lost but still there: \(wronglyReported.sorted()); \(start.notes)")
        #expect(report.count <= Int64(missing.count), "\(what): reported \(report.count) lost of \(missing.count) missing")
        var batch = StoreBatch()
        batch.add([.night(true)], utcMs: utcMs + 3_600_000, monotonicMs: 0, atMs: 0)
        let next = try start.keeper.write(batch)
        #expect((next.first?.id ?? 0) > (history.eventIDs.max() ?? 0), "\(what): event id \(next.first?.id ?? 0) handed out again")
        #expect(store.lastOutboxID > history.lastOutboxID, "\(what): uplink id \(store.lastOutboxID) handed out again")
        return unreported.isEmpty
    }

    @Test(arguments: 0..<50) func randomBytesInTheWALAfterACrash(seed: UInt64) throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        let history = try Self.makeHistory(path: path, crash: true)
        #expect(history.walBytes > 20_000, "the rows live in the WAL")
        var random = SeededRandom(seed: seed)
        let offset = random.int(below: history.walBytes)
        let count = 1 + random.int(below: 100)
        Self.scribble(path + "-wal", at: offset, count: count, random: &random)
        let frames = (history.walBytes - 32) / (24 + 1_024)
        let lastFrame = 32 + (frames - 1) * (24 + 1_024)
        let reported = try Self.checkAfterDamage(path: path, history: history, what: "seed \(seed), \(count) bytes at \(offset) of the WAL")
        #expect(
            reported || offset + count > lastFrame,
            "seed \(seed): missing events unreported, though the damage (\(offset)+\(count)) was before the last frame (\(lastFrame))"
        )
    }

    @Test(arguments: 0..<50) func randomBytesInTheMainFileAfterACleanStop(seed: UInt64) throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        let history = try Self.makeHistory(path: path, crash: false)
        var status = stat()
        #expect(stat(path, &status) == 0)
        var random = SeededRandom(seed: 1_000 + seed)
        let page = random.int(below: Int(status.st_size) / 1_024)
        let offset = page * 1_024 + random.int(below: 1_024 - 100)
        Self.scribble(path, at: offset, count: 100, random: &random)
        let reported = try Self.checkAfterDamage(path: path, history: history, what: "seed \(seed), 100 bytes at \(offset) (page \(page + 1))")
        #expect(reported, "seed \(seed): after a clean stop every missing event is known and must be reported")
    }

    @Test(arguments: 0..<50) func randomBytesInTheGuard(seed: UInt64) throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        let history = try Self.makeHistory(path: path, crash: seed % 2 == 0)
        var status = stat()
        #expect(stat(path + ".guard-v1", &status) == 0)
        var random = SeededRandom(seed: 2_000 + seed)
        let offset = random.int(below: Int(status.st_size))
        Self.scribble(path + ".guard-v1", at: offset, count: 1 + random.int(below: 8), random: &random)
        let reported = try Self.checkAfterDamage(path: path, history: history, what: "seed \(seed), guard damaged at \(offset)")
        #expect(reported, "seed \(seed): the store itself is whole")
    }

    @Test func aKillBetweenTheTwoCopiesIsNotDamage() throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        do {
            let keeper = StoreKeeper.start(path: path, queuesUplink: false, utcMs: Self.utcMs).keeper
            var latch = StoreBatch()
            latch.latchedFaults = [.conflict]
            try keeper.write(latch)
            keeper.writeGuard(latched: [])
            keeper.store?.connection.keepWALOnClose()
        }
        let start = StoreKeeper.start(path: path, queuesUplink: false, utcMs: Self.utcMs)
        #expect(start.latched == [.conflict], "the copies differ as after a kill between their writes: the union, no state-lost")
        #expect(start.notes.isEmpty, "\(start.notes)")
    }

    @Test func aFirstStartHasNothingLatchedAndWritesTheGuard() throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        let start = StoreKeeper.start(path: path, queuesUplink: false, utcMs: Self.utcMs)
        #expect(start.latched.isEmpty && start.notes.isEmpty, "\(start.latched) \(start.notes)")
        #expect(access(path + ".guard-v1", F_OK) == 0)
    }

    @Test func theGuardAloneKeepsALatchedFaultWhenTheStoreIsGone() throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        let keeper = StoreKeeper.start(path: path, queuesUplink: false, utcMs: Self.utcMs).keeper
        var latch = StoreBatch()
        latch.latchedFaults = [.floorLampOut]
        try keeper.write(latch)
        keeper.close()
        for suffix in ["", "-wal"] { unlink(path + suffix) }
        #expect(StoreKeeper.start(path: path, queuesUplink: false, utcMs: Self.utcMs).latched == [.floorLampOut])
    }

    @Test func aStorePathThatIsAFolderLeavesThePoleRunningOnTheGuard() throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        #expect(mkdir(path, 0o755) == 0)
        let start = StoreKeeper.start(path: path, queuesUplink: false, utcMs: Self.utcMs)
        #expect(start.keeper.store == nil && start.storeProblem != nil)
        #expect(start.latched.isEmpty, "a folder is no copy of the latched set: nothing to lose")
        #expect(StorePathCheck.problem(path: path)?.contains("is a folder") == true)
        var latch = StoreBatch()
        latch.latchedFaults = [.conflict]
        latch.add([.faultRaised(.conflict)], utcMs: Self.utcMs, monotonicMs: 0, atMs: 0)
        #expect(throws: SQLiteError.self) { try start.keeper.write(latch) }
        #expect(start.keeper.restorable == [.conflict], "the guard took the latched fault although the store could not")
        #expect(StoreKeeper.start(path: path, queuesUplink: false, utcMs: Self.utcMs).latched == [.conflict])
    }
}
