import Foundation
import RolebookCore

/// Where and as whom to publish, from flags first, then the environment:
///
/// | flag | environment | |
/// |---|---|---|
/// | `--url` | `CONFLUENCE_URL` | site (`https://example.atlassian.net` or a Data Center base URL) |
/// | `--deployment` | `CONFLUENCE_DEPLOYMENT` | `cloud` or `data-center` (guessed from the host) |
/// | `--user` | `CONFLUENCE_USER` or `CONFLUENCE_EMAIL` | account email (Cloud: required) |
/// | — | `CONFLUENCE_TOKEN` | API token (Cloud) or personal access token (Data Center) |
/// | `--space` | `CONFLUENCE_SPACE` | space key, to find or create the page by title |
/// | `--parent-id` | `CONFLUENCE_PARENT_ID` | page to create (or move) the page under |
/// | `--page-id` | `CONFLUENCE_PAGE_ID` | the page to update, instead of looking it up by title |
///
/// The token has no flag on purpose: flags end up in shell history, CI
/// logs and `ps` output.
public struct ConfluenceSettings: Sendable {
    /// The site's REST root: for Cloud it ends in `/wiki`.
    public var baseURL: URL
    public var deployment: ConfluenceDeployment
    public var credentials: ConfluenceCredentials
    public var spaceKey: String?
    public var parentID: String?
    public var pageID: String?

    public init(
        baseURL: URL, deployment: ConfluenceDeployment, credentials: ConfluenceCredentials, spaceKey: String?, parentID: String?,
        pageID: String?
    ) {
        self.baseURL = baseURL
        self.deployment = deployment
        self.credentials = credentials
        self.spaceKey = spaceKey
        self.parentID = parentID
        self.pageID = pageID
    }

    /// What the flags say; `nil` falls back to the environment.
    public struct Flags: Sendable {
        public var url: String?
        public var deployment: String?
        public var user: String?
        public var space: String?
        public var parentID: String?
        public var pageID: String?

        public init(url: String? = nil, deployment: String? = nil, user: String? = nil, space: String? = nil, parentID: String? = nil, pageID: String? = nil) {
            self.url = url
            self.deployment = deployment
            self.user = user
            self.space = space
            self.parentID = parentID
            self.pageID = pageID
        }
    }

    /// Resolves and checks the settings. Errors name the flag or variable to
    /// set and never repeat the token.
    public static func resolve(_ flags: Flags, environment: [String: String]) throws(ToolFailure) -> ConfluenceSettings {
        func value(_ flag: String?, _ names: String...) -> String? {
            if let flag, !flag.isEmpty { return flag }
            for name in names { if let value = environment[name], !value.isEmpty { return value } }
            return nil
        }
        guard let rawURL = value(flags.url, "CONFLUENCE_URL") else {
            throw ToolFailure("no Confluence URL: pass --url or set CONFLUENCE_URL")
        }
        guard var components = URLComponents(string: rawURL), let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil
        else {
            throw ToolFailure("'\(rawURL)' is not a Confluence base URL such as https://example.atlassian.net/wiki")
        }
        guard scheme == "https" || (scheme == "http" && ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)) else {
            throw ToolFailure("'\(rawURL)' must use https: the token would travel in clear text (plain http is accepted for localhost only)")
        }
        guard components.user == nil, components.password == nil else {
            throw ToolFailure("put credentials in CONFLUENCE_USER and CONFLUENCE_TOKEN, not in the URL")
        }
        let deployment: ConfluenceDeployment
        if let raw = value(flags.deployment, "CONFLUENCE_DEPLOYMENT") {
            guard let parsed = ConfluenceDeployment(rawValue: raw.lowercased()) else {
                throw ToolFailure("unknown deployment '\(raw)': use cloud or data-center")
            }
            deployment = parsed
        } else {
            deployment = ConfluenceDeployment.guess(host: host)
        }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        // Cloud's REST API lives under /wiki; forgetting it is the most common
        // set-up mistake (mark #13).
        if deployment == .cloud, !path.hasSuffix("/wiki") { path += "/wiki" }
        components.path = path
        guard let baseURL = components.url else { throw ToolFailure("'\(rawURL)' is not a valid URL") }

        guard let token = value(nil, "CONFLUENCE_TOKEN") else {
            throw ToolFailure("no Confluence token: set CONFLUENCE_TOKEN (an API token on Cloud, a personal access token on Data Center)")
        }
        let user = value(flags.user, "CONFLUENCE_USER", "CONFLUENCE_EMAIL")
        if deployment == .cloud, user == nil {
            throw ToolFailure("Confluence Cloud needs the account's email with its API token: pass --user or set CONFLUENCE_USER")
        }
        let space = value(flags.space, "CONFLUENCE_SPACE")
        let parentID = value(flags.parentID, "CONFLUENCE_PARENT_ID")
        let pageID = value(flags.pageID, "CONFLUENCE_PAGE_ID")
        // Ids go into URL paths: digits only, so nothing can escape the path.
        for (name, id) in [("--parent-id/CONFLUENCE_PARENT_ID", parentID), ("--page-id/CONFLUENCE_PAGE_ID", pageID)] {
            if let id, id.isEmpty || !id.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ToolFailure("\(name) must be a numeric page id, not '\(id)'")
            }
        }
        if pageID == nil, space == nil {
            throw ToolFailure("say which page to publish: pass --space (find or create it by title) or --page-id (update that page)")
        }
        return ConfluenceSettings(
            baseURL: baseURL, deployment: deployment, credentials: ConfluenceCredentials(user: user, token: token), spaceKey: space,
            parentID: parentID, pageID: pageID)
    }
}
