/// The JSON Schema (draft-07, which the VS Code YAML extension understands) of
/// model files. Enums come from the Swift types, so the schema cannot drift
/// from what the loader accepts.
public enum ModelJSONSchema {
    public static func text() -> String {
        schema.serialized() + "\n"
    }

    static var schema: JSONValue {
        [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "https://rolebook.dev/schema/model.json",
            "title": "rolebook model file",
            "description": "One file of a rolebook model (model/*.yaml). Lists from several files are concatenated.",
            "type": "object",
            "additionalProperties": false,
            "properties": [
                "document": documentSection,
                "teams": list(team),
                "components": list(component),
                "interactions": list(interaction),
                "terms": list(term),
                "plans": list(plan),
                "flows": list(flow),
                "diagrams": list(diagram),
                "escalation": list(escalation),
            ],
        ]
    }

    static func object(_ properties: [String: JSONValue], required: [String], description: String? = nil) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": "object",
            "additionalProperties": false,
            "properties": .object(properties),
            "required": .array(required.map { .string($0) }),
        ]
        if let description { members["description"] = .string(description) }
        return .object(members)
    }

    static func list(_ item: JSONValue) -> JSONValue { ["type": "array", "items": item] }
    static func text(_ description: String) -> JSONValue { ["type": "string", "description": .string(description)] }
    static let id: JSONValue = ["type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$", "minLength": 1]
    static let strings: JSONValue = list(["type": "string"])
    static let ids: JSONValue = list(id)
    static let flag: JSONValue = ["type": "boolean"]

    static func oneOf<E: RawRepresentable & CaseIterable>(_: E.Type, _ description: String) -> JSONValue where E.RawValue == String {
        ["type": "string", "enum": .array(E.allCases.map { .string($0.rawValue) }), "description": .string(description)]
    }

    static var documentSection: JSONValue {
        object(
            [
                "title": text("Page title."), "summary": text("CommonMark paragraph under the title."),
                "audience": strings, "labels": strings, "aliases": strings,
            ], required: ["title"], description: "What the generated page is.")
    }

    static var team: JSONValue {
        object(
            [
                "id": id, "name": text("Full name of the team."), "aliases": strings, "owns": strings,
                "engage": object(
                    ["how": text("How to engage the team (CommonMark)."), "channel": text("Chat channel."), "hours": text("Hours of cover.")],
                    required: ["how"]),
                "color": ["type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"],
            ], required: ["id", "name", "engage"])
    }

    static var crdReference: JSONValue {
        object(
            [
                "group": text("API group; \"\" for the core group."), "version": text("API version, e.g. v1alpha1."),
                "kind": text("Kind, e.g. Workflow."), "field": text("Dotted field path, e.g. spec.shutdown."),
                "value": text("The value the model claims, e.g. Stop."),
                "scope": oneOf(ResourceScope.self, "Namespaced or Cluster."),
            ], required: ["group", "version", "kind"], description: "A claim about a Kubernetes API.")
    }

    static var component: JSONValue {
        object(
            [
                "id": id, "name": text("Display name."), "kind": oneOf(ComponentKind.self, "What sort of component."),
                "owner": id, "operators": ids, "consulted": ids,
                "runs-in": oneOf(Placement.self, "Where it runs (groups interaction diagrams)."),
                "change-scope": list(oneOf(ImpactScope.self, "A scope a change to it reaches.")),
                "summary": text("CommonMark."),
                "responsibilities": list(
                    object(
                        [
                            "title": text("Bold lead (CommonMark)."), "detail": text("Rest of the sentence (CommonMark)."),
                            "status": oneOf(ResponsibilityStatus.self, "current or planned."),
                            "moves-to": id, "crd": list(crdReference),
                        ], required: ["title"])),
                "rationale": text("CommonMark."), "important": strings, "notes": strings, "benefits": strings,
                "manages": list(crdReference),
            ], required: ["id", "name", "kind", "owner"])
    }

    static var interaction: JSONValue {
        object(
            [
                "id": id, "from": id, "to": id, "passes": text("What passes (edge label)."),
                "mechanism": text("Through which mechanism."), "detail": text("CommonMark."),
                "control": oneOf(DeploymentControl.self, "Marks the pause and abort controls."),
                "crd": list(crdReference),
            ], required: ["id", "from", "to", "passes", "mechanism"])
    }

    static var term: JSONValue {
        object(
            [
                "id": id, "term": text("The term."), "definition": text("CommonMark."), "mechanism": text("CommonMark."),
                "scope": text("CommonMark."), "level": id, "facts": strings, "avoid": strings, "crd": list(crdReference),
                "control": oneOf(DeploymentControl.self, "Marks the term naming a deployment control."),
                "identified-by": strings,
            ], required: ["id", "term", "definition"])
    }

    static var plan: JSONValue {
        object(
            [
                "id": id, "horizon": oneOf(PlanHorizon.self, "short-term or long-term."),
                "level": oneOf(PlanLevel.self, "Where the change lands; either = TBD."), "enhancement": flag,
                "title": text("CommonMark."), "detail": text("CommonMark."),
                "status": oneOf(PlanStatus.self, "Status."), "components": ids,
            ], required: ["id", "horizon", "level", "title"])
    }

    static var flow: JSONValue {
        object(
            [
                "id": id, "title": text("Title."), "summary": text("CommonMark."), "lanes": ids, "allow-cycles": flag,
                "nodes": list(
                    object(
                        [
                            "id": id, "kind": oneOf(FlowNodeKind.self, "Shape of the step."), "lane": id,
                            "label": text("Short label."), "detail": text("CommonMark."), "component": id,
                            "engages": id, "flow": id,
                        ], required: ["id", "kind", "lane", "label"])),
                "edges": list(object(["from": id, "to": id, "label": text("Branch label.")], required: ["from", "to"])),
                "invariants": list(
                    object(
                        [
                            "id": id, "description": text("What it promises."),
                            "after": object(["node": id, "branch": text("Label of the branch.")], required: ["node", "branch"]),
                            "engages": id, "before": id,
                        ], required: ["id", "engages"])),
            ], required: ["id", "title", "nodes"])
    }

    static var diagram: JSONValue {
        object(
            [
                "id": id, "title": text("Figure title."), "flow": id, "components": ids, "interactions": ids,
                "caption": text("CommonMark."),
            ], required: ["id", "title"])
    }

    static var escalation: JSONValue {
        object(
            [
                "scope": oneOf(ImpactScope.self, "How far the impact reaches."),
                "signal": text("How a responder recognises this scope (CommonMark)."),
                "engage": ids, "flow": id,
            ], required: ["scope", "signal", "engage"])
    }
}
