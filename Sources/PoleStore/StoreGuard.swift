import PoleCore

/// The store's guard: a second copy of the latched faults and the high-water marks of the ids the
/// store hands out, kept in a small checksummed file beside the database (`StoreGuardFile`).
///
/// Exists because one SQLite file on an SD card is one place to lose everything: random bytes in
/// its WAL make SQLite drop every later commit without an error, and then a latched fault would be
/// forgotten (the floor following the head again) and event ids handed out twice. The latched set
/// kept here is unioned with the store's at start; the marks say which ids were already used, so
/// missing rows are reported and new ids continue above every id that may have been handed out.
struct StoreGuard: Sendable, Hashable {
    /// What is known of one table's ids.
    struct Mark: Sendable, Hashable {
        /// The last id the store had committed when the guard was written: rows up to it existed.
        var last: Int64
        /// Ids up to this may have been handed out since: after a crash new ids continue above it.
        /// Reserved in blocks (`StoreKeeper.idBlock`), so the guard is written once a block, not
        /// once an event.
        var reserved: Int64
    }

    var latched: [Fault]
    var events: Mark
    var outbox: Mark

    /// The first line, naming the format and its version.
    static let header = "poled-store-guard 1"

    /// The file's text: the header, the latched faults, the two marks, then the CRC-32 of the
    /// lines above it.
    var text: String {
        let body = """
            \(Self.header)
            latched\(latched.map { " " + $0.name }.joined())
            events \(events.last) \(events.reserved)
            outbox \(outbox.last) \(outbox.reserved)

            """
        return body + "crc32 \(hex(CRC32.checksum(body.utf8)))\n"
    }

    /// Reads a guard's text; a damaged, truncated or unknown one is a `Problem` that says why.
    init(text bytes: [UInt8]) throws(Problem) {
        guard let crcLine = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }), bytes.last == UInt8(ascii: "\n") else {
            throw Problem("not a guard: no checksum line")
        }
        let body = bytes[..<crcLine]
        let stated = String(decoding: bytes[crcLine...].dropLast(), as: UTF8.self)
        guard stated == "crc32 \(hex(CRC32.checksum(body)))" else { throw Problem("checksum does not match (\(stated.prefix(20)))") }
        let lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.count == 4, lines[0] == Self.header else {
            throw Problem("expected \"\(Self.header)\" and three lines, found \(lines.count) lines starting \"\(lines.first?.prefix(40) ?? "")\"")
        }
        let latchedWords = lines[1].split(separator: " ")
        guard latchedWords.first == "latched" else { throw Problem("line 2: expected \"latched\"") }
        var faults: [Fault] = []
        for name in latchedWords.dropFirst() {
            guard let fault = Fault(rawValue: String(name)), fault.isLatching else {
                throw Problem("line 2: \"\(name)\" is not a latching fault this poled knows")
            }
            faults.append(fault)
        }
        latched = faults
        events = try Self.mark(lines[2], named: "events", line: 3)
        outbox = try Self.mark(lines[3], named: "outbox", line: 4)
    }

    init(latched: [Fault], events: Mark, outbox: Mark) {
        self.latched = latched
        self.events = events
        self.outbox = outbox
    }

    private static func mark(_ line: Substring, named name: String, line number: Int) throws(Problem) -> Mark {
        let words = line.split(separator: " ")
        guard words.count == 3, words[0] == name, let last = Int64(words[1]), let reserved = Int64(words[2]), last >= 0, reserved >= last
        else { throw Problem("line \(number): expected \"\(name) LAST RESERVED\" with 0 ≤ LAST ≤ RESERVED, found \"\(line.prefix(60))\"") }
        return Mark(last: last, reserved: reserved)
    }

    /// Why a guard's text could not be read.
    struct Problem: Error, Sendable, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}
