/// The name rules the API server applies to every object's metadata
/// (k8s.io/apimachinery validation), which no JSON Schema converter checks
/// for custom resources: names are DNS-1123 subdomains (custom resources),
/// namespaces DNS-1123 labels, label keys qualified names.
public enum ObjectMetaRules {
    /// The fields of ObjectMeta, for unknown-field checks and did-you-mean.
    public static let fields: [String] = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    ]

    /// nil when `name` is a DNS-1123 subdomain (at most 253 characters of
    /// lowercase letters, digits, '-' and '.', starting and ending with a
    /// letter or digit); otherwise why not.
    public static func subdomainProblem(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.utf8.count > 253 { return "must be no more than 253 characters (is \(name.utf8.count))" }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            if let problem = labelProblem(Substring(label), maxLength: 253) { return problem }
        }
        return nil
    }

    /// nil when `name` is a DNS-1123 label (at most 63 characters of lowercase
    /// letters, digits and '-', starting and ending with a letter or digit).
    public static func labelProblem(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        return labelProblem(Substring(name), maxLength: 63)
    }

    private static func labelProblem(_ label: Substring, maxLength: Int) -> String? {
        if label.utf8.count > maxLength { return "must be no more than \(maxLength) characters (is \(label.utf8.count))" }
        guard let first = label.utf8.first, let last = label.utf8.last else {
            return "must not contain empty parts ('..', or a leading or trailing '.')"
        }
        for byte in label.utf8 where !(isLowerAlphanumeric(byte) || byte == UInt8(ascii: "-")) {
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return "must be lowercase" }
            return "must consist of lowercase letters, digits, '-' and '.' (found '\(Character(Unicode.Scalar(byte)))')"
        }
        if !isLowerAlphanumeric(first) || !isLowerAlphanumeric(last) {
            return "must start and end with a lowercase letter or digit"
        }
        return nil
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// `generateName` is a prefix: the server appends five random characters,
    /// so a trailing '-' is fine (apimachinery's maskTrailingDash).
    public static func generateNameProblem(_ prefix: String) -> String? {
        var masked = prefix
        if masked.count > 1, masked.hasSuffix("-") { masked = String(masked.dropLast()) + "a" }
        return subdomainProblem(masked)
    }

    /// nil when `key` is a qualified name (`prefix/name` or `name`), as label
    /// and annotation keys must be.
    public static func qualifiedNameProblem(_ key: String) -> String? {
        var name = Substring(key)
        if let slash = key.firstIndex(of: "/") {
            let prefix = String(key[..<slash])
            name = key[key.index(after: slash)...]
            if let problem = subdomainProblem(prefix) { return "prefix '\(prefix)' \(problem)" }
        }
        if name.isEmpty { return "name part must not be empty" }
        if name.utf8.count > 63 { return "name part must be no more than 63 characters" }
        return labelValueCharactersProblem(name)
    }

    /// nil when `value` is a valid label value: empty, or at most 63
    /// characters of letters, digits, '-', '_' and '.', starting and ending
    /// with a letter or digit.
    public static func labelValueProblem(_ value: String) -> String? {
        if value.isEmpty { return nil }
        if value.utf8.count > 63 { return "must be no more than 63 characters (is \(value.utf8.count))" }
        return labelValueCharactersProblem(Substring(value))
    }

    private static func labelValueCharactersProblem(_ text: Substring) -> String? {
        func alphanumeric(_ byte: UInt8) -> Bool {
            isLowerAlphanumeric(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
        for byte in text.utf8
        where !(alphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "."))
        {
            return "must consist of letters, digits, '-', '_' and '.' (found '\(Character(Unicode.Scalar(byte)))')"
        }
        guard let first = text.utf8.first, let last = text.utf8.last, alphanumeric(first), alphanumeric(last) else {
            return "must start and end with a letter or digit"
        }
        return nil
    }
}
