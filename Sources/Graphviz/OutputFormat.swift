/// An output format for `gvRenderData`, by Graphviz's name (`-T`).
///
/// A struct rather than an enum because the available formats depend on the
/// installed plugins (PNG needs the cairo plugin, which Debian's `graphviz`
/// package ships); unknown names make rendering throw a `.render` error.
public struct OutputFormat: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The format's name as Graphviz knows it.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// SVG, UTF-8 XML text.
    public static let svg = OutputFormat(rawValue: "svg")
    /// PNG bitmap (cairo plugin).
    public static let png = OutputFormat(rawValue: "png")
    /// DOT with the layout's positions added; useful for debugging layouts.
    public static let dot = OutputFormat(rawValue: "dot")
    /// DOT with drawing operations (`_draw_` attributes), for custom renderers.
    public static let xdot = OutputFormat(rawValue: "xdot")
    /// JSON with the layout and drawing operations.
    public static let json = OutputFormat(rawValue: "json")

    public var description: String { rawValue }
}
