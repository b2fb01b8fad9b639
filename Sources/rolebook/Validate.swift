import ArgumentParser
import RolebookCore
import RolebookModel
import RolebookSchema

extension RolebookCommand {
    /// `rolebook validate`: loads the model and runs every check on it, checks
    /// its CRD references against the CRDs (files or a cluster), and
    /// validates manifests against those CRDs.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the model (keys, ids, references, flows), its CRD references, and manifests against CRDs.",
            discussion: """
                CRD references get a verdict each: ok (silent), unverifiable (a warning: no CRD of the group was \
                loaded from files, the schema preserves unknown fields there, or the field has no enum), or an \
                error (kind or version not served, field missing, value not in the enum, scope mismatch). With a \
                cluster (--kubectl, --server, --in-cluster), a group the cluster lacks is an error.
                """)

        @OptionGroup var model: ModelOptions
        @OptionGroup var schema: SchemaOptions
        @OptionGroup var reporting: ReportingOptions

        func run() throws {
            let result: ModelLoader.Result
            let catalog: CRDLoader.Result
            var diagnostics: [Diagnostic]
            var manifestCount = 0
            do {
                result = try ModelLoader.load(directory: model.model)
                catalog = try schema.loadCatalog(modelDirectory: model.model)
                diagnostics = result.diagnostics + catalog.diagnostics
                if !schema.manifests.isEmpty {
                    manifestCount = try DocumentLoader.files(in: schema.manifests).count
                    let validator = ManifestValidator(catalog: catalog.catalog, strict: schema.strict)
                    diagnostics += try validator.validate(paths: schema.manifests)
                }
            } catch {
                throw Console.fail(error)
            }
            var claimResults: [ClaimResult] = []
            if let loaded = result.model {
                let claims = loaded.crdReferences.map(\.claim)
                claimResults = ClaimChecker(catalog: catalog.catalog).check(claims)
                diagnostics += claimResults.compactMap { $0.diagnostic(catalog: catalog.catalog) }
            }
            let code = reporting.report(diagnostics, rules: ModelLoader.rules + SchemaRules.all)
            if reporting.format == .text {
                Console.error(summary(claimResults, catalog: catalog.catalog, manifests: manifestCount))
            }
            if code == .success, reporting.format == .text, let model = result.model {
                Console.error(
                    "model '\(self.model.model)' is valid: \(model.teams.count) teams, \(model.components.count) components, "
                        + "\(model.flows.count) flows, \(model.diagrams.count) diagrams")
            }
            throw code
        }

        /// "CRD references: 96 ok, 21 unverifiable, 5 built-in (3 CRDs from model/crds)".
        private func summary(_ results: [ClaimResult], catalog: CRDCatalog, manifests: Int) -> String {
            var ok = 0, unverifiable = 0, builtIn = 0, failed = 0
            for result in results {
                switch result.verdict {
                case .ok: ok += 1
                case .unverifiable, .deprecatedVersion: unverifiable += 1
                case .builtIn: builtIn += 1
                default: failed += 1
                }
            }
            let source = catalog.definitions.isEmpty
                ? "no CRDs loaded"
                : "\(catalog.definitions.count) CRD\(catalog.definitions.count == 1 ? "" : "s") from \(catalog.sourceDescription)"
            var text = "CRD references: \(ok) ok, \(unverifiable) unverifiable, \(builtIn) built-in, \(failed) wrong (\(source))"
            if manifests > 0 { text += "; \(manifests) manifest file\(manifests == 1 ? "" : "s") validated" }
            return text
        }
    }
}

extension CRDReference {
    /// The neutral claim RolebookSchema checks.
    var claim: APIClaim {
        APIClaim(
            group: group, version: version, kind: kind, field: field, value: value,
            scope: scope.flatMap { CRDScope(rawValue: $0.rawValue) }, location: location)
    }
}
