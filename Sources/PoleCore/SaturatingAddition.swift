extension FixedWidthInteger {
    /// The sum, or the bound of the type it would pass: a deadline or a counter fed a huge value
    /// from a recording or a state file stops at the end of its range instead of trapping.
    func addingSaturated(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
