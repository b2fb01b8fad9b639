import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads rendered SVG the way a viewer would: the text elements, decoded,
/// and whether the document is well-formed XML at all.
enum DiagramSVGReader {
    /// Every `<text>` element's content, entities decoded, in document order.
    static func texts(in svg: String) -> [String] {
        var result: [String] = []
        var rest = svg[...]
        while let open = rest.range(of: "<text") {
            guard let contentStart = rest[open.upperBound...].range(of: ">"),
                let close = rest[contentStart.upperBound...].range(of: "</text>")
            else { break }
            result.append(decoded(String(rest[contentStart.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// The text elements joined by spaces: a label wrapped onto several
    /// lines reads back as its words in order.
    static func visibleText(of svg: String) -> String {
        texts(in: svg).joined(separator: " ")
    }

    /// XML character references and the five predefined entities decoded.
    static func decoded(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                result += rest[amp...]
                return result
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            switch name {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                if name.hasPrefix("#x"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += rest[amp...semicolon]
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// Whether `svg` parses as XML (what a browser's SVG parser requires).
    static func isWellFormedXML(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    /// Each `<g id="…">` with its id decoded (Graphviz writes `-` as
    /// `&#45;`) and its text up to the first `</g>` (for a node or an edge:
    /// its shapes and label).
    static func groups(in svg: String) -> [(id: String, body: String)] {
        var result: [(id: String, body: String)] = []
        var rest = svg[...]
        while let start = rest.range(of: "<g id=\"") {
            guard let idEnd = rest[start.upperBound...].firstIndex(of: "\""),
                let end = rest[start.upperBound...].range(of: "</g>")
            else { break }
            result.append((decoded(String(rest[start.upperBound..<idEnd])), String(rest[start.lowerBound..<end.upperBound])))
            rest = rest[start.upperBound...]
        }
        return result
    }

    /// The group whose (decoded) id is `id`.
    static func group(withID id: String, in svg: String) -> String? {
        groups(in: svg).first { $0.id == id }?.body
    }

    /// The ids of the node groups whose text includes `text`.
    static func nodeGroupIDs(containing text: String, in svg: String) -> [String] {
        groups(in: svg).filter { $0.body.contains("class=\"node\"") && visibleText(of: $0.body).contains(text) }.map(\.id)
    }
}
