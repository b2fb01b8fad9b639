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
            let loaded = try model.load(reporting: reporting)
            guard let flow = loaded.flows.first(where: { $0.id.rawValue == id }) else {
                throw ModelOptions.unknown("flow", id, known: loaded.flows.map(\.id.rawValue))
            }
            FileHandle.standardOutput.write(Data(FlowWalkthrough(flow).outline(in: loaded).utf8))
        }
    }
}
