import Graphviz
import Testing

extension GraphvizRendererTests {
    /// The DOT builder: exact, deterministic output and escaping that survives
    /// a real Graphviz round trip.
    @Suite struct DOTGraphTests {
        @Test func writesDeterministicDOT() {
            var graph = DOTGraph(
                name: "deps",
                attributes: ["rankdir": "LR", "fontname": "Helvetica"],
                nodeAttributes: ["shape": "box"]
            )
            graph.add(DOTSubgraph.cluster("core", attributes: ["label": "Core"], nodes: [DOTNode("a")]))
            graph.add(DOTNode("b", attributes: ["label": "B", "color": "red"]))
            graph.add(DOTEdge(from: "a", to: "b", attributes: ["style": "dashed"]))
            graph.add(DOTEdge(from: "b", to: "a", fromPort: "p1", toPort: "s"))

            let expected = """
                digraph "deps" {
                  graph [charset="UTF-8", fontname="Helvetica", rankdir="LR"]
                  node [shape="box"]
                  subgraph "cluster_core" {
                    graph [label="Core"]
                    "a"
                  }
                  "b" [color="red", label="B"]
                  "a" -> "b" [style="dashed"]
                  "b":"p1" -> "a":"s"
                }

                """
            #expect(graph.dotSource() == expected)
            // Dictionary order must not leak into the output.
            #expect(graph.dotSource() == graph.dotSource())
            #expect(DOTGraph(name: "deps", attributes: ["fontname": "Helvetica", "rankdir": "LR"]).dotSource()
                == DOTGraph(name: "deps", attributes: ["rankdir": "LR", "fontname": "Helvetica"]).dotSource())
        }

        @Test func undirectedStrictAnonymousGraph() {
            let graph = DOTGraph(directed: false, strict: true, attributes: ["charset": "latin1"],
                                 edges: [DOTEdge(from: "x", to: "y")])
            #expect(graph.dotSource() == "strict graph {\n  graph [charset=\"latin1\"]\n  \"x\" -- \"y\"\n}\n")
        }

        @Test func escapesQuotedStrings() {
            let graph = DOTGraph(nodes: [DOTNode("n", attributes: ["label": .string("say \"hi\" \\ <b> {x}\n🚀 \\n\r\nend")])])
            #expect(graph.dotSource().contains(#""n" [label="say \"hi\" \\ <b> {x}\n🚀 \\n\nend"]"#))
        }

        @Test func escapesHTMLLabelText() {
            #expect(DOTValue.htmlEscaped("a & b <i> \"q\"\nnext 🚀") == "a &amp; b &lt;i&gt; &quot;q&quot;<BR/>next 🚀")
            #expect(DOTValue.htmlEscaped("crlf\r\nx") == "crlf<BR/>x")
            let graph = DOTGraph(nodes: [DOTNode("n", attributes: ["label": .html("<B>x</B>")])])
            #expect(graph.dotSource().contains(#""n" [label=<<B>x</B>>]"#))
        }

        @Test func trickyLabelSurvivesIntoSVG() throws {
            let label = #"say "hi" \ <b> {x}"# + "\n" + "🚀"
            let graph = DOTGraph(nodes: [DOTNode("n", attributes: ["label": .string(label)])])
            let svg = try GraphvizRenderer.shared.renderSVG(graph)
            // SVG escapes `"`, `<`, `>`; the newline splits the label into two <text> lines.
            #expect(svg.contains(#">say &quot;hi&quot; \ &lt;b&gt; {x}</text>"#))
            #expect(svg.contains(">🚀</text>"))
        }

        @Test func trailingBackslashDoesNotEscapeTheClosingQuote() throws {
            let graph = DOTGraph(nodes: [DOTNode("n", attributes: ["label": "C:\\dir\\"])])
            #expect(try GraphvizRenderer.shared.renderSVG(graph).contains(#">C:\dir\</text>"#))
        }

        @Test func graphvizEscapesInUserTextAreNotInterpreted() throws {
            // Unescaped, `\N` would become the node ID and `\l` a line break.
            let graph = DOTGraph(nodes: [DOTNode("id", attributes: ["label": #"a\Nb\lc"#])])
            #expect(try GraphvizRenderer.shared.renderSVG(graph).contains(#">a\Nb\lc</text>"#))
        }

        @Test func htmlLabelRendersEscapedText() throws {
            let text = DOTValue.htmlEscaped("R&D <team>\n🚀")
            let graph = DOTGraph(nodes: [DOTNode("n", attributes: ["label": .html("<B>" + text + "</B>")])])
            let svg = try GraphvizRenderer.shared.renderSVG(graph)
            #expect(svg.contains(">R&amp;D &lt;team&gt;</text>"))
            #expect(svg.contains(">🚀</text>"))
        }

        @Test(arguments: ["node", "edge", "graph", "subgraph", "strict", "digraph", "NODE"])
        func keywordIDsWork(id: String) throws {
            let graph = DOTGraph(
                name: id,
                nodes: [DOTNode(id)],
                edges: [DOTEdge(from: id, to: "other")],
                subgraphs: [DOTSubgraph(name: id, nodes: [DOTNode("inside")])]
            )
            let svg = try GraphvizRenderer.shared.renderSVG(graph)
            #expect(svg.contains("<title>\(id)</title>"))
            #expect(svg.contains("<title>\(id)&#45;&gt;other</title>"))
        }

        @Test func clustersAreDrawnAsClusters() throws {
            let cluster = DOTSubgraph.cluster("ops", attributes: ["label": "Operations"], nodes: [DOTNode("x")])
            #expect(cluster.isCluster)
            #expect(!DOTSubgraph(name: "plain").isCluster)
            let svg = try GraphvizRenderer.shared.renderSVG(DOTGraph(subgraphs: [cluster]))
            #expect(svg.contains("class=\"cluster\""))
            #expect(svg.contains(">Operations</text>"))
        }
    }
}
