public import Testing

/// The error of type `E` that `body` threw, or nil with an issue recorded at the caller when it threw
/// nothing or another error.
///
/// Swift Testing's `#expect(throws:)` returns the error only from Swift 6.1 on; the tests of the
/// modules that also build with Swift 6.0 (tools/swift-6.0) use this to look inside it.
public func expectError<E: Error>(
    _ type: E.Type,
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    performing body: () throws -> Void
) -> E? {
    let context = comment.map { " (\($0))" } ?? ""
    do {
        try body()
        Issue.record("expected an error of type \(E.self), none was thrown\(context)", sourceLocation: sourceLocation)
    } catch let error as E {
        return error
    } catch {
        Issue.record("expected an error of type \(E.self), \(error) was thrown\(context)", sourceLocation: sourceLocation)
    }
    return nil
}
