import PoleDrivers
import PoleTesting
import Testing

/// The SPS30 driver's programmer errors stop the process: each body returns normally, so exits with
/// success, if the driver throws instead.
///
/// Exit tests need Swift Testing 6.2, so they live in this target of their own, which is built and run
/// on the build machine only; the rest of the driver's tests also build with Swift 6.0 for arm64
/// (tools/swift-6.0).
@Suite struct SPS30ProgrammerErrorTests {
    @Test(.tags(.slow), .notInFastSet) func aCommandBeforeTheSensorIsReadyStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var driver = SPS30Driver(bus: I2CMock([.transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])])]))
            let ready = (try? driver.startMeasurement(nowMs: 0)) ?? 0
            _ = try? driver.readDataReady(nowMs: ready - 1)
        }
    }

    @Test(.tags(.slow), .notInFastSet) func aSplitReadWithoutItsRequestStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var driver = SPS30Driver(bus: I2CMock([]))
            _ = try? driver.readStatus(nowMs: 0)
        }
    }

    @Test(.tags(.slow), .notInFastSet) func aSplitReadBeforeItsAnswerIsReadyStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var driver = SPS30Driver(bus: I2CMock([.transaction(0x69, [.write([0xD2, 0x06])])]))
            let ready = (try? driver.requestStatus(nowMs: 0)) ?? 0
            _ = try? driver.readStatus(nowMs: ready - 1)
        }
    }

    @Test(.tags(.slow), .notInFastSet) func fanCleaningWhileIdleStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var driver = SPS30Driver(bus: I2CMock([]))
            _ = try? driver.startFanCleaning(nowMs: 0)
        }
    }
}
