import Foundation
import RolebookCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The second opinion on well-formedness: libxml2 (through Foundation's
/// `XMLParser`) parses the fragment inside a root element that declares the
/// `ac` and `ri` prefixes, as md2conf and mark do before uploading. The
/// namespace URIs are arbitrary; Confluence only looks at the prefixes.
enum StorageWellFormedness {
    static let contentNamespace = "http://atlassian.com/content"
    static let resourceNamespace = "http://atlassian.com/resource/identifier"

    /// The largest body handed to libxml2 (see ConfluenceValidator).
    static let maxBytes = 8 * 1024 * 1024

    /// Lines the wrapper adds before the fragment's first line.
    static let wrapperLeadingLines = 2

    /// The fragment as a standalone XML document (what `xmllint` is given).
    static func wrap(_ fragment: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ac:confluence xmlns:ac=\"\(contentNamespace)\" xmlns:ri=\"\(resourceNamespace)\" xmlns=\"http://www.w3.org/1999/xhtml\">\n"
            + fragment + (fragment.hasSuffix("\n") || fragment.isEmpty ? "" : "\n") + "</ac:confluence>\n"
    }

    /// The first error libxml2 reports, located in the fragment, or `nil`.
    static func firstError(in fragment: String, path: String) -> Diagnostic? {
        let parser = XMLParser(data: Data(wrap(fragment).utf8))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let collector = ErrorCollector()
        parser.delegate = collector
        _ = parser.parse()
        guard let error = collector.first ?? parser.parserError.map({ ($0 as NSError, parser.lineNumber, parser.columnNumber) }) else {
            return nil
        }
        let code = XMLParser.ErrorCode(rawValue: error.0.code).map { "\($0)" } ?? "error \(error.0.code)"
        let line = error.1 - wrapperLeadingLines
        let lineCount = fragment.split(separator: "\n", omittingEmptySubsequences: false).count
        let location: SourceLocation
        if line < 1 {
            location = SourceLocation(path: path, line: 1, column: 1)
        } else if line > lineCount {
            location = SourceLocation(path: path, line: max(lineCount, 1), column: 1)
        } else {
            location = SourceLocation(path: path, line: line, column: error.2)
        }
        return .error("not well-formed XML (libxml2: \(code))", rule: "confluence.xml", at: location)
    }

    /// Keeps the first error and where the parser was when it found it.
    private final class ErrorCollector: NSObject, XMLParserDelegate {
        var first: (NSError, Int, Int)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if first == nil { first = (parseError as NSError, parser.lineNumber, parser.columnNumber) }
        }
    }
}
