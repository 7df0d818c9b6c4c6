/// Columns padded to their widest cell, for aligned human output that still pipes into `awk`.
struct TextTable {
    private var rows: [[String]] = []

    init(header: [String]? = nil) {
        if let header { rows.append(header) }
    }

    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The table's lines; cells are separated by two spaces, the last column unpadded.
    var lines: [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], visibleWidth(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - visibleWidth(cell))
            }.joined(separator: "  ")
        }
    }

    /// The width of a cell as shown: ANSI colour sequences take no room.
    private func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}
