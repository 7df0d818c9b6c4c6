import CLibFuzzer
import Glibc

/// Runs libFuzzer from a harness's own `main`.
///
/// SwiftPM links every executable product's `main` from its Swift module, so a harness cannot leave
/// `main` to libFuzzer's runtime; it calls libFuzzer's driver instead, with the process's arguments
/// (libFuzzer's flags, corpus directories or crash files to re-run).
public enum LibFuzzer {
    /// One fuzz input: `count` bytes at `start` (`nil` only when `count` is 0); returns 0.
    public typealias TestOneInput = @convention(c) (_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt

    /// Fuzzes `testOneInput` as libFuzzer's flags say, and exits with libFuzzer's status.
    public static func run(_ testOneInput: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}
