import ArgumentParser
import PoleCore
import PoleRuntime

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
            let faults = try client.call(.faults)
            client.emit(faults) { print(StatusView.faults($0)) }
            if !(faults["active"]?.array ?? []).isEmpty || !(faults["latched"]?.array ?? []).isEmpty { throw PolectlExit.fault }
        }
    }

    /// `polectl faults clear ID… | --all --reason TEXT`.
    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear latched faults after the cause is fixed; the floor follows again after the start-up hold.",
            discussion: "Audited with your uid and the reason. Faults: \(Fault.allCases.filter(\.isLatching).map(\.name).joined(separator: ", "))."
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
            for name in faults where Fault(rawValue: name) == nil {
                throw ValidationError("\"\(name)\" is not a fault; expected one of \(Fault.allCases.map(\.name).joined(separator: ", "))")
            }
        }

        func run() throws {
            let list = all ? nil : faults.compactMap(Fault.init(rawValue:))
            let answer = try client.call(.clearFaults(list, reason: reason))
            client.emit(answer) { print(StatusView.text($0["message"])) }
        }
    }
}
