import Testing

@testable import RolebookCore

@Suite struct SourceTextTests {
    @Test func acceptsUTF8WithBOMAndEmoji() throws {
        let source = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a: 🚀\n".utf8), path: "x.yaml", maxBytes: 100)
        #expect(source.text == "a: 🚀\n")
    }

    @Test func refusesSurrogatesAndOverlongForms() {
        // An encoded UTF-16 surrogate (U+D800) and an overlong "/" are not UTF-8.
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]] {
            #expect(throws: InputFailure.self) { try SourceText.decode(Array("ok\n".utf8) + bad, path: "x", maxBytes: 100) }
        }
    }

    @Test func positionCountsScalarsNotBytes() throws {
        let error = #expect(throws: InputFailure.self) {
            try SourceText.decode(Array("é🚀".utf8) + [0xFF], path: "x", maxBytes: 100)
        }
        #expect(error?.diagnostics.first?.location == SourceLocation(path: "x", line: 1, column: 3))
    }
}
