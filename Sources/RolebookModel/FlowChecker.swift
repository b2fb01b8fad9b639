import RolebookCore

/// The structural checks every flow must pass, and the invariants it
/// declares. Runs only on flows whose references resolved.
struct FlowChecker {
    let sink: DiagnosticSink

    static let startRule: RuleID = "flow.start"
    static let unreachableRule: RuleID = "flow.unreachable"
    static let deadEndRule: RuleID = "flow.dead-end"
    static let decisionRule: RuleID = "flow.decision-branches"
    static let cycleRule: RuleID = "flow.cycle"
    static let handOffRule: RuleID = "flow.hand-off"
    static let laneRule: RuleID = "flow.lane"
    static let invariantRule: RuleID = "flow.invariant"

    func check(_ flow: Flow) {
        let starts = flow.nodes.filter { $0.kind == .start }
        if starts.isEmpty {
            sink.error("flow '\(flow.id)' has no start node", rule: Self.startRule, at: flow.location, help: "add a node with 'kind: start'")
        }
        for extra in starts.dropFirst() {
            sink.error(
                "flow '\(flow.id)' has more than one start node; the first is '\(starts[0].id)'", rule: Self.startRule,
                at: extra.location)
        }
        var outgoing: [FlowNodeID: [FlowEdge]] = [:]
        for edge in flow.edges { outgoing[edge.from.value, default: []].append(edge) }

        for node in flow.nodes {
            let exits = outgoing[node.id] ?? []
            if node.kind.isTerminal, let first = exits.first {
                sink.error(
                    "'\(node.id)' is a \(node.kind.rawValue) node, which ends the flow, but has an edge to '\(first.to.value)'",
                    rule: Self.deadEndRule, at: first.location)
            } else if !node.kind.isTerminal, exits.isEmpty {
                sink.error(
                    "'\(node.id)' (\(node.kind.rawValue)) has no way out", rule: Self.deadEndRule, at: node.location,
                    help: "add an edge from it, or make it an 'end' or a 'hand-off'")
            }
            if node.kind == .decision {
                checkDecision(node, exits)
            }
        }
        if let start = starts.first {
            reportUnreachable(flow, start: start.id, outgoing)
            if !flow.allowCycles, let back = firstBackEdge(from: start.id, outgoing) {
                sink.error(
                    "edge '\(back.from.value)' → '\(back.to.value)' closes a cycle in flow '\(flow.id)'", rule: Self.cycleRule,
                    at: back.location, help: "set 'allow-cycles: true' on the flow if the loop is intended")
            }
            for invariant in flow.invariants {
                check(invariant, in: flow, start: start.id, outgoing)
            }
        }
    }

    private func checkDecision(_ node: FlowNode, _ exits: [FlowEdge]) {
        let labels = exits.compactMap(\.label)
        for edge in exits where edge.label == nil {
            sink.error(
                "branch '\(node.id)' → '\(edge.to.value)' of a decision has no label", rule: Self.decisionRule, at: edge.location,
                help: "label it with the answer, such as \"Yes\" or \"No\"")
        }
        if Set(labels).count < 2 {
            sink.error(
                "decision '\(node.id)' needs at least two branches with distinct labels; it has \(exits.count) edge\(exits.count == 1 ? "" : "s")\(labels.isEmpty ? "" : " labelled " + labels.map { "\"\($0)\"" }.joined(separator: ", "))",
                rule: Self.decisionRule, at: node.location)
        } else {
            var seen: Set<String> = []
            for edge in exits {
                guard let label = edge.label else { continue }
                if !seen.insert(label).inserted {
                    sink.error("decision '\(node.id)' has two branches labelled \"\(label)\"", rule: Self.decisionRule, at: edge.location)
                }
            }
        }
    }

    /// One finding per unreachable region, at its entry: the nodes that only
    /// an unreachable node leads to are counted in that finding, not repeated.
    private func reportUnreachable(_ flow: Flow, start: FlowNodeID, _ outgoing: [FlowNodeID: [FlowEdge]]) {
        let reached = reachable(from: start, outgoing)
        let unreached = flow.nodes.filter { !reached.contains($0.id) }
        guard !unreached.isEmpty else { return }
        let unreachedIDs = Set(unreached.map(\.id))
        var fedByUnreached: Set<FlowNodeID> = []
        for edge in flow.edges where unreachedIDs.contains(edge.from.value) && edge.from.value != edge.to.value {
            fedByUnreached.insert(edge.to.value)
        }
        var roots = unreached.filter { !fedByUnreached.contains($0.id) }
        // A loop that nothing reaches has no entry: name its first node.
        if roots.isEmpty { roots = [unreached[0]] }
        var covered: Set<FlowNodeID> = []
        for root in roots {
            let region = reachable(from: root.id, outgoing).intersection(unreachedIDs).subtracting(covered)
            covered.formUnion(region)
            let others = region.count - 1
            let tail = others > 0 ? " (nor can the \(others) node\(others == 1 ? "" : "s") after it)" : ""
            sink.error(
                "'\(root.id)' cannot be reached from the start '\(start)'\(tail)", rule: Self.unreachableRule, at: root.location)
        }
        // Nodes of an unreached loop not entered from a root.
        for node in unreached where !covered.contains(node.id) {
            covered.formUnion(reachable(from: node.id, outgoing).intersection(unreachedIDs))
            sink.error("'\(node.id)' cannot be reached from the start '\(start)'", rule: Self.unreachableRule, at: node.location)
        }
    }

    private func reachable(from start: FlowNodeID, _ outgoing: [FlowNodeID: [FlowEdge]]) -> Set<FlowNodeID> {
        var seen: Set<FlowNodeID> = [start]
        var stack = [start]
        while let id = stack.popLast() {
            for edge in outgoing[id] ?? [] where seen.insert(edge.to.value).inserted {
                stack.append(edge.to.value)
            }
        }
        return seen
    }

    /// An iterative depth-first search (flows of 10,000 nodes must not
    /// overflow the stack) returning the first edge that points back into the
    /// current path.
    private func firstBackEdge(from start: FlowNodeID, _ outgoing: [FlowNodeID: [FlowEdge]]) -> FlowEdge? {
        enum Mark { case onPath, done }
        var marks: [FlowNodeID: Mark] = [start: .onPath]
        var stack: [(FlowNodeID, Int)] = [(start, 0)]
        while let (id, index) = stack.last {
            let exits = outgoing[id] ?? []
            if index == exits.count {
                marks[id] = .done
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].1 += 1
            let edge = exits[index]
            switch marks[edge.to.value] {
            case .onPath: return edge
            case .done: continue
            case nil:
                marks[edge.to.value] = .onPath
                stack.append((edge.to.value, 0))
            }
        }
        return nil
    }

    /// Explores (node, engaged-yet) states breadth first, so the example path
    /// in the message is a shortest one, and each state is visited once.
    private func check(_ invariant: FlowInvariant, in flow: Flow, start: FlowNodeID, _ outgoing: [FlowNodeID: [FlowEdge]]) {
        let nodes = Dictionary(flow.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [FlowNodeID]
        var prefix: [FlowNodeID]
        if let after = invariant.after {
            guard let decision = nodes[after.node.value] else { return }
            let branch = (outgoing[decision.id] ?? []).filter { $0.label == after.label }
            if branch.isEmpty {
                let labels = (outgoing[decision.id] ?? []).compactMap(\.label)
                sink.error(
                    "invariant '\(invariant.id)': '\(decision.id)' has no branch labelled \"\(after.label)\"\(Suggestion.hint(for: after.label, among: labels))",
                    rule: Self.invariantRule, at: after.node.location)
                return
            }
            entries = branch.map(\.to.value)
            prefix = [decision.id]
        } else {
            entries = [start]
            prefix = []
        }
        struct State: Hashable {
            var node: FlowNodeID
            var engaged: Bool
        }
        var parent: [State: State] = [:]
        var queue: [State] = []
        var seen: Set<State> = []
        for entry in entries {
            let state = State(node: entry, engaged: false)
            if seen.insert(state).inserted { queue.append(state) }
        }
        func path(to state: State) -> String {
            var ids = [state.node]
            var current = state
            while let previous = parent[current] {
                ids.append(previous.node)
                current = previous
            }
            return (prefix + ids.reversed()).map(\.rawValue).joined(separator: " → ")
        }
        let team = invariant.engages.value
        var head = 0
        while head < queue.count {
            var state = queue[head]
            head += 1
            guard let node = nodes[state.node] else { continue }
            let engagedHere = node.kind == .escalation && node.engages?.value == team
            if let before = invariant.before?.value, node.kind == .escalation, node.engages?.value == before, !state.engaged,
                !engagedHere
            {
                sink.error(
                    "invariant '\(invariant.id)' does not hold: the path \(path(to: state)) engages '\(before)' before '\(team)'",
                    rule: Self.invariantRule, at: invariant.location, help: invariant.description)
                return
            }
            let exits = outgoing[node.id] ?? []
            if exits.isEmpty, !state.engaged, !engagedHere {
                sink.error(
                    "invariant '\(invariant.id)' does not hold: the path \(path(to: state)) never engages '\(team)'",
                    rule: Self.invariantRule, at: invariant.location, help: invariant.description)
                return
            }
            let from = state
            state.engaged = state.engaged || engagedHere
            for edge in exits {
                let next = State(node: edge.to.value, engaged: state.engaged)
                if seen.insert(next).inserted {
                    parent[next] = from
                    queue.append(next)
                }
            }
        }
    }
}
