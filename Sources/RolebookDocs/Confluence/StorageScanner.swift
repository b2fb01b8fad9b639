import RolebookCore

/// Reads a storage-format fragment into a tree, recording where every
/// element, attribute and text run starts (1-based line and column in
/// Unicode scalars, as every rolebook diagnostic counts them).
///
/// Foundation's `XMLParser` decides well-formedness in the end (see
/// ``ConfluenceValidator``), but it reports elements only after their start
/// tag and says little about an error beyond a code. This scanner finds the
/// mistakes that make Confluence answer `400 Error parsing xhtml` (an
/// unclosed `<br>`, `</td>` closing a `<p>`, `&nbsp;`, a bare `&` or `<`, a
/// control character) and says what and where, in Confluence's words.
struct StorageScanner {
    private let scalars: [Unicode.Scalar]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var findings: [Diagnostic] = []

    /// The five entities XML predefines; anything else needs a DTD that
    /// Confluence does not load.
    static let predefinedEntities: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    init(_ text: String, path: String) {
        self.scalars = Array(text.unicodeScalars)
        self.path = path
    }

    /// The fragment's top-level nodes and what is wrong with it.
    static func scan(_ text: String, path: String) -> (nodes: [StorageNode], findings: [Diagnostic]) {
        var scanner = StorageScanner(text, path: path)
        let nodes = scanner.run()
        return (nodes, scanner.findings)
    }

    private var here: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    private func peek(_ literal: String) -> Bool {
        var i = index
        for scalar in literal.unicodeScalars {
            guard i < scalars.count, scalars[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    private mutating func advance() {
        guard index < scalars.count else { return }
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private mutating func advance(_ count: Int) {
        for _ in 0..<count { advance() }
    }

    private mutating func report(_ rule: RuleID, _ message: String, at location: SourceLocation, help: String? = nil) {
        findings.append(.error(message, rule: rule, at: location, help: help))
    }

    private mutating func checkCharacter(_ scalar: Unicode.Scalar) {
        if !ConfluenceXML.isAllowed(scalar) {
            report(
                "confluence.character", "character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)) is not allowed in XML",
                at: here, help: "Confluence refuses the whole page; drop the character")
        }
    }

    private mutating func run() -> [StorageNode] {
        var stack: [StorageElement] = []
        var roots: [StorageNode] = []
        func append(_ node: StorageNode) {
            if stack.isEmpty { roots.append(node) } else { stack[stack.count - 1].children.append(node) }
        }
        while index < scalars.count {
            let start = here
            if peek("<!--") {
                advance(4)
                while index < scalars.count, !peek("-->") {
                    checkCharacter(scalars[index])
                    advance()
                }
                if index >= scalars.count { report("confluence.xml", "comment is never closed with '-->'", at: start) }
                advance(3)
            } else if peek("<![CDATA[") {
                advance(9)
                var content = String.UnicodeScalarView()
                while index < scalars.count, !peek("]]>") {
                    checkCharacter(scalars[index])
                    content.append(scalars[index])
                    advance()
                }
                if index >= scalars.count { report("confluence.xml", "CDATA section is never closed with ']]>'", at: start) }
                advance(3)
                append(.cdata(String(content), start))
            } else if peek("<?") || peek("<!") {
                report("confluence.xml", "a page body cannot hold a processing instruction or a DOCTYPE", at: start)
                while index < scalars.count, scalars[index] != ">" { advance() }
                advance()
            } else if peek("</") {
                advance(2)
                let name = readName()
                skipWhitespace()
                if index < scalars.count, scalars[index] == ">" { advance() } else {
                    report("confluence.xml", "end tag </\(name)> is not closed with '>'", at: start)
                }
                if let open = stack.last, open.name == name {
                    let element = stack.removeLast()
                    append(.element(element))
                } else if let depth = stack.lastIndex(where: { $0.name == name }) {
                    // Confluence says "Unexpected close tag </p>; expected
                    // </br>"; the mistake is where the inner element opened.
                    while stack.count > depth + 1 {
                        let open = stack.removeLast()
                        report(
                            "confluence.xml", "<\(open.name)> is never closed (</\(name)> at \(start.line):\(start.column) closes the <\(name)> around it)",
                            at: open.location, help: Self.voidElements.contains(open.name) ? "write it self-closed: <\(open.name)/>" : nil)
                        append(.element(open))
                    }
                    let element = stack.removeLast()
                    append(.element(element))
                } else {
                    let expected = stack.last.map { "; expected </\($0.name)>" } ?? ""
                    report("confluence.xml", "unexpected </\(name)>\(expected)", at: start)
                }
            } else if scalars[index] == "<" {
                advance()
                let name = readName()
                if name.isEmpty {
                    report("confluence.xml", "'<' in text must be written as '&lt;'", at: start)
                    continue
                }
                var element = StorageElement(name: name, attributes: [], children: [], location: start)
                var selfClosing = false
                var closed = false
                while index < scalars.count {
                    skipWhitespace()
                    guard index < scalars.count else { break }
                    if peek("/>") {
                        advance(2)
                        selfClosing = true
                        closed = true
                        break
                    }
                    if scalars[index] == ">" {
                        advance()
                        closed = true
                        break
                    }
                    guard let attribute = readAttribute() else { break }
                    if element.attributes.contains(where: { $0.name == attribute.name }) {
                        report("confluence.xml", "attribute '\(attribute.name)' appears twice on <\(name)>", at: attribute.location)
                    } else {
                        element.attributes.append(attribute)
                    }
                }
                if !closed {
                    report("confluence.xml", "start tag <\(name)> is not closed with '>'", at: start)
                    while index < scalars.count, scalars[index] != ">" { advance() }
                    advance()
                }
                if selfClosing { append(.element(element)) } else { stack.append(element) }
            } else {
                let text = readText()
                append(.text(text, start))
            }
        }
        while let open = stack.popLast() {
            report(
                "confluence.xml", "<\(open.name)> is never closed",
                at: open.location, help: Self.voidElements.contains(open.name) ? "write it self-closed: <\(open.name)/>" : nil)
            if stack.isEmpty { roots.append(.element(open)) } else { stack[stack.count - 1].children.append(.element(open)) }
        }
        return roots
    }

    /// HTML's void elements, which XML needs self-closed.
    static let voidElements: Set<String> = ["br", "hr", "img", "col", "input", "meta", "link", "area", "base", "wbr"]

    private mutating func skipWhitespace() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { advance() }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_:.".unicodeScalars.contains(scalar)
    }

    private mutating func readName() -> String {
        var name = String.UnicodeScalarView()
        while index < scalars.count, Self.isNameScalar(scalars[index]) {
            name.append(scalars[index])
            advance()
        }
        return String(name)
    }

    private mutating func readAttribute() -> StorageElement.Attribute? {
        let start = here
        let name = readName()
        guard !name.isEmpty else {
            report("confluence.xml", "unexpected '\(scalars[index])' in a start tag", at: start)
            return nil
        }
        skipWhitespace()
        guard index < scalars.count, scalars[index] == "=" else {
            report("confluence.xml", "attribute '\(name)' has no value (write \(name)=\"…\")", at: start)
            return nil
        }
        advance()
        skipWhitespace()
        guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else {
            report("confluence.xml", "the value of attribute '\(name)' must be quoted", at: start)
            return nil
        }
        let quote = scalars[index]
        advance()
        var value = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != quote {
            let scalar = scalars[index]
            if scalar == "<" {
                report("confluence.xml", "'<' in the value of attribute '\(name)' must be written as '&lt;'", at: here)
                advance()
            } else if scalar == "&" {
                if let decoded = readReference() { value.append(contentsOf: decoded.unicodeScalars) }
            } else {
                checkCharacter(scalar)
                value.append(scalar)
                advance()
            }
        }
        if index >= scalars.count {
            report("confluence.xml", "the value of attribute '\(name)' is never closed", at: start)
        }
        advance()
        return .init(name: name, value: String(value), location: start)
    }

    private mutating func readText() -> String {
        var text = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != "<" {
            let scalar = scalars[index]
            if scalar == "&" {
                if let decoded = readReference() { text.append(contentsOf: decoded.unicodeScalars) }
                continue
            }
            if peek("]]>") {
                report("confluence.xml", "']]>' in text must be written as ']]&gt;'", at: here)
            }
            checkCharacter(scalar)
            text.append(scalar)
            advance()
        }
        return String(text)
    }

    /// Reads `&…;` at the current position; reports anything but the five
    /// XML entities and character references to allowed characters.
    private mutating func readReference() -> String? {
        let start = here
        advance()
        var body = ""
        while index < scalars.count, body.unicodeScalars.count < 32, Self.isNameScalar(scalars[index]) || scalars[index] == "#" {
            body.unicodeScalars.append(scalars[index])
            advance()
        }
        guard index < scalars.count, scalars[index] == ";", !body.isEmpty else {
            report("confluence.xml", "'&' must be written as '&amp;'", at: start)
            return "&" + body
        }
        advance()
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value), ConfluenceXML.isAllowed(scalar) else {
                report("confluence.character", "character reference &\(body); is not an allowed XML character", at: start)
                return ""
            }
            return String(scalar)
        }
        if let scalar = Self.predefinedEntities[body] { return String(scalar) }
        report(
            "confluence.entity", "named entity &\(body); is not one of XML's five (&amp; &lt; &gt; &quot; &apos;)", at: start,
            help: "write the character itself in UTF-8 or as a numeric reference; Confluence refuses undeclared entities")
        return ""
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
