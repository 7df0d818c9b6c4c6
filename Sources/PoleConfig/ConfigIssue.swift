/// One problem found in a board or site file, located as precisely as the parser allows.
///
/// Rendered as `FILE[:LINE]: KEY: problem`, e.g.
/// `poled.toml:27: crosswalk.flash.max_pulse: "9s" is longer than 1500ms (the implausible-head limit)`.
public struct ConfigIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line, when the key could be found in the text.
    public var line: Int?
    /// The dotted key path, e.g. `lines.floor_red.line`; empty for a problem with the whole file.
    public var keyPath: String
    /// What is wrong and what was expected.
    public var problem: String

    public init(file: String, line: Int?, keyPath: String, problem: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.problem = problem
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(location): \(problem)" : "\(location): \(keyPath): \(problem)"
    }
}

/// The error thrown when configuration cannot be loaded: every problem found, in file order.
///
/// All problems are reported at once so a technician fixes a file in one pass, not one error per run.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [ConfigIssue]

    public init(issues: [ConfigIssue]) {
        precondition(!issues.isEmpty, "a configuration error has at least one issue")
        self.issues = issues
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
