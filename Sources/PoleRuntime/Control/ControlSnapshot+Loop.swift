import Glibc
import PoleConfig
import PoleCore
import PoleHAL
import PoleSensing

extension ControlSnapshot {
    /// The loop's state after a tick, as the control socket shows it.
    init<In: DigitalInputSet, Out: DigitalOutputSet>(
        configuration: PoleConfiguration, loop: ControlLoop<In, Out>, tracker: StatusTracker, sensors: some PoleSensors,
        uptimeMs: Int64, publishedMonotonicMs: Int64, utcMs: Int64, ticks: UInt64, overruns: UInt64, latenessMaxMicroseconds: Int64
    ) {
        let board = configuration.board
        let defaultChip = loop.io.unnamedChipLabel
        func line(_ role: Role, asserted: Bool, isOutput: Bool) -> Line? {
            board.binding(role).map { binding in
                Line(
                    role: role.name, line: binding.line, chip: binding.chip ?? defaultChip, isOutput: isOutput,
                    activeLow: binding.activeLow, asserted: asserted
                )
            }
        }
        let inputs = zip(loop.io.inputRoles, loop.io.sampledInputLevels).compactMap { line($0, asserted: $1.isHigh, isOutput: false) }
        let outputs = zip(loop.io.outputRoles, loop.io.drivenOutputLevels).compactMap { line($0, asserted: $1.isHigh, isOutput: true) }
        self.init(
            siteID: configuration.site.siteID, boardFile: board.file, backend: board.backend.rawValue, processID: getpid(),
            utcMs: utcMs, uptimeMs: uptimeMs, publishedMonotonicMs: publishedMonotonicMs, tickMs: configuration.site.tickMs, ticks: ticks, overruns: overruns,
            latenessMaxMicroseconds: latenessMaxMicroseconds, head: loop.pole.head, outputs: loop.outputs, night: tracker.night,
            latched: loop.pole.latchedFaults, active: tracker.active.sorted(), maintenance: loop.pole.maintenance,
            hasLamp: loop.pole.lampCounters != nil, hasAir: configuration.features.contains(.airQuality),
            airMinute: tracker.airMinute, alert: tracker.alert,
            sensors: board.i2c.map { device in
                Sensor(
                    role: device.role, kind: device.sensor.rawValue, bus: device.bus, address: device.address,
                    health: sensors.health(role: device.role) ?? SensorHealth()
                )
            },
            lines: inputs + outputs
        )
    }
}
