import Graphviz
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Rendering through libgvc in-process.
///
/// Serialized (with the nested suites in other files) so that the memory
/// measurement is not disturbed by other Graphviz renders, which would also
/// queue on the renderer's lock anyway.
@Suite(.serialized) struct GraphvizRendererTests {
    let renderer = GraphvizRenderer.shared

    static let smallGraph = """
        digraph "g" {
          "api" [label="API Gateway"]
          "db" [label="Postgres"]
          "api" -> "db" [label="reads"]
        }
        """

    @Test func rendersSVGWithTheLabels() throws {
        let svg = try renderer.renderSVG(dot: Self.smallGraph)
        #expect(svg.contains("<svg"))
        #expect(svg.contains(">API Gateway</text>"))
        #expect(svg.contains(">Postgres</text>"))
        #expect(svg.contains(">reads</text>"))
    }

    @Test func rendersPNG() throws {
        let png = try renderer.render(dot: Self.smallGraph, format: .png)
        #expect(png.count > 100)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test(arguments: [OutputFormat.dot, .xdot, .json])
    func rendersTextFormats(format: OutputFormat) throws {
        let text = String(decoding: try renderer.render(dot: Self.smallGraph, format: format), as: UTF8.self)
        #expect(text.contains("API Gateway"))
        // Laid out: positions are present in every one of these formats.
        #expect(text.contains("pos"))
    }

    @Test(arguments: [LayoutEngine.neato, .fdp, .circo, .twopi])
    func otherLayoutEnginesWork(layout: LayoutEngine) throws {
        #expect(try renderer.renderSVG(dot: Self.smallGraph, layout: layout).contains(">Postgres</text>"))
    }

    @Test func malformedDOTThrowsAParseErrorAndTheNextRenderSucceeds() throws {
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph { a -> }", format: .svg)
        }
        #expect(error.stage == .parse)
        #expect(error.message.contains("syntax error"))
        #expect(error.description.hasPrefix("Graphviz parse error: "))

        // cgraph's error count is sticky; the renderer must reset it.
        #expect(try renderer.renderSVG(dot: Self.smallGraph).contains(">API Gateway</text>"))
    }

    @Test func unknownLayoutEngineThrowsALayoutError() throws {
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: Self.smallGraph, layout: "nosuch", format: .svg)
        }
        #expect(error.stage == .layout)
        #expect(error.message.contains("nosuch"))
        #expect(error.message.contains("not recognized"))
        #expect(try renderer.renderSVG(dot: Self.smallGraph).contains("<svg"))
    }

    @Test func unknownFormatThrowsARenderError() throws {
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: Self.smallGraph, format: "nosuchformat")
        }
        #expect(error.stage == .render)
        #expect(error.message.contains("nosuchformat"))
    }

    @Test func errorMessageDescribesTheCurrentFailure() throws {
        _ = try? renderer.render(dot: "digraph { a -> }", format: .svg)
        // The syntax error is still in cgraph's message buffer; the next
        // failure must report its own message.
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: Self.smallGraph, format: "nosuchformat")
        }
        #expect(!error.message.contains("syntax"))
    }

    @Test func errorsAreNotPrintedToStderr() throws {
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0)
        let savedStderr = dup(STDERR_FILENO)
        fflush(nil)
        dup2(pipeEnds[1], STDERR_FILENO)
        _ = try? renderer.render(dot: "digraph { a -> }", format: .svg)
        _ = try? renderer.render(dot: Self.smallGraph, layout: "nosuch", format: .svg)
        _ = try? renderer.render(dot: Self.smallGraph, format: "nosuchformat")
        fflush(nil)
        dup2(savedStderr, STDERR_FILENO)
        close(savedStderr)
        close(pipeEnds[1])

        var captured: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(pipeEnds[0], &buffer, buffer.count), count > 0 {
            captured += buffer[0..<count]
        }
        close(pipeEnds[0])
        #expect(captured.isEmpty, "stderr got: \(String(decoding: captured, as: UTF8.self))")
    }

    @Test func embeddedNULIsRejectedRatherThanTruncated() throws {
        // Truncated at the NUL this would be a valid graph `digraph { a }`.
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph { a }\u{0} garbage", format: .svg)
        }
        #expect(error.stage == .parse)
    }

    @Test func concurrentRendersAllSucceed() async throws {
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for task in 0..<16 {
                group.addTask {
                    var ok = true
                    for round in 0..<8 {
                        let label = "task \(task) round \(round)"
                        let dot = "digraph { \"n\" [label=\"\(label)\"]; \"n\" -> \"m\" }"
                        let svg = try? GraphvizRenderer.shared.renderSVG(dot: dot)
                        ok = ok && (svg?.contains(">\(label)</text>") ?? false)
                    }
                    return (task, ok)
                }
            }
            var results: [Int: Bool] = [:]
            for await (task, ok) in group { results[task] = ok }
            return results
        }
        #expect(results.count == 16)
        #expect(results.values.allSatisfy { $0 })
    }

    @Test func manyRendersDoNotGrowMemory() throws {
        let graph = Self.mediumGraph()
        func renderMix(_ count: Int) throws {
            for index in 0..<count {
                switch index % 10 {
                case 0: _ = try? renderer.render(dot: "digraph { a -> }", format: .svg)
                case 1: _ = try? renderer.render(dot: graph, layout: "nosuch", format: .svg)
                case 2: _ = try renderer.render(dot: graph, format: .png)
                default: _ = try renderer.render(dot: graph, format: .svg)
                }
            }
        }
        try renderMix(50)
        let before = try #require(Self.residentBytes())
        try renderMix(500)
        let after = try #require(Self.residentBytes())
        let growth = after - before
        // Measured: ~100 KiB in total; with the `agclose` left out, ~9 MiB.
        #expect(growth < 4 << 20, "RSS grew by \(growth >> 10) KiB over 500 renders")
    }

    /// A 30-node graph with multi-line labels, so each render does real work.
    ///
    /// No clusters: Graphviz 2.42's dot layout itself leaks its cluster
    /// bookkeeping (virtual and auxiliary edges from `class2` and
    /// `make_aux_edge`, found with valgrind on a plain C loop), roughly
    /// 4–25 KiB per render, which no caller can free.
    static func mediumGraph() -> String {
        var graph = DOTGraph(name: "medium", nodeAttributes: ["shape": "box"])
        for index in 0..<30 {
            graph.add(DOTNode("n\(index)", attributes: ["label": .string("Component \(index)\nline two")]))
            if index > 0 { graph.add(DOTEdge(from: "n\(index / 2)", to: "n\(index)")) }
        }
        return graph.dotSource()
    }

    /// Current resident set size, from `/proc/self/statm` (pages).
    static func residentBytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}
