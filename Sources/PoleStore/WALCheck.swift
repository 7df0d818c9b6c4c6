/// Reads an SQLite write-ahead log before SQLite does, to tell a damaged log from a torn last write.
///
/// Exists because SQLite replays a WAL only up to its first frame whose checksum fails and drops the
/// rest without an error: random bytes in the middle of the log silently lose every later commit,
/// and the integrity check still passes. A crash mid-write leaves at most the last frames torn; a
/// damaged log has valid-looking frames of the same generation (matching salts) after the first bad
/// one. Format: sqlite.org/fileformat2.html, "The Write-Ahead Log".
enum WALCheck {
    /// What was found.
    enum Finding: Sendable, Hashable {
        /// No log, an empty one, or one whose frames all check (a torn last frame included).
        case sound
        /// Frames after `frame` (1-based) cannot be replayed although later frames belong to the same
        /// log: `lostFrames` of them, `lostCommits` ending a transaction.
        case damaged(frame: Int, lostFrames: Int, lostCommits: Int)
        /// The log's header is not a WAL header: nothing in it is replayed.
        case unreadableHeader(bytes: Int)
    }

    static func inspect(_ bytes: [UInt8]) -> Finding {
        guard bytes.count >= 32 else { return .sound }
        let magic = word(bytes, 0, bigEndian: true)
        guard magic & 0xFFFF_FFFE == 0x377F_0682 else { return .unreadableHeader(bytes: bytes.count) }
        let bigEndian = magic & 1 == 1
        let pageSize = Int(word(bytes, 8, bigEndian: true))
        let header = checksum(bytes[0..<24], bigEndian: bigEndian, seed: (0, 0))
        guard header == (word(bytes, 24, bigEndian: true), word(bytes, 28, bigEndian: true)),
              pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0
        else { return .unreadableHeader(bytes: bytes.count) }
        let salts = (word(bytes, 16, bigEndian: true), word(bytes, 20, bigEndian: true))
        let frameSize = 24 + pageSize
        var running = header
        var offset = 32
        var frame = 0
        var firstBad: Int?
        var lostFrames = 0
        var lostCommits = 0
        while offset + frameSize <= bytes.count {
            frame += 1
            let sameLog = (word(bytes, offset + 8, bigEndian: true), word(bytes, offset + 12, bigEndian: true)) == salts
            if firstBad == nil {
                var sum = checksum(bytes[offset..<offset + 8], bigEndian: bigEndian, seed: running)
                sum = checksum(bytes[offset + 24..<offset + frameSize], bigEndian: bigEndian, seed: sum)
                if sameLog, sum == (word(bytes, offset + 16, bigEndian: true), word(bytes, offset + 20, bigEndian: true)) {
                    running = sum
                } else {
                    firstBad = frame
                }
            } else if sameLog {
                lostFrames += 1
                if word(bytes, offset + 4, bigEndian: true) != 0 { lostCommits += 1 }
            }
            offset += frameSize
        }
        guard let firstBad, lostFrames > 0 else { return .sound }
        return .damaged(frame: firstBad, lostFrames: lostFrames, lostCommits: lostCommits)
    }

    /// SQLite's WAL checksum: 32-bit words in pairs, `s0 += x0 + s1; s1 += x1 + s0`.
    private static func checksum(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, seed: (UInt32, UInt32)) -> (UInt32, UInt32) {
        var (s0, s1) = seed
        var index = bytes.startIndex
        while index + 8 <= bytes.endIndex {
            s0 = s0 &+ word(bytes, index, bigEndian: bigEndian) &+ s1
            s1 = s1 &+ word(bytes, index + 4, bigEndian: bigEndian) &+ s0
            index += 8
        }
        return (s0, s1)
    }

    private static func word<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ at: Bytes.Index, bigEndian: Bool) -> UInt32
    where Bytes.Index == Int {
        let b0 = UInt32(bytes[at]), b1 = UInt32(bytes[at + 1]), b2 = UInt32(bytes[at + 2]), b3 = UInt32(bytes[at + 3])
        return bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0
    }
}
