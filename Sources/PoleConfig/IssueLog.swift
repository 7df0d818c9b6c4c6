/// Collects every problem found while reading one or more files; reports them in file and line order.
struct IssueLog: Sendable {
    private(set) var issues: [ConfigIssue] = []

    mutating func add(_ issue: ConfigIssue) {
        issues.append(issue)
    }

    /// Throws a `ConfigError` with everything collected, if anything was.
    func throwIfAny() throws(ConfigError) {
        guard !issues.isEmpty else { return }
        let ordered = issues.enumerated().sorted { a, b in
            (a.element.file, a.element.line ?? Int.max, a.offset) < (b.element.file, b.element.line ?? Int.max, b.offset)
        }
        throw ConfigError(issues: ordered.map(\.element))
    }
}
