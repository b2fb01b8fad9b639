import RolebookCore
import Yams

/// The YAML front matter of a runbook. It is cut out before parsing (libcmark
/// would read it as a heading) and replaced by blank lines, so every line
/// number after it stays true.
struct FrontMatter: Sendable {
    /// `flow: 2B-3B`: the flow the runbook follows, with where it is written.
    var flow: (id: String, location: SourceLocation)?
    /// How many lines the front matter spans, fences included.
    var lineCount: Int

    /// Splits `text` into front matter and the body with the front matter
    /// blanked out.
    static func split(_ text: String, path: String) -> (FrontMatter?, body: String, problems: [Diagnostic]) {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return (nil, text, []) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "---\r" || $0 == "..." }) else {
            return (nil, text, [])
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = String(repeating: "\n", count: close + 1) + lines[(close + 1)...].joined(separator: "\n")
        var matter = FrontMatter(flow: nil, lineCount: close + 1)
        var problems: [Diagnostic] = []
        do {
            if case .mapping(let mapping)? = try Yams.compose(yaml: yaml) {
                for (key, value) in mapping where key.string == "flow" {
                    let mark = value.mark
                    // Front matter starts on line 2 of the file.
                    let location = SourceLocation(path: path, line: (mark?.line ?? 1) + 1, column: mark?.column ?? 1)
                    if let id = value.string { matter.flow = (id, location) }
                }
            }
        } catch {
            problems.append(
                .warning("front matter is not valid YAML; it is ignored", rule: "lint.front-matter", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        return (matter, body, problems)
    }
}
