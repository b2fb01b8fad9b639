import Foundation

/// A CRD `pattern`, compiled once per distinct pattern text.
///
/// Kubernetes evaluates patterns with Go's RE2 (ECMA-262 syntax is what the
/// OpenAPI spec names); rolebook uses ICU through NSRegularExpression. They
/// agree on the syntax CRDs use in practice (classes, anchors, repetition,
/// groups); RE2 rejects lookaround and backreferences, which ICU accepts, and
/// a pattern ICU cannot compile is reported once and not enforced.
public final class CompiledPattern: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and
    // documented as safe to use from several threads at once.
    public let source: String
    private let expression: NSRegularExpression

    public init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source, options: []) else { return nil }
        self.source = source
        self.expression = expression
    }

    /// True when the pattern matches somewhere in `text` (JSON Schema
    /// patterns are not implicitly anchored).
    public func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
