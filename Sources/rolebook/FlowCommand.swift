import ArgumentParser
import Foundation
import RolebookDocs
import RolebookModel

extension RolebookCommand {
    /// `rolebook flow ID`: a flow as a numbered decision outline, for the
    /// person at the terminal in the middle of an incident, who needs the
    /// next step and whom to call, not a diagram.
    struct Flow: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a flow as a numbered outline: steps, decisions and their branches, whom to engage and how.")

        @Argument(help: "The flow id, e.g. 2B-3B.")
        var id: String

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
            let ids = loaded.flows.map(\.id.rawValue)
            guard let flow = loaded.flows.first(where: { $0.id.rawValue == id }) else {
                // A flow id given on the command line is a usage error (64),
                // not an error in the model's files (1).
                let hint = Suggestion.closest(to: id, among: ids).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("Unknown flow '\(id)'.\(hint) Known flows: \(ids.joined(separator: ", ")).")
            }
            FileHandle.standardOutput.write(Data(FlowWalkthrough(flow).outline(in: loaded).utf8))
        }
    }
}
