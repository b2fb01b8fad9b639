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
            let loaded = try model.load(reporting: reporting)
            guard loaded.components.contains(where: { $0.id.rawValue == component }) else {
                throw ModelOptions.unknown("component", component, known: loaded.components.map(\.id.rawValue))
            }
            FileHandle.standardOutput.write(Data(ImpactReport.text(ImpactAnalysis(ComponentID(component), in: loaded), in: loaded).utf8))
        }
    }
}

