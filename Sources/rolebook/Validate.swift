import ArgumentParser
import RolebookCore
import RolebookModel

extension RolebookCommand {
    /// `rolebook validate`: loads the model and runs every check on it.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the model: YAML, keys, ids, references, owners, flows and their invariants.")

        @OptionGroup var model: ModelOptions
        @OptionGroup var reporting: ReportingOptions

        func run() throws {
            let result: ModelLoader.Result
            do {
                result = try ModelLoader.load(directory: model.model)
            } catch {
                throw Console.fail(error)
            }
            let code = reporting.report(result.diagnostics, rules: ModelLoader.rules)
            if code == .success, reporting.format == .text, let model = result.model {
                Console.error(
                    "model '\(self.model.model)' is valid: \(model.teams.count) teams, \(model.components.count) components, "
                        + "\(model.flows.count) flows, \(model.diagrams.count) diagrams")
            }
            throw code
        }
    }
}
