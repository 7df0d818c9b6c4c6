/// Reads a TOML 1.0 document into `TOMLValue`s that know where they are written, with the
/// standard library only.
///
/// Exists because the configuration must name the line of every value it rejects, and must never
/// crash or pull Foundation (and its ICU data) into the daemon. Any input gets either a document or
/// one `TOMLError` with a position: nesting is limited to `nestingDepthMax` levels (tables, arrays
/// and dotted keys alike) so the stack is bounded, and nothing in the reader traps.
public enum TOMLReader {
    /// How deeply tables and arrays may nest, counting every part of a dotted key or header; far
    /// above any configuration file, far below what would exhaust a thread's stack.
    public static let nestingDepthMax = 64

    /// Reads `bytes`, which must be UTF-8 (a byte-order mark at the start is skipped).
    public static func read(_ bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        if let offset = UTF8Check.firstInvalidOffset(in: bytes) {
            var parser = TOMLParser(bytes: Array(bytes[..<offset]), depthMax: nestingDepthMax)
            parser.advance(offset)
            throw parser.error("the file is not UTF-8 text (byte \(offset))")
        }
        var parser = TOMLParser(bytes: bytes, depthMax: nestingDepthMax)
        try parser.readDocument()
        return parser.tree.document()
    }

    /// Reads `text`.
    public static func read(_ text: String) throws(TOMLError) -> TOMLTable {
        try read(Array(text.utf8))
    }
}
