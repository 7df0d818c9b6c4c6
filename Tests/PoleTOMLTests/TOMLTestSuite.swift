#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The TOML project's language-independent test suite (toml-test), read in place.
///
/// The repository is checked out beside `shared/`, which holds the suite, so it is found at
/// `../shared/toml-test` from the package root; `TOML_TEST_DIR` names another folder.
enum TOMLTestSuite {
    /// The list of cases that apply to TOML 1.0.0, relative to `tests/`.
    static let listName = "files-toml-1.0.0"

    static let directory: String? = {
        if let path = getenv("TOML_TEST_DIR").map({ String(cString: $0) }), !path.isEmpty {
            return readBytes("\(path)/tests/\(listName)") != nil ? path : nil
        }
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let path = parts.joined(separator: "/") + "/../shared/toml-test"
        return readBytes("\(path)/tests/\(listName)") != nil ? path : nil
    }()

    static let absentMessage = "toml-test not found at ../shared/toml-test beside the package root (or TOML_TEST_DIR): "
        + "the TOML 1.0 conformance cases did not run"

    /// The `.toml` files of the 1.0.0 list under `valid/` or `invalid/`.
    static func cases(_ group: String) -> [String] {
        guard let directory, let list = readBytes("\(directory)/tests/\(listName)") else { return [] }
        return String(decoding: list, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix(group + "/") && $0.hasSuffix(".toml") }
    }

    static func bytes(ofCase name: String) -> [UInt8]? {
        directory.flatMap { readBytes("\($0)/tests/\(name)") }
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes += chunk[0..<count]
        }
    }
}
