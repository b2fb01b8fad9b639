import Foundation
import RolebookCore
import Testing

@testable import RolebookModel

/// Input meant to break parsers: each gets a clear finding, quickly, and no trap.
@Suite struct HostileInputTests {
    @Test func aliasBombIsRefusedQuickly() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let clock = ContinuousClock()
        var result: ModelLoader.Result?
        let elapsed = clock.measure {
            result = ModelFixtures.load(["model/bomb.yaml": yaml])
        }
        let diagnostics = try #require(result?.diagnostics)
        #expect(diagnostics.contains { $0.rule == "yaml.too-large" && $0.location?.path == "model/bomb.yaml" })
        // 9^9 nodes expanded would take minutes and gigabytes; the budget stops it.
        #expect(elapsed < .seconds(10))
    }

    @Test func binaryFileIsRefused() throws {
        let error = #expect(throws: InputFailure.self) {
            try SourceText.decode([0x64, 0x6F, 0x63, 0x0A, 0x00, 0x01], path: "model/x.yaml", maxBytes: 100)
        }
        #expect(error?.diagnostics.first?.message == "file looks binary: NUL byte")
        #expect(error?.diagnostics.first?.location == RolebookCore.SourceLocation(path: "model/x.yaml", line: 2, column: 1))
    }

    @Test func invalidUTF8HasPosition() throws {
        let bytes = Array("title: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = #expect(throws: InputFailure.self) {
            try SourceText.decode(bytes, path: "model/x.yaml", maxBytes: 100)
        }
        #expect(error?.diagnostics.first?.message == "invalid UTF-8 (byte 0xC3)")
        #expect(error?.diagnostics.first?.location?.column == 11)
    }

    @Test func oversizedFileIsRefused() throws {
        let error = #expect(throws: InputFailure.self) {
            try SourceText.decode(Array(repeating: 0x61, count: 101), path: "model/x.yaml", maxBytes: 100)
        }
        #expect(error?.diagnostics.first?.rule == "input.unreadable")
        #expect(error?.diagnostics.first?.message.contains("over the limit") == true)
    }

    @Test func realFilesOnDiskIncludingUnreadableOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("crds"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(ModelFixtures.document.utf8).write(to: directory.appendingPathComponent("document.yaml"))
        try Data(ModelFixtures.teams.utf8).write(to: directory.appendingPathComponent("teams.yaml"))
        try Data([0xFF, 0xFE, 0x00]).write(to: directory.appendingPathComponent("garbage.yaml"))
        // CRDs are not model files: a broken one here must not be read.
        try Data("not: [valid".utf8).write(to: directory.appendingPathComponent("crds/x.yaml"))
        let result = try ModelLoader.load(directory: directory.path)
        #expect(result.files.count == 3)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.rule == "input.unreadable")
        #expect(result.diagnostics.first?.location?.path.hasSuffix("garbage.yaml") == true)
    }

    @Test func missingDirectoryIsAToolFailure() {
        #expect(throws: ToolFailure.self) {
            try ModelLoader.load(directory: "/nonexistent/rolebook-model")
        }
    }

    @Test func hostileStringsAreJustText() throws {
        let teams = ModelFixtures.teams.replacingOccurrences(
            of: "name: CIF team", with: "name: \"<script>alert('x')</script> \\\" \\\\ {}\\n🚀\"")
        let result = ModelFixtures.load(["model/teams.yaml": teams])
        let model = try #require(result.model)
        #expect(model.team("cif").name == "<script>alert('x')</script> \" \\ {}\n🚀")
    }
}
