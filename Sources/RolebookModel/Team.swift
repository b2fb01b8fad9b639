import RolebookCore

/// A team people engage: it owns components, appears as a swimlane in flows,
/// and is named in escalations.
public struct Team: Sendable, Identifiable {
    public var id: TeamID
    public var name: String
    /// Other names people use for the team ("CIF"), which runbooks may use too.
    public var aliases: [String]
    /// What the team owns beyond the components that name it as owner (CommonMark).
    public var owns: [String]
    public var engage: Engagement
    /// `#rrggbb`, the team's colour in diagrams.
    public var color: String?
    public var location: SourceLocation
}

/// How to reach a team: the part of an escalation a person acts on at 3 a.m.
public struct Engagement: Sendable {
    /// CommonMark.
    public var how: String
    public var channel: String?
    public var hours: String?
}
