import PoleConfig
import Testing

@Suite struct BoardValidationTests {
    @Test func rolesAreSortedAndDirectionsAndSafeLevelsFollowTheRole() throws {
        let board = RepositoryFiles.smallBoard + """
            lamp_relay = { line = "LAMP_RELAY" }
            beacon = { line = "BEACON", safe = "on", active_low = true }
            motion = { line = "MOTION", bias = "pull-down" }
            """
        let configuration = try ConfigLoader.parse(site: nil, board: ("b.toml", board), sources: RepositoryFiles.sources)
        let lines = configuration.board.lines
        #expect(lines.map(\.role.name) == lines.map(\.role.name).sorted())
        #expect(configuration.board.binding(.lampRelay)?.safeOn == true, "lamps fail lit")
        #expect(configuration.board.binding(.floorGreen)?.safeOn == false)
        #expect(configuration.board.binding(.beacon)?.safeOn == true, "a board may override a safe level")
        #expect(configuration.board.binding(.beacon)?.activeLow == true)
        #expect(configuration.board.binding(.motion)?.bias == .pullDown)
        #expect(configuration.features == [.crosswalk, .beacon, .securityLamp, .motion])
    }

    @Test func aLineBoundToTwoRolesNamesBothRolesAndLines() throws {
        let board = RepositoryFiles.smallBoard.replacing(
            "floor_green = { line = \"FLOOR_GREEN\" }", with: "floor_green = { line = \"FLOOR_RED\" }"
        )
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.count == 1)
        #expect(error.description == "board.toml:9: lines.floor_green.line: \"FLOOR_RED\" is also bound to role floor_red (line 8); a line serves one role")
    }

    @Test func theSameLineNameOnDifferentChipsIsTwoLines() throws {
        let board = RepositoryFiles.smallBoard + "beacon = { line = \"HEAD_RED\", chip = \"other\" }\n"
        #expect(RepositoryFiles.error(board: board) == nil)
    }

    @Test func aRoleBoundTwiceIsATOMLErrorAtItsLine() throws {
        let board = RepositoryFiles.smallBoard + "head_red = { line = \"X\" }\n"
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.count == 1)
        #expect(error.issues[0].line == 12)
        #expect(error.issues[0].keyPath == "lines.head_red")
    }

    @Test func anUnknownRoleListsTheAcceptedNames() throws {
        let error = try #require(RepositoryFiles.error(board: RepositoryFiles.smallBoard + "becon = { line = \"B\" }\n"))
        #expect(error.issues.count == 1)
        #expect(error.issues[0].line == 12)
        #expect(error.issues[0].problem.hasPrefix("unknown role; expected one of: head_red, head_green"))
        #expect(error.issues[0].problem.contains("presence_<zone>"))
    }

    @Test func optionsThatDoNotFitTheDirectionAreUnknownKeys() throws {
        let board = RepositoryFiles.smallBoard + "beacon = { line = \"B\", bias = \"pull-up\" }\nmotion = { line = \"M\", safe = \"on\" }\n"
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.map(\.keyPath) == ["lines.beacon.bias", "lines.motion.safe"])
    }

    @Test func aBindingWithoutALineIsAnError() throws {
        let error = try #require(RepositoryFiles.error(board: RepositoryFiles.smallBoard + "beacon = { chip = \"x\" }\n"))
        #expect(error.issues.map(\.keyPath) == ["lines.beacon"])
        #expect(error.issues[0].problem.hasPrefix("missing key line"))
    }

    @Test func aPartialCrosswalkIsAWiringMistake() throws {
        let board = RepositoryFiles.smallBoard.replacing("floor_red = { line = \"FLOOR_RED\" }\n", with: "")
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.count == 1)
        #expect(error.issues[0].problem.hasSuffix("missing floor_red"))
    }

    @Test func i2cDevicesAreCheckedAgainstTheBackend() throws {
        let board = RepositoryFiles.smallBoard + """
            [i2c.pm]
            sensor = "sps30"
            bus = "/dev/i2c-1"
            [i2c.lux]
            sensor = "sps30"
            bus = "sim"
            address = 0x90
            """
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.map(\.keyPath) == ["i2c.pm.bus", "i2c.lux.sensor", "i2c.lux.address"])
    }

    @Test func aDefaultAddressComesFromTheSensorKind() throws {
        let board = RepositoryFiles.smallBoard + "[i2c.pm]\nsensor = \"pmsa003i\"\nbus = \"sim\"\n"
        let configuration = try ConfigLoader.parse(site: nil, board: ("b.toml", board), sources: RepositoryFiles.sources)
        #expect(configuration.board.i2c.first?.address == 0x12)
    }

    @Test func aLightSensorWithoutADriverIsRefusedNotSilentlyIgnored() throws {
        let board = RepositoryFiles.smallBoard + "[i2c.lux]\nsensor = \"veml7700\"\nbus = \"sim\"\n"
        let error = try #require(RepositoryFiles.error(board: board), "nothing would ever read it")
        #expect(error.issues.map(\.keyPath) == ["i2c.lux.sensor"])
    }

    @Test func aMissingBoardHeaderIsAnError() throws {
        let error = try #require(RepositoryFiles.error(board: "[lines]\n"))
        #expect(error.issues.map(\.keyPath) == ["board"])
    }
}

@Suite struct I2CAddressConflictTests {
    @Test func twoDevicesAtOneAddressOnOneBusAreRejected() throws {
        let board = RepositoryFiles.smallBoard + """
            [i2c.pm]
            sensor = "sps30"
            bus = "sim"
            [i2c.lux]
            sensor = "bh1750"
            bus = "sim"
            address = 0x69
            """
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.count == 1)
        #expect(error.issues[0].keyPath == "i2c.pm.address")
        #expect(error.issues[0].problem == "0x69 on sim is also used by i2c.lux; two devices cannot share an address on one bus")
    }
}

@Suite struct SafeBoardRulesTests {
    @Test func theFloorAndVoiceCannotFailOn() throws {
        let board = RepositoryFiles.smallBoard.replacing(
            "floor_green = { line = \"FLOOR_GREEN\" }", with: "floor_green = { line = \"FLOOR_GREEN\", safe = \"on\" }"
        ) + "voice_green_cross = { line = \"V\", safe = \"on\" }\nbeacon = { line = \"B\", safe = \"on\" }\n"
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.map(\.keyPath) == ["lines.floor_green.safe", "lines.voice_green_cross.safe"])
    }

    @Test func aRealBoardNamesTheChipOfEveryLineAndKeepsTheFloorOnOneChip() throws {
        let board = """
            [board]
            name = "pi"
            backend = "gpiod"
            [lines]
            head_red = { line = "GPIO17", chip = "pinctrl-bcm2711" }
            head_green = { line = "GPIO27" }
            floor_red = { line = "GPIO24", chip = "pinctrl-bcm2711" }
            floor_green = { line = "GPIO25", chip = "pinctrl-bcm2711", active_low = true }
            """
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.map(\.keyPath) == ["lines.head_green.chip", "lines.floor_green"])
    }
}

@Suite struct PWMBoardTests {
    @Test func aLampDimOnPWMIsReadAndMakesASecurityLamp() throws {
        let board = RepositoryFiles.smallBoard + "[pwm.lamp_dim]\nchip = \"pwmchip0\"\nchannel = 1\nfrequency_hz = 500\n"
        let configuration = try ConfigLoader.parse(site: nil, board: ("b.toml", board), sources: RepositoryFiles.sources)
        #expect(configuration.board.pwm.map(\.role) == [.lampDim])
        #expect(configuration.board.pwm.first?.frequencyHz == 500)
        #expect(configuration.features.contains(.securityLamp))
    }

    @Test func aLevelRoleCannotBeBothALineAndPWM() throws {
        let board = RepositoryFiles.smallBoard + "lamp_dim = { line = \"D\" }\n[pwm.lamp_dim]\nchip = \"pwmchip0\"\n"
        let error = try #require(RepositoryFiles.error(board: board))
        #expect(error.issues.map(\.keyPath) == ["pwm.lamp_dim"])
    }

    @Test func onlyLevelRolesTakePWM() throws {
        let error = try #require(RepositoryFiles.error(board: RepositoryFiles.smallBoard + "[pwm.beacon]\nchip = \"pwmchip0\"\n"))
        #expect(error.issues.map(\.keyPath) == ["pwm.beacon"])
    }
}
