import RolebookModel

/// A flow as ordered, numbered steps: the text form of a flow diagram, for
/// `rolebook flow` in a terminal and for readers of the page who cannot see
/// the image.
///
/// Steps are numbered depth-first from the start, following each node's
/// edges in model order, so every branch reads top to bottom before the next
/// branch begins. A step reached a second time (two branches that join, or a
/// loop) keeps its first number and is referred to by it.
public struct FlowWalkthrough: Sendable {
    public struct Step: Sendable {
        public var number: Int
        public var node: FlowNode
        /// Outgoing edges, in model order.
        public var next: [Next]
    }

    /// An outgoing edge: the branch label, if any, and the step it leads to.
    public struct Next: Sendable {
        public var label: String?
        public var step: Int
    }

    public var flow: Flow
    /// Step 1 is the start; steps are in number order (`steps[n - 1].number == n`).
    public var steps: [Step]

    /// For each step number, the step and edge index that first reached it:
    /// where the outline prints it. `nil` for step 1 and for unreachable roots.
    private var firstReachedFrom: [Int: (step: Int, edge: Int)]

    public init(_ flow: Flow) {
        self.flow = flow
        var numbers: [FlowNodeID: Int] = [:]
        var order: [FlowNode] = []
        var firstReachedFrom: [Int: (step: Int, edge: Int)] = [:]
        let outgoing = Dictionary(grouping: flow.edges, by: { $0.from.value })

        // Roots: the start, then (in a model the checker rejected) any node
        // no path reaches, so nothing is silently left out.
        let start = flow.nodes.first { $0.kind == .start } ?? flow.nodes.first
        let roots = (start.map { [$0] } ?? []) + flow.nodes.filter { $0.id != start?.id }
        for root in roots where numbers[root.id] == nil {
            // Iterative depth-first search, numbering a node when it is popped:
            // the same order as the recursive version, without recursion that
            // a long chain of steps could take past the stack.
            var stack: [(node: FlowNodeID, parent: (step: Int, edge: Int)?)] = [(root.id, nil)]
            while let (id, parent) = stack.popLast() {
                guard numbers[id] == nil, let node = flow.node(id) else { continue }
                order.append(node)
                let number = order.count
                numbers[id] = number
                if let parent { firstReachedFrom[number] = parent }
                let edges = outgoing[id] ?? []
                for (index, edge) in edges.enumerated().reversed() where numbers[edge.to.value] == nil {
                    stack.append((edge.to.value, (number, index)))
                }
            }
        }
        self.steps = order.enumerated().map { offset, node in
            Step(
                number: offset + 1, node: node,
                next: (outgoing[node.id] ?? []).compactMap { edge in
                    numbers[edge.to.value].map { Next(label: edge.label, step: $0) }
                })
        }
        self.firstReachedFrom = firstReachedFrom
    }

    /// Total width the outline wraps long text to.
    static let outlineWidth = 88

    /// The terminal outline: title, summary, lanes, then the steps, each
    /// decision's branches indented under it, joins as "→ continues at step
    /// N", escalations with whom they engage and how, hand-offs with the flow
    /// to continue in, and last the rules checked on every path.
    public func outline(in model: Model) -> String {
        var lines: [String] = []
        lines.append("Flow \(flow.id.rawValue): \(Self.oneLine(flow.title))")
        if let summary = flow.summary {
            lines += TextWrap.lines(Self.oneLine(PlainText.of(summary)), width: Self.outlineWidth)
        }
        lines.append(
            "Lanes: " + flow.lanes.map { Self.oneLine(model.team($0.value).name) }.joined(separator: " | "))
        lines.append("")

        enum Item {
            case step(Int, indent: Int)
            case text(String, indent: Int)
        }
        var work: [Item] = steps.filter { firstReachedFrom[$0.number] == nil }.reversed().map { .step($0.number, indent: 0) }
        while let item = work.popLast() {
            switch item {
            case .text(let text, let indent):
                lines.append(String(repeating: " ", count: indent) + text)
            case .step(let number, let indent):
                let step = steps[number - 1]
                let prefix = "\(number). "
                lines += describe(step, model: model, indent: indent, prefixWidth: prefix.count)
                    .enumerated().map { index, line in
                        String(repeating: " ", count: indent) + (index == 0 ? prefix : String(repeating: " ", count: prefix.count)) + line
                    }
                // Children are pushed in reverse so they pop in model order.
                var children: [Item] = []
                let branching = step.next.count > 1 || step.next.contains { $0.label != nil }
                let branchIndent = indent + prefix.count
                for (index, next) in step.next.enumerated() {
                    let isTreeEdge = firstReachedFrom[next.step].map { $0.step == number && $0.edge == index } ?? false
                    if branching {
                        children.append(.text((next.label.map(Self.oneLine) ?? "Then") + ":", indent: branchIndent))
                        children.append(
                            isTreeEdge
                                ? .step(next.step, indent: branchIndent + 2)
                                : .text("→ continues at step \(next.step)", indent: branchIndent + 2))
                    } else {
                        children.append(
                            isTreeEdge
                                ? .step(next.step, indent: indent)
                                : .text("→ continues at step \(next.step)", indent: branchIndent))
                    }
                }
                work += children.reversed()
            }
        }

        if !flow.invariants.isEmpty {
            lines.append("")
            lines.append("Checked on every path:")
            for invariant in flow.invariants {
                let text = invariant.description.map { Self.oneLine(PlainText.of($0)) } ?? describe(invariant, model: model)
                lines += TextWrap.lines(text, width: Self.outlineWidth - 2).enumerated().map { index, line in
                    (index == 0 ? "- " : "  ") + line
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one step, without number or indentation.
    private func describe(_ step: Step, model: Model, indent: Int, prefixWidth: Int) -> [String] {
        let node = step.node
        let label = Self.oneLine(node.label)
        let lane = Self.oneLine(model.team(node.lane.value).name)
        let width = max(40, Self.outlineWidth - indent - prefixWidth)
        switch node.kind {
        case .start:
            return ["Start: \(label)  [\(lane)]"]
        case .action:
            return ["\(label)  [\(lane)]"]
        case .decision:
            return ["Decision: \(label)  [\(lane)]"]
        case .end:
            return ["End: \(label)  [\(lane)]"]
        case .handOff:
            var lines = ["Hand-off: \(label)  [\(lane)]"]
            if let target = node.handOff {
                let targetFlow = model.flow(target.value)
                let id = Self.oneLine(targetFlow.id.rawValue)
                lines += Self.labelled("Continue with:", "flow \(id), \(Self.oneLine(targetFlow.title))", width: width)
                lines.append("Show it: rolebook flow \(id)")
            }
            return lines
        case .escalation:
            var lines = ["Escalate: \(label)  [\(lane)]"]
            if let engaged = node.engages {
                let team = model.team(engaged.value)
                lines += Self.labelled("Engages:", Self.oneLine(team.name), width: width)
                lines += Self.labelled("How:", Self.oneLine(PlainText.of(team.engage.how)), width: width)
                switch (team.engage.channel.map(Self.oneLine), team.engage.hours.map(Self.oneLine)) {
                case let (channel?, hours?): lines += Self.labelled("Channel:", "\(channel) (hours: \(hours))", width: width)
                case let (channel?, nil): lines += Self.labelled("Channel:", channel, width: width)
                case let (nil, hours?): lines += Self.labelled("Hours:", hours, width: width)
                case (nil, nil): break
                }
            }
            return lines
        }
    }

    /// `label text…` wrapped to `width`, continuation lines aligned under the text.
    private static func labelled(_ label: String, _ text: String, width: Int) -> [String] {
        let hanging = String(repeating: " ", count: label.count + 1)
        return TextWrap.lines(text, width: max(20, width - hanging.count)).enumerated().map { index, line in
            (index == 0 ? label + " " : hanging) + line
        }
    }

    /// An invariant in words, when it has no description.
    private func describe(_ invariant: FlowInvariant, model: Model) -> String {
        var text = "\(Self.oneLine(model.team(invariant.engages.value).name)) is engaged"
        if let before = invariant.before {
            text += " before \(Self.oneLine(model.team(before.value).name))"
        }
        if let after = invariant.after, let node = flow.node(after.node.value) {
            text += " whenever \"\(Self.oneLine(node.label))\" answers \(Self.oneLine(after.label))"
        }
        return text + "."
    }

    /// Model text on one terminal line: line breaks become spaces, control
    /// characters (a stray escape sequence in a label) are dropped.
    static func oneLine(_ text: String) -> String {
        TextWrap.normalized(text).split(separator: "\n").joined(separator: " ")
    }
}
