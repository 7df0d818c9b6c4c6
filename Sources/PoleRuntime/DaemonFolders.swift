import Glibc
import PoleConfig
import PoleProtocol

/// The folders the daemon keeps its control socket and its state in, made or checked before
/// anything is put in them.
///
/// A folder poled did not make is used only when it (and every folder above it) belongs to root or
/// poled's own user and others cannot write it (`FolderTrust`): otherwise another user could swap
/// the socket for an impostor or the store for one without the latched faults. Without a site file
/// (the demo) the folder is `$XDG_RUNTIME_DIR/poled` or `/tmp/poled-$UID` and is made 0700, for its
/// user alone; with one it is made 0750, for the socket's group to reach the socket.
enum DaemonFolders {
    /// Why the daemon must not start, or `nil` when both folders are ready.
    static func prepare(_ configuration: PoleConfiguration) -> String? {
        let trust = FolderTrust(trusting: [geteuid()])
        let mode: mode_t = configuration.siteFile == nil ? 0o700 : 0o750
        let folders = [
            ("control socket", FolderTrust.folder(of: configuration.site.controlSocket)),
            ("state", FolderTrust.folder(of: configuration.site.store.path)),
        ]
        for (what, folder) in folders {
            if let problem = make(folder, mode: mode) ?? trust.problem(folder: folder) {
                return "\(what) folder \(folder): \(problem); poled uses a folder it did not make only when root or its own user owns it "
                    + "and every folder above it, and others cannot write it (a sticky folder such as /tmp excepted)"
            }
        }
        return nil
    }

    /// Creates the missing folders of `folder`, the last with `mode` and those above it 0750. A
    /// folder this process just made is its own; the check that follows judges those it found.
    private static func make(_ folder: String, mode: mode_t) -> FolderTrust.Problem? {
        let prefixes = FolderTrust.prefixes(of: FolderTrust.absolute(folder))
        for (index, prefix) in prefixes.enumerated() where access(prefix, F_OK) != 0 {
            if mkdir(prefix, index == prefixes.count - 1 ? mode : 0o750) != 0, errno != EEXIST {
                return .unexamined("\(prefix): cannot create the folder: \(String(cString: strerror(errno)))")
            }
        }
        return nil
    }
}
