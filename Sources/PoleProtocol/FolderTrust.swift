import Glibc

/// Whether a folder may hold the control socket or the daemon's state: only its owner, root or a
/// trusted user, can put a file there or swap one for another.
///
/// Exists because whoever can write a folder can replace what is in it. A user who made
/// `/tmp/poled-$UID` before the daemon did could swap its socket for their own: a technician's
/// `faults clear` then went to an impostor, and `status` showed made-up data. A folder is trusted
/// when it and every folder above it belong to root or a trusted uid and are not writable by group
/// or others; a folder above it that others may write is fine with the sticky bit (`/tmp`), which
/// keeps them from renaming or removing what is not theirs. Symbolic links on the way must belong to
/// a trusted uid too, and where they lead is checked the same way.
public struct FolderTrust: Sendable {
    /// Why a folder is not trusted.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Another user could replace what the folder holds.
        case untrusted(String)
        /// A folder on the way could not be examined (it is missing, or this user may not look).
        case unexamined(String)

        public var description: String {
            switch self {
            case .untrusted(let reason), .unexamined(let reason): reason
            }
        }
    }

    /// Whose folders are trusted: root always, and these.
    public let trustedUIDs: Set<UInt32>

    public init(trusting uids: Set<UInt32>) {
        trustedUIDs = uids.union([0])
    }

    /// The folder a socket or file path is in.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Why `folder` (or a folder above it) is not trusted, or `nil` when it is.
    public func problem(folder: String) -> Problem? {
        let absolute = Self.absolute(folder)
        var followedLink = false
        if let problem = check(absolute, followedLink: &followedLink) { return problem }
        guard followedLink else { return nil }
        guard let resolved = realpath(absolute, nil) else {
            return .unexamined("\(absolute): cannot resolve its symbolic links: \(String(cString: strerror(errno)))")
        }
        defer { free(resolved) }
        var ignored = false
        return check(String(cString: resolved), followedLink: &ignored)
    }

    private func check(_ absolute: String, followedLink: inout Bool) -> Problem? {
        let prefixes = Self.prefixes(of: absolute)
        for (index, prefix) in prefixes.enumerated() {
            var status = stat()
            guard lstat(prefix, &status) == 0 else {
                return .unexamined("\(prefix): \(String(cString: strerror(errno)))")
            }
            let type = status.st_mode & S_IFMT
            if type == S_IFLNK {
                guard trustedUIDs.contains(status.st_uid) else {
                    return .untrusted("\(prefix) is a symbolic link belonging to \(Self.describe(uid: status.st_uid)), not to \(trustedOwners)")
                }
                followedLink = true
                continue
            }
            guard type == S_IFDIR else { return .unexamined("\(prefix) is not a folder") }
            guard trustedUIDs.contains(status.st_uid) else {
                return .untrusted("\(prefix) belongs to \(Self.describe(uid: status.st_uid)), not to \(trustedOwners)")
            }
            let othersMayWrite = status.st_mode & (S_IWGRP | S_IWOTH) != 0
            let isLast = index == prefixes.count - 1
            if othersMayWrite, isLast || status.st_mode & S_ISVTX == 0 {
                let mode = String(status.st_mode & 0o7777, radix: 8)
                return .untrusted("\(prefix) is writable by others (mode 0\(mode))" + (isLast ? "" : " without the sticky bit"))
            }
        }
        return nil
    }

    /// "root", or "root or uid 1000 (alice)".
    private var trustedOwners: String {
        (["root"] + trustedUIDs.subtracting([0]).sorted().map(Self.describe(uid:))).joined(separator: " or ")
    }

    /// "uid 65534 (nobody)", or "uid 20001" for a uid without a name.
    static func describe(uid: UInt32) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return "uid \(uid)"
        }
        return "uid \(uid) (\(String(cString: name)))"
    }

    /// `folder` from the root: relative to the working folder when it does not start with "/".
    public static func absolute(_ folder: String) -> String {
        if folder.hasPrefix("/") { return folder }
        guard let current = getcwd(nil, 0) else { return folder }
        defer { free(current) }
        let base = String(cString: current)
        return folder == "." ? base : (base == "/" ? "" : base) + "/" + folder
    }

    /// "/", "/a", "/a/b" for "/a/b".
    public static func prefixes(of absolute: String) -> [String] {
        var prefixes = ["/"]
        var current = ""
        for part in absolute.split(separator: "/") where part != "." {
            current += "/" + part
            prefixes.append(current)
        }
        return prefixes
    }
}
