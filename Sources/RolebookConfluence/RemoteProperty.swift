/// The page's `rolebook` content property.
struct RemoteProperty: Sendable, Equatable {
    /// Cloud v2 addresses a property by id, Data Center by key.
    var id: String?
    var version: Int
    /// `nil` when the value is not one rolebook wrote (it is replaced).
    var state: PublishState?
}
