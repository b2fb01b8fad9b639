import Foundation
import RolebookCore
import Testing

@testable import RolebookSchema

/// YAML scalars as the API server reads them, and the JSON parser's positions.
@Suite struct DocumentLoaderTests {
    func values(_ yaml: String) throws -> [String: JSONValue] {
        let document = try #require(try YAMLLoader.documents(SourceText(path: "t.yaml", text: yaml)).first)
        return Dictionary(uniqueKeysWithValues: (document.members ?? []).map { ($0.key, $0.value.value) })
    }

    @Test func yamlScalarsFollowYAML11LikeKubectl() throws {
        let v = try values("a: yes\nb: 'yes'\nc: 0x1F\nd: 010\ne: 1.5e3\nf: ~\ng: 1_000\nh: \"12\"\ni: Off\nj: 12abc\nk: .inf\n")
        #expect(v["a"].map { $0.jsonEquals(.bool(true)) } == true)
        #expect(v["b"].map { $0.jsonEquals(.string("yes")) } == true)
        #expect(v["c"].map { $0.jsonEquals(.integer(31)) } == true)
        #expect(v["d"].map { $0.jsonEquals(.integer(8)) } == true)
        #expect(v["e"].map { $0.jsonEquals(.number(1500)) } == true)
        #expect(v["f"].map { $0.jsonEquals(.null) } == true)
        #expect(v["g"].map { $0.jsonEquals(.integer(1000)) } == true)
        #expect(v["h"].map { $0.jsonEquals(.string("12")) } == true)
        #expect(v["i"].map { $0.jsonEquals(.bool(false)) } == true)
        #expect(v["j"].map { $0.jsonEquals(.string("12abc")) } == true)
        #expect(v["k"]?.typeName == "number")
    }

    @Test func mergeKeysAndPositions() throws {
        let yaml = "base: &base\n  x: 1\n  y: 2\nthing:\n  <<: *base\n  y: 3\n"
        let document = try #require(try YAMLLoader.documents(SourceText(path: "t.yaml", text: yaml)).first)
        let thing = try #require(document["thing"])
        #expect(thing["x"]?.int == 1)
        #expect(thing["y"]?.int == 3)
        #expect(document.member("thing")?.keyLine == 4)
        #expect(thing["y"]?.line == 6)
        #expect(thing["y"]?.column == 6)
    }

    @Test func jsonParserKeepsPositionsAndTypes() throws {
        let text = "{\n  \"a\": [1, 2.5, \"x\\u00e9\\ud83d\\ude00\"],\n  \"b\": {\"c\": null, \"d\": true}\n}"
        let node = try JSONTextParser.parse(Array(text.utf8), path: "t.json")
        let a = try #require(node["a"]?.array)
        #expect(a[0].value.jsonEquals(.integer(1)))
        #expect(a[1].value.typeName == "number")
        #expect(a[2].string == "xé😀")
        #expect(a[2].line == 2)
        #expect(a[2].column == 17)
        #expect(node["b"]?["d"]?.bool == true)
        #expect(node.member("b")?.keyLine == 3)
        #expect(throws: InputFailure.self) { try JSONTextParser.parse(Array("{\"a\": 1,}".utf8), path: "t.json") }
        #expect(throws: InputFailure.self) { try JSONTextParser.parse(Array("{\"a\": 1, \"a\": 2}".utf8), path: "t.json") }
    }

    @Test func filesAreWalkedInDirectoryOrder() throws {
        let root = try SchemaTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["b/x.yaml", "b-minimal/x.yaml", "a.json", "c.txt", ".hidden/y.yaml"] {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "{}".write(to: url, atomically: true, encoding: .utf8)
        }
        let files = try DocumentLoader.files(in: [root.path]).map { String($0.dropFirst(root.path.count + 1)) }
        #expect(files == ["a.json", "b/x.yaml", "b-minimal/x.yaml"])
        #expect(throws: ToolFailure.self) { try DocumentLoader.files(in: [root.path + "/missing"]) }
    }

    @Test func binaryFilesAreFindings() throws {
        let root = try SchemaTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("bad.yaml")
        try Data([0x61, 0x3A, 0x20, 0x00, 0x01]).write(to: file)
        let loaded = try DocumentLoader.load(path: file.path)
        #expect(loaded.documents.isEmpty)
        #expect(loaded.diagnostics.map(\.rule) == [SourceText.inputRule])
    }
}
