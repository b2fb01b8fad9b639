import RolebookCore

/// An element of a storage-format fragment: its qualified name (`p`,
/// `ac:structured-macro`), its attributes in document order and its children.
struct StorageElement: Sendable {
    struct Attribute: Sendable {
        var name: String
        /// Entities decoded.
        var value: String
        var location: SourceLocation
    }

    var name: String
    var attributes: [Attribute]
    var children: [StorageNode]
    /// The `<` of the start tag.
    var location: SourceLocation

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    var childElements: [StorageElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The element's text: character data and CDATA of it and its descendants.
    var text: String {
        children.map { node -> String in
            switch node {
            case .text(let text, _), .cdata(let text, _): text
            case .element(let element): element.text
            }
        }.joined()
    }
}
