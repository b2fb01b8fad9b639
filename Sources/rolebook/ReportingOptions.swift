import ArgumentParser
import Foundation
import RolebookCore

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
