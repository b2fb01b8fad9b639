import RolebookCore

/// A node of a parsed storage-format fragment, with where it starts in the
/// file, so the validator can point at the exact line and column.
indirect enum StorageNode: Sendable {
    case element(StorageElement)
    /// Character data, entities decoded.
    case text(String, SourceLocation)
    case cdata(String, SourceLocation)
}
