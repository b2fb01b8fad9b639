import Foundation
import RolebookConfluence
import RolebookCore
import Testing

/// Settings from flags and the environment, and the mistakes they catch.
@Suite struct SettingsTests {
    static let token = "s3cr3t-token-value"
    static let environment = ["CONFLUENCE_TOKEN": token, "CONFLUENCE_USER": "me@example.com", "CONFLUENCE_SPACE": "OPS"]

    @Test func cloudSiteGetsWikiAndBasicAuth() throws {
        let settings = try ConfluenceSettings.resolve(.init(url: "https://example.atlassian.net/"), environment: Self.environment)
        #expect(settings.deployment == .cloud)
        #expect(settings.baseURL.absoluteString == "https://example.atlassian.net/wiki")
        #expect(settings.spaceKey == "OPS")
        #expect(settings.credentials.user == "me@example.com")
        let again = try ConfluenceSettings.resolve(.init(url: "https://example.atlassian.net/wiki"), environment: Self.environment)
        #expect(again.baseURL.absoluteString == "https://example.atlassian.net/wiki")
    }

    @Test func dataCenterKeepsItsContextPathAndUsesBearer() throws {
        let settings = try ConfluenceSettings.resolve(
            .init(url: "https://wiki.example.com/confluence", pageID: "12345"), environment: ["CONFLUENCE_TOKEN": Self.token])
        #expect(settings.deployment == .dataCenter)
        #expect(settings.baseURL.absoluteString == "https://wiki.example.com/confluence")
        #expect(settings.credentials.user == nil)
        #expect(settings.pageID == "12345")
    }

    @Test func flagsWinOverTheEnvironment() throws {
        let settings = try ConfluenceSettings.resolve(
            .init(url: "https://wiki.example.com", deployment: "cloud", user: "flag@example.com", space: "FLAG", parentID: "7"),
            environment: Self.environment.merging(["CONFLUENCE_URL": "https://other.example.com", "CONFLUENCE_PARENT_ID": "8"]) { $1 })
        #expect(settings.baseURL.absoluteString == "https://wiki.example.com/wiki")
        #expect(settings.credentials.user == "flag@example.com")
        #expect(settings.spaceKey == "FLAG")
        #expect(settings.parentID == "7")
    }

    @Test(arguments: [
        (ConfluenceSettings.Flags(), ["CONFLUENCE_TOKEN": token], "no Confluence URL: pass --url or set CONFLUENCE_URL"),
        (ConfluenceSettings.Flags(url: "https://x.atlassian.net", space: "A"), [:], "no Confluence token: set CONFLUENCE_TOKEN"),
        (ConfluenceSettings.Flags(url: "https://x.atlassian.net", space: "A"), ["CONFLUENCE_TOKEN": token], "Confluence Cloud needs the account's email"),
        (ConfluenceSettings.Flags(url: "http://wiki.example.com", space: "A"), ["CONFLUENCE_TOKEN": token], "must use https"),
        (ConfluenceSettings.Flags(url: "https://u:p@wiki.example.com", space: "A"), ["CONFLUENCE_TOKEN": token], "not in the URL"),
        (ConfluenceSettings.Flags(url: "https://wiki.example.com", deployment: "server", space: "A"), ["CONFLUENCE_TOKEN": token], "unknown deployment 'server'"),
        (ConfluenceSettings.Flags(url: "https://wiki.example.com", pageID: "12/../3"), ["CONFLUENCE_TOKEN": token], "must be a numeric page id"),
        (ConfluenceSettings.Flags(url: "https://wiki.example.com"), ["CONFLUENCE_TOKEN": token], "pass --space"),
    ])
    func mistakesAreExplained(_ flags: ConfluenceSettings.Flags, _ environment: [String: String], _ expected: String) {
        #expect {
            try ConfluenceSettings.resolve(flags, environment: environment)
        } throws: { error in
            let message = "\(error)"
            return message.contains(expected) && !message.contains(Self.token)
        }
    }

    @Test func credentialsNeverDescribeTheToken() throws {
        let settings = try ConfluenceSettings.resolve(.init(url: "https://example.atlassian.net"), environment: Self.environment)
        for text in ["\(settings)", "\(settings.credentials)", String(reflecting: settings), String(reflecting: settings.credentials)] {
            #expect(!text.contains(Self.token), "\(text)")
        }
        var dumped = ""
        dump(settings, to: &dumped)
        #expect(!dumped.contains(Self.token))
    }

    @Test func deploymentIsGuessedFromTheHost() {
        #expect(ConfluenceDeployment.guess(host: "acme.atlassian.net") == .cloud)
        #expect(ConfluenceDeployment.guess(host: "api.atlassian.com") == .cloud)
        #expect(ConfluenceDeployment.guess(host: "confluence.acme.internal") == .dataCenter)
    }
}
