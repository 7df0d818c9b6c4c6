import CSQLite

/// One connection to an SQLite database through its C API, used from one thread at a time.
///
/// Exists because the store needs only a handful of calls (open, execute, prepare, step) and
/// Debian's libsqlite3 through them costs no Foundation in the static binary (see README.md,
/// "Store"). Not `Sendable`: whoever owns it serialises access.
final class SQLiteConnection {
    let path: String
    private let handle: OpaquePointer

    /// Opens (and with `create`, creates) the database at `path`; `readOnly` opens it for reading
    /// only, as on a file system that went read-only.
    init(path: String, create: Bool, readOnly: Bool = false) throws(SQLiteError) {
        var opened: OpaquePointer?
        let access = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        let flags = access | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(opened)
            throw SQLiteError(code: code & 0xFF, path: path, doing: "cannot open", message: message)
        }
        sqlite3_extended_result_codes(opened, 0)
        sqlite3_busy_timeout(opened, 2_000)
        self.path = path
        handle = opened
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Leaves the WAL as it is when this connection closes, so a file being inspected is not changed.
    func keepWALOnClose() {
        poled_sqlite_keep_wal_on_close(handle)
    }

    /// Runs one or more statements that return nothing worth reading.
    func execute(_ sql: String, doing: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, path: path, doing: doing, message: message.map { String(cString: $0) } ?? errorMessage)
        }
    }

    /// A prepared statement for `sql`.
    func prepare(_ sql: String, doing: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw error(code, doing)
        }
        return SQLiteStatement(handle: statement, connection: self, doing: doing)
    }

    /// The first column of the first row of `sql`, as text (for pragmas).
    func text(_ sql: String, doing: String) throws(SQLiteError) -> String? {
        let statement = try prepare(sql, doing: doing)
        return try statement.step() ? statement.text(0) : nil
    }

    /// The first column of the first row of `sql`, as an integer (for pragmas and counts).
    func integer(_ sql: String, doing: String) throws(SQLiteError) -> Int64 {
        let statement = try prepare(sql, doing: doing)
        return try statement.step() ? statement.integer(0) : 0
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(doing: String, _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE", doing: doing)
        do {
            let result = try body()
            try execute("COMMIT", doing: doing)
            return result
        } catch {
            try? execute("ROLLBACK", doing: doing)
            throw error
        }
    }

    var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    var errorMessage: String {
        String(cString: sqlite3_errmsg(handle))
    }

    func error(_ code: Int32, _ doing: String) -> SQLiteError {
        SQLiteError(code: code, path: path, doing: doing, message: errorMessage)
    }
}
