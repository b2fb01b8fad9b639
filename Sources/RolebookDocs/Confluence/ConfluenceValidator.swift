import RolebookCore

/// Checks a storage-format page body offline, before Confluence sees it.
///
/// Confluence has no schema for storage format and answers a bad body with
/// `400 Error parsing xhtml` for the whole page (or, worse, stores an
/// "Unknown macro" box). The checks here are the causes tools have hit:
/// well-formedness inside a wrapper declaring `ac`/`ri` (parsed twice: by
/// ``StorageScanner`` for precise positions, by libxml2 as the authority),
/// characters XML forbids, named entities, elements, attributes, macros and
/// macro parameters outside the documented vocabulary, blocks inside inline
/// content, attachments that are not part of the export, anchor links
/// without an anchor, and the random ids Confluence adds on save.
///
/// `rolebook build` and `check` run it on the export before writing or
/// comparing; `rolebook publish confluence` runs it before sending.
public struct ConfluenceValidator: Sendable {
    /// The path findings name (`docs/confluence/page.xml`).
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public static let rules: [RuleDescriptor] = [
        RuleDescriptor("confluence.xml", "The Confluence page body is not well-formed XML."),
        RuleDescriptor("confluence.character", "The Confluence page body holds a character XML forbids."),
        RuleDescriptor("confluence.entity", "The Confluence page body uses a named entity other than XML's five."),
        RuleDescriptor("confluence.unknown-element", "The Confluence page body uses an element storage format does not define."),
        RuleDescriptor("confluence.unknown-attribute", "An element of the Confluence page body has an attribute storage format does not define."),
        RuleDescriptor("confluence.unknown-macro", "The Confluence page body uses a macro rolebook does not know."),
        RuleDescriptor("confluence.unknown-parameter", "A macro has a parameter it does not define, or one twice."),
        RuleDescriptor("confluence.parameter-value", "A macro parameter has a value outside the ones the macro accepts."),
        RuleDescriptor("confluence.macro-body", "A macro has the wrong kind of body."),
        RuleDescriptor("confluence.structure", "An element is outside the element it must be in, or a block is inside inline content."),
        RuleDescriptor("confluence.missing-attachment", "The page references an attachment the export does not include."),
        RuleDescriptor("confluence.dangling-anchor", "An in-page link targets an anchor the page does not have."),
        RuleDescriptor("confluence.duplicate-anchor", "Two anchor macros have the same name."),
        RuleDescriptor("confluence.nondeterministic", "The page body carries ids Confluence assigns on save."),
    ]

    /// Every finding, sorted. `attachments` are the file names the export
    /// uploads with the page.
    public func validate(_ storage: String, attachments: Set<String>) -> [Diagnostic] {
        let (nodes, syntax) = StorageScanner.scan(storage, path: path)
        var findings = syntax
        // libxml2 is asked only when the scanner found nothing: it would
        // report the same mistakes again, less precisely. Without
        // XML_PARSE_HUGE (which Foundation's XMLParser does not expose) it
        // refuses documents past its default limits with outOfMemoryError, so
        // very large bodies (a generated model of 10,000 components) rely on
        // the scanner alone; Confluence refuses pages of that size anyway.
        if findings.isEmpty, storage.utf8.count <= StorageWellFormedness.maxBytes,
            let error = StorageWellFormedness.firstError(in: storage, path: path)
        {
            findings.append(error)
        }
        let blocking: Set<RuleID> = ["confluence.xml", "confluence.character"]
        // When the body does not parse, only its syntax errors are
        // reported: everything else would be noise about a misread tree.
        if findings.contains(where: { blocking.contains($0.rule) }) { return findings.sorted() }

        var walker = Walker(attachments: attachments)
        walker.collectAnchors(nodes)
        walker.check(nodes, parent: nil)
        return (findings + walker.findings).sorted()
    }

    /// The semantic checks, over the tree the scanner built.
    private struct Walker {
        let attachments: Set<String>
        var anchors: [String: SourceLocation] = [:]
        var findings: [Diagnostic] = []

        init(attachments: Set<String>) {
            self.attachments = attachments
        }

        private mutating func report(_ rule: RuleID, _ message: String, at location: SourceLocation, help: String? = nil) {
            findings.append(.error(message, rule: rule, at: location, help: help))
        }

        /// Anchor macros first, so a link may come before its target.
        mutating func collectAnchors(_ nodes: [StorageNode]) {
            for case .element(let element) in nodes {
                if element.name == "ac:structured-macro", element.attribute("ac:name") == "anchor" {
                    let name = element.childElements.first { $0.name == "ac:parameter" }?.text ?? ""
                    if let first = anchors[name] {
                        report(
                            "confluence.duplicate-anchor", "anchor '\(name)' is defined twice (first at \(first.line):\(first.column))",
                            at: element.location)
                    } else {
                        anchors[name] = element.location
                    }
                }
                collectAnchors(element.children)
            }
        }

        mutating func check(_ nodes: [StorageNode], parent: StorageElement?) {
            for node in nodes {
                guard case .element(let element) = node else { continue }
                // Inside an unknown element (a `dl`), its own children would
                // only repeat the finding.
                guard check(element, parent: parent) else { continue }
                check(element.children, parent: element)
            }
        }

        /// Checks one element; false when it is unknown.
        @discardableResult
        private mutating func check(_ element: StorageElement, parent: StorageElement?) -> Bool {
            let name = element.name
            guard let allowed = ConfluenceVocabulary.attributes[name] else {
                report(
                    "confluence.unknown-element", "<\(name)> is not an element of Confluence storage format", at: element.location,
                    help: name == "dl" || name == "dt" || name == "dd" ? "Cloud's editor has no definition lists; use a table" : nil)
                return false
            }
            for attribute in element.attributes where !allowed.contains(attribute.name) {
                if ConfluenceVocabulary.savedStateAttributes.contains(attribute.name) {
                    report(
                        "confluence.nondeterministic", "\(attribute.name) is assigned by Confluence on save", at: attribute.location,
                        help: "leave it out: a random id makes the export differ on every build")
                } else {
                    report("confluence.unknown-attribute", "<\(name)> has no attribute '\(attribute.name)'", at: attribute.location)
                }
            }
            if let required = ConfluenceVocabulary.requiredAttributes[name], element.attribute(required) == nil {
                report("confluence.structure", "<\(name)> needs the attribute '\(required)'", at: element.location)
            }
            if let parents = ConfluenceVocabulary.parents[name], !parents.contains(parent?.name ?? "") {
                let within = parents.sorted().map { "<\($0)>" }.joined(separator: ", ")
                report("confluence.structure", "<\(name)> must be inside \(within)", at: element.location)
            }
            if let parent, ConfluenceVocabulary.inlineOnly.contains(parent.name), isBlock(element) {
                report(
                    "confluence.structure", "block <\(displayName(element))> inside inline <\(parent.name)>", at: element.location,
                    help: "Confluence refuses block content nested in inline content")
            }
            switch name {
            case "ac:structured-macro": checkMacro(element)
            case "ac:link": checkLink(element)
            case "ac:image": checkImage(element)
            case "ri:attachment": checkAttachment(element)
            case "ac:link-body":
                for child in element.childElements where !ConfluenceVocabulary.linkBodyTags.contains(child.name) {
                    report("confluence.structure", "<ac:link-body> cannot hold <\(child.name)>", at: child.location)
                }
            case "ac:plain-text-link-body", "ac:plain-text-body":
                for child in element.childElements {
                    report("confluence.structure", "<\(name)> holds text only, not <\(child.name)>", at: child.location)
                }
            default: break
            }
            return true
        }

        private func isBlock(_ element: StorageElement) -> Bool {
            if ConfluenceVocabulary.blockElements.contains(element.name) { return true }
            if element.name == "ac:structured-macro", let macro = element.attribute("ac:name").flatMap({ ConfluenceVocabulary.macros[$0] }) {
                return macro.isBlock
            }
            return false
        }

        private func displayName(_ element: StorageElement) -> String {
            element.attribute("ac:name").map { "\(element.name) ac:name=\"\($0)\"" } ?? element.name
        }

        private mutating func checkMacro(_ element: StorageElement) {
            guard let macroName = element.attribute("ac:name") else { return }
            guard let macro = ConfluenceVocabulary.macros[macroName] else {
                report(
                    "confluence.unknown-macro", "unknown macro '\(macroName)'", at: element.location,
                    help: "known: " + ConfluenceVocabulary.macros.keys.sorted().joined(separator: ", "))
                return
            }
            var seen: Set<String> = []
            var bodies: [StorageElement] = []
            for node in element.children {
                switch node {
                case .text(let text, let location) where !text.allSatisfy(\.isWhitespace):
                    report("confluence.macro-body", "text directly inside macro '\(macroName)'", at: location)
                case .cdata(_, let location):
                    report("confluence.macro-body", "CDATA directly inside macro '\(macroName)'", at: location)
                case .element(let child):
                    switch child.name {
                    case "ac:parameter":
                        checkParameter(child, of: macroName, macro: macro, seen: &seen)
                    case "ac:rich-text-body", "ac:plain-text-body":
                        bodies.append(child)
                    default:
                        report("confluence.macro-body", "<\(child.name)> directly inside macro '\(macroName)'", at: child.location)
                    }
                default: break
                }
            }
            let expected: String?
            switch macro.body {
            case .none: expected = nil
            case .richText: expected = "ac:rich-text-body"
            case .plainText: expected = "ac:plain-text-body"
            }
            for body in bodies where body.name != expected {
                let what = expected.map { "takes <\($0)>" } ?? "takes no body"
                report("confluence.macro-body", "macro '\(macroName)' \(what), not <\(body.name)>", at: body.location)
            }
            if let expected, bodies.filter({ $0.name == expected }).count != 1 {
                report("confluence.macro-body", "macro '\(macroName)' needs exactly one <\(expected)>", at: element.location)
            }
            if macroName == "anchor" {
                let value = element.childElements.first { $0.name == "ac:parameter" }?.text ?? ""
                if value.isEmpty || value.contains(where: \.isWhitespace) {
                    report(
                        "confluence.parameter-value", "anchor name '\(value)' must be non-empty and without whitespace", at: element.location)
                }
            }
        }

        private mutating func checkParameter(_ parameter: StorageElement, of macroName: String, macro: ConfluenceVocabulary.Macro, seen: inout Set<String>) {
            guard let key = parameter.attribute("ac:name") else { return }
            guard macro.parameters.contains(key) else {
                report(
                    "confluence.unknown-parameter", "macro '\(macroName)' has no parameter '\(key)'", at: parameter.location,
                    help: "known: " + macro.parameters.sorted().map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", "))
                return
            }
            if !seen.insert(key).inserted {
                report("confluence.unknown-parameter", "parameter '\(key)' of macro '\(macroName)' is given twice", at: parameter.location)
            }
            if let values = ConfluenceVocabulary.parameterValues[macroName]?[key], !values.contains(parameter.text) {
                report(
                    "confluence.parameter-value", "'\(parameter.text)' is not a value of parameter '\(key)' of macro '\(macroName)'",
                    at: parameter.location, help: "accepted: " + values.sorted().joined(separator: ", "))
            }
        }

        private mutating func checkLink(_ link: StorageElement) {
            let resources = link.childElements.filter { $0.name.hasPrefix("ri:") }
            let bodies = link.childElements.filter { $0.name == "ac:link-body" || $0.name == "ac:plain-text-link-body" }
            if resources.count > 1 { report("confluence.structure", "<ac:link> has more than one target", at: link.location) }
            if bodies.count > 1 { report("confluence.structure", "<ac:link> has more than one body", at: link.location) }
            if let anchor = link.attribute("ac:anchor"), resources.isEmpty, anchors[anchor] == nil {
                report(
                    "confluence.dangling-anchor", "link to anchor '\(anchor)', which the page does not define", at: link.location,
                    help: "every in-page link needs an anchor macro of that name")
            }
            if link.attribute("ac:anchor") == nil, resources.isEmpty {
                report("confluence.structure", "<ac:link> has neither an anchor nor a target", at: link.location)
            }
        }

        private mutating func checkImage(_ image: StorageElement) {
            let sources = image.childElements.filter { $0.name == "ri:attachment" || $0.name == "ri:url" }
            if sources.count != 1 {
                report("confluence.structure", "<ac:image> needs exactly one <ri:attachment> or <ri:url>", at: image.location)
            }
        }

        private mutating func checkAttachment(_ attachment: StorageElement) {
            guard let filename = attachment.attribute("ri:filename") else { return }
            // An attachment of another page names that page; it is not ours to check.
            if attachment.childElements.contains(where: { $0.name == "ri:page" || $0.name == "ri:blog-post" }) { return }
            if filename.contains("/") {
                report("confluence.missing-attachment", "attachment name '\(filename)' contains '/'", at: attachment.location,
                       help: "ri:filename is a bare file name")
            } else if !attachments.contains(filename) {
                report(
                    "confluence.missing-attachment", "attachment '\(filename)' is not part of the export", at: attachment.location,
                    help: attachments.isEmpty ? nil : "attachments: " + attachments.sorted().joined(separator: ", "))
            }
        }
    }
}
