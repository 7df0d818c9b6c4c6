import Glibc
import PoleCore
import PoleTOML

/// Where configuration comes from: the files named on the command line and the process environment.
public struct ConfigSources: Sendable, Hashable {
    /// `--config`: the site file, or `nil` for `--board` alone with every default.
    public var sitePath: String?
    /// `--board`: overrides the site file's `board`.
    public var boardPath: String?
    /// `XDG_RUNTIME_DIR` decides where the socket and state go without a site file.
    public var runtimeDirectory: String?
    /// The user id, for `/tmp/poled-$UID` when there is no runtime directory.
    public var userID: UInt32

    public init(sitePath: String?, boardPath: String?, runtimeDirectory: String?, userID: UInt32) {
        self.sitePath = sitePath
        self.boardPath = boardPath
        self.runtimeDirectory = runtimeDirectory
        self.userID = userID
    }
}

/// Loads, parses and validates the board and site files into one `PoleConfiguration`.
public enum ConfigLoader {
    /// Reads the files named by `sources` and validates them together.
    public static func load(_ sources: ConfigSources) throws(ConfigError) -> PoleConfiguration {
        var site: (name: String, text: String)?
        if let path = sources.sitePath {
            site = (path, try readText(path))
        }
        let boardPath: String
        if let path = sources.boardPath {
            boardPath = path
        } else if let site {
            let named = try boardName(inSite: site.name, text: site.text)
            boardPath = named.hasPrefix("/") ? named : directory(of: site.name) + named
        } else {
            throw ConfigError(issues: [ConfigIssue(
                file: "poled", line: nil, keyPath: "", problem: "no board file; give --board FILE or --config FILE"
            )])
        }
        let board = (name: boardPath, text: try readText(boardPath))
        return try parse(site: site, board: board, sources: sources)
    }

    /// The board alone, for `poled safe-state`: the site file is read only for its `board` key, so a
    /// site file broken by an edit cannot stop the outputs being driven safe after a crash.
    public static func loadBoard(_ sources: ConfigSources) throws(ConfigError) -> BoardConfig {
        let boardPath: String
        if let path = sources.boardPath {
            boardPath = path
        } else if let site = sources.sitePath {
            let named = try boardName(inSite: site, text: try readText(site))
            boardPath = named.hasPrefix("/") ? named : directory(of: site) + named
        } else {
            throw ConfigError(issues: [ConfigIssue(
                file: "poled", line: nil, keyPath: "", problem: "no board file; give --board FILE or --config FILE"
            )])
        }
        var log = IssueLog()
        let document = try TOMLDocument(file: boardPath, text: try readText(boardPath))
        let board = BoardFileReader.read(document, log: &log)
        BoardRules.check(board, document: document, log: &log)
        try log.throwIfAny()
        return board
    }

    /// Validates already-read file texts; `load` without the file system, for tests and tools.
    public static func parse(
        site: (name: String, text: String)?, board: (name: String, text: String), sources: ConfigSources
    ) throws(ConfigError) -> PoleConfiguration {
        var log = IssueLog()
        var settings = SiteSettings()
        var siteDocument: TOMLDocument?
        if let site {
            let document = try TOMLDocument(file: site.name, text: site.text)
            settings = SiteFileReader.read(document, log: &log).0
            siteDocument = document
        } else {
            let base = sources.runtimeDirectory.map { "\($0)/poled" } ?? "/tmp/poled-\(sources.userID)"
            settings.controlSocket = "\(base)/control.sock"
            settings.store.path = "\(base)/poled.sqlite"
        }
        let boardDocument = try TOMLDocument(file: board.name, text: board.text)
        let boardConfig = BoardFileReader.read(boardDocument, log: &log)
        BoardRules.check(boardConfig, document: boardDocument, log: &log)
        if let siteDocument {
            checkCrossingZones(board: boardConfig, site: siteDocument, log: &log)
            if settings.night.mode != .astro, boardConfig.binding(.photocell) == nil, !boardConfig.i2c.contains(where: { $0.role == "lux" }) {
                log.add(ConfigIssue(
                    file: siteDocument.file, line: siteDocument.line(of: ["night", "mode"]), keyPath: "night.mode",
                    problem: "\"\(settings.night.mode.rawValue)\" needs a photocell or a lux sensor, and board \(boardConfig.file) has neither; use \"astro\" or add one"
                ))
            }
        }
        try log.throwIfAny()
        return PoleConfiguration(
            siteFile: site?.name, board: boardConfig, site: settings,
            features: PoleConfiguration.features(of: boardConfig)
        )
    }

    /// Crossing zones set in the site file must be zones the board binds: a misspelt zone would make
    /// the crossing count as a kerb.
    private static func checkCrossingZones(board: BoardConfig, site: TOMLDocument, log: inout IssueLog) {
        guard case .array(let items) = site.value(at: ["crosswalk", "crossing_zones"])?.content else { return }
        let bound = board.presenceZones
        for item in items {
            guard case .string(let zone) = item.content, Role.isZoneName(zone), !bound.contains(zone) else { continue }
            log.add(ConfigIssue(
                file: site.file, line: item.position.line, keyPath: "crosswalk.crossing_zones",
                problem: "\(TOMLText.quoted(zone)) is not a presence zone of board \(board.file); its zones: \(bound.isEmpty ? "none" : bound.joined(separator: ", "))"
            ))
        }
    }

    private static func boardName(inSite file: String, text: String) throws(ConfigError) -> String {
        let document = try TOMLDocument(file: file, text: text)
        guard let value = document.root["board"]?.value else {
            throw ConfigError(issues: [ConfigIssue(
                file: file, line: nil, keyPath: "board",
                problem: "missing; name the board file (board = \"/etc/poled/boards/pi4-crosswalk.toml\") or give --board"
            )])
        }
        switch value.content {
        case .string(let name) where !name.isEmpty:
            return name
        default:
            throw ConfigError(issues: [ConfigIssue(
                file: file, line: value.position.line, keyPath: "board",
                problem: "expected the board file's path as a string, found \(value.typeName) \(value.quoted)"
            )])
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    static func readText(_ path: String) throws(ConfigError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ConfigError(issues: [ConfigIssue(
                file: path, line: nil, keyPath: "", problem: "cannot read: \(String(cString: strerror(errno)))"
            )])
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ConfigError(issues: [ConfigIssue(
                    file: path, line: nil, keyPath: "", problem: "cannot read: \(String(cString: strerror(errno)))"
                )])
            }
            bytes += chunk[0..<count]
            if bytes.count > 1_048_576 {
                throw ConfigError(issues: [ConfigIssue(
                    file: path, line: nil, keyPath: "", problem: "is larger than 1 MiB; not a configuration file"
                )])
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(issues: [ConfigIssue(file: path, line: nil, keyPath: "", problem: "is not UTF-8 text")])
        }
        return text
    }
}
