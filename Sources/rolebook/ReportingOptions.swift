import ArgumentParser
import Foundation
import RolebookCore
import RolebookModel

extension ReportFormat: ExpressibleByArgument {}

/// `--format`, shared by every command that reports findings.
struct ReportingOptions: ParsableArguments {
    @Option(name: .long, help: "How to print findings: text, json, sarif or github.")
    var format: ReportFormat = .text

    /// Prints the findings and returns the exit code they call for.
    func report(_ diagnostics: [Diagnostic], rules: [RuleDescriptor]) -> ExitCode {
        let reporter = DiagnosticReporter(format: format, rules: rules)
        let output = reporter.render(diagnostics)
        FileHandle.standardOutput.write(Data(output.utf8))
        if format == .text, !diagnostics.isEmpty {
            Console.error(diagnostics.summaryLine)
        }
        return diagnostics.hasErrors ? ExitCode(ExitStatus.inputErrors.rawValue) : .success
    }
}

/// Where the model lives.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "The model directory.")
    var model: String = "model"

    /// The loaded model, or the exit the command must take: 2 when the
    /// directory cannot be read, 1 (with the findings printed) when the model
    /// has errors.
    func load(reporting: ReportingOptions) throws -> Model {
        let result: ModelLoader.Result
        do {
            result = try ModelLoader.load(directory: model)
        } catch {
            throw Console.fail(error)
        }
        guard let loaded = result.model else {
            throw reporting.report(result.diagnostics, rules: ModelLoader.rules)
        }
        return loaded
    }

    /// An id given on the command line that the model does not have is a
    /// usage error (exit 64, like a bad flag), not an error in the model.
    static func unknown(_ what: String, _ id: String, known: [String]) -> ValidationError {
        let hint = Suggestion.closest(to: id, among: known).map { " Did you mean '\($0)'?" } ?? ""
        return ValidationError("Unknown \(what) '\(id)'.\(hint) Known: \(known.joined(separator: ", ")).")
    }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Turns a failure the tool cannot get past into exit code 2 with a clear message.
    static func fail(_ failure: ToolFailure) -> ExitCode {
        error("error: \(failure.message)")
        return ExitCode(ExitStatus.toolFailure.rawValue)
    }
}
