import PoleStore
import PoleUplink

/// A part of the daemon that works on a thread or queue of its own: the store, the uplink, the
/// control server, a real board's sensor pollers, the trace's and the log's writers.
///
/// Exists so every such part starts and stops the same way: it starts working when it is created,
/// and `stop(timeoutMs:)` lets it finish what it was given, within the bound, then stops it;
/// `false` when the bound ran out (the daemon exits anyway: nothing waits without end at exit).
/// A second `stop` does nothing more. `LiveRunner` stops them in the reverse order of their start.
protocol BackgroundPart {
    @discardableResult
    func stop(timeoutMs: Int) -> Bool
}

extension StoreService: BackgroundPart {}
extension MQTTUplink: BackgroundPart {}
extension ControlServer: BackgroundPart {}
extension BackgroundSensorPoller: BackgroundPart {}
extension BackgroundSensors: BackgroundPart {}
extension BackgroundFileWriter: BackgroundPart {}
extension LogWriter: BackgroundPart {}
