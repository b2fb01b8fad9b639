import ArgumentParser
import Foundation
import RolebookCore
import RolebookLint
import RolebookModel

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
            let linter = Linter(model: model, configuration: configuration, crdFacts: CRDFacts.checker())
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

/// Wires the schema module into the `crd-facts` rule once CRDs can be loaded.
enum CRDFacts {
    static func checker() -> CRDFactChecker? { nil }
}
