/// The storage-format snippets rolebook writes, each built from typed values
/// and escaped in one place, so the backend and the tests share one form.
///
/// No `ac:macro-id`, `ac:local-id` or `ac:schema-version` is written:
/// Confluence adds them on save, and random ids would make the export
/// non-deterministic (md2conf emits a random macro id per status lozenge).
public enum ConfluenceMacros {
    /// A structured macro with its parameters (in the order given) and an
    /// optional body that is already storage format.
    static func macro(_ name: String, _ parameters: [(String, String)], body: String? = nil) -> String {
        var out = "<ac:structured-macro ac:name=\"\(ConfluenceXML.attribute(name))\">"
        for (key, value) in parameters {
            out += "<ac:parameter ac:name=\"\(ConfluenceXML.attribute(key))\">\(ConfluenceXML.text(value))</ac:parameter>"
        }
        if let body { out += body }
        return out + "</ac:structured-macro>"
    }

    /// The target of in-page and cross-page links. Confluence throws away a
    /// heading's `id` and makes up its own (`PageTitle-Heading` on Data
    /// Center, `Heading-Text` on Cloud), so links use this macro's name
    /// instead. Its one parameter has an empty name (md2conf #43).
    public static func anchor(_ slug: String) -> String {
        macro("anchor", [("", slug)])
    }

    /// Confluence renders the table of contents from the headings itself, so
    /// it is always consistent with the page. Level 1 is the page title,
    /// which Confluence shows outside the body.
    public static func tableOfContents(minLevel: Int = 2, maxLevel: Int = 3) -> String {
        macro("toc", [("minLevel", String(minLevel)), ("maxLevel", String(maxLevel))])
    }

    /// A status lozenge; Confluence spells the parameter `colour`.
    public static func status(_ title: String, _ colour: StatusColor) -> String {
        macro("status", [("colour", colour.rawValue), ("title", title)])
    }

    /// A code block. The code goes into CDATA verbatim (`]]>` split, forbidden
    /// characters dropped); the language is mapped onto the documented list.
    public static func code(_ code: String, language: String? = nil, title: String? = nil) -> String {
        var parameters: [(String, String)] = []
        if let title, !title.isEmpty { parameters.append(("title", title)) }
        parameters.append(("language", ConfluenceCodeLanguage.forName(language).rawValue))
        return macro("code", parameters, body: "<ac:plain-text-body>\(ConfluenceXML.cdata(code))</ac:plain-text-body>")
    }

    /// A panel around storage-format blocks.
    public static func panel(_ panel: ConfluencePanel, title: String, body: String) -> String {
        macro(panel.rawValue, [("title", title)], body: "<ac:rich-text-body>\(body)</ac:rich-text-body>")
    }

    /// A link to an anchor macro on this page. The text is plain (CDATA):
    /// `ac:link-body` allows only a handful of inline tags.
    public static func anchorLink(_ anchor: String, text: String) -> String {
        "<ac:link ac:anchor=\"\(ConfluenceXML.attribute(anchor))\"><ac:plain-text-link-body>\(ConfluenceXML.cdata(text))</ac:plain-text-link-body></ac:link>"
    }

    /// A link to another Confluence page by title (Confluence keeps it
    /// working when that page is renamed), optionally to an anchor on it.
    /// Without a space key the page is looked up in the linking page's space.
    public static func pageLink(title: String, spaceKey: String? = nil, anchor: String? = nil, text: String) -> String {
        var out = "<ac:link"
        if let anchor { out += " ac:anchor=\"\(ConfluenceXML.attribute(anchor))\"" }
        out += "><ri:page ri:content-title=\"\(ConfluenceXML.attribute(title))\""
        if let spaceKey { out += " ri:space-key=\"\(ConfluenceXML.attribute(spaceKey))\"" }
        out += "/><ac:plain-text-link-body>\(ConfluenceXML.cdata(text))</ac:plain-text-link-body></ac:link>"
        return out
    }

    /// A link to an attachment of this page (the SVG beside a diagram).
    public static func attachmentLink(_ filename: String, text: String) -> String {
        "<ac:link><ri:attachment ri:filename=\"\(ConfluenceXML.attribute(filename))\"/><ac:plain-text-link-body>\(ConfluenceXML.cdata(text))</ac:plain-text-link-body></ac:link>"
    }

    /// An image shown from an attachment of this page.
    public static func image(attachment filename: String, alt: String) -> String {
        "<ac:image ac:alt=\"\(ConfluenceXML.attribute(alt))\"><ri:attachment ri:filename=\"\(ConfluenceXML.attribute(filename))\"/></ac:image>"
    }
}
