import RolebookCore

/// A proposed change, placed in the page's Near Future Plans or Long-Term
/// Vision by its horizon and level.
public struct Plan: Sendable, Identifiable {
    public var id: PlanID
    public var horizon: PlanHorizon
    public var level: PlanLevel
    /// An Express Operator enhancement, which the page lists in its own sub-section.
    public var enhancement: Bool
    /// CommonMark.
    public var title: String
    public var detail: String?
    public var status: PlanStatus
    public var components: [Located<ComponentID>]
    public var location: SourceLocation
}

public enum PlanHorizon: String, Sendable, CaseIterable {
    case shortTerm = "short-term"
    case longTerm = "long-term"
}

/// Where a planned change lands; `either` means not decided yet (TBD).
public enum PlanLevel: String, Sendable, CaseIterable {
    case helmChart = "helm-chart"
    case expressOperator = "express-operator"
    case either
}

public enum PlanStatus: String, Sendable, CaseIterable {
    case proposed
    case accepted
    case inProgress = "in-progress"
    case done
}
