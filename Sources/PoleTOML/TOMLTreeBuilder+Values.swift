extension TOMLTreeBuilder {
    /// A table or array whose values are being made, children first.
    private struct Pending {
        enum Container {
            case table(Int)
            case array(Int)
        }

        let container: Container
        var entries: [TOMLTable.Entry] = []
        var items: [TOMLValue] = []
    }

    /// The finished document as values, made without recursion: each table or array waits on a
    /// list while its children are made.
    func document() -> TOMLTable {
        var waiting = [Pending(container: .table(0))]
        var made: TOMLValue?
        while var pending = waiting.popLast() {
            if let value = made {
                attach(value, to: &pending)
                made = nil
            }
            if let child = nextChild(of: pending) {
                waiting.append(pending)
                switch child {
                case .leaf(let value): made = value
                case .table(let index): waiting.append(Pending(container: .table(index)))
                case .array(let index): waiting.append(Pending(container: .array(index)))
                }
                continue
            }
            switch pending.container {
            case .table(let index):
                let table = TOMLTable(entries: pending.entries)
                guard !waiting.isEmpty else { return table }
                made = TOMLValue(.table(table), at: tables[index].position)
            case .array(let index):
                made = TOMLValue(.array(pending.items), at: arrays[index].position)
            }
        }
        return TOMLTable(entries: [])
    }

    private func nextChild(of pending: Pending) -> Node? {
        switch pending.container {
        case .table(let index):
            let entries = tables[index].entries
            return pending.entries.count < entries.count ? entries[pending.entries.count].node : nil
        case .array(let index):
            let items = arrays[index].items
            return pending.items.count < items.count ? items[pending.items.count] : nil
        }
    }

    private func attach(_ value: TOMLValue, to pending: inout Pending) {
        switch pending.container {
        case .table(let index):
            let entry = tables[index].entries[pending.entries.count]
            pending.entries.append(TOMLTable.Entry(key: entry.key, keyPosition: entry.keyPosition, value: value))
        case .array:
            pending.items.append(value)
        }
    }
}
