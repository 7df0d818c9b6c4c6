/// The bytes libFuzzer hands a harness, as the array every reader under test takes.
///
/// Exists so each harness turns libFuzzer's pointer and count into input the same way, and reads
/// text only where the product does (configuration files must be UTF-8, as `ConfigLoader` requires).
public enum FuzzInput {
    /// A copy of the `count` bytes at `start`.
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The bytes as text, or `nil` when they are not UTF-8 (the configuration loader rejects those
    /// before any reader sees them).
    public static func text(_ start: UnsafePointer<UInt8>?, _ count: Int) -> String? {
        String(validating: bytes(start, count), as: UTF8.self)
    }
}
