import ArgumentParser
import RolebookCore

/// The `rolebook` command line. It only parses flags, calls the libraries and
/// prints what they return; everything a test needs is reachable without it.
@main
struct RolebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolebook",
        abstract: "Living Roles and Responsibilities documentation from a typed model of a Kubernetes platform.",
        version: RolebookVersion.current,
        subcommands: [Validate.self, Build.self, Check.self, Impact.self, Lint.self, Flow.self, Schema.self, Publish.self]
    )
}
