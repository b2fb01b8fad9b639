import RolebookCore

/// The lint rules, by their stable ids. Configuration names rules by these ids
/// and an unknown id is an error, never silently ignored.
public enum LintRuleID: String, Sendable, CaseIterable, Hashable {
    /// The model's terms and the forms to avoid (`ArgoCD` → `Argo CD`).
    case terminology
    /// Pause Deployment with Abort's mechanism, or Abort with Pause's.
    case controlConfusion = "control-confusion"
    /// Escalations must name teams, and components be spelt, as the model does.
    case references
    /// A runbook declaring its flow must not escalate out of the flow's order.
    case escalationOrder = "escalation-order"
    /// Relative links and `#anchors` resolve.
    case links
    /// Kubernetes field paths and YAML manifests match the CRDs.
    case crdFacts = "crd-facts"

    public var ruleID: RuleID { RuleID(rawValue: "lint.\(rawValue)") }

    public var summary: String {
        switch self {
        case .terminology: "Use the model's terms, not the forms it lists to avoid."
        case .controlConfusion: "Do not describe Pause Deployment with Abort's mechanism, or Abort Deployment with Pause's."
        case .references: "Escalations name teams the model knows; components are spelt as the model spells them."
        case .escalationOrder: "A runbook following a flow engages teams in the order the flow's invariants require."
        case .links: "Relative links and #anchors resolve, with GitHub's heading slugs."
        case .crdFacts: "Field paths and YAML manifests of known kinds match the CRD schemas."
        }
    }

    public var defaultSeverity: Severity {
        switch self {
        case .terminology, .references: .warning
        case .controlConfusion, .escalationOrder, .links, .crdFacts: .error
        }
    }

    public static var descriptors: [RuleDescriptor] {
        allCases.map { RuleDescriptor($0.ruleID, $0.summary, severity: $0.defaultSeverity) }
    }
}
