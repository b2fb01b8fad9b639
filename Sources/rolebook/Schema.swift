import ArgumentParser
import Foundation
import RolebookModel

extension RolebookCommand {
    /// `rolebook schema`: the JSON Schema of model files, for editors.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of model files (for the VS Code YAML extension and other editors).")

        func run() throws {
            FileHandle.standardOutput.write(Data(ModelJSONSchema.text().utf8))
        }
    }
}
