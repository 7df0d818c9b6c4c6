import FuzzSupport
import PoleProtocol

/// libFuzzer harness: any bytes as one control-socket request line, parsed as the daemon parses it.
///
/// A request that parses must write back (as `polectl` writes it) to a line that parses to the same
/// request and id: the daemon and the CLI share one definition of every command.
@main
enum FuzzControlRequest {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzControlRequest.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        switch ControlRequest.parse(line: FuzzInput.bytes(start, count)) {
        case .success(let parsed):
            let line = Array(written(parsed.request, id: parsed.id).utf8)
            guard case .success(let again) = ControlRequest.parse(line: line), again.request == parsed.request, again.id == parsed.id else {
                fatalError("\(parsed.request) does not survive writing and reading back: \(String(decoding: line, as: UTF8.self))")
            }
        case .failure(let failure):
            _ = failure.error.description
        }
    }

    /// The request as `polectl` writes it, with the id spliced in as the text the client sent
    /// (the daemon echoes an id verbatim, so it is never read into a number and written back).
    private static func written(_ request: ControlRequest, id: RequestID?) -> String {
        var text = request.json().serialized
        guard let id, text.last == "}" else { return text }
        text.removeLast()
        text += (text.hasSuffix("{") ? "" : ",") + "\"id\":" + id.text + "}"
        return text
    }
}
