public import PoleStore
public import SystemPackage

/// Where trace bytes go: a file, standard output, or memory in tests.
public protocol TraceSink {
    /// Writes all of `bytes`.
    func write(_ bytes: [UInt8]) throws(Errno)
}

extension ByteFile: TraceSink {}
