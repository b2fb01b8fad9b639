import ArgumentParser
import Foundation
import RolebookCore
import RolebookSchema

/// Where `rolebook validate` gets CRDs (files, kubectl, an API server) and
/// which manifests it checks against them.
struct SchemaOptions: ParsableArguments {
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("CRD files or directories (YAML, JSON, kind: List). Default: MODEL/crds when it exists.", valueName: "path"))
    var crds: [String] = []

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Custom resources (files or directories) to validate against the CRDs.", valueName: "path"))
    var manifests: [String] = []

    @Flag(name: .long, help: "Unknown fields are errors (the API server's Strict field validation), not warnings.")
    var strict = false

    @Flag(name: .long, help: "Read the CRDs from the cluster of the current kubeconfig context through kubectl.")
    var kubectl = false

    @Option(name: .long, help: "The kubeconfig context kubectl uses (with --kubectl).")
    var context: String?

    @Option(name: .long, help: "The kubeconfig file kubectl uses (with --kubectl; default: KUBECONFIG or ~/.kube/config).")
    var kubeconfig: String?

    @Option(name: .long, help: "Read the CRDs from this API server URL directly, without kubectl.")
    var server: String?

    @Option(name: .customLong("token-file"), help: "A file holding the bearer token for --server.")
    var tokenFile: String?

    @Option(name: .customLong("ca-file"), help: "The PEM CA that signed --server's certificate (default: the system's roots).")
    var caFile: String?

    @Flag(name: .customLong("in-cluster"), help: "Read the CRDs from the cluster this pod runs in (service account token and CA).")
    var inCluster = false

    @Option(name: .customLong("page-size"), help: "CRDs per list request to a cluster.")
    var pageSize: Int = 20

    func validate() throws {
        let clusterSources = [kubectl, server != nil, inCluster].filter { $0 }.count
        if clusterSources > 1 { throw ValidationError("use only one of --kubectl, --server and --in-cluster") }
        if (context != nil || kubeconfig != nil) && !kubectl { throw ValidationError("--context and --kubeconfig go with --kubectl") }
        if (tokenFile != nil || caFile != nil) && server == nil { throw ValidationError("--token-file and --ca-file go with --server") }
        if pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
    }

    var usesCluster: Bool { kubectl || server != nil || inCluster }

    /// The catalog for this run: the cluster's CRDs (when asked) plus the
    /// files of `--crds`, or `MODEL/crds` when neither is given.
    func loadCatalog(modelDirectory: String) throws(ToolFailure) -> CRDLoader.Result {
        var diagnostics: [Diagnostic] = []
        var catalog = CRDCatalog(sourceDescription: "")
        if usesCluster {
            let fromCluster = try loadFromCluster()
            diagnostics += fromCluster.diagnostics
            catalog.merge(fromCluster.catalog, diagnostics: &diagnostics)
        }
        var paths = crds
        if paths.isEmpty, !usesCluster {
            let defaultPath = (modelDirectory as NSString).appendingPathComponent("crds")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: defaultPath, isDirectory: &isDirectory), isDirectory.boolValue {
                paths = [defaultPath]
            }
        }
        if !paths.isEmpty {
            let fromFiles = try CRDLoader.load(paths: paths)
            diagnostics += fromFiles.diagnostics
            catalog.merge(fromFiles.catalog, diagnostics: &diagnostics)
        }
        return CRDLoader.Result(catalog: catalog, diagnostics: diagnostics)
    }

    private func loadFromCluster() throws(ToolFailure) -> CRDLoader.Result {
        let pageSize = self.pageSize
        if kubectl {
            let client = KubectlClient(context: context, kubeconfig: kubeconfig)
            return try Blocking.run { () async throws(ToolFailure) in try await client.loadCRDs(pageSize: pageSize) }
        }
        let connection: APIServerConnection
        if inCluster {
            connection = try APIServerConnection.inCluster()
        } else {
            connection = APIServerConnection(server: server ?? "", tokenFile: tokenFile, caFile: caFile)
        }
        let client = APIServerClient(connection: connection)
        return try Blocking.run { () async throws(ToolFailure) in try await client.loadCRDs(pageSize: pageSize) }
    }
}
