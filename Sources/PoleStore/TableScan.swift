/// Reads every row of a rowid table that can still be read, stepping over damaged pages.
///
/// Exists for a store that fails its checks: a damaged b-tree page makes a plain `SELECT` stop at
/// the first bad row, although the rows on every other page are still there. The scan walks the
/// table in rowid order; where reading fails it probes forward (1, 2, 4, … rowids on) for the next
/// rowid a search can reach, narrows that down by bisection, and goes on from there, noting the
/// rowids in between as unreadable. Probes and bisection are bounded (64 steps each). Damaged
/// interior pages can lead a search to rows out of order: each row is handed over once, and rows
/// read out of order are taken out of the unreadable ranges.
struct TableScan {
    /// Rowids that could not be read, as closed ranges between the rows read around them.
    private(set) var unreadable: [ClosedRange<Int64>] = []
    /// The rowids read.
    private(set) var read = Set<Int64>()
    /// Rows read.
    var rows: Int { read.count }
    /// A problem that stopped the scan before the end of the table (an unreadable schema).
    var stopped: String?

    /// Scans `columns` of `table` in `connection`, handing each readable row (rowid, values) to `row`.
    init(
        _ connection: SQLiteConnection, table: String, columns: [String],
        row: (Int64, [SQLiteValue]) throws(SQLiteError) -> Void
    ) throws(SQLiteError) {
        let sql = "SELECT rowid, \(columns.joined(separator: ", ")) FROM \(table) WHERE rowid >= ? ORDER BY rowid"
        var from = Int64.min
        var lastRead: Int64?
        scanning: while true {
            let statement: SQLiteStatement
            do {
                statement = try connection.prepare(sql, doing: "salvaging \(table)")
                try statement.bind(1, from)
            } catch {
                stopped = error.description
                break scanning
            }
            while true {
                let hasRow: Bool
                do {
                    hasRow = try statement.step()
                } catch {
                    let failedAt = max(from, (lastRead ?? from &- 1) &+ 1)
                    guard let next = Self.nextReadable(connection, sql: sql, after: failedAt) else {
                        unreadable.append(failedAt...Int64.max)
                        break scanning
                    }
                    unreadable.append(failedAt...(next - 1))
                    from = next
                    continue scanning
                }
                guard hasRow else { break scanning }
                let rowid = statement.integer(0)
                guard read.insert(rowid).inserted else { continue }
                try row(rowid, (0..<Int32(columns.count)).map { statement.value($0 + 1) })
                lastRead = max(lastRead ?? rowid, rowid)
                if rowid == Int64.max { break scanning }
            }
        }
        unreadable = unreadable.flatMap { Self.excluding(read, from: $0) }
    }

    /// `range` without the rowids in `read`, as the ranges left.
    private static func excluding(_ read: Set<Int64>, from range: ClosedRange<Int64>) -> [ClosedRange<Int64>] {
        var left: [ClosedRange<Int64>] = []
        var lower = range.lowerBound
        for rowid in read.filter({ range.contains($0) }).sorted() {
            if rowid > lower { left.append(lower...(rowid - 1)) }
            if rowid == range.upperBound { return left }
            lower = rowid + 1
        }
        left.append(lower...range.upperBound)
        return left
    }

    /// The smallest rowid at or after which a search succeeds, above `failedAt`; `nil` when none can.
    private static func nextReadable(_ connection: SQLiteConnection, sql: String, after failedAt: Int64) -> Int64? {
        func readable(_ rowid: Int64) -> Bool {
            guard let statement = try? connection.prepare(sql, doing: "probing"), (try? statement.bind(1, rowid)) != nil else { return false }
            return (try? statement.step()) != nil
        }
        var bad = failedAt
        var step: Int64 = 1
        var good: Int64?
        for _ in 0..<64 {
            let (probe, overflow) = failedAt.addingReportingOverflow(step)
            if overflow { break }
            if readable(probe) {
                good = probe
                break
            }
            bad = probe
            step = step.multipliedReportingOverflow(by: 2).overflow ? Int64.max : step * 2
        }
        guard var good else { return nil }
        for _ in 0..<64 where good - bad > 1 {
            let middle = bad + (good - bad) / 2
            if readable(middle) { good = middle } else { bad = middle }
        }
        return good
    }
}
