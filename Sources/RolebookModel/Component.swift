import RolebookCore

/// A part of the platform with an owner: the Express Operator, the Helm chart,
/// Argo CD, and the rest.
public struct Component: Sendable, Identifiable {
    public var id: ComponentID
    public var name: String
    public var kind: ComponentKind
    public var owner: Located<TeamID>
    /// Teams that operate it day to day (the ownership matrix's "operates").
    public var operators: [Located<TeamID>]
    /// Teams consulted on changes to it.
    public var consulted: [Located<TeamID>]
    public var runsIn: Placement?
    /// What a change to it reaches, widest first.
    public var changeScope: [ImpactScope]
    /// CommonMark.
    public var summary: String?
    public var responsibilities: [Responsibility]
    /// CommonMark.
    public var rationale: String?
    public var important: [String]
    public var notes: [String]
    public var benefits: [String]
    /// The CRD kinds it manages.
    public var manages: [CRDReference]
    public var location: SourceLocation
}

/// What sort of thing a component is; drives diagram shapes and wording.
public enum ComponentKind: String, Sendable, CaseIterable {
    case `operator`
    case helmChart = "helm-chart"
    case gitopsController = "gitops-controller"
    case workflowEngine = "workflow-engine"
    case apiServer = "api-server"
    case workflowTask = "workflow-task"
    case configResource = "config-resource"
    case repository
    case customResource = "custom-resource"
}

/// Where a component runs, which groups it in interaction diagrams.
public enum Placement: String, Sendable, CaseIterable {
    case git
    case argoWorkflows = "argo-workflows"
    case argoCD = "argo-cd"
    case kubernetesCluster = "kubernetes-cluster"
}

/// How far a change reaches. Ordered widest first: a data center holds
/// Kubernetes clusters, which hold namespaces, which hold Express clusters,
/// which hold nodes.
public enum ImpactScope: String, Sendable, CaseIterable, Comparable {
    case dataCenter = "data-center"
    case kubernetesCluster = "kubernetes-cluster"
    case namespace
    case expressCluster = "express-cluster"
    case node

    public static func < (lhs: ImpactScope, rhs: ImpactScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One thing a component is responsible for, now or after a planned move.
public struct Responsibility: Sendable {
    /// CommonMark; the bold lead of the bullet.
    public var title: String
    /// CommonMark; the rest of the sentence.
    public var detail: String?
    public var status: ResponsibilityStatus
    /// For a planned move: the component that will own it.
    public var movesTo: Located<ComponentID>?
    public var crd: [CRDReference]
    public var location: SourceLocation
}

public enum ResponsibilityStatus: String, Sendable, CaseIterable {
    case current
    case planned
}
