import PoleHAL
import PoleLinux
import Testing

@Suite struct GPIORequestPlanTests {
    @Test func linesGroupByChipDirectionAndFlags() {
        let specs: [GPIOLineSpec] = [.input("A"), .input("B", bias: .pullUp), .input("C"), .input("D")]
        let locations = [
            GPIOLineLocation(chip: "gpiochip0", chipLabel: "pinctrl", offset: 17),
            GPIOLineLocation(chip: "gpiochip0", chipLabel: "pinctrl", offset: 27),
            GPIOLineLocation(chip: "gpiochip0", chipLabel: "pinctrl", offset: 22),
            GPIOLineLocation(chip: "gpiochip1", chipLabel: "expander", offset: 3),
        ]
        let plan = GPIORequestPlan(specs: specs, locations: locations)
        #expect(plan.groups.map(\.chip) == ["gpiochip0", "gpiochip0", "gpiochip1"])
        #expect(plan.groups.map(\.offsets) == [[17, 22], [27], [3]])
        #expect(plan.groups[1].bias == .pullUp)
        #expect(plan.groupOfSpec == [0, 1, 0, 2])
        #expect(plan.slotOfSpec == [0, 0, 1, 0])
    }

    @Test func activeLowLinesAreTheirOwnRequest() {
        let specs: [GPIOLineSpec] = [.input("A"), .input("B", activeLow: true)]
        let location = GPIOLineLocation(chip: "gpiochip0", chipLabel: "x", offset: 0)
        let plan = GPIORequestPlan(specs: specs, locations: [location, GPIOLineLocation(chip: "gpiochip0", chipLabel: "x", offset: 1)])
        #expect(plan.groups.count == 2)
        #expect(plan.groups.map(\.activeLow) == [false, true])
    }
}

@Suite struct GPIOBankTests {
    private func chips() -> FakeChipAccess {
        FakeChipAccess(lines: [
            .init(chip: "gpiochip0", label: "pinctrl-bcm2711", offset: 17, name: "GPIO17"),
            .init(chip: "gpiochip0", label: "pinctrl-bcm2711", offset: 27, name: "GPIO27"),
            .init(chip: "gpiochip0", label: "pinctrl-bcm2711", offset: 22, name: "GPIO22"),
            .init(chip: "gpiochip0", label: "pinctrl-bcm2711", offset: 23, name: "GPIO23"),
            .init(chip: "gpiochip0", label: "pinctrl-bcm2711", offset: 4, name: "GPIO4", consumer: "w1-gpio"),
        ])
    }

    @Test func everythingIsLocatedBeforeAnythingIsRequestedAndOutputsStartSafe() throws {
        let access = chips()
        _ = try GPIOBank(access: access, inputs: [.input("GPIO17"), .input("GPIO27")],
                         outputs: [.output("GPIO22"), .output("GPIO23", safe: .high)], consumer: "poled")
        #expect(access.calls == [
            "locate GPIO17", "locate GPIO27", "locate GPIO22", "locate GPIO23",
            "request gpiochip0 in [17, 27] defaults []",
            "request gpiochip0 out [22, 23] defaults [0, 1]",
        ])
    }

    @Test func aMissingLineFailsWithItsRoleBeforeAnythingIsRequested() {
        let access = chips()
        #expect {
            try GPIOBank(access: access, inputs: [.input("GPIO17")], outputs: [.output("GPIO99")], consumer: "poled")
        } throws: { error in
            let hal = error as? HALError
            return hal?.kind == .notFound && hal?.context.hasPrefix("role gpio99: line \"GPIO99\"") == true
        }
        #expect(!access.calls.contains { $0.hasPrefix("request") })
    }

    @Test func aBusyLineNamesItsConsumer() {
        let access = chips()
        #expect {
            try GPIOBank(access: access, inputs: [.input("GPIO4")], outputs: [.output("GPIO22")], consumer: "poled")
        } throws: { error in
            let hal = error as? HALError
            return hal?.kind == .busy && hal?.context == "role gpio4: line \"GPIO4\" (gpiochip0 line 4) is busy, held by \"w1-gpio\""
        }
        #expect(!access.calls.contains { $0.hasPrefix("request") })
    }

    @Test func oneLineForTwoRolesIsRefused() {
        #expect(throws: HALError.self) {
            try GPIOBank(access: chips(), inputs: [.input("GPIO17")], outputs: [.output("GPIO17")], consumer: "poled")
        }
    }

    @Test func aFailedOutputRequestReleasesTheInputs() {
        let access = chips()
        access.failRequest = HALError(.busy, errno: 16, context: "request")
        #expect(throws: HALError.self) {
            try GPIOBank(access: access, inputs: [.input("GPIO17")], outputs: [.output("GPIO22")], consumer: "poled")
        }
        #expect(access.requested.isEmpty)
        #expect(access.calls.suffix(2) == ["release [0]", "close"])
    }

    @Test func samplingReadsOncePerGroupInSpecOrder() throws {
        let access = chips()
        let bank = try GPIOBank(access: access, inputs: [.input("GPIO27"), .input("GPIO17")], outputs: [], consumer: "poled")
        access.set(0, 1)
        var inputs = bank.inputSet
        var levels: [LineLevel] = [.low, .low]
        try inputs.sample(into: &levels)
        #expect(levels == [.low, .high])
        #expect(access.calls.filter { $0.hasPrefix("read") }.count == 1)
    }

    @Test func writesHappenOnlyWhenAGroupChanged() throws {
        let access = chips()
        let bank = try GPIOBank(access: access, inputs: [], outputs: [.output("GPIO22"), .output("GPIO23")], consumer: "poled")
        var outputs = bank.outputSet
        try outputs.apply([.low, .low])
        #expect(!access.calls.contains { $0.hasPrefix("write") }, "already at the safe levels")
        try outputs.apply([.high, .low])
        try outputs.apply([.high, .low])
        #expect(access.calls.filter { $0.hasPrefix("write") } == ["write [2, 3] [1, 0]"])
    }

    @Test func closingDrivesSafeLevelsThenReleases() throws {
        let access = chips()
        let bank = try GPIOBank(access: access, inputs: [.input("GPIO17")], outputs: [.output("GPIO22"), .output("GPIO23", safe: .high)], consumer: "poled")
        var outputs = bank.outputSet
        try outputs.apply([.high, .low])
        try bank.close()
        #expect(access.value(2) == 0)
        #expect(access.value(3) == 1)
        #expect(access.calls.suffix(4) == ["write [2, 3] [0, 1]", "release [0]", "release [2, 3]", "close"])
        #expect(access.requested.isEmpty)
    }

    @Test func aReadErrorReachesTheLoop() throws {
        let access = chips()
        let bank = try GPIOBank(access: access, inputs: [.input("GPIO17")], outputs: [], consumer: "poled")
        access.failRead = HALError(.other, errno: 5, context: "read")
        var inputs = bank.inputSet
        var levels: [LineLevel] = [.low]
        #expect(throws: HALError(.other, errno: 5, context: "read")) { try inputs.sample(into: &levels) }
    }
}

@Suite struct GPIOErrnoTests {
    @Test(arguments: [
        (2, HALError.Kind.notFound), (19, .notFound), (16, .busy), (22, .unsupported), (95, .unsupported),
        (110, .timeout), (5, .bus), (13, .other), (1, .other),
    ] as [(Int32, HALError.Kind)])
    func errnoMapsToAKind(code: Int32, kind: HALError.Kind) {
        #expect(GPIOErrno.kind(code) == kind)
    }
}
