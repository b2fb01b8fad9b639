import Foundation
import RolebookCore
import Testing

@testable import RolebookSchema

/// Paths and small helpers shared by the RolebookSchema tests.
enum SchemaTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let widgetCRD = fixtures.appendingPathComponent("crds/widgets.test.example.com.yaml").path

    /// ../shared/corpus beside the package, or nil (the test then says why it skips).
    static var corpus: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("crds").path) ? url : nil
    }

    /// The catalog of the synthetic Widget/Gadget CRDs.
    static func widgetCatalog() throws -> CRDCatalog {
        let result = try CRDLoader.load(paths: [widgetCRD])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.catalog
    }

    /// Validates YAML text against the Widget CRDs.
    static func validate(_ yaml: String, strict: Bool = false, path: String = "w.yaml") throws -> [Diagnostic] {
        ManifestValidator(catalog: try widgetCatalog(), strict: strict).validate(SourceText(path: path, text: yaml))
            .sorted()
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Array where Element == Diagnostic {
    /// `line:column rule` of each finding, for compact exact expectations.
    var positions: [String] { map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.rule)" } }

    func with(_ rule: RuleID) -> [Diagnostic] { filter { $0.rule == rule } }
}
