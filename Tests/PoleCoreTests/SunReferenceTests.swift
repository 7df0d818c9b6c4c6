@testable import PoleCore
import Testing

/// The astronomical night, second by second over three days at each place of `SunReferenceTable`,
/// against an independent ephemeris and against poled's own sun.
///
/// Near the midnight sun a night can be a few minutes long and fall on either side of mean solar
/// midnight; these places and dates are where a crossing fell between mean and apparent solar
/// midnight and the night began or ended at mean midnight instead.
@Suite struct SunReferenceTests {
    /// Poled's time may differ from the reference's crossing by this much.
    static let toleranceSeconds: Int64 = 60
    /// On grazing days the reference's altitude at poled's time may differ from the threshold by this
    /// much: the sun then moves a hundredth of a degree in minutes, so a time says little.
    static let grazingToleranceDegrees = 0.05

    static let sites = SunReferenceSite.parse(SunReferenceTable.text)

    @Test func theTableHoldsEveryPlaceOfTheIssueAndOrdinaryOnes() {
        let sites = Self.sites
        let names = Set(sites.map(\.name))
        for name in ["Harstad", "Kirkenes", "Alta", "Hammerfest", "Bodo", "70.5S-18.96E", "Seoul", "Sydney", "Helsinki"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(sites.contains { $0.crossings.contains(where: \.grazing) })
        #expect(sites.contains { $0.crossings.contains { !$0.grazing } })
        #expect(sites.contains { $0.crossings.isEmpty && $0.startsBelow }, "a polar night")
        #expect(sites.contains { $0.crossings.isEmpty && !$0.startsBelow }, "a midnight sun")
    }

    /// Wherever poled's night and the reference's disagree, the reference's nearest crossing is within
    /// 60 s, or on a grazing day the reference's sun stands within 0.05° of the threshold.
    @Test(arguments: sites)
    func nightAgreesWithTheReference(site: SunReferenceSite) {
        var night = AstronomicalNight(settings: NightSettings(latitudeDegrees: site.latitude, longitudeDegrees: site.longitude))
        var reported = 0
        for time in site.startUTC..<site.endUTC where night.isNight(atUTCSeconds: time) != site.referenceBelow(atUTCSeconds: time) {
            guard let nearest = site.crossings.min(by: { abs($0.utcSeconds - time) < abs($1.utcSeconds - time) }) else {
                Issue.record("\(site): poled's night is \(!site.startsBelow) at \(time), the reference has no crossing")
                return
            }
            let problem: String?
            if nearest.grazing {
                if let altitude = site.referenceAltitude(atUTCSeconds: time) {
                    let off = altitude - SolarZenith.sunriseSunset.elevationDegrees
                    problem = abs(off) <= Self.grazingToleranceDegrees ? nil : "the reference's sun is \(off)° from the threshold"
                } else {
                    problem = "more than an hour from the reference's grazing crossings"
                }
            } else {
                let off = time - nearest.utcSeconds
                problem = abs(off) <= Self.toleranceSeconds ? nil : "\(off) s from the reference's \(nearest.kind) at \(nearest.utcSeconds)"
            }
            if let problem, reported < 3 {
                reported += 1
                Issue.record("\(site): poled and the reference disagree at \(time): \(problem)")
            }
        }
    }

    /// Night starts and ends where poled's own sun crosses the threshold, whichever solar day the
    /// crossing belongs to: every change is at a crossing of the elevation, and (every 10 s) the night
    /// is the sun below the threshold.
    @Test(arguments: sites)
    func nightTurnsAtPoledsOwnCrossings(site: SunReferenceSite) {
        let clock = SolarClock(latitudeDegrees: site.latitude, longitudeDegrees: site.longitude)
        var night = AstronomicalNight(settings: NightSettings(latitudeDegrees: site.latitude, longitudeDegrees: site.longitude))
        func below(_ time: Int64) -> Bool { clock.isSunBelow(.sunriseSunset, atUTCSeconds: time) }
        var changes: [Int64] = []
        var previous = night.isNight(atUTCSeconds: site.startUTC)
        for time in site.startUTC + 1..<site.endUTC {
            let now = night.isNight(atUTCSeconds: time)
            if now != previous { changes.append(time) }
            previous = now
        }
        for change in changes {
            let starts = night.isNight(atUTCSeconds: change)
            #expect(below(change - 2) != starts && below(change + 2) == starts, "\(site): night \(starts ? "starts" : "ends") at \(change), where the sun does not cross")
        }
        for time in stride(from: site.startUTC, to: site.endUTC, by: 10) where night.isNight(atUTCSeconds: time) != below(time) {
            if !changes.contains(where: { abs($0 - time) <= 2 }) {
                Issue.record("\(site): at \(time) the sun is \(below(time) ? "below" : "above") the threshold, but night is \(!below(time))")
                return
            }
        }
    }
}

/// One place of `SunReferenceTable`: three UTC days, the reference's crossings, and its altitude
/// around the grazing ones.
struct SunReferenceSite: Sendable, CustomTestStringConvertible {
    struct Crossing: Sendable {
        var rising: Bool
        var utcSeconds: Int64
        var grazing: Bool
        var kind: String { rising ? "rise" : "set" }
    }

    /// Reference altitudes every `stepSeconds` from `firstUTC`.
    struct Altitudes: Sendable {
        var firstUTC: Int64
        var stepSeconds: Int64
        var degrees: [Double]

        /// Linearly interpolated; `nil` outside the samples.
        func at(_ utcSeconds: Int64) -> Double? {
            let offset = utcSeconds - firstUTC
            guard offset >= 0, offset <= stepSeconds * Int64(degrees.count - 1) else { return nil }
            let index = Int(offset / stepSeconds)
            let fraction = Double(offset % stepSeconds) / Double(stepSeconds)
            guard index + 1 < degrees.count else { return degrees[index] }
            return degrees[index] + (degrees[index + 1] - degrees[index]) * fraction
        }
    }

    var name: String
    var latitude: Double
    var longitude: Double
    var date: String
    var startUTC: Int64
    var endUTC: Int64
    var startsBelow: Bool
    var crossings: [Crossing] = []
    var altitudes: [Altitudes] = []

    var testDescription: String { "\(name) \(date)" }

    /// Whether the reference's sun is below the threshold at `utcSeconds`.
    func referenceBelow(atUTCSeconds utcSeconds: Int64) -> Bool {
        crossings.last { $0.utcSeconds <= utcSeconds }.map { !$0.rising } ?? startsBelow
    }

    /// The reference's altitude at `utcSeconds`, when it is within the samples.
    func referenceAltitude(atUTCSeconds utcSeconds: Int64) -> Double? {
        altitudes.lazy.compactMap { $0.at(utcSeconds) }.first
    }

    /// Reads the table's records (see `SunReferenceTable`).
    static func parse(_ text: String) -> [SunReferenceSite] {
        var sites: [SunReferenceSite] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            switch fields[0] {
            case "site":
                sites.append(SunReferenceSite(
                    name: fields[1], latitude: Double(fields[2])!, longitude: Double(fields[3])!, date: fields[4],
                    startUTC: Int64(fields[5])!, endUTC: Int64(fields[6])!, startsBelow: fields[7] == "below"
                ))
            case "rise", "set":
                sites[sites.count - 1].crossings.append(Crossing(rising: fields[0] == "rise", utcSeconds: Int64(fields[1])!, grazing: fields[2] == "grazing"))
            case "alt":
                sites[sites.count - 1].altitudes.append(Altitudes(
                    firstUTC: Int64(fields[1])!, stepSeconds: Int64(fields[2])!, degrees: fields.dropFirst(3).map { Double($0)! }
                ))
            default:
                preconditionFailure("SunReferenceTable: unknown record \(fields[0])")
            }
        }
        return sites
    }
}
