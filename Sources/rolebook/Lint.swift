import ArgumentParser
import Foundation
import RolebookCore
import RolebookLint
import RolebookModel
import RolebookSchema

extension RolebookCommand {
    /// `rolebook lint [PATH...]`: runbooks checked against the model.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint Markdown runbooks against the model: terms, controls, escalations, links and CRD facts.")

        @Argument(help: "Files or directories of Markdown runbooks (default: docs/runbooks).")
        var paths: [String] = []

        @Option(name: .long, help: "The lint configuration (default: .rolebook-lint.yaml when it exists).")
        var config: String?

        @Flag(name: .long, help: "Rewrite unambiguous substitutions in prose, then lint again.")
        var fix = false

        @Option(name: .long, parsing: .upToNextOption, help: "CRD files or directories for the crd-facts rule (default: model/crds).")
        var crds: [String] = []

        @OptionGroup var model: ModelOptions
        @OptionGroup var reporting: ReportingOptions

        func run() throws {
            let configuration: LintConfiguration
            let loaded: ModelLoader.Result
            do {
                configuration = try loadConfiguration()
                loaded = try ModelLoader.load(directory: model.model)
            } catch {
                throw Console.fail(error)
            }
            guard let model = loaded.model else {
                throw reporting.report(loaded.diagnostics, rules: ModelLoader.rules)
            }
            let crdFacts: CRDFactChecker?
            do {
                crdFacts = try CRDFacts.checker(paths: crds.isEmpty ? defaultCRDs() : crds)
            } catch {
                throw Console.fail(error)
            }
            let linter = Linter(model: model, configuration: configuration, crdFacts: crdFacts)
            let result: Linter.Result
            do {
                result = try linter.lint(paths: paths.isEmpty ? ["docs/runbooks"] : paths, fix: fix)
            } catch {
                throw Console.fail(error)
            }
            for (file, count) in result.fixed.sorted(by: { $0.key < $1.key }) {
                Console.error("fixed \(count) in \(file)")
            }
            let code = reporting.report(result.diagnostics, rules: Linter.rules)
            if result.diagnostics.isEmpty, reporting.format == .text {
                Console.error("\(result.files.count) file\(result.files.count == 1 ? "" : "s") linted, no findings")
            }
            throw code
        }

        private func defaultCRDs() -> [String] {
            let path = (self.model.model as NSString).appendingPathComponent("crds")
            return FileManager.default.fileExists(atPath: path) ? [path] : []
        }

        private func loadConfiguration() throws(ToolFailure) -> LintConfiguration {
            let path = config ?? ".rolebook-lint.yaml"
            guard FileManager.default.fileExists(atPath: path) else {
                if config != nil { throw ToolFailure("configuration '\(path)' does not exist") }
                return LintConfiguration()
            }
            guard let data = FileManager.default.contents(atPath: path) else { throw ToolFailure("cannot read '\(path)'") }
            return try LintConfiguration.parse(String(decoding: data, as: UTF8.self), path: path)
        }
    }
}

/// Wires the schema module into the `crd-facts` rule: field paths are
/// checked as model claims are (`ClaimChecker`), YAML blocks as manifests are
/// (`ManifestValidator`). Only errors and warnings become lint findings; a
/// kind the CRDs do not define is not the rule's business.
enum CRDFacts {
    static func checker(paths: [String]) throws(ToolFailure) -> CRDFactChecker? {
        guard !paths.isEmpty else { return nil }
        let catalog = try CRDLoader.load(paths: paths).catalog
        let claims = ClaimChecker(catalog: catalog)
        let manifests = ManifestValidator(catalog: catalog)
        let kinds = Set(catalog.definitions.map(\.kind))
        return CRDFactChecker(
            kinds: kinds,
            checkFieldPath: { kind, path in
                guard let definition = catalog.definitions.first(where: { $0.kind == kind }),
                    let version = definition.versions.first(where: \.storage) ?? definition.versions.first
                else { return nil }
                let claim = APIClaim(
                    group: definition.group, version: version.name, kind: kind, field: path,
                    location: SourceLocation(path: "-", line: 1, column: 1))
                return claims.diagnostics(for: [claim]).first { $0.severity == .error }?.message
            },
            checkManifest: { yaml in
                let found = manifests.validate(SourceText(path: "-", text: yaml))
                    .filter { $0.severity == .error || $0.severity == .warning }
                return found.map { (line: $0.location?.line ?? 1, column: $0.location?.column ?? 1, message: $0.message) }
            })
    }
}
