/// GitHub's heading anchors: lower-cased, punctuation dropped except `-` and
/// `_`, spaces turned into `-`, and a repeated slug suffixed `-1`, `-2`, … in
/// document order. rolebook assigns them once so Markdown (where GitHub makes
/// them), HTML and Confluence anchors all agree.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public mutating func slug(for heading: String) -> String {
        let base = Self.baseSlug(heading)
        if let count = used[base] {
            var candidate = "\(base)-\(count)"
            var next = count
            while used[candidate] != nil {
                next += 1
                candidate = "\(base)-\(next)"
            }
            used[base] = next + 1
            used[candidate] = 1
            return candidate
        }
        used[base] = 1
        return base
    }

    /// The slug before de-duplication.
    public static func baseSlug(_ heading: String) -> String {
        var slug = ""
        for character in heading.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            }
        }
        return slug
    }
}
