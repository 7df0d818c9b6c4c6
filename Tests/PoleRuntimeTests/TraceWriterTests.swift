import PoleCore
import PoleRuntime
import Testing

@Suite struct TraceWriterTests {
    private func text(_ writer: inout TraceWriter) -> String {
        String(decoding: writer.takePending(), as: UTF8.self)
    }

    @Test func theFirstRecordWritesEveryOutputsInitialValue() {
        var writer = TraceWriter()
        writer.record(timeMs: 0, events: [.head(.red)], outputs: .safe)
        #expect(text(&writer) == """
            {"t":0,"type":"event","name":"head","value":"red"}
            {"t":0,"type":"output","name":"floor","value":"dark"}
            {"t":0,"type":"output","name":"beacon","value":"off"}
            {"t":0,"type":"output","name":"voice","value":"none"}
            {"t":0,"type":"output","name":"spotlight","value":0}
            {"t":0,"type":"output","name":"lamp","value":100}
            {"t":0,"type":"output","name":"air","value":"off"}
            {"t":0,"type":"output","name":"mist","value":"off"}

            """)
    }

    @Test func laterRecordsWriteOnlyChanges() {
        var writer = TraceWriter()
        writer.record(timeMs: 0, events: [], outputs: .safe)
        _ = writer.takePending()
        writer.record(timeMs: 20, events: [], outputs: .safe)
        #expect(writer.pending.isEmpty)
        var outputs = Outputs.safe
        outputs.floor = .green
        outputs.lampPercent = 30
        writer.record(timeMs: 30_020, events: [.head(.green)], outputs: outputs)
        #expect(text(&writer) == """
            {"t":30020,"type":"event","name":"head","value":"green"}
            {"t":30020,"type":"output","name":"floor","value":"green"}
            {"t":30020,"type":"output","name":"lamp","value":30}

            """)
    }

    @Test func voiceIsWrittenOncePerMessagePlayed() {
        var writer = TraceWriter()
        writer.record(timeMs: 0, events: [], outputs: .safe)
        _ = writer.takePending()
        var outputs = Outputs.safe
        outputs.voice = .redWait
        writer.record(timeMs: 100, events: [], outputs: outputs)
        writer.record(timeMs: 120, events: [], outputs: .safe)
        writer.record(timeMs: 140, events: [], outputs: outputs)
        #expect(text(&writer) == """
            {"t":100,"type":"output","name":"voice","value":"red-wait"}
            {"t":140,"type":"output","name":"voice","value":"red-wait"}

            """)
    }
}
