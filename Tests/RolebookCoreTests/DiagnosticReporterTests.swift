import Foundation
import Testing

@testable import RolebookCore

@Suite struct DiagnosticReporterTests {
    let findings: [Diagnostic] = [
        .warning("second", rule: "b.rule", at: SourceLocation(path: "model/b.yaml", line: 3, column: 2)),
        .error(
            "first, with \"quotes\" and a\nnewline", rule: "a.rule", at: SourceLocation(path: "model/a b.yaml", line: 10, column: 7),
            help: "fix it"),
        .note("about the run", rule: "c.rule", at: nil),
    ]

    @Test func textIsSortedAndCompilerStyle() {
        let text = DiagnosticReporter(format: .text).render(findings)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "note: about the run [c.rule]")
        #expect(lines[1] == "model/a b.yaml:10:7: error: first, with \"quotes\" and a")
        #expect(lines[3] == "  help: fix it")
        #expect(lines[4] == "model/b.yaml:3:2: warning: second [b.rule]")
        #expect(findings.summaryLine == "1 error, 1 warning, 1 note")
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = DiagnosticReporter(format: .json, toolVersion: "9.9.9").render(findings)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["tool"] as? String == "rolebook")
        #expect(object["version"] as? String == "9.9.9")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["errors": 1, "warnings": 1, "notes": 1])
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(entries[1]["path"] as? String == "model/a b.yaml")
        #expect(entries[1]["line"] as? Int == 10)
        #expect(entries[1]["column"] as? Int == 7)
        #expect(entries[1]["rule"] as? String == "a.rule")
        #expect(entries[1]["severity"] as? String == "error")
        #expect(entries[1]["help"] as? String == "fix it")
    }

    /// The properties GitHub code scanning requires of an uploaded SARIF file.
    @Test func sarifHasWhatCodeScanningRequires() throws {
        let rules = [RuleDescriptor("a.rule", "Checks A."), RuleDescriptor("b.rule", "Checks B.", severity: .warning)]
        let sarif = DiagnosticReporter(format: .sarif, rules: rules).render(findings)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "rolebook")
        let sarifRules = try #require(driver["rules"] as? [[String: Any]])
        #expect(sarifRules.map { $0["id"] as? String } == ["a.rule", "b.rule", "c.rule"])
        #expect((sarifRules[0]["shortDescription"] as? [String: String])?["text"] == "Checks A.")
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(sarifRules[index]["id"] as? String == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let message = try #require(result["message"] as? [String: String])
            #expect(!(message["text"] ?? "").isEmpty)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            #expect(!uri.hasPrefix("/") && !uri.contains(" "))
            let region = try #require(physical["region"] as? [String: Int])
            #expect((region["startLine"] ?? 0) >= 1)
            #expect(result["partialFingerprints"] is [String: String])
        }
        let error = results[1]
        let physical = ((error["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "model/a%20b.yaml")
        #expect((physical?["region"] as? [String: Int]) == ["startLine": 10, "startColumn": 7])
    }

    @Test func githubAnnotationsEscapeWhatTheRunnerUnescapes() {
        let output = DiagnosticReporter(format: .github).render(findings)
        let lines = output.split(separator: "\n")
        #expect(lines[0] == "::notice title=c.rule::about the run")
        #expect(lines[1] == "::error file=model/a b.yaml,line=10,col=7,title=a.rule::first, with \"quotes\" and a%0Anewline%0Ahelp: fix it")
        #expect(lines[2] == "::warning file=model/b.yaml,line=3,col=2,title=b.rule::second")
    }

    @Test func outputIsDeterministicWhateverTheInputOrder() {
        for format in ReportFormat.allCases {
            let reporter = DiagnosticReporter(format: format)
            #expect(reporter.render(findings) == reporter.render(findings.reversed()))
        }
    }
}
