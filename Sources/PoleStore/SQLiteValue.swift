/// One SQLite value with its storage class, as read from a column or bound to a parameter.
///
/// Exists so salvage can copy a row from a damaged store to its replacement exactly as it was
/// stored, whatever its columns hold.
enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}
