/// Finds the line on which a TOML key path is written, by reading the text the way a person would.
///
/// The TOML library reports lines only for syntax errors, yet every validation message should say
/// where to look. This index follows `[table]` and `[[array]]` headers and `key = value` lines
/// (dotted and quoted keys included); the n-th `[[a.b]]` table's keys are `a.b[n].key`, counting
/// from 0. Keys inside inline tables are not indexed; a lookup then falls
/// back to the nearest enclosing key, which is the line that holds the inline table.
public struct TOMLLineIndex: Sendable, Hashable {
    private var lineOfPath: [String: Int] = [:]
    private var pathOfLine: [Int: String] = [:]

    public init(text: String) {
        var prefix: [String] = []
        var arrayCounts: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(Self.stripComment(Substring(rawLine)).trimmingSpaces())
            if line.hasPrefix("[[") {
                let path = Self.splitKey(line.dropFirst(2).prefix { $0 != "]" })
                let joined = path.joined(separator: ".")
                let index = arrayCounts[joined, default: 0]
                arrayCounts[joined] = index + 1
                record(path, line: lineNumber)
                prefix = path.dropLast() + ["\(path.last ?? "")[\(index)]"]
                record(prefix, line: lineNumber)
            } else if line.hasPrefix("[") {
                let header = line.drop { $0 == "[" }.prefix { $0 != "]" }
                prefix = Self.splitKey(header)
                record(prefix, line: lineNumber)
            } else if let equals = Self.firstUnquoted("=", in: line) {
                record(prefix + Self.splitKey(line[line.startIndex..<equals]), line: lineNumber)
            }
        }
    }

    /// The line of `keyPath`, or of its nearest enclosing key that has one.
    public func line(of keyPath: String) -> Int? {
        var parts = keyPath.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if let line = lineOfPath[parts.joined(separator: ".")] { return line }
            parts.removeLast()
        }
        return nil
    }

    /// The key path written on `line`, if the line holds a key or a header.
    public func keyPath(atLine line: Int) -> String? {
        pathOfLine[line]
    }

    private mutating func record(_ path: [String], line: Int) {
        guard !path.isEmpty else { return }
        let joined = path.joined(separator: ".")
        if lineOfPath[joined] == nil { lineOfPath[joined] = line }
        pathOfLine[line] = joined
    }

    private static func splitKey(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingSpaces())
        return parts.filter { !$0.isEmpty }
    }

    private static func firstUnquoted(_ target: Character, in text: Substring) -> Substring.Index? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == target {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func stripComment(_ line: Substring) -> Substring {
        firstUnquoted("#", in: line).map { line[line.startIndex..<$0] } ?? line
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
