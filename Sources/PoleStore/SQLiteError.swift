import CSQLite

/// A failed SQLite call: the file, what was being done, SQLite's result code and its message.
///
/// Exists so every store error a technician reads names the database file and the step that failed
/// ("cannot open", "integrity check", "migration 2") rather than a bare result code.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// SQLite's primary result code (`SQLITE_CORRUPT`, `SQLITE_FULL`, …).
    public var code: Int32
    public var path: String
    public var doing: String
    public var message: String

    public init(code: Int32, path: String, doing: String, message: String) {
        self.code = code
        self.path = path
        self.doing = doing
        self.message = message
    }

    /// What a store written by a newer poled is refused while doing: it is left untouched.
    static let refusingNewerSchema = "refusing a store from a newer poled"

    /// The store was written by a newer poled.
    public var isNewerSchema: Bool {
        doing == Self.refusingNewerSchema
    }

    /// The file is not a database or is damaged: it is moved aside, never written over.
    public var isCorruption: Bool {
        code == SQLITE_CORRUPT || code == SQLITE_NOTADB
    }

    public var description: String {
        "\(path): \(doing): \(message) (SQLite \(code))"
    }
}
