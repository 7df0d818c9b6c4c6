/// Something that collects lines to write and hands them over in one piece: the trace writer and the
/// input recorder, which the live loop writes out once a second.
protocol PendingBytes {
    /// The bytes collected since the last call, emptied.
    mutating func takePending() -> [UInt8]
}

extension TraceWriter: PendingBytes {}
extension InputRecorder: PendingBytes {}
