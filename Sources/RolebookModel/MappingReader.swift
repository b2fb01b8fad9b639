import RolebookCore
import Yams

/// Reads one YAML mapping of a model file field by field, reporting every
/// problem — unknown keys (with a did-you-mean), missing keys, wrong types,
/// values outside an enum — at the exact node, and carrying on so that one run
/// reports them all.
struct MappingReader {
    let node: Node
    let path: String
    let sink: DiagnosticSink
    /// "a team", "a flow node": used in messages.
    let what: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    static let unknownKeyRule: RuleID = "model.unknown-key"
    static let missingKeyRule: RuleID = "model.missing-key"
    static let typeRule: RuleID = "model.type"
    static let valueRule: RuleID = "model.invalid-value"

    /// Fails (after reporting) when `node` is not a mapping.
    init?(_ node: Node, path: String, sink: DiagnosticSink, what: String, allowedKeys: [String]) {
        self.node = node
        self.path = path
        self.sink = sink
        self.what = what
        guard case .mapping(let mapping) = node else {
            sink.error("\(what) must be a mapping, found \(Self.describe(node))", rule: Self.typeRule, at: Self.location(node, path))
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                sink.error("keys of \(what) must be plain strings", rule: Self.typeRule, at: Self.location(key, path))
                continue
            }
            if !allowedKeys.contains(scalar.string) {
                let hint = Suggestion.hint(for: scalar.string, among: allowedKeys)
                sink.error(
                    "unknown key '\(scalar.string)' in \(what)\(hint)", rule: Self.unknownKeyRule,
                    at: Self.location(key, path),
                    help: "known keys: \(allowedKeys.joined(separator: ", "))")
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        self.pairs = pairs
    }

    var location: SourceLocation { Self.location(node, path) }

    func value(_ key: String) -> Node? {
        pairs.first { $0.key == key }.map(\.value)
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    private func missing(_ key: String) {
        sink.error("\(what) is missing the required key '\(key)'", rule: Self.missingKeyRule, at: location)
    }

    /// A string scalar. Numbers and booleans written where text is expected
    /// are taken as their text (`id: 1`), as YAML users expect.
    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        return Self.string(value, path: path, sink: sink, what: "'\(key)'")
    }

    static func string(_ value: Node, path: String, sink: DiagnosticSink, what: String) -> Located<String>? {
        guard case .scalar(let scalar) = value else {
            sink.error("\(what) must be a string, found \(describe(value))", rule: typeRule, at: location(value, path))
            return nil
        }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            sink.error("\(what) must be a string, found null", rule: typeRule, at: location(value, path))
            return nil
        }
        return Located(scalar.string, at: location(value, path))
    }

    /// A non-empty string; empty text is as good as missing for names and labels.
    func text(_ key: String, required: Bool = false) -> Located<String>? {
        guard let located = string(key, required: required) else { return nil }
        if located.value.trimmingWhitespace().isEmpty {
            sink.error("'\(key)' of \(what) must not be empty", rule: Self.valueRule, at: located.location)
            return nil
        }
        return located
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        if case .scalar(let scalar) = value, let bool = Bool(scalar.string.lowercased()) {
            return bool
        }
        sink.error("'\(key)' must be true or false", rule: Self.typeRule, at: Self.location(value, path))
        return nil
    }

    /// A sequence; a missing key is an empty list.
    func sequence(_ key: String, required: Bool = false) -> [Node] {
        guard let value = value(key) else {
            if required { missing(key) }
            return []
        }
        guard case .sequence(let sequence) = value else {
            sink.error("'\(key)' must be a list, found \(Self.describe(value))", rule: Self.typeRule, at: Self.location(value, path))
            return []
        }
        return Array(sequence)
    }

    func strings(_ key: String) -> [Located<String>] {
        sequence(key).compactMap { Self.string($0, path: path, sink: sink, what: "an item of '\(key)'") }
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let located = string(key, required: required) else { return nil }
        return Self.enumValue(located, E.self, key: key, sink: sink)
    }

    static func enumValue<E: RawRepresentable & CaseIterable>(_ located: Located<String>, _: E.Type, key: String, sink: DiagnosticSink) -> E?
    where E.RawValue == String {
        if let value = E(rawValue: located.value) { return value }
        let allowed = E.allCases.map(\.rawValue)
        sink.error(
            "'\(located.value)' is not a valid \(key)\(Suggestion.hint(for: located.value, among: allowed))",
            rule: valueRule, at: located.location, help: "one of: \(allowed.joined(separator: ", "))")
        return nil
    }

    func id<Entity>(_ key: String = "id", required: Bool = true) -> Located<EntityID<Entity>>? {
        guard let located = text(key, required: required) else { return nil }
        return Located(EntityID(located.value), at: located.location)
    }

    func ids<Entity>(_ key: String) -> [Located<EntityID<Entity>>] {
        strings(key).map { Located(EntityID($0.value), at: $0.location) }
    }

    static func location(_ node: Node, _ path: String) -> SourceLocation {
        YAMLDocumentParser.location(of: node, in: path) ?? .file(path)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "the scalar '\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
