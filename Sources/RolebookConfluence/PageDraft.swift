/// The page as rolebook wants it: what create and update requests send.
struct PageDraft: Sendable {
    var title: String
    var body: String
    var spaceKey: String?
    var spaceID: String?
    var parentID: String?
    var versionMessage: String
    var minorEdit: Bool
}
