import Glibc

/// Where polectl writes: colour only on a terminal and never with `NO_COLOR` set.
enum Terminal {
    static let isInteractive = isatty(STDOUT_FILENO) == 1
    static let usesColour = isInteractive && getenv("NO_COLOR") == nil && getenv("TERM").map { String(cString: $0) } != "dumb"

    static func red(_ text: String) -> String { paint(text, "31") }
    static func green(_ text: String) -> String { paint(text, "32") }
    static func yellow(_ text: String) -> String { paint(text, "33") }
    static func bold(_ text: String) -> String { paint(text, "1") }

    private static func paint(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        let bytes = Array("polectl: \(text)\n".utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
