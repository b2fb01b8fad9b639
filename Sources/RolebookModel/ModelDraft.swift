/// What the files of a model declare, before references are checked: the
/// sections of every file concatenated in file order.
struct ModelDraft {
    var documents: [Document] = []
    var teams: [Team] = []
    var components: [Component] = []
    var interactions: [Interaction] = []
    var terms: [Term] = []
    var plans: [Plan] = []
    var flows: [Flow] = []
    var diagrams: [Diagram] = []
    var escalation: [EscalationPath] = []
}
