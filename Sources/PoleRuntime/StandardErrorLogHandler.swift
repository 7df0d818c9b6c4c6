import Glibc
public import Logging

/// Log lines on standard error, handed to a `LogWriter` instead of written on the caller's thread,
/// so logging never waits for journald or a paused pipe.
///
/// Two line formats: `journal` prefixes sd-daemon(3) priorities (`<4>` for a warning) so journald
/// keeps each line's level under systemd; `text` prints lines for a person or a file as swift-log's
/// `StreamLogHandler` does (`2026-11-25T18:00:00+0900 info poled : key=value [PoleRuntime] message`,
/// local time from the process's zone). Metadata is printed `key=value`, sorted.
public struct StandardErrorLogHandler: LogHandler {
    /// How a line is written.
    public enum Format: Sendable {
        case journal
        case text

        /// The line a `LogWriter` writes when lines were dropped, in this format.
        public func dropNotice(_ count: Int) -> [UInt8] {
            switch self {
            case .journal:
                Array("<\(priority(.warning))>poled: \(count) log lines were dropped while the journal did not read them\n".utf8)
            case .text:
                Array("\(timestamp()) warning poled : [PoleRuntime] \(count) log lines were dropped while standard error was blocked\n".utf8)
            }
        }
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let format: Format
    private let writer: LogWriter

    public init(label: String, level: Logger.Level, format: Format, writer: LogWriter) {
        self.label = label
        logLevel = level
        self.format = format
        self.writer = writer
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let line = switch format {
        case .journal:
            "<\(priority(event.level))>\(label): \(event.message)\(fields.map { " " + $0 }.joined())\n"
        case .text:
            "\(timestamp()) \(event.level) \(label) :\(fields.map { " " + $0 }.joined()) [\(event.source)] \(event.message)\n"
        }
        writer.submit(Array(line.utf8))
    }
}

/// syslog priorities: 7 debug … 2 critical.
func priority(_ level: Logger.Level) -> Int {
    switch level {
    case .trace, .debug: 7
    case .info: 6
    case .notice: 5
    case .warning: 4
    case .error: 3
    case .critical: 2
    }
}

/// Local time to the second with its offset, from the C library's zone (`TZ`).
private func timestamp() -> String {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 32)
    let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
