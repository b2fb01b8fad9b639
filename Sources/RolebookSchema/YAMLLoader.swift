import Foundation
import RolebookCore
import Yams

/// Reads YAML (and so JSON, which is YAML) into ``JSONNode`` trees with
/// positions, resolving scalars the way the API server's YAML reader does
/// (sigs.k8s.io/yaml, YAML 1.1 booleans such as `yes`/`off`, merge keys), and
/// turning every way that can fail into a diagnostic with a position: syntax
/// errors, duplicate keys and alias bombs.
///
/// It is separate from RolebookModel's parser on purpose: RolebookSchema
/// depends on RolebookCore and Yams only, and it converts straight to JSON
/// values instead of keeping Yams nodes, which is what makes the 2.8 MB Argo
/// Workflows CRDs cheap to hold and walk.
public enum YAMLLoader {
    public static let syntaxRule: RuleID = "yaml.syntax"
    public static let duplicateKeyRule: RuleID = "yaml.duplicate-key"
    public static let aliasBombRule: RuleID = "yaml.too-large"

    /// The most nodes one document may expand to once aliases are followed:
    /// the largest real CRD (Argo's CronWorkflow) has about 150,000.
    public static let maxExpandedNodes = 5_000_000

    /// Every document of `source`; empty documents (`---` alone) are dropped.
    public static func documents(_ source: SourceText) throws(InputFailure) -> [JSONNode] {
        var result: [JSONNode] = []
        do {
            let parser = try Parser(yaml: source.text, resolver: .basic, constructor: .default, encoding: .utf8)
            while let node = try parser.nextRoot() {
                var converter = Converter(path: source.path)
                let converted = try converter.convert(node)
                if !converted.isNull { result.append(converted) }
            }
        } catch let failure as InputFailure {
            throw failure
        } catch let error as YamlError {
            throw InputFailure([diagnostic(for: error, path: source.path)])
        } catch {
            throw InputFailure([.error("cannot parse YAML: \(error)", rule: syntaxRule, at: .file(source.path))])
        }
        return result
    }

    /// Walks a Yams tree once, building the JSON tree and counting nodes so
    /// that aliases cannot expand it past ``maxExpandedNodes``.
    struct Converter {
        let path: String
        var budget = YAMLLoader.maxExpandedNodes

        mutating func convert(_ node: Node) throws(InputFailure) -> JSONNode {
            budget -= 1
            if budget < 0 {
                throw InputFailure([
                    .error(
                        "YAML document expands to more than \(YAMLLoader.maxExpandedNodes) nodes (alias bomb?)",
                        rule: YAMLLoader.aliasBombRule, at: location(of: node),
                        help: "remove the recursive anchors and aliases")
                ])
            }
            let mark = node.mark
            let line = mark?.line ?? 0
            let column = mark?.column ?? 0
            switch node {
            case .scalar(let scalar):
                return JSONNode(YAMLLoader.resolve(scalar), line: line, column: column)
            case .alias(let alias):
                // Yams resolves aliases while composing; a stray one is plain text.
                return JSONNode(.string(alias.anchor.rawValue), line: line, column: column)
            case .sequence(let sequence):
                var items: [JSONNode] = []
                items.reserveCapacity(sequence.count)
                for child in sequence { items.append(try convert(child)) }
                return JSONNode(.array(items), line: line, column: column)
            case .mapping(let mapping):
                var members: [JSONMember] = []
                members.reserveCapacity(mapping.count)
                var merges: [JSONNode] = []
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        throw InputFailure([
                            .error(
                                "a mapping key must be a scalar, not a \(key.isMapping ? "mapping" : "sequence")",
                                rule: YAMLLoader.syntaxRule, at: location(of: key),
                                help: "JSON objects have string keys; quote the key or restructure the mapping")
                        ])
                    }
                    let converted = try convert(value)
                    if keyScalar.string == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                        merges.append(converted)
                        continue
                    }
                    members.append(
                        JSONMember(
                            key: keyScalar.string, keyLine: keyScalar.mark?.line ?? 0,
                            keyColumn: keyScalar.mark?.column ?? 0, value: converted))
                }
                // YAML merge keys (`<<: *defaults`): keys written here win.
                for merge in merges {
                    let sources: [JSONNode] = merge.array ?? [merge]
                    for source in sources {
                        for member in source.members ?? [] where !members.contains(where: { $0.key == member.key }) {
                            members.append(member)
                        }
                    }
                }
                return JSONNode(.object(members), line: line, column: column)
            }
        }

        func location(of node: Node) -> SourceLocation {
            node.mark.map { SourceLocation(path: path, line: $0.line, column: $0.column) } ?? .file(path)
        }
    }

    /// The JSON value of a YAML scalar. Quoted and block scalars are strings;
    /// plain ones follow YAML 1.1 as go-yaml v2 (and so kubectl) reads them.
    static func resolve(_ scalar: Node.Scalar) -> JSONValue {
        let text = scalar.string
        let tagName = scalar.tag.description
        switch tagName {
        case "tag:yaml.org,2002:str": return .string(text)
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return resolvePlain(text).flatMap { if case .bool = $0 { $0 } else { nil } } ?? .string(text)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
            return resolvePlain(text) ?? .string(text)
        default: break
        }
        switch scalar.style {
        case .plain, .any:
            if tagName == "!" { return .string(text) }
            return resolvePlain(text) ?? .string(text)
        default:
            return .string(text)
        }
    }

    /// null, booleans, integers and floats of a plain scalar; nil for a string.
    static func resolvePlain(_ text: String) -> JSONValue? {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return text == "~" ? .null : nil
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            switch text {
            case "null", "Null", "NULL": return .null
            case "no", "No", "NO": return .bool(false)
            default: return nil
            }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return text == "true" || text == "True" || text == "TRUE" ? .bool(true) : nil
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return text == "false" || text == "False" || text == "FALSE" ? .bool(false) : nil
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            return text == "yes" || text == "Yes" || text == "YES" ? .bool(true) : nil
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            switch text {
            case "on", "On", "ON": return .bool(true)
            case "off", "Off", "OFF": return .bool(false)
            default: return nil
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(text)
        default:
            return nil
        }
    }

    /// YAML 1.1 numbers: decimal, `0x` hex, leading-zero octal, `_` separators,
    /// floats with exponents, `.inf` and `.nan`.
    static func number(_ raw: String) -> JSONValue? {
        switch raw {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        let text = raw.contains("_") ? raw.replacingOccurrences(of: "_", with: "") : raw
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        if digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if digits.count > 1, digits.first == "0", digits.allSatisfy({ ("0"..."7").contains($0) }) {
                if let value = Int(digits, radix: 8) { return .integer(negative ? -value : value) }
            }
            if let value = Int(digits) { return .integer(negative ? -value : value) }
            return Double(text).map { .number($0) }
        }
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            guard let value = Int(digits.dropFirst(2), radix: 16) else { return nil }
            return .integer(negative ? -value : value)
        }
        // A float: digits, one dot, an optional exponent; nothing else.
        var sawDigit = false
        var sawDot = false
        var sawExponent = false
        var previous: Character = " "
        for character in digits {
            switch character {
            case "0"..."9": sawDigit = true
            case ".":
                if sawDot || sawExponent { return nil }
                sawDot = true
            case "e", "E":
                if sawExponent || !sawDigit { return nil }
                sawExponent = true
            case "+", "-":
                if previous != "e" && previous != "E" { return nil }
            default: return nil
            }
            previous = character
        }
        guard sawDigit, sawDot || sawExponent, previous != "e", previous != "E", previous != "+", previous != "-" else {
            return nil
        }
        return Double(text).map { .number($0) }
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text))" }
            return .error(message, rule: syntaxRule, at: SourceLocation(path: path, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(
                "duplicate key '\(duplicates.joined(separator: ", "))' in a mapping", rule: duplicateKeyRule,
                at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column),
                help: "the API server's strict decoding rejects duplicate fields; a lenient one keeps only the last")
        default:
            return .error("cannot parse YAML: \(error)", rule: syntaxRule, at: .file(path))
        }
    }
}

extension Node {
    fileprivate var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}
