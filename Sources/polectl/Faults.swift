import ArgumentParser
import PoleProtocol

/// `polectl faults` and `polectl faults clear`.
struct Faults: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List latched and active faults, or clear latched ones.",
        subcommands: [List.self, Clear.self],
        defaultSubcommand: List.self
    )

    /// `polectl faults [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List latched and active faults; exits 1 when there are any.")

        @OptionGroup var client: ClientOptions

        func run() throws {
            let (data, faults) = try client.call(.faults, FaultsAnswer.self)
            client.emit(data) { print(StatusView.faults(faults)) }
            if !faults.active.isEmpty || !faults.latched.isEmpty { throw PolectlExit.fault }
        }
    }

    /// `polectl faults clear ID… | --all --reason TEXT`.
    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear latched faults after the cause is fixed; the floor follows again after the start-up hold.",
            discussion: "Audited with your uid and the reason. Faults: \(ControlVocabulary.latchingFaultNames.joined(separator: ", "))."
        )

        @OptionGroup var client: ClientOptions

        @Argument(help: "The faults to clear.")
        var faults: [String] = []

        @Flag(name: .long, help: "Clear every latched fault.")
        var all = false

        @Option(name: .long, help: "Why (for the audit trail), e.g. \"replaced floor cable\".")
        var reason: String

        func validate() throws {
            if all == !faults.isEmpty { throw ValidationError("name the faults to clear, or give --all") }
            for name in faults where ControlVocabulary.fault(named: name) == nil {
                throw ValidationError("\"\(name)\" is not a fault; expected one of \(ControlVocabulary.faultNames.joined(separator: ", "))")
            }
        }

        func run() throws {
            let list = all ? nil : faults.compactMap(ControlVocabulary.fault(named:))
            let (data, answer) = try client.call(.clearFaults(list, reason: reason), CommandAnswer.self)
            client.emit(data) { print(answer.message) }
        }
    }
}
