import Dispatch
import PoleCore
import PoleHAL
import PoleLinux
import Synchronization

/// The light sensor of a real board, polled on its own serial queue so an I²C transfer (or a hung
/// bus's timeout) never delays a tick (DESIGN.md §3); the loop reads the latest reading from a
/// mailbox each tick without waiting for the bus.
final class BackgroundLuxPoller {
    /// The poller and its bus, touched only on `queue`.
    private final class QueueConfined: @unchecked Sendable {
        var poller: LuxPoller<LinuxI2CBus>?
        let path: String
        let address: I2CAddress

        init(path: String, address: I2CAddress) {
            self.path = path
            self.address = address
        }
    }

    /// The latest reading, handed from the queue to the loop.
    private final class Mailbox: Sendable {
        let latest = Mutex<SensorReading?>(nil)
    }

    private let mailbox = Mailbox()
    private let queue = DispatchQueue(label: "poled.sensor.lux")
    private let timer: any DispatchSourceTimer
    private let confined: QueueConfined

    /// Starts polling the BH1750 at `address` on the bus at `path`, every 100 ms of wall time (the
    /// poller itself keeps the sensor's once-a-second cadence and its warm-up).
    init(path: String, address: I2CAddress, clock: SystemMonotonicClock) {
        confined = QueueConfined(path: path, address: address)
        timer = DispatchSource.makeTimerSource(queue: queue)
        let confined = self.confined
        let mailbox = self.mailbox
        timer.setEventHandler {
            if confined.poller == nil {
                do throws(HALError) {
                    confined.poller = LuxPoller(bus: try LinuxI2CBus(path: confined.path), address: confined.address)
                } catch {
                    let failure = SensorReading.failed(error.kind.name)
                    mailbox.latest.withLock { $0 = failure }
                    return
                }
            }
            let reading = confined.poller?.poll(nowMs: clock.now().milliseconds)
            mailbox.latest.withLock { $0 = reading }
        }
        timer.schedule(deadline: .now(), repeating: .milliseconds(100))
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

    /// The latest reading, without waiting for the bus.
    var reading: SensorReading? {
        mailbox.latest.withLock { $0 }
    }
}
