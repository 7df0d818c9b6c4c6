import Glibc

/// Whether the store's path can be used, as `poled check-config` warns before a pole is left running.
///
/// Exists because poled runs on without its store (events held in memory, the store tried again
/// every minute): a store path on a read-only card, under a file, or without permission to create
/// it must be found by the technician at the pole, not by the district months later. Checked as the
/// user running the check, which may not be the daemon's.
public enum StorePathCheck {
    /// Why the store at `path` cannot be created or written, or `nil` when it can.
    public static func problem(path: String) -> String? {
        var status = stat()
        if stat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return "\(path) is a folder, not a file" }
            if status.st_mode & S_IFMT != S_IFREG { return "\(path) is not a regular file" }
            if let readOnly = readOnlyMount(path) { return readOnly }
            if access(path, R_OK | W_OK) != 0 { return "\(path) cannot be written: \(String(cString: strerror(errno)))" }
            return nil
        }
        var folder = path
        while true {
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
            let probe = folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder
            guard stat(probe, &status) == 0 else {
                if folder.isEmpty { return "no folder of \(path) exists" }
                continue
            }
            if status.st_mode & S_IFMT != S_IFDIR { return "\(probe) is not a folder, so \(path) cannot be created" }
            if let readOnly = readOnlyMount(probe) { return readOnly }
            if access(probe, W_OK | X_OK) != 0 {
                return "\(path) cannot be created in \(probe): \(String(cString: strerror(errno))) (checked as uid \(getuid()))"
            }
            return nil
        }
    }

    private static func readOnlyMount(_ path: String) -> String? {
        var info = statvfs()
        guard statvfs(path, &info) == 0, info.f_flag & UInt(ST_RDONLY) != 0 else { return nil }
        return "\(path) is on a read-only file system"
    }
}
