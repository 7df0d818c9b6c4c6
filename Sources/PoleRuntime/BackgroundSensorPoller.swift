import Dispatch
import Logging
import PoleHAL
import PoleLinux
import PoleSensing
import Synchronization

/// A real board's I²C sensor, polled on its own serial queue so a transfer (or a hung bus's timeout)
/// never delays a tick (docs/architecture.md, "Threads"); the loop reads the latest reading from a mailbox each tick
/// without waiting for the bus. The bus is opened on the queue and opened again after it fails.
final class BackgroundSensorPoller<Reading: Sendable> {
    /// The poller and its bus, touched only on `queue`: confined there, which is why it may cross
    /// into the timer's handler.
    private final class QueueConfined: @unchecked Sendable {
        var poller: (any SensorPolling<Reading>)?
        var lastOpenError: String?
        let path: String
        let makePoller: (LinuxI2CBus) -> any SensorPolling<Reading>

        init(path: String, makePoller: @escaping (LinuxI2CBus) -> any SensorPolling<Reading>) {
            self.path = path
            self.makePoller = makePoller
        }
    }

    /// The latest reading, handed from the queue to the loop.
    private final class Mailbox: Sendable {
        let latest = Mutex<(reading: Reading?, health: SensorHealth)>((nil, SensorHealth()))
    }

    private let mailbox = Mailbox()
    private let confined: QueueConfined
    private let queue: DispatchQueue
    private let timer: any DispatchSourceTimer

    /// Starts polling on a queue named `label`: every 100 ms of wall time the poller is asked, and it
    /// keeps its sensor's own cadence and warm-up. `failure` is the reading when the bus cannot open.
    /// A bus that cannot be opened is logged with its reason once, and again when the reason changes.
    init(
        label: String, path: String, clock: SystemMonotonicClock, logger: Logger, failure: @escaping @Sendable (String) -> Reading,
        makePoller: @escaping (LinuxI2CBus) -> any SensorPolling<Reading>
    ) {
        let confined = QueueConfined(path: path, makePoller: makePoller)
        let mailbox = self.mailbox
        self.confined = confined
        queue = DispatchQueue(label: label)
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler {
            if confined.poller == nil {
                do throws(HALError) {
                    confined.poller = confined.makePoller(try LinuxI2CBus(path: confined.path))
                } catch {
                    if confined.lastOpenError != error.description {
                        confined.lastOpenError = error.description
                        logger.error("cannot use the I²C bus; the sensor is reported failing and tried again", metadata: [
                            "sensor": "\(label)", "error": "\(error.description)",
                        ])
                    }
                    let reading = failure(error.kind.name)
                    mailbox.latest.withLock {
                        $0.reading = reading
                        $0.health.failed(error.kind.name)
                    }
                    return
                }
            }
            let reading = confined.poller?.poll(nowMs: clock.now().milliseconds)
            let health = confined.poller?.health ?? SensorHealth()
            mailbox.latest.withLock { $0 = (reading, health) }
        }
        timer.schedule(deadline: .now(), repeating: .milliseconds(100))
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

    /// The latest reading, without waiting for the bus.
    var reading: Reading? {
        mailbox.latest.withLock { $0.reading }
    }

    /// Asks the poller for a fan cleaning at its next poll, without waiting for its queue (which may
    /// be inside a slow transfer); the cleaning shows in `health`.
    func requestCleaning() {
        let confined = self.confined
        queue.async {
            _ = confined.poller?.requestCleaning()
        }
    }

    /// The sensor's health as the queue last saw it.
    var health: SensorHealth {
        mailbox.latest.withLock { $0.health }
    }
}
