import RolebookCore

/// What a publish did (or, in a dry run, would do).
public struct PublishReport: Sendable {
    public var pageID: String?
    /// The page's version after the publish.
    public var pageVersion: Int?
    /// One line per decision or action, for the terminal.
    public var log: [String] = []
    /// The write requests a dry run did not send, in order.
    public var plannedWrites: [HTTPRequest] = []
    /// How many write requests were sent.
    public var writesSent = 0
    /// Refusals (a page edited by a person, a page rolebook did not create).
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// The dry run's requests as printed: no credentials, no bodies.
    public var plannedText: String {
        plannedWrites.map(\.printed).joined()
    }

    public static let rules: [RuleDescriptor] = [
        RuleDescriptor("confluence.edited", "The Confluence page was edited by a person since rolebook last published it."),
        RuleDescriptor("confluence.foreign-page", "A Confluence page with the title exists and was not published by rolebook."),
    ]
}
