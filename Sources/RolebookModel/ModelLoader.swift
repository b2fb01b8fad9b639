import Foundation
import RolebookCore

/// Loads a model directory: every `*.yaml`/`*.yml` under it except `crds/`,
/// in sorted path order, then checks references and flows. All findings come
/// back together, sorted; the model only when none is an error.
public enum ModelLoader {
    /// Large enough for a generated model of 10,000 components, small enough
    /// that a stray dump or binary is refused before it is parsed.
    public static let maxFileBytes = 32 * 1024 * 1024

    public struct Result: Sendable {
        public var model: Model?
        public var diagnostics: [Diagnostic]
        /// The files read, so `build` can tell what the outputs depend on.
        public var files: [String]
    }

    /// Loads `directory`. Throws ``ToolFailure`` only when the directory
    /// cannot be read at all; every problem in the files is a diagnostic.
    public static func load(directory: String) throws(ToolFailure) -> Result {
        let files = try modelFiles(in: directory)
        var sources: [SourceText] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            do {
                sources.append(try SourceText.read(path: file, maxBytes: maxFileBytes))
            } catch let failure as InputFailure {
                diagnostics += failure.diagnostics
            } catch let failure as ToolFailure {
                throw failure
            } catch {
                throw ToolFailure("cannot read \(file): \(error)")
            }
        }
        var result = load(sources: sources, modelPath: directory, unreadableFiles: !diagnostics.isEmpty)
        result.diagnostics = (diagnostics + result.diagnostics).sorted()
        if result.diagnostics.hasErrors { result.model = nil }
        result.files = files
        return result
    }

    /// Loads model files already in memory (tests, and files read elsewhere).
    /// `unreadableFiles` says some files could not even be read: cross-file
    /// checks are then skipped, since their findings would be noise.
    public static func load(sources: [SourceText], modelPath: String = "model", unreadableFiles: Bool = false) -> Result {
        let sink = DiagnosticSink()
        var draft = ModelDraft()
        var unparsed = unreadableFiles
        for source in sources {
            do {
                guard let root = try YAMLDocumentParser.parseSingle(source) else { continue }
                ModelFileDecoder(path: source.path, sink: sink).decode(root, into: &draft)
            } catch {
                error.diagnostics.forEach(sink.report)
                unparsed = true
            }
        }
        // A file that did not parse would make every reference into it look
        // dangling: report the syntax errors alone, as a compiler does.
        guard !unparsed else {
            return Result(model: nil, diagnostics: sink.diagnostics.sorted(), files: sources.map(\.path))
        }
        ReferenceResolver(sink: sink).check(draft, modelPath: modelPath)
        let flows = FlowChecker(sink: sink)
        for flow in draft.flows { flows.check(flow) }
        EscalationChecker(sink: sink).check(draft.escalation, against: draft.flows)

        let diagnostics = sink.diagnostics.sorted()
        guard !diagnostics.hasErrors, let document = draft.documents.first else {
            return Result(model: nil, diagnostics: diagnostics, files: sources.map(\.path))
        }
        let model = Model(
            document: document, teams: draft.teams, components: draft.components, interactions: draft.interactions,
            terms: draft.terms, plans: draft.plans, flows: draft.flows, diagrams: draft.diagrams,
            escalation: draft.escalation)
        return Result(model: model, diagnostics: diagnostics, files: sources.map(\.path))
    }

    /// The model files under `directory`, sorted, skipping `crds/` (CRDs are
    /// not model files) and hidden entries.
    public static func modelFiles(in directory: String) throws(ToolFailure) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolFailure("model directory '\(directory)' does not exist")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw ToolFailure("cannot list model directory '\(directory)'")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.first == "crds" || components.contains(where: { $0.hasPrefix(".") }) {
                enumerator.skipDescendants()
                continue
            }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
            }
        }
        if files.isEmpty {
            throw ToolFailure("model directory '\(directory)' holds no .yaml files")
        }
        return files.sorted()
    }

    /// Every rule the model checks can report, for SARIF and the README.
    public static let rules: [RuleDescriptor] = [
        RuleDescriptor(SourceText.inputRule, "A model file is unreadable: too large, binary, or not UTF-8."),
        RuleDescriptor(YAMLDocumentParser.syntaxRule, "A model file is not valid YAML."),
        RuleDescriptor(YAMLDocumentParser.duplicateKeyRule, "A YAML mapping repeats a key."),
        RuleDescriptor(YAMLDocumentParser.aliasBombRule, "A YAML document expands to too many nodes through aliases."),
        RuleDescriptor(MappingReader.unknownKeyRule, "A key the model format does not define."),
        RuleDescriptor(MappingReader.missingKeyRule, "A required key is missing."),
        RuleDescriptor(MappingReader.typeRule, "A value has the wrong type."),
        RuleDescriptor(MappingReader.valueRule, "A value is not one the model format allows."),
        RuleDescriptor(ReferenceResolver.documentRule, "The model must have exactly one document section."),
        RuleDescriptor(ReferenceResolver.duplicateRule, "Two entities of one kind share an id."),
        RuleDescriptor(ReferenceResolver.danglingRule, "A reference names an entity that does not exist."),
        RuleDescriptor(ReferenceResolver.missingOwnerRule, "A component has no owning team."),
        RuleDescriptor(FlowChecker.startRule, "A flow must have exactly one start node."),
        RuleDescriptor(FlowChecker.unreachableRule, "A flow node cannot be reached from the start."),
        RuleDescriptor(FlowChecker.deadEndRule, "A flow node other than an end or hand-off has no way out, or an end has one."),
        RuleDescriptor(FlowChecker.decisionRule, "A decision needs at least two distinctly labelled branches."),
        RuleDescriptor(FlowChecker.cycleRule, "A flow loops although it does not allow cycles."),
        RuleDescriptor(FlowChecker.handOffRule, "A hand-off must name another flow."),
        RuleDescriptor(FlowChecker.laneRule, "A flow node sits in a lane the flow does not declare."),
        RuleDescriptor(FlowChecker.invariantRule, "A flow's declared invariant does not hold on every path."),
        RuleDescriptor(EscalationChecker.orderRule, "An escalation path engages teams in an order a flow's invariant forbids."),
    ]
}
