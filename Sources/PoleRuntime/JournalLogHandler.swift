import Glibc
public import Logging

/// Log lines on stderr with sd-daemon(3) priority prefixes (`<4>` for a warning), so journald keeps
/// each line's level when poled runs under systemd. Metadata is printed `key=value`, sorted. Lines
/// go through a `LogWriter`, so logging never waits for journald.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let writer: LogWriter

    public init(label: String, level: Logger.Level, writer: LogWriter) {
        self.label = label
        logLevel = level
        self.writer = writer
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        writer.submit(Array("<\(Self.priority(event.level))>\(label): \(event.message)\(fields)\n".utf8))
    }

    /// The line a `LogWriter` writes when lines were dropped, at warning priority.
    public static func dropNotice(_ count: Int) -> [UInt8] {
        Array("<\(priority(.warning))>poled: \(count) log lines were dropped while the journal did not read them\n".utf8)
    }

    /// syslog priorities: 7 debug … 2 critical.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
