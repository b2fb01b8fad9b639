import Foundation
import Testing

/// `rolebook build` and `rolebook check` keep their promises: deterministic,
/// atomic, only changed files rewritten, nothing written on failure, stale
/// generated files removed, other files never touched.
@Suite(.serialized) struct BuildCheckCommandTests {
    /// A scratch project: a copy of the shipped model and an empty docs/.
    private func project() throws -> URL {
        let directory = try CLIRunner.temporaryDirectory()
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("model"), to: directory.appendingPathComponent("model"))
        return directory
    }

    /// Every file under `docs/` with its bytes.
    private func snapshot(_ directory: URL) throws -> [String: Data] {
        let docs = directory.appendingPathComponent("docs")
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: docs.path) else { return result }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = docs.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return result
    }

    @Test func buildThenCheckPasses() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try CLIRunner.run(["check"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("docs/roles-and-responsibilities.md:1:1: error: missing"))

        let build = try CLIRunner.run(["build"], in: directory)
        #expect(build.status == 0, "\(build.stderr)")
        let files = try snapshot(directory)
        for name in [
            "roles-and-responsibilities.md", "roles-and-responsibilities.html", ".rolebook-manifest.json", "diagrams/2B-3B.svg",
            "diagrams/2B-3B.png", "diagrams/2B-3B.dot", "diagrams/2B-3B.mmd", "diagrams/1.svg",
        ] {
            #expect(files[name] != nil, "build did not write \(name)")
        }
        let check = try CLIRunner.run(["check"], in: directory)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.isEmpty)
    }

    @Test func twoBuildsGiveIdenticalBytesAndTheSecondWritesNothing() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try CLIRunner.run(["build"], in: directory)
        let first = try snapshot(directory)
        // A second, independent build into a fresh directory gives the same bytes.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("docs"))
        _ = try CLIRunner.run(["build"], in: directory)
        #expect(try snapshot(directory) == first)
        // And a build over an up-to-date docs/ rewrites nothing.
        let again = try CLIRunner.run(["build"], in: directory)
        #expect(again.stderr.contains("0 written, 0 removed"), "\(again.stderr)")
    }

    @Test func checkNamesStaleFilesAfterAModelEdit() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try CLIRunner.run(["build"], in: directory)
        let teams = directory.appendingPathComponent("model/teams.yaml")
        let text = try String(contentsOf: teams, encoding: .utf8)
        try text.replacingOccurrences(of: "name: L2 support", with: "name: L2 support desk").write(to: teams, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["check"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout.contains("docs/roles-and-responsibilities.md:1:1: error: stale"))
        #expect(check.stdout.contains("docs/roles-and-responsibilities.html:1:1: error: stale"))
        #expect(check.stdout.contains("[docs.stale]"))
        let build = try CLIRunner.run(["build"], in: directory)
        #expect(build.status == 0)
        #expect(try CLIRunner.run(["check"], in: directory).status == 0)
    }

    @Test func aFailedBuildLeavesDocsUntouched() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try CLIRunner.run(["build"], in: directory)
        let before = try snapshot(directory)
        let components = directory.appendingPathComponent("model/components.yaml")
        let text = try String(contentsOf: components, encoding: .utf8)
        try text.replacingOccurrences(of: "owner: cif", with: "owner: nobody").write(to: components, atomically: true, encoding: .utf8)
        // Also make the page different, so a partial write would show.
        let teams = directory.appendingPathComponent("model/teams.yaml")
        try String(contentsOf: teams, encoding: .utf8).replacingOccurrences(of: "name: L2 support", with: "name: Changed")
            .write(to: teams, atomically: true, encoding: .utf8)
        let build = try CLIRunner.run(["build"], in: directory)
        #expect(build.status == 1)
        #expect(build.stdout.contains("unknown team 'nobody'"))
        #expect(try snapshot(directory) == before)
    }

    @Test func staleGeneratedFilesGoAndOtherFilesStay() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let docs = directory.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("runbooks"), withIntermediateDirectories: true)
        let handWritten = docs.appendingPathComponent("runbooks/mine.md")
        try Data("# mine\n".utf8).write(to: handWritten)
        _ = try CLIRunner.run(["build"], in: directory)
        // Drop diagram 2A from the model: its four files must go, nothing else.
        let diagrams = directory.appendingPathComponent("model/diagrams.yaml")
        let yaml = try String(contentsOf: diagrams, encoding: .utf8)
        let lines = yaml.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("id: \"2A\"") || $0.contains("id: 2A") })
        var end = start + 1
        while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("- id:") { end += 1 }
        try (Array(lines[..<start]) + Array(lines[end...])).joined(separator: "\n").write(to: diagrams, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["check"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout.contains("docs/diagrams/2A.svg:1:1: error: extra"))
        let build = try CLIRunner.run(["build"], in: directory)
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(build.stderr.contains("removed docs/diagrams/2A.svg"))
        #expect(!FileManager.default.fileExists(atPath: docs.appendingPathComponent("diagrams/2A.png").path))
        #expect(try Data(contentsOf: handWritten) == Data("# mine\n".utf8))
        #expect(try CLIRunner.run(["check"], in: directory).status == 0)
    }
}
