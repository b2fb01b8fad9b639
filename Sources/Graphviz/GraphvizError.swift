/// A failure reported by Graphviz while turning DOT into an image.
///
/// Graphviz normally prints its errors to stderr; ``GraphvizRenderer``
/// captures them instead (via `agseterr(AGMAX)` and `aglasterr()`) so the
/// caller decides how to report them, with the stage that failed.
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step of the pipeline that failed.
    public enum Stage: String, Sendable, Hashable {
        /// The DOT text could not be read (`agmemread`), e.g. a syntax error.
        case parse
        /// The layout engine was unknown or failed (`gvLayout`). Also used if
        /// the Graphviz context itself cannot be created, since no layout can
        /// happen then either.
        case layout
        /// The output format was unknown or rendering failed (`gvRenderData`).
        case render
    }

    /// Which step failed.
    public var stage: Stage
    /// Graphviz's own message, trimmed (e.g. `syntax error in line 1 near '}'`),
    /// or a description of the failed call when Graphviz gave none.
    public var message: String

    public init(stage: Stage, message: String) {
        self.stage = stage
        self.message = message
    }

    /// `Graphviz <stage> error: <message>`, suitable for a diagnostic line.
    public var description: String { "Graphviz \(stage.rawValue) error: \(message)" }
}
