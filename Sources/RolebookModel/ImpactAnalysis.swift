/// What a change to a component reaches and whom to engage, in order:
/// `rolebook impact` and the page's blast-radius table both read it.
public struct ImpactAnalysis: Sendable {
    public var component: Component
    /// Widest first.
    public var scopes: [ImpactScope]
    /// The escalation path of the widest scope the change reaches, if the
    /// model has one.
    public var escalation: EscalationPath?
    /// The teams to engage, in order: the escalation path's, with the owner
    /// placed before incident management if the path does not name it.
    public var engage: [TeamID]

    public init(_ id: ComponentID, in model: Model) {
        component = model.component(id)
        scopes = component.changeScope
        let widest = scopes.first
        escalation = model.escalation.first { $0.scope == widest }
        var order = escalation?.engage.map(\.value) ?? []
        let owner = component.owner.value
        if !order.contains(owner) {
            // The owner goes in just before the last team of the path (the
            // incident process comes last), or alone when there is no path.
            order.insert(owner, at: max(0, order.count - 1))
        }
        engage = order
    }

    /// Every component, most far-reaching first, then by name.
    public static func all(in model: Model) -> [ImpactAnalysis] {
        model.components.map { ImpactAnalysis($0.id, in: model) }
            .sorted { lhs, rhs in
                switch (lhs.scopes.first, rhs.scopes.first) {
                case let (l?, r?) where l != r: return l < r
                case (.some, nil): return true
                case (nil, .some): return false
                default: return lhs.component.name < rhs.component.name
                }
            }
    }
}
