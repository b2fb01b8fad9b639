import ArgumentParser
import Foundation
import RolebookCore
import RolebookDocs
import RolebookModel

/// Loads the model and renders the docs, or reports why not. Shared by
/// `build` and `check`, which must agree byte for byte.
struct DocsOptions: ParsableArguments {
    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "The output directory.")
    var output: String = "docs"

    /// The rendered files, or the exit code to leave with.
    func render(reporting: ReportingOptions) throws -> GeneratedFiles {
        let result: ModelLoader.Result
        do {
            result = try ModelLoader.load(directory: model.model)
        } catch {
            throw Console.fail(error)
        }
        guard let loaded = result.model else {
            throw reporting.report(result.diagnostics, rules: ModelLoader.rules)
        }
        let files: GeneratedFiles
        do {
            files = try DocsBuilder.render(loaded)
        } catch {
            throw reporting.report(result.diagnostics + error.diagnostics, rules: ModelLoader.rules)
        }
        // The Confluence export is checked offline before anything is
        // written or compared: a body Confluence would refuse fails here.
        let export = ConfluenceExport.validate(files, outputDirectory: output)
        if export.hasErrors {
            throw reporting.report(result.diagnostics + export, rules: ModelLoader.rules + ConfluenceValidator.rules)
        }
        return files
    }
}

extension RolebookCommand {
    /// `rolebook build`: writes the page, the diagrams and the manifest.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate docs/ from the model: the page (Markdown, HTML) and the diagrams (SVG, PNG, DOT, Mermaid).",
            discussion: """
                Only files whose bytes change are rewritten, each atomically. A file rolebook generated \
                earlier and no longer generates is removed; files it did not generate are never touched. \
                When the model has errors nothing is written.
                """)

        @OptionGroup var docs: DocsOptions
        @OptionGroup var reporting: ReportingOptions

        func run() throws {
            let files = try docs.render(reporting: reporting)
            let outcome: (written: [String], removed: [String])
            do {
                outcome = try OutputDirectory(root: docs.output).write(files)
            } catch {
                throw Console.fail(error)
            }
            for path in outcome.written { Console.error("wrote \(docs.output)/\(path)") }
            for path in outcome.removed { Console.error("removed \(docs.output)/\(path)") }
            Console.error("\(docs.output)/: \(outcome.written.count) written, \(outcome.removed.count) removed, \(files.paths.count + 1 - outcome.written.count) unchanged")
        }
    }

    /// `rolebook check`: exits 1 when docs/ is not what build would write.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that docs/ is exactly what 'rolebook build' would write; writes nothing.")

        @OptionGroup var docs: DocsOptions
        @OptionGroup var reporting: ReportingOptions

        static let staleRule: RuleID = "docs.stale"

        func run() throws {
            let files = try docs.render(reporting: reporting)
            let drift: OutputDirectory.Drift
            do {
                drift = try OutputDirectory(root: docs.output).drift(from: files)
            } catch {
                throw Console.fail(error)
            }
            func finding(_ path: String, _ what: String) -> Diagnostic {
                .error(what, rule: Self.staleRule, at: .file("\(docs.output)/\(path)"), help: "run 'rolebook build' and commit the result")
            }
            let findings = drift.stale.map { finding($0, "stale: differs from what 'rolebook build' writes") }
                + drift.missing.map { finding($0, "missing: 'rolebook build' writes this file") }
                + drift.extra.map { finding($0, "extra: generated earlier, no longer generated") }
            let rules = [RuleDescriptor(Self.staleRule, "docs/ differs from what 'rolebook build' writes.")]
            let code = reporting.report(findings, rules: rules)
            if findings.isEmpty, reporting.format == .text {
                Console.error("\(docs.output)/ is up to date (\(files.paths.count + 1) files)")
            }
            throw code
        }
    }
}
