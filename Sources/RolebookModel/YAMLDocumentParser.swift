import Foundation
import RolebookCore
import Yams

/// Turns YAML text into a composed node tree, and every way that can fail into
/// diagnostics with a position: syntax errors, duplicate keys, several
/// documents in a model file, and alias bombs.
public enum YAMLDocumentParser {
    public static let syntaxRule: RuleID = "yaml.syntax"
    public static let duplicateKeyRule: RuleID = "yaml.duplicate-key"
    public static let aliasBombRule: RuleID = "yaml.too-large"

    /// The most nodes one document may expand to once aliases are followed.
    /// A real model of 10,000 components stays far below; a "billion laughs"
    /// document hits it after a few milliseconds instead of exhausting memory.
    public static let maxExpandedNodes = 5_000_000

    /// Parses every document in `source` (CRD files hold several).
    public static func parseAll(_ source: SourceText) throws(InputFailure) -> [Node] {
        var nodes: [Node] = []
        do {
            let parser = try Parser(yaml: source.text, resolver: .default, constructor: .default, encoding: .utf8)
            while let node = try parser.nextRoot() {
                nodes.append(node)
            }
        } catch let error as YamlError {
            throw InputFailure([diagnostic(for: error, path: source.path)])
        } catch {
            throw InputFailure([.error("cannot parse YAML: \(error)", rule: syntaxRule, at: .file(source.path))])
        }
        for node in nodes {
            var budget = maxExpandedNodes
            if !fitsBudget(node, budget: &budget) {
                throw InputFailure([
                    .error(
                        "YAML document expands to more than \(maxExpandedNodes) nodes (alias bomb?)",
                        rule: aliasBombRule, at: location(of: node, in: source.path) ?? .file(source.path),
                        help: "remove the recursive anchors and aliases")
                ])
            }
        }
        return nodes
    }

    /// Parses a file that must hold exactly one document (a model file).
    /// An empty file gives `nil`.
    public static func parseSingle(_ source: SourceText) throws(InputFailure) -> Node? {
        let nodes = try parseAll(source)
        if nodes.count > 1 {
            throw InputFailure([
                .error(
                    "a model file holds one YAML document, this one holds \(nodes.count)", rule: syntaxRule,
                    at: location(of: nodes[1], in: source.path) ?? .file(source.path),
                    help: "move the other documents into files of their own")
            ])
        }
        return nodes.first
    }

    public static func location(of node: Node, in path: String) -> SourceLocation? {
        node.mark.map { SourceLocation(path: path, line: $0.line, column: $0.column) }
    }

    /// Walks the tree counting nodes as if aliases were expanded, stopping as
    /// soon as the budget is spent.
    private static func fitsBudget(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence):
            for child in sequence where !fitsBudget(child, budget: &budget) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping {
                if !fitsBudget(key, budget: &budget) || !fitsBudget(value, budget: &budget) { return false }
            }
            return true
        }
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text))" }
            return .error(message, rule: syntaxRule, at: SourceLocation(path: path, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.joined(separator: ", ")
            return .error(
                "duplicate key '\(names)' in a mapping", rule: duplicateKeyRule,
                at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column))
        case let .reader(problem, offset, _, yaml):
            let position = offset.map { lineColumn(ofByteOffset: $0, in: yaml) } ?? (1, 1)
            return .error(problem, rule: syntaxRule, at: SourceLocation(path: path, line: position.0, column: position.1))
        default:
            return .error("cannot parse YAML: \(error)", rule: syntaxRule, at: .file(path))
        }
    }

    private static func lineColumn(ofByteOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() where index < offset {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
