/// A client's request `id`, kept as the JSON text it was written in.
///
/// Protocol v1 promises to echo the id. Read into a number and written back, a 30-digit id comes
/// back as `1.2345678901234568e+29` and `1.50` as `1.5`; kept as text, every id comes back exactly
/// as sent, so a client that matches answers by comparing ids always finds its own.
public struct RequestID: Sendable, Hashable, CustomStringConvertible {
    /// One JSON value as the client wrote it (whitespace inside included).
    public let text: String

    /// `text` must be one JSON value; the request parser is the only source of ids.
    init(text: String) {
        self.text = text
    }

    public var description: String { text }
}
