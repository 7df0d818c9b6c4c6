public import PoleRuntime
public import SystemPackage

/// A trace sink that keeps nothing: the harness wants the trace written (its formatting is under
/// test too), not stored.
public final class DiscardedTrace: TraceSink {
    public init() {}

    public func write(_ bytes: [UInt8]) throws(Errno) {}
}
