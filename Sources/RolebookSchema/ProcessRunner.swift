import Foundation
import Synchronization

/// Runs a program and collects everything it writes, reading standard
/// output and standard error at the same time so a child that fills one
/// pipe (a 20 MB CRD page) while we wait on the other cannot deadlock.
struct ProcessRunner {
    struct Outcome: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    /// The absolute path of `name` on PATH, or nil.
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for directory in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // No terminal input: an auth plugin that wants to prompt must fail, not hang.
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderrData = Mutex<Data>(Data())
        let group = DispatchGroup()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            let data = errHandle.readDataToEndOfFile()
            stderrData.withLock { $0 = data }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: Array(stdout),
            stderr: String(decoding: stderrData.withLock { $0 }, as: UTF8.self))
    }
}
