internal import CGraphviz
import Synchronization

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Lays out and renders DOT in-process with libgvc, safely from any task.
///
/// Graphviz keeps global state (the cgraph error buffer and level, the
/// layout's scratch data) and is documented as not thread-safe, so every
/// Graphviz call of the process goes through the one lock of the one
/// ``shared`` instance. Rendering is synchronous and CPU-bound; callers that
/// render many graphs concurrently simply queue on the lock.
///
/// One `GVC_t` context is created on first use and kept for the life of the
/// process: creating one per render reloads the plugin configuration each
/// time. Per render, the parsed graph, its layout and the output buffer are
/// all freed before returning, on success and on every error path (Graphviz
/// leaks about 25 KiB per render without `agclose`).
///
/// One leak remains that no caller can fix: Graphviz 2.42's `dot` layout
/// loses the virtual and auxiliary edges it builds for clusters (seen with
/// valgrind in a plain C loop: `class2`/`make_aux_edge` allocations), about
/// 4–25 KiB per render of a graph with clusters. That is harmless for a
/// command-line run; a long-lived server rendering many clustered graphs
/// should expect slow growth.
public final class GraphvizRenderer: Sendable {
    /// The process-wide renderer. There is deliberately no public initializer:
    /// a second instance would mean a second lock around the same global
    /// Graphviz state.
    public static let shared = GraphvizRenderer()

    /// The lazily created `GVC_t*`; the mutex is the lock for all Graphviz calls.
    private let context = Mutex<OpaquePointer?>(nil)

    private init() {}

    /// Parses `dot`, lays it out with `layout` and renders it as `format`.
    ///
    /// - Parameters:
    ///   - dot: A complete DOT graph (`digraph { … }`); only the first graph in
    ///     the text is used.
    ///   - layout: The layout engine, `dot` by default.
    ///   - format: The output format.
    /// - Returns: The rendered bytes (UTF-8 text for SVG, DOT and JSON).
    /// - Throws: ``GraphvizError`` with the stage that failed and Graphviz's
    ///   message; nothing is printed to stderr.
    public func render(dot: String, layout: LayoutEngine = .dot, format: OutputFormat) throws(GraphvizError) -> [UInt8] {
        // agmemread, gvLayout and gvRenderData take C strings: an embedded NUL
        // would silently cut the input short, so refuse it instead.
        guard !dot.utf8.contains(0) else {
            throw GraphvizError(stage: .parse, message: "DOT text contains a NUL character")
        }
        guard !layout.rawValue.utf8.contains(0) else {
            throw GraphvizError(stage: .layout, message: "layout name contains a NUL character")
        }
        guard !format.rawValue.utf8.contains(0) else {
            throw GraphvizError(stage: .render, message: "format name contains a NUL character")
        }
        return try context.withLock { (context: inout OpaquePointer?) throws(GraphvizError) -> [UInt8] in
            if context == nil {
                context = gvContext()
            }
            guard let gvc = context else {
                throw GraphvizError(stage: .layout, message: "could not create a Graphviz context")
            }
            return try Self.render(dot: dot, layout: layout, format: format, gvc: gvc)
        }
    }

    /// Renders DOT to an SVG document.
    ///
    /// A convenience for the common case; Graphviz's SVG output is UTF-8.
    public func renderSVG(dot: String, layout: LayoutEngine = .dot) throws(GraphvizError) -> String {
        String(decoding: try render(dot: dot, layout: layout, format: .svg), as: UTF8.self)
    }

    /// Renders a ``DOTGraph`` built in Swift.
    public func render(_ graph: DOTGraph, layout: LayoutEngine = .dot, format: OutputFormat) throws(GraphvizError) -> [UInt8] {
        try render(dot: graph.dotSource(), layout: layout, format: format)
    }

    /// Renders a ``DOTGraph`` built in Swift to an SVG document.
    public func renderSVG(_ graph: DOTGraph, layout: LayoutEngine = .dot) throws(GraphvizError) -> String {
        try renderSVG(dot: graph.dotSource(), layout: layout)
    }

    /// The Graphviz pipeline proper. Must only be called with the lock held.
    private static func render(
        dot: String,
        layout: LayoutEngine,
        format: OutputFormat,
        gvc: OpaquePointer
    ) throws(GraphvizError) -> [UInt8] {
        // Keep messages out of stderr (they go to cgraph's buffer, read with
        // aglasterr) and clear the error count, which is sticky: after one
        // bad graph every later check would fail without this.
        _ = agseterr(AGMAX)
        _ = agreseterrors()

        // Not agmemread: rolebook_read_graph (CGraphviz/shim.h) numbers
        // objects by the order of their names in the text, where cgraph would
        // use heap addresses, so clusters are laid out in the same order in
        // every process and the output is byte-identical run after run.
        let parsed = dot.withCString { rolebook_read_graph($0, strlen($0)) }
        guard let graph = parsed else {
            throw error(.parse, fallback: "no graph found in the DOT text")
        }
        defer { _ = agclose(graph) }

        let laidOut = gvLayout(gvc, graph, layout.rawValue)
        // Safe even after a failed gvLayout, and frees whatever it built.
        defer { _ = gvFreeLayout(gvc, graph) }
        guard laidOut == 0 else {
            throw error(.layout, fallback: "gvLayout failed with engine \"\(layout.rawValue)\"")
        }

        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let rendered = gvRenderData(gvc, graph, format.rawValue, &data, &length)
        defer {
            if let data { gvFreeRenderData(data) }
        }
        guard rendered == 0, let data else {
            throw error(.render, fallback: "gvRenderData failed with format \"\(format.rawValue)\"")
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    /// Builds the error for a failed call from cgraph's last message.
    ///
    /// `aglasterr()` returns the last message ever recorded, so it is only
    /// read when this render recorded an error (`agerrors() > 0`); otherwise a
    /// stale message from an earlier render could be reported.
    private static func error(_ stage: GraphvizError.Stage, fallback: String) -> GraphvizError {
        guard agerrors() > 0, let buffer = aglasterr() else {
            return GraphvizError(stage: stage, message: fallback)
        }
        defer { free(buffer) }
        let message = trimmed(String(cString: buffer))
        return GraphvizError(stage: stage, message: message.isEmpty ? fallback : message)
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
