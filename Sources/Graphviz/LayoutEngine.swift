/// A Graphviz layout engine, passed to `gvLayout` by name.
///
/// A struct rather than an enum because the set of engines depends on the
/// plugins installed with Graphviz; unknown names are allowed here and make
/// ``GraphvizRenderer/render(dot:layout:format:)`` throw a `.layout` error.
public struct LayoutEngine: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The engine's name as Graphviz knows it (`-K` on the command line).
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Hierarchical layout for directed graphs; the usual choice.
    public static let dot = LayoutEngine(rawValue: "dot")
    /// Spring-model layout for undirected graphs.
    public static let neato = LayoutEngine(rawValue: "neato")
    /// Force-directed layout, better than `neato` for larger graphs.
    public static let fdp = LayoutEngine(rawValue: "fdp")
    /// Multiscale force-directed layout for very large graphs.
    public static let sfdp = LayoutEngine(rawValue: "sfdp")
    /// Circular layout.
    public static let circo = LayoutEngine(rawValue: "circo")
    /// Radial layout.
    public static let twopi = LayoutEngine(rawValue: "twopi")
    /// Layout of clusters packed as boxes.
    public static let osage = LayoutEngine(rawValue: "osage")
    /// Squarified tree map of clusters.
    public static let patchwork = LayoutEngine(rawValue: "patchwork")

    public var description: String { rawValue }
}
