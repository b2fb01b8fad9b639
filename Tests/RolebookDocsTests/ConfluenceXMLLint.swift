import Foundation

@testable import RolebookDocs

/// Runs Debian's `xmllint` (package libxml2-utils, which
/// `scripts/install-deps.sh` installs) on the wrapped export: an independent
/// XML parser agreeing with the validator.
enum ConfluenceXMLLint {
    /// The `xmllint` on PATH, if any.
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("xmllint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// `xmllint --noout` on the fragment inside the wrapper declaring `ac`
    /// and `ri`: its exit status and what it printed. `nil` when xmllint is
    /// not installed (the caller prints why it skips).
    static func check(_ fragment: String) throws -> (status: Int32, output: String)? {
        guard let executable else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rolebook-confluence-\(UUID().uuidString).xml")
        try Data(StorageWellFormedness.wrap(fragment).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--noout", "--nonet", file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static let skipReason = "xmllint not installed (Debian/Ubuntu: apt-get install libxml2-utils, or scripts/install-deps.sh); skipping the xmllint check"
}
