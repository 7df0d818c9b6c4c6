/// Why a scenario file was rejected: every problem found, each naming the step and field.
///
/// Rendered one per line as `FILE: steps[3].head: "blue" is not one of …`.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem at one field.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The field, e.g. `steps[3].presence.zone`; empty for the whole file.
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        public var description: String { field.isEmpty ? message : "\(field): \(message)" }
    }

    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        problems.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}
