import PoleCore
import PoleStore
import SystemPackage

/// Where every tick's result goes, the same for a live run and a simulated one: the trace, the input
/// recording and the store.
///
/// Exists so the two runners hand a tick over in one call and cannot drift apart: which ticks reach
/// the store, when the latched set is written (at once, whenever it changed: safety invariant 5),
/// when lamp counters are saved (every 10 minutes of running), and when the trace's and the
/// recording's bytes go to their files. What a sink does with them is its own: a live run's files
/// are written on queues of their own and its store on the store's queue, so no sink blocks the
/// loop; a simulation writes in line, in virtual time. The control snapshot, the log and the
/// uplink are fed from these too: the snapshot and the log by the live runner from the same tick,
/// the uplink from the store's outbox.
struct TickSinks<Bytes: ByteOutput, Store: TickStore> where Store.Failure == Bytes.Failure {
    /// Lamp counters reach the store this often (ms of running), and when the run ends.
    static var lampCountersEveryMs: Int64 { 600_000 }
    /// Pending trace or recording bytes are handed over once they reach this size.
    static var flushBytes: Int { 60_000 }

    private var trace: TraceWriter?
    private var traceOutput: Bytes?
    private var recorder: InputRecorder?
    private var recordingOutput: Bytes?
    /// The store, as the sinks left it (a simulation reports its writes).
    private(set) var store: Store?
    private let flushEveryMs: Int64?
    private var lastFlushMs: Int64 = 0
    private var lastCountersMs: Int64 = 0
    /// The latched set last handed to the store.
    private(set) var latched: [Fault]
    /// Trace bytes handed to `traceOutput`.
    private(set) var traceBytes = 0

    /// Sinks starting from the `latched` set the run restored. Pending trace and recording bytes go
    /// out once they reach `flushBytes`, and also every `flushEveryMs` of running when given.
    init(trace: Bytes?, recording: (output: Bytes, header: RecordingHeader)?, store: Store?, latched: [Fault], flushEveryMs: Int64?) {
        self.trace = trace.map { _ in TraceWriter() }
        traceOutput = trace
        recorder = recording.map { InputRecorder(header: $0.header) }
        recordingOutput = recording?.output
        self.store = store
        self.latched = latched
        self.flushEveryMs = flushEveryMs
    }

    /// Takes one tick: its events and outputs for the trace, its inputs for the recording, its
    /// events, a changed latched set and (when due) the lamp counters for the store. The inputs,
    /// the latched set, the counters and the wall clock are read only by a sink that wants them: most ticks of a
    /// simulation have neither a recording nor a store, and copying them costs more than the rest.
    @inline(__always)
    mutating func take(
        elapsedMs: Int64, utcMs: @autoclosure () -> Int64, events: [Event], inputs: @autoclosure () -> Inputs, outputs: Outputs,
        latched: @autoclosure () -> [Fault], lampCounters: @autoclosure () -> LampCounters?
    ) throws(Bytes.Failure) {
        if store != nil { try keep(events, latched: latched(), lampCounters: lampCounters(), elapsedMs: elapsedMs, utcMs: utcMs()) }
        trace?.record(timeMs: elapsedMs, events: events, outputs: outputs)
        recorder?.record(inputs(), outputs: outputs)
        if let every = flushEveryMs, elapsedMs - lastFlushMs >= every {
            lastFlushMs = elapsedMs
            try flush()
        } else if (trace?.pending.count ?? 0) >= Self.flushBytes || (recorder?.pending.count ?? 0) >= Self.flushBytes {
            try flush()
        }
    }

    /// Hands the trace's and the recording's pending bytes to their outputs.
    mutating func flush() throws(Bytes.Failure) {
        if let bytes = trace?.takePending(), !bytes.isEmpty {
            traceBytes += bytes.count
            try traceOutput?.write(bytes)
        }
        if let bytes = recorder?.takePending(), !bytes.isEmpty {
            try recordingOutput?.write(bytes)
        }
    }

    /// The end of a run: what waits goes out, the store gets the final lamp counters and is closed.
    /// Kept out of line: inlined into `LiveRunner`'s loop, Swift 6.3.1's optimiser (CopyPropagation)
    /// stops with an ownership error on the counters read from the pole.
    @inline(never)
    mutating func finish(lampCounters: LampCounters?) throws(Bytes.Failure) {
        try flush()
        try store?.finishRun(lampCounters: lampCounters)
    }

    /// The store's part of a tick, kept out of line: most ticks of most runs have no store.
    @inline(never)
    private mutating func keep(
        _ events: [Event], latched latchedNow: [Fault], lampCounters: LampCounters?, elapsedMs: Int64, utcMs: Int64
    ) throws(Bytes.Failure) {
        let changed = latchedNow != latched
        if changed { latched = latchedNow }
        var counters: LampCounters?
        if let lampCounters, elapsedMs - lastCountersMs >= Self.lampCountersEveryMs {
            lastCountersMs = elapsedMs
            counters = lampCounters
        }
        try store?.keepTick(events, latched: changed ? latchedNow : nil, lampCounters: counters, utcMs: utcMs, monotonicMs: elapsedMs)
    }
}

/// Why a simulation's sink could not take a tick: the simulation stops on it. A live run's sinks
/// never fail (their `Failure` is `Never`): what goes wrong on their queues is logged there.
enum TickSinkFailure: Error {
    case trace(Errno)
    case store(String)
}

/// Where a trace's or a recording's bytes go: a file written in line (a simulation) or a writer on a
/// queue of its own (a live run, `BackgroundFileWriter`).
protocol ByteOutput {
    associatedtype Failure: Error
    func write(_ bytes: [UInt8]) throws(Failure)
}

/// A file or stream written in line, as a simulation writes its trace; without a file the bytes are
/// only counted (`poled simulate` reports a trace's size without writing it).
struct InlineByteOutput: ByteOutput {
    typealias Failure = TickSinkFailure
    let file: (any TraceSink)?

    func write(_ bytes: [UInt8]) throws(TickSinkFailure) {
        do {
            try file?.write(bytes)
        } catch {
            throw .trace(error)
        }
    }
}

extension BackgroundFileWriter: ByteOutput {
    typealias Failure = Never

    /// Never waits and never fails the loop: a writer that falls behind or fails says so in the log.
    func write(_ bytes: [UInt8]) {
        submit(bytes)
    }
}

/// The store as the sinks use it: a live run's `StoreService` (its own queue and timing) or a
/// simulation's `SimulatedStore` (in line, in virtual time).
protocol TickStore {
    associatedtype Failure: Error
    /// A tick's events, the latched set when it changed, and the lamp counters when due.
    mutating func keepTick(
        _ events: [Event], latched: [Fault]?, lampCounters: LampCounters?, utcMs: Int64, monotonicMs: Int64
    ) throws(Failure)
    /// The run ends: the final lamp counters, then what waits is written.
    mutating func finishRun(lampCounters: LampCounters?) throws(Failure)
}

extension StoreService: TickStore {
    typealias Failure = Never

    func keepTick(_ events: [Event], latched: [Fault]?, lampCounters: LampCounters?, utcMs: Int64, monotonicMs: Int64) {
        if !events.isEmpty || latched != nil { record(events, latched: latched, utcMs: utcMs, monotonicMs: monotonicMs) }
        if let lampCounters { record(counters: lampCounters) }
    }

    func finishRun(lampCounters: LampCounters?) {
        if let lampCounters { record(counters: lampCounters) }
        flushNow()
    }
}

extension SimulatedStore: TickStore {
    typealias Failure = TickSinkFailure

    mutating func keepTick(
        _ events: [Event], latched: [Fault]?, lampCounters: LampCounters?, utcMs: Int64, monotonicMs: Int64
    ) throws(TickSinkFailure) {
        do {
            try record(events, latched: latched, lampCounters: lampCounters, atMs: monotonicMs, utcMs: utcMs)
        } catch {
            throw .store(error.description)
        }
    }

    mutating func finishRun(lampCounters: LampCounters?) throws(TickSinkFailure) {
        do {
            try finish(lampCounters: lampCounters)
        } catch {
            throw .store(error.description)
        }
    }
}
