import Foundation
import Testing

/// `rolebook flow` and `rolebook impact` through the real binary.
@Suite struct FlowImpactCommandTests {
    @Test func flowPrintsTheOutlineWithTheCIFStepBeforeIncidentManagement() throws {
        let outcome = try CLIRunner.run(["flow", "2B-3B"])
        #expect(outcome.status == 0)
        let text = outcome.stdout
        let cif = try #require(text.range(of: "Escalate: Engage the CIF team"))
        let incident = try #require(text.range(of: "Escalate: Engage incident management"))
        #expect(cif.lowerBound < incident.lowerBound)
        #expect(text.contains("3. Decision: Is the impact infrastructure-related?"))
        #expect(text.contains("Checked on every path:"))
    }

    @Test func unknownIDsAreUsageErrorsWithASuggestion() throws {
        let flow = try CLIRunner.run(["flow", "2B-3X"])
        #expect(flow.status == 64)
        #expect(flow.stderr.contains("Unknown flow '2B-3X'."))
        let impact = try CLIRunner.run(["impact", "express-opertor"])
        #expect(impact.status == 64)
        #expect(impact.stderr.contains("Did you mean 'express-operator'?"))
    }

    @Test func impactOfTheOperatorReachesSeveralDataCentersAndEngagesCIFFirst() throws {
        let outcome = try CLIRunner.run(["impact", "express-operator"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("clients in several data centers at once"))
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        let order = lines.filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }
        #expect(order.map { $0.trimmingCharacters(in: .whitespaces) }.map { String($0.prefix(while: { $0 != " " })) } == ["1.", "2.", "3."])
        #expect(order[1].contains("Cloud Infrastructure Fabric (CIF) team"))
        #expect(order[2].contains("Incident management"))
    }

    @Test func impactOfTheHelmChartStaysWithinOneExpressCluster() throws {
        let outcome = try CLIRunner.run(["impact", "helm-chart"])
        #expect(outcome.stdout.contains("A change to it reaches one Express cluster and its nodes."))
    }
}
