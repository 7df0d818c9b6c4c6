import Glibc
public import Logging

/// Log lines on stderr for a person or a file, as swift-log's `StreamLogHandler` prints them
/// (`2026-11-25T18:00:00+0900 info poled : key=value [PoleRuntime] message`), but handed to a
/// `LogWriter` instead of written on the caller's thread, so a paused pipe never stalls the loop.
public struct TextLogHandler: LogHandler {
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
        let fields = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        writer.submit(Array("\(Self.timestamp()) \(event.level) \(label) :\(fields) [\(event.source)] \(event.message)\n".utf8))
    }

    /// The line a `LogWriter` writes when lines were dropped.
    public static func dropNotice(_ count: Int) -> [UInt8] {
        Array("\(timestamp()) warning poled : [PoleRuntime] \(count) log lines were dropped while standard error was blocked\n".utf8)
    }

    /// Local time to the second with its offset, from the C library's zone (`TZ`).
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
