import Glibc

/// Prints the status line on stderr at its interval: redrawn in place on a terminal, one line each
/// time otherwise (a log or a pipe). Lines go through the `LogWriter`, never written on the loop's thread.
struct StatusPrinter {
    let everyMs: Int64
    let writer: LogWriter
    private let inPlace = isatty(STDERR_FILENO) == 1
    private var nextMs: Int64 = 0
    private var latenessMax: UInt64 = 0
    private var printed = false

    init(everyMs: Int64, writer: LogWriter) {
        self.everyMs = everyMs
        self.writer = writer
    }

    mutating func observe(_ timing: TickTiming) {
        latenessMax = max(latenessMax, timing.latenessNanoseconds)
    }

    mutating func printIfDue(_ elapsedMs: Int64, _ line: (UInt64) -> String) {
        guard everyMs > 0, elapsedMs >= nextMs else { return }
        nextMs = elapsedMs + everyMs
        let text = line(latenessMax)
        latenessMax = 0
        write(inPlace ? "\r\u{1B}[K" + text : text + "\n")
        printed = true
    }

    func finish() {
        if inPlace, printed { write("\n") }
    }

    private func write(_ text: String) {
        writer.submit(Array(text.utf8))
    }
}
