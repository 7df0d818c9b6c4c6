import Glibc
import PoleHAL
import PoleLinux
import Testing

/// SysfsPWM against a sysfs tree made of plain files in a temporary directory.
@Suite struct SysfsPWMTests {
    private func tree() -> String {
        var template = Array("/tmp/poled-pwm-XXXXXX".utf8CString)
        let root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        mkdir(root + "/pwmchip0", 0o755)
        mkdir(root + "/pwmchip0/pwm1", 0o755)
        for file in ["duty_cycle", "period", "enable"] {
            close(open(root + "/pwmchip0/pwm1/" + file, O_CREAT | O_WRONLY, 0o644))
        }
        return root
    }

    private func read(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, 64, file) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func openingSetsThePeriodTheSafeDutyAndEnables() throws {
        let root = tree()
        _ = try SysfsPWM(root: root, chip: "pwmchip0", channel: 1, frequencyHz: 1_000, safeDutyPercent: 100)
        #expect(read(root + "/pwmchip0/pwm1/period") == "1000000")
        #expect(read(root + "/pwmchip0/pwm1/duty_cycle") == "1000000")
        #expect(read(root + "/pwmchip0/pwm1/enable") == "1")
    }

    @Test func aDutyIsAFractionOfThePeriod() throws {
        let root = tree()
        let pwm = try SysfsPWM(root: root, chip: "pwmchip0", channel: 1, frequencyHz: 1_000, safeDutyPercent: 100)
        try pwm.setDuty(percent: 30)
        #expect(read(root + "/pwmchip0/pwm1/duty_cycle") == "300000")
    }

    @Test func aMissingChipIsNotFound() {
        #expect {
            try SysfsPWM(root: "/tmp/poled-no-such-root", chip: "pwmchip9", channel: 0, frequencyHz: 1_000, safeDutyPercent: 100)
        } throws: { error in
            (error as? HALError)?.kind == .notFound
        }
    }
}
