import PoleCore

/// The loop's side of the control socket for one tick: takes the commands posted since the last
/// tick, after the tick collects each one's outcome, and answers once the tick's events and
/// snapshot are published (so a client that asks `status` right after its answer sees the change).
///
/// Exists to keep the bookkeeping (which outcome belongs to which waiting client, sensor cleaning
/// being the runtime's rather than the core's) out of the loop body. Allocates nothing on a tick
/// without commands.
struct ControlExchange {
    let mailbox: ControlMailbox
    private var commandTickets: [UInt64] = []
    private var firstSocketCommand = 0
    private var cleanings: [(ticket: UInt64, by: String)] = []
    private var answers: [(ticket: UInt64, outcome: CommandOutcome)] = []

    init(mailbox: ControlMailbox) {
        self.mailbox = mailbox
    }

    /// The tick's commands: `others` (a scenario's) first, then those from the socket.
    mutating func takeCommands(after others: [Command]) -> [Command] {
        let pending = mailbox.takePending()
        guard !pending.isEmpty else { return others }
        var commands = others
        firstSocketCommand = others.count
        for (ticket, request) in pending {
            switch request {
            case .command(let command):
                commands.append(command)
                commandTickets.append(ticket)
            case .cleanSensor(let by):
                cleanings.append((ticket, by))
            }
        }
        return commands
    }

    /// Collects this tick's outcomes from the core's `outcomes`, carries out sensor cleanings, and
    /// returns the tick's events with an audit event for each cleaning.
    mutating func settle(outcomes: [CommandOutcome], events: [Event], sensors: inout some PoleSensors) -> [Event] {
        for (offset, ticket) in commandTickets.enumerated() {
            answers.append((ticket, outcomes[firstSocketCommand + offset]))
        }
        commandTickets.removeAll()
        guard !cleanings.isEmpty else { return events }
        var all = events
        for (ticket, by) in cleanings {
            let outcome = sensors.cleanParticulateSensor()
            answers.append((ticket, outcome))
            all.append(.audit(command: "sensors clean", by: by, reason: nil, outcome: outcome))
        }
        cleanings.removeAll()
        return all
    }

    /// Sends the collected answers to their clients.
    mutating func answer() {
        guard !answers.isEmpty else { return }
        for (ticket, outcome) in answers { mailbox.answer(ticket, outcome) }
        answers.removeAll()
    }
}
