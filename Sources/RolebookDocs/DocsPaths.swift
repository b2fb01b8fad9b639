/// Where generated files go, relative to the output directory (`docs/`).
/// The page links diagrams by these paths, so both sides use one definition.
public enum DocsPaths {
    public static let markdownPage = "roles-and-responsibilities.md"
    public static let htmlPage = "roles-and-responsibilities.html"
    public static let diagramsDirectory = "diagrams"

    /// `diagrams/2B-3B.svg` and friends.
    public static func diagram(_ id: String, _ fileExtension: String) -> String {
        "\(diagramsDirectory)/\(id).\(fileExtension)"
    }
}
