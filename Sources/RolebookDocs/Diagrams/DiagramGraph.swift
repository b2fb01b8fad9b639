import RolebookModel

/// A diagram as boxes, arrows and groups, before any syntax.
///
/// Built once from the model (``FlowGraphBuilder``, ``InteractionGraphBuilder``)
/// and written twice, as DOT (``DOTDiagramWriter``) and as Mermaid
/// (``MermaidWriter``): the decisions about what a diagram shows, which shape
/// means what and what stands out live here, so the two renderings cannot
/// drift apart.
struct DiagramGraph: Sendable {
    /// What a node stands for, which decides its shape in every rendering.
    enum Shape: Sendable, Hashable {
        case start
        case end
        case action
        case decision
        case escalation
        case handOff
        case component(ComponentKind)
    }

    /// How an arrow is drawn.
    enum EdgeStyle: Sendable, Hashable {
        case normal
        /// Part of what a flow's invariant guarantees: drawn bold so the reader
        /// sees the rule (e.g. "engage CIF before incident management").
        case emphasized(DiagramColor)
        /// A pause or abort control: dashed, in the control's colour.
        case control(DeploymentControl)
    }

    /// A swimlane (a team) or a placement (where components run).
    struct Group: Sendable {
        /// Unique within the diagram; not shown.
        var id: String
        var title: String
        var fill: DiagramColor
        var stroke: DiagramColor
    }

    struct Node: Sendable {
        /// Unique within the diagram; not shown.
        var id: String
        /// The text shown; `\n` separates lines.
        var label: String
        var shape: Shape
        /// The ``Group/id`` the node is drawn in, if any.
        var group: String?
        var fill: DiagramColor
        var stroke: DiagramColor
        /// Drawn with a thick outline and bold text.
        var emphasized: Bool = false
        /// Longer text for readers who hover (SVG only).
        var tooltip: String?
    }

    struct Edge: Sendable {
        /// ``Node/id``s.
        var from: String
        var to: String
        /// The text on the arrow; `\n` separates lines.
        var label: String?
        var style: EdgeStyle = .normal
        var tooltip: String?
    }

    /// How the legend is drawn.
    enum LegendStyle: Sendable {
        /// Sample nodes of each shape, each labelled with what it means.
        case shapes
        /// A table of colour swatches under a title (e.g. "Owner").
        case colorKey(title: String)
    }

    /// One entry of the legend: a sample node (or swatch), labelled with what
    /// it means. (Arrows need no legend: the controls and branches are
    /// labelled.)
    struct LegendEntry: Sendable {
        var shape: Shape
        var fill: DiagramColor
        var stroke: DiagramColor
        var emphasized: Bool = false
        /// `\n` separates lines.
        var meaning: String
    }

    /// Shown above the diagram. Every diagram runs top to bottom: pages
    /// scroll vertically, and lanes side by side keep their titles in one row.
    var title: String
    /// Groups in the order they should appear (lanes left to right).
    var groups: [Group]
    /// Whether groups are swimlanes: each drawn the full height of the
    /// diagram, side by side in ``groups`` order.
    var groupsAreLanes: Bool
    var nodes: [Node]
    var edges: [Edge]
    var legend: [LegendEntry]
    var legendStyle: LegendStyle = .shapes
}
