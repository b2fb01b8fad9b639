import CommonMark
import Foundation
import RolebookCore
import RolebookModel

/// Loads the shipped model and reduces generated pages to their visible
/// text, so tests can ask "does the reader see this sentence?" regardless of
/// markup.
enum PageTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shippedModel() throws -> Model {
        let result = try ModelLoader.load(directory: packageRoot.appendingPathComponent("model").path)
        guard let model = result.model else {
            throw ToolFailure("shipped model does not load: \(result.diagnostics)")
        }
        return model
    }

    static func model(_ files: [String: String]) -> ModelLoader.Result {
        ModelLoader.load(sources: files.keys.sorted().map { SourceText(path: $0, text: files[$0]!) })
    }

    /// Collapses runs of whitespace, so line wrapping does not matter.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// What a reader of the rendered Markdown sees.
    static func visibleText(ofMarkdown markdown: String) -> String {
        normalized(MarkdownRenderer.plainText(fromMarkdown: markdown))
    }

    /// What a reader of the HTML sees: tags removed, entities decoded; the
    /// contents of `<style>` and `<svg>` are not prose and are dropped.
    static func visibleText(ofHTML html: String) -> String {
        var text = html
        for element in ["style", "svg"] {
            while let start = text.range(of: "<\(element)"), let end = text.range(of: "</\(element)>", range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        // Block tags separate words; inline tags (code, links, emphasis) do not.
        let inline: Set<String> = ["code", "strong", "em", "a", "span", "br"]
        var out = ""
        var tag: String?
        for character in text {
            if character == "<" { tag = ""; continue }
            if character == ">", let name = tag {
                let bare = name.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                if !inline.contains(String(bare)) { out.append(" ") }
                tag = nil
                continue
            }
            if tag != nil { tag?.append(character) } else { out.append(character) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return normalized(out)
    }

    /// The visible text of a piece of model prose.
    static func visible(_ modelMarkdown: String) -> String {
        normalized(MarkdownRenderer.plainText(fromMarkdown: modelMarkdown))
    }
}
