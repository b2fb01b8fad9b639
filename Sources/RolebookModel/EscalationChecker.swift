import RolebookCore

/// Keeps the escalation quick reference honest: when a flow promises that one
/// team is engaged before another (the CIF team before incident management),
/// no escalation path may list them the other way round.
struct EscalationChecker {
    let sink: DiagnosticSink

    static let orderRule: RuleID = "escalation.order"

    func check(_ paths: [EscalationPath], against flows: [Flow]) {
        for path in paths {
            let order = path.engage.map(\.value)
            for flow in flows {
                for invariant in flow.invariants {
                    guard let before = invariant.before?.value,
                        let late = order.firstIndex(of: invariant.engages.value),
                        let early = order.firstIndex(of: before), early < late
                    else { continue }
                    sink.error(
                        "escalation for scope '\(path.scope.rawValue)' engages '\(before)' before '\(invariant.engages.value)', "
                            + "against invariant '\(invariant.id)' of flow '\(flow.id)'",
                        rule: Self.orderRule, at: path.engage[early].location, help: invariant.description)
                }
            }
        }
    }
}
