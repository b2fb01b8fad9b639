/// The `language` parameter of Confluence's `code` macro.
///
/// The accepted values are a closed list that differs from the names people
/// write after a Markdown fence, and an unknown one breaks the macro
/// (confluence-publisher #137; docToolchain #1190 `InvalidValueException`).
/// So names are mapped onto the documented list, and anything else becomes
/// `none` (no highlighting), never the macro's default of Java.
public struct ConfluenceCodeLanguage: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init?(rawValue: String) {
        guard Self.documented.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// No highlighting.
    public static let none = ConfluenceCodeLanguage(rawValue: "none")!

    /// The values the Code Block macro documents (Confluence 5.x onwards;
    /// Cloud accepts them too), plus `xml`, which Atlassian's own storage
    /// example uses.
    static let documented: Set<String> = [
        "none", "actionscript3", "bash", "csharp", "coldfusion", "cpp", "css", "delphi", "diff", "erlang",
        "groovy", "java", "javafx", "javascript", "perl", "php", "powershell", "python", "ruby", "scala", "sql",
        "vb", "html/xml", "xml",
    ]

    /// Fence names and file extensions people use, onto the documented values.
    private static let aliases: [String: String] = [
        "sh": "bash", "shell": "bash", "zsh": "bash", "console": "bash",
        "c#": "csharp", "cs": "csharp", "c++": "cpp", "cxx": "cpp", "c": "cpp", "h": "cpp",
        "erl": "erlang", "js": "javascript", "ts": "javascript", "typescript": "javascript", "json": "javascript",
        "py": "python", "rb": "ruby", "ps1": "powershell", "pwsh": "powershell", "pl": "perl",
        "html": "html/xml", "xhtml": "html/xml", "svg": "xml", "patch": "diff",
    ]

    /// The documented value for a name from a fence or a file name; `none`
    /// when there is no faithful one (YAML, Go, Swift, …).
    public static func forName(_ name: String?) -> ConfluenceCodeLanguage {
        guard let name = name?.lowercased(), !name.isEmpty else { return .none }
        if let known = ConfluenceCodeLanguage(rawValue: name) { return known }
        if let alias = aliases[name], let known = ConfluenceCodeLanguage(rawValue: alias) { return known }
        return .none
    }
}
