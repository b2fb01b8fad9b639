import RolebookCore

/// Lists every CRD of a cluster a page at a time, following `continue`
/// tokens, because a single list of full CRDs can be tens of megabytes (each
/// Argo Workflows CRD is about 2.8 MB) and `kubectl get --raw` does not
/// page by itself. An expired token (410 Gone) restarts the list from the
/// beginning, as client-go's pager does.
public struct CRDListPager: Sendable {
    public static let listPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"

    /// What one GET of a list page gives.
    public enum Response: Sendable {
        case page([UInt8])
        /// 410 Gone: the continue token expired.
        case expired
    }

    public var pageSize: Int
    public var maxRestarts = 3
    /// A bound on pages, so a server that always answers with a token cannot loop forever.
    public var maxPages = 10_000

    public init(pageSize: Int = 20) {
        self.pageSize = max(1, pageSize)
    }

    /// The request path of a page: `…?limit=N&continue=TOKEN`.
    public func path(continueToken: String?) -> String {
        var path = "\(Self.listPath)?limit=\(pageSize)"
        if let continueToken { path += "&continue=" + Self.percentEncode(continueToken) }
        return path
    }

    /// Fetches every page through `fetch` (one GET of a path) and returns the
    /// CRD objects. `label` names the source in positions of findings.
    public func fetchAll(
        label: String, _ fetch: @Sendable (String) async throws(ToolFailure) -> Response
    ) async throws(ToolFailure) -> (items: [JSONNode], pages: Int) {
        var restarts = 0
        var pages = 0
        restart: while true {
            var items: [JSONNode] = []
            var token: String?
            repeat {
                pages += 1
                if pages > maxPages { throw ToolFailure("the cluster kept returning continue tokens after \(maxPages) pages") }
                switch try await fetch(path(continueToken: token)) {
                case .expired:
                    restarts += 1
                    if restarts > maxRestarts {
                        throw ToolFailure("listing CRDs: the continue token expired \(restarts) times (410 Gone); the cluster's CRDs change too fast")
                    }
                    continue restart
                case .page(let bytes):
                    let page: JSONNode
                    do {
                        page = try JSONTextParser.parse(bytes, path: label)
                    } catch {
                        throw ToolFailure("the cluster's CRD list is not JSON: \(error.diagnostics.first?.description ?? "")")
                    }
                    guard let pageItems = page["items"]?.array else {
                        let kind = page["kind"]?.string ?? page.value.typeName
                        throw ToolFailure("the cluster's answer to \(Self.listPath) is a \(kind), not a CustomResourceDefinitionList")
                    }
                    items += pageItems
                    let next = page["metadata"]?["continue"]?.string
                    token = (next?.isEmpty ?? true) ? nil : next
                }
            } while token != nil
            return (items, pages)
        }
    }

    /// Query-value encoding: tokens are base64 and carry '+', '/' and '='.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
