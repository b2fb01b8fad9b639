/// An identifier typed by the kind of thing it names, so that a component's id
/// cannot be passed where a team's is expected: `TeamID` and `ComponentID` are
/// different types even though both wrap a string.
public struct EntityID<Entity>: RawRepresentable, Hashable, Comparable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias TeamID = EntityID<Team>
public typealias ComponentID = EntityID<Component>
public typealias InteractionID = EntityID<Interaction>
public typealias TermID = EntityID<Term>
public typealias PlanID = EntityID<Plan>
public typealias FlowID = EntityID<Flow>
public typealias FlowNodeID = EntityID<FlowNode>
public typealias InvariantID = EntityID<FlowInvariant>
public typealias DiagramID = EntityID<Diagram>
