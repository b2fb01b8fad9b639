/// Which Confluence rolebook talks to; the REST APIs differ.
public enum ConfluenceDeployment: String, Sendable, Hashable, CaseIterable {
    /// Atlassian Cloud: the v2 API for pages and page properties, v1 for
    /// attachments and labels (v2 has no upload), Basic auth with an
    /// account's email and API token.
    case cloud
    /// Confluence Data Center (or Server): the v1 REST API only, a personal
    /// access token as a Bearer token.
    case dataCenter = "data-center"

    /// Atlassian-hosted sites live under `atlassian.net` (or the
    /// `api.atlassian.com` gateway for scoped tokens); anything else is taken
    /// for a Data Center host. `--deployment` overrides the guess.
    public static func guess(host: String) -> ConfluenceDeployment {
        let host = host.lowercased()
        return host.hasSuffix(".atlassian.net") || host == "api.atlassian.com" ? .cloud : .dataCenter
    }
}
