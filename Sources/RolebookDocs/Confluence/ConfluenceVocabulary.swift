/// The elements, attributes, macros and macro parameters the validator
/// accepts: what Atlassian documents for storage format and what the page
/// needs, not everything Confluence might store. A name outside these lists
/// is most likely a typo that Confluence would show as "Unknown macro" or
/// drop on save, so it is better refused before publishing.
enum ConfluenceVocabulary {
    /// Attributes each element may carry.
    static let attributes: [String: Set<String>] = [
        "p": ["style"], "br": [], "hr": [],
        "h1": ["style"], "h2": ["style"], "h3": ["style"], "h4": ["style"], "h5": ["style"], "h6": ["style"],
        "strong": [], "em": [], "b": [], "i": [], "u": [], "s": [], "del": [], "sub": [], "sup": [], "code": [],
        "small": [], "big": [], "pre": [], "blockquote": [], "span": ["style"],
        "ul": [], "ol": ["start"], "li": [],
        "table": ["class", "data-layout", "data-table-width"], "colgroup": [], "col": ["style", "span"],
        "thead": [], "tbody": [], "tfoot": [], "tr": [],
        "th": ["colspan", "rowspan", "style"], "td": ["colspan", "rowspan", "style"],
        "a": ["href", "title"],
        "ac:structured-macro": ["ac:name", "ac:schema-version"],
        "ac:parameter": ["ac:name"],
        "ac:rich-text-body": [], "ac:plain-text-body": [],
        "ac:link": ["ac:anchor"], "ac:plain-text-link-body": [], "ac:link-body": [],
        "ac:image": [
            "ac:alt", "ac:title", "ac:align", "ac:border", "ac:class", "ac:style", "ac:thumbnail", "ac:height", "ac:width",
            "ac:vspace", "ac:hspace", "ac:layout", "ac:original-width", "ac:original-height", "ac:custom-width",
        ],
        "ac:emoticon": ["ac:name"],
        "ac:task-list": [], "ac:task": [], "ac:task-id": [], "ac:task-status": [], "ac:task-body": [],
        "ac:layout": [], "ac:layout-section": ["ac:type"], "ac:layout-cell": [],
        "ac:placeholder": [],
        "ri:page": ["ri:content-title", "ri:space-key"],
        "ri:attachment": ["ri:filename"],
        "ri:url": ["ri:value"],
        "ri:user": ["ri:userkey", "ri:account-id", "ri:username"],
        "ri:space": ["ri:space-key"],
        "ri:blog-post": ["ri:content-title", "ri:space-key", "ri:posting-day"],
        "ri:content-entity": ["ri:content-id"],
    ]

    /// Attributes Confluence adds on save with fresh random or version-bound
    /// values: an export carrying them is not reproducible.
    static let savedStateAttributes: Set<String> = ["ac:macro-id", "ac:local-id", "ac:task-uuid", "ri:version-at-save"]

    /// Attributes an element cannot do without.
    static let requiredAttributes: [String: String] = [
        "ac:structured-macro": "ac:name", "ac:parameter": "ac:name",
        "ri:attachment": "ri:filename", "ri:page": "ri:content-title",
    ]

    /// Elements that hold only inline content: a block inside one is refused
    /// (quarto-cli #4591) or rewritten by the editor.
    static let inlineOnly: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "sub", "sup", "code",
        "small", "big", "span", "a", "ac:link-body", "ac:plain-text-link-body",
    ]

    /// Block-level elements.
    static let blockElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "blockquote", "hr", "ac:layout", "ac:task-list",
    ]

    /// The tags `ac:link-body` allows.
    static let linkBodyTags: Set<String> = ["b", "strong", "em", "i", "code", "tt", "sub", "sup", "br", "span"]

    /// The elements other elements must sit in.
    static let parents: [String: Set<String>] = [
        "li": ["ul", "ol"],
        "tr": ["table", "thead", "tbody", "tfoot"],
        "td": ["tr"], "th": ["tr"],
        "thead": ["table"], "tbody": ["table"], "tfoot": ["table"], "colgroup": ["table"], "col": ["colgroup"],
        "ac:parameter": ["ac:structured-macro"],
        "ac:rich-text-body": ["ac:structured-macro"],
        "ac:plain-text-body": ["ac:structured-macro"],
        "ac:plain-text-link-body": ["ac:link"],
        "ac:link-body": ["ac:link"],
        "ri:attachment": ["ac:image", "ac:link", "ac:parameter"],
        "ri:url": ["ac:image", "ac:link", "ac:parameter"],
        "ri:page": ["ac:link", "ri:attachment", "ac:parameter"],
        "ri:user": ["ac:link", "ac:parameter"],
        "ri:space": ["ac:link", "ac:parameter"],
        "ri:blog-post": ["ac:link", "ri:attachment", "ac:parameter"],
        "ri:content-entity": ["ac:link", "ac:parameter"],
        "ac:layout-section": ["ac:layout"], "ac:layout-cell": ["ac:layout-section"],
        "ac:task": ["ac:task-list"], "ac:task-id": ["ac:task"], "ac:task-status": ["ac:task"], "ac:task-body": ["ac:task"],
    ]

    /// How a macro takes its body.
    enum Body: Sendable {
        case none
        case richText
        case plainText
    }

    struct Macro: Sendable {
        var parameters: Set<String>
        var body: Body
        /// Shown as a block (a box, a table of contents) rather than inline.
        var isBlock: Bool
    }

    static let panelParameters: Set<String> = ["title", "icon"]

    static let macros: [String: Macro] = [
        "anchor": Macro(parameters: [""], body: .none, isBlock: false),
        "toc": Macro(
            parameters: ["printable", "style", "maxLevel", "minLevel", "indent", "exclude", "include", "type", "outline", "class", "separator"],
            body: .none, isBlock: true),
        "info": Macro(parameters: panelParameters, body: .richText, isBlock: true),
        "note": Macro(parameters: panelParameters, body: .richText, isBlock: true),
        "tip": Macro(parameters: panelParameters, body: .richText, isBlock: true),
        "warning": Macro(parameters: panelParameters, body: .richText, isBlock: true),
        "panel": Macro(
            parameters: [
                "title", "bgColor", "titleBGColor", "titleColor", "borderStyle", "borderColor", "borderWidth", "panelIcon", "panelIconId",
                "panelIconText",
            ], body: .richText, isBlock: true),
        "expand": Macro(parameters: ["title"], body: .richText, isBlock: true),
        "code": Macro(parameters: ["title", "theme", "linenumbers", "language", "firstline", "collapse"], body: .plainText, isBlock: true),
        "status": Macro(parameters: ["colour", "title", "subtle"], body: .none, isBlock: false),
        "children": Macro(parameters: ["all", "depth", "sort", "reverse", "style", "page", "first", "excerptType"], body: .none, isBlock: true),
    ]

    /// Parameters with a closed set of values.
    static let parameterValues: [String: [String: Set<String>]] = [
        "status": ["colour": ["Grey", "Red", "Yellow", "Green", "Blue", "Purple"], "subtle": ["true", "false"]],
        "code": [
            "language": ConfluenceCodeLanguage.documented, "linenumbers": ["true", "false"], "collapse": ["true", "false"],
            "theme": ["DJango", "Emacs", "FadeToGrey", "Midnight", "RDark", "Eclipse", "Confluence", "Default"],
        ],
        "toc": [
            "minLevel": Set((1...7).map(String.init)), "maxLevel": Set((1...7).map(String.init)), "type": ["list", "flat"],
            "printable": ["true", "false"], "outline": ["true", "false"],
        ],
        "info": ["icon": ["true", "false"]], "note": ["icon": ["true", "false"]],
        "tip": ["icon": ["true", "false"]], "warning": ["icon": ["true", "false"]],
    ]
}
