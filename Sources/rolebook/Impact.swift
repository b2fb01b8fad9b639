import ArgumentParser
import Foundation
import RolebookDocs
import RolebookModel

extension RolebookCommand {
    /// `rolebook impact COMPONENT`: what a change reaches, and whom to engage.
    struct Impact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what a change to a component reaches and whom to engage, in order.")

        @Argument(help: "The component id, e.g. express-operator.")
        var component: String

        @OptionGroup var model: ModelOptions
        @OptionGroup var reporting: ReportingOptions

        func run() throws {
            let result: ModelLoader.Result
            do {
                result = try ModelLoader.load(directory: model.model)
            } catch {
                throw Console.fail(error)
            }
            guard let loaded = result.model else {
                throw reporting.report(result.diagnostics, rules: ModelLoader.rules)
            }
            let ids = loaded.components.map(\.id.rawValue)
            guard ids.contains(component) else {
                let hint = Suggestion.closest(to: component, among: ids).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("Unknown component '\(component)'.\(hint) Known: \(ids.joined(separator: ", ")).")
            }
            FileHandle.standardOutput.write(Data(ImpactReport.text(ImpactAnalysis(ComponentID(component), in: loaded), in: loaded).utf8))
        }
    }
}

