import PoleConfig
import PoleLinux
import PoleRuntime
import Testing

@Suite struct GPIOBoardTests {

    @Test func aCrosswalkBoardBecomesOneInputAndOneOutputRequest() throws {
        let configuration = try Repository.configuration(board: "pi4-crosswalk.toml")
        let (inputs, outputs) = GPIOBoard.specs(configuration.board)
        #expect(inputs.count == 7)
        #expect(outputs.count == 10)
        #expect(inputs.allSatisfy { $0.activeLow && $0.bias == .pullUp && $0.chipLabel == "pinctrl-bcm2711" })
        #expect(outputs.allSatisfy { $0.safeLevel == .low })
        #expect(inputs.first { $0.purpose == "role head_red" }?.name == "GPIO17")
        let location = { (name: String) in
            GPIOLineLocation(chip: "gpiochip0", chipLabel: "pinctrl-bcm2711", offset: UInt32(name.dropFirst(4))!)
        }
        #expect(GPIORequestPlan(specs: inputs, locations: inputs.map { location($0.name) }).groups.count == 1)
        #expect(GPIORequestPlan(specs: outputs, locations: outputs.map { location($0.name) }).groups.count == 1)
    }

    @Test func lampOutputsRequestLitAndActiveLow() throws {
        let configuration = try Repository.configuration(board: "pi5-lamp.toml")
        let outputs = GPIOBoard.specs(configuration.board).outputs
        let relay = try #require(outputs.first { $0.purpose == "role lamp_relay" })
        #expect(relay.safeLevel == .high)
        #expect(relay.activeLow)
        #expect(relay.chipLabel == "pinctrl-rp1")
    }
}
