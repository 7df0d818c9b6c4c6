// A client reads and prints the protocol's JSON values through this module alone: polectl depends on
// PoleProtocol and ArgumentParser only.
@_exported public import PoleJSON

/// The `data` of one kind of answer as a typed value with its JSON form.
///
/// Exists so the daemon writes each answer, and a client reads it, through one definition of its
/// fields, instead of string keys spelt in three places. `json` is exactly what protocol v1 puts on
/// the wire; `init(json:)` reads it back, ignoring fields it does not know (a newer daemon's), and
/// names the first field it needs that is missing or of the wrong type.
public protocol ControlAnswer: Sendable, Hashable {
    /// The answer's `data` as protocol v1 writes it.
    var json: JSONValue { get }

    /// Reads an answer's `data`.
    init(json: JSONValue) throws(AnswerError)
}

/// A list answer (`sensors`, `lines`, `events`) is a JSON array of its elements.
extension Array: ControlAnswer where Element: ControlAnswer {
    public var json: JSONValue { .array(map(\.json)) }

    public init(json: JSONValue) throws(AnswerError) {
        guard case .array(let items) = json else { throw AnswerError(path: "", "expected an array, found \(json.typeName)") }
        var elements: [Element] = []
        for (index, item) in items.enumerated() {
            do throws(AnswerError) {
                elements.append(try Element(json: item))
            } catch {
                throw error.inside("[\(index)]")
            }
        }
        self = elements
    }
}

/// An answer that may be null (`air` on a pole without a particulate sensor).
extension Optional: ControlAnswer where Wrapped: ControlAnswer {
    public var json: JSONValue { map(\.json) ?? .null }

    public init(json: JSONValue) throws(AnswerError) {
        self = json == .null ? nil : try Wrapped(json: json)
    }
}

/// Why an answer's `data` is not what protocol v1 says: the path of the field and what was wrong.
public struct AnswerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in `data`, as `daemon.pid` or `[2].role`; empty for `data` itself.
    public var path: String
    public var problem: String

    public init(path: String, _ problem: String) {
        self.path = path
        self.problem = problem
    }

    /// The same error seen from the object or array holding it.
    func inside(_ step: String) -> AnswerError {
        AnswerError(path: path.isEmpty ? step : (path.hasPrefix("[") ? step + path : step + "." + path), problem)
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}
