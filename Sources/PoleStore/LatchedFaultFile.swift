import Glibc
public import PoleCore
import SystemPackage

/// The latched-fault state file of poled before the store: read at start until the store has taken
/// it in (`LegacyStateFiles`), so an upgrade cannot clear what only a person may clear (safety
/// invariant 5).
///
/// One fault name per line, `#` comments. A file that cannot be read or names an unknown fault is
/// an unreadable copy of the latched set, never silently dropped: `state-lost` latches.
public struct LatchedFaultFile: Sendable {
    public let path: String

    /// The state file inside `directory`.
    public init(directory: String) {
        path = directory.hasSuffix("/") ? directory + "latched-faults" : directory + "/latched-faults"
    }

    /// The latched faults, or none when the file does not exist yet.
    public func load() throws(StateFileProblem) -> [Fault] {
        let bytes: [UInt8]
        do {
            bytes = try ByteFile.readAll(path: path, limit: 65_536)
        } catch Errno.noSuchFileOrDirectory {
            return []
        } catch {
            throw StateFileProblem(path: path, message: "cannot read: \(error)")
        }
        var faults: [Fault] = []
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let name = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: " \t\r") ?? ""
            guard !name.isEmpty else { continue }
            guard let fault = Fault(rawValue: name), fault.isLatching else {
                throw StateFileProblem(path: path, message: "line \(number + 1): \"\(name)\" is not a latching fault; expected one of "
                    + Fault.allCases.filter(\.isLatching).map(\.name).joined(separator: ", "))
            }
            faults.append(fault)
        }
        return faults
    }

    /// Creates `directory` (and its parents) with mode 0750 if it does not exist.
    public static func makeDirectory(_ directory: String) throws(StateFileProblem) {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for part in directory.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o750) != 0, errno != EEXIST {
                throw StateFileProblem(path: prefix, message: "cannot create directory: \(Errno(rawValue: errno))")
            }
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
              let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
