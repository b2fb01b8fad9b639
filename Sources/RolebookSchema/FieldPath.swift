/// A model's dotted field path, `status.nodes[].phase`: each segment a field
/// name, `[]` (or `[0]`) stepping into the items of a list.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public struct Segment: Sendable, Hashable {
        public var name: String
        /// True when the path steps into the list items after this field.
        public var intoItems: Bool
    }

    public var segments: [Segment]

    /// nil for an empty path or an empty segment (`spec..x`).
    public init?(_ text: String) {
        var segments: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var intoItems = false
            if let bracket = name.firstIndex(of: "[") {
                guard name.hasSuffix("]") else { return nil }
                intoItems = true
                name = name[..<bracket]
            }
            guard !name.isEmpty else { return nil }
            segments.append(Segment(name: String(name), intoItems: intoItems))
        }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
    }

    public var description: String {
        segments.map { $0.name + ($0.intoItems ? "[]" : "") }.joined(separator: ".")
    }

    /// The path up to and including segment `index`, for messages.
    public func prefix(through index: Int) -> String {
        segments[...index].map { $0.name + ($0.intoItems ? "[]" : "") }.joined(separator: ".")
    }
}
