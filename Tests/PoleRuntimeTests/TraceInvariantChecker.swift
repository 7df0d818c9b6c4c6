import Foundation
import PoleCore

/// Checks DESIGN.md §4's invariants from a trace alone, the way a reviewer would read it.
///
/// - the floor shows a colour only outside the start-up hold (after start, after a latched fault is
///   cleared, after an implausible head is valid again), while no fault is latched and the head is not
///   implausible (invariants 3–6);
/// - floor green only while the head is classified green or flashing green, floor red only while red
///   (invariant 1 as the trace shows it; the runner checks it against the street's lamps too);
/// - voice says "cross" only with the floor green, only "wait" while flashing, nothing while the head
///   is dark or implausible (invariant 7).
struct TraceInvariantChecker {
    struct Violation: CustomStringConvertible {
        var atMs: Int64
        var rule: String

        var description: String { "t=\(atMs)ms: \(rule)" }
    }

    let startupHoldMs: Int64
    private(set) var violations: [Violation] = []
    private var head = "dark"
    private var floor = "dark"
    private var latched: Set<String> = []
    private var implausible = false
    private var holdStartMs: Int64 = 0
    private var voiceAtMs: (Int64, String)?
    private var currentMs: Int64 = 0

    init(startupHoldMs: Int64) {
        self.startupHoldMs = startupHoldMs
    }

    /// Feeds the trace lines in order; checks the state at the end of each time step.
    mutating func check(_ lines: [String]) {
        for line in lines {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let time = (object["t"] as? NSNumber)?.int64Value
            else {
                violations.append(Violation(atMs: currentMs, rule: "unreadable trace line \(line)"))
                continue
            }
            if time != currentMs {
                verifyState()
                currentMs = time
            }
            apply(name: object["name"] as? String ?? "", type: object["type"] as? String ?? "", object: object)
        }
        verifyState()
    }

    private mutating func apply(name: String, type: String, object: [String: Any]) {
        let value = object["value"] as? String
        let fault = object["fault"] as? String ?? ""
        switch (type, name) {
        case ("event", "head"): head = value ?? head
        case ("event", "fault.raised"):
            if fault == Fault.headImplausible.name { implausible = true }
            if Fault(rawValue: fault)?.isLatching == true { latched.insert(fault) }
        case ("event", "fault.cleared"):
            if fault == Fault.headImplausible.name { implausible = false }
            if Fault(rawValue: fault)?.isLatching == true || fault == Fault.headImplausible.name {
                latched.remove(fault)
                holdStartMs = currentMs
            }
        case ("output", "floor"): floor = value ?? floor
        case ("output", "voice"):
            if let value, value != "none" { voiceAtMs = (currentMs, value) }
        default: break
        }
    }

    private mutating func verifyState() {
        if floor != "dark" {
            if currentMs - holdStartMs < startupHoldMs { fail("floor \(floor) during the start-up hold (started \(holdStartMs)ms)") }
            if !latched.isEmpty { fail("floor \(floor) with latched \(latched.sorted())") }
            if implausible { fail("floor \(floor) while the head is implausible") }
        }
        if floor == "green", head != "green", head != "flashing-green" { fail("floor green while head \(head)") }
        if floor == "red", head != "red" { fail("floor red while head \(head)") }
        if let (time, message) = voiceAtMs, time == currentMs {
            if message == "green-cross", floor != "green" { fail("voice green-cross with floor \(floor)") }
            if head == "flashing-green", message != "flash-wait" { fail("voice \(message) while flashing") }
            if head == "dark" || head == "implausible" { fail("voice \(message) while head \(head)") }
        }
    }

    private mutating func fail(_ rule: String) {
        if violations.count < 20 { violations.append(Violation(atMs: currentMs, rule: rule)) }
    }
}
