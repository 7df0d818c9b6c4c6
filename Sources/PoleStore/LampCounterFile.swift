public import PoleCore

/// The lamp-counter state file of poled before the store, read once at start and imported into the
/// store (`LegacyStateFiles`), so switch-ons and burning hours survive the upgrade.
public struct LampCounterFile: Sendable {
    public let path: String

    /// The counter file inside `directory`.
    public init(directory: String) {
        path = directory.hasSuffix("/") ? directory + "lamp-counters" : directory + "/lamp-counters"
    }

    /// The counters, or zeros when the file does not exist yet.
    public func load() throws(StateFileProblem) -> LampCounters {
        let bytes: [UInt8]
        do {
            bytes = try ByteFile.readAll(path: path, limit: 4_096)
        } catch .noSuchFileOrDirectory {
            return LampCounters()
        } catch {
            throw StateFileProblem(path: path, message: "cannot read: \(error)")
        }
        var counters = LampCounters()
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let parts = line.split(separator: "=").map { $0.filter { $0 != " " } }
            switch (parts.first, parts.count == 2 ? Int64(parts[1]) : nil) {
            case ("switch_ons", let value?) where value >= 0: counters.switchOns = Int(value)
            case ("burning_seconds", let value?) where value >= 0: counters.burningMs = value * 1_000
            default:
                throw StateFileProblem(path: path, message: "line \(number + 1): expected switch_ons = N or burning_seconds = N")
            }
        }
        return counters
    }

}
