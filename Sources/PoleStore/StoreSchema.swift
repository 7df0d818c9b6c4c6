/// The store's tables, as numbered migrations applied in order (`PRAGMA user_version` is the number
/// applied). A migration is never edited once released; a change is a new migration.
///
/// Event and outbox ids are `AUTOINCREMENT`: never reused after retention or acknowledgement
/// empties a table, so an id names one event for the district and one message for the uplink.
/// Air minutes are named by the UTC time their minute closed instead, sparing a write of
/// `sqlite_sequence` a minute.
enum StoreSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE events(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            utc_ms INTEGER NOT NULL,
            boot_ms INTEGER NOT NULL,
            name TEXT NOT NULL,
            fields TEXT NOT NULL
        );
        CREATE TABLE air_minutes(
            utc_ms INTEGER NOT NULL,
            pm1 REAL, pm2_5 REAL, pm10 REAL,
            grade TEXT, cai INTEGER, aqi INTEGER
        );
        CREATE TABLE latched_faults(fault TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE lamp_counters(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            switch_ons INTEGER NOT NULL,
            burning_ms INTEGER NOT NULL
        );
        CREATE TABLE outbox(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        """,
    ]

    /// The schema version this poled writes.
    static var current: Int64 { Int64(migrations.count) }
}
