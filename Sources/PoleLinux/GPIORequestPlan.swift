/// How a set of lines becomes line requests: one request per chip, direction and flag set.
///
/// libgpiod 1.x requests lines in bulk with one configuration for all of them, and only lines of one
/// chip together; so lines are grouped by chip, direction, active-low and bias. The 2.x build keeps
/// the same grouping (its requests could mix settings), so both behave alike. A board whose inputs
/// share their flags, as boards usually do, gets one input request and one output request per chip:
/// one bulk read and one bulk write per chip per tick. Pure: tested without `/dev`.
public struct GPIORequestPlan: Sendable, Hashable {
    /// Lines requested together.
    public struct Group: Sendable, Hashable {
        public var chip: String
        public var direction: GPIOLineSpec.Direction
        public var activeLow: Bool
        public var bias: GPIOLineSpec.Bias
        /// Indices into the spec list, in request order.
        public var members: [Int]
        public var offsets: [UInt32]
    }

    public private(set) var groups: [Group] = []
    /// For each spec: the index of its group.
    public private(set) var groupOfSpec: [Int] = []
    /// For each spec: its slot within its group.
    public private(set) var slotOfSpec: [Int] = []

    /// Groups `specs` located at `locations` (same order). Groups keep the order of first appearance.
    public init(specs: [GPIOLineSpec], locations: [GPIOLineLocation]) {
        precondition(specs.count == locations.count, "one location per spec")
        for (index, spec) in specs.enumerated() {
            let location = locations[index]
            let key = groups.firstIndex {
                $0.chip == location.chip && $0.direction == spec.direction && $0.activeLow == spec.activeLow
                    && $0.bias == spec.bias
            }
            if let key {
                groupOfSpec.append(key)
                slotOfSpec.append(groups[key].members.count)
                groups[key].members.append(index)
                groups[key].offsets.append(location.offset)
            } else {
                groupOfSpec.append(groups.count)
                slotOfSpec.append(0)
                groups.append(Group(
                    chip: location.chip, direction: spec.direction, activeLow: spec.activeLow, bias: spec.bias,
                    members: [index], offsets: [location.offset]
                ))
            }
        }
    }
}
