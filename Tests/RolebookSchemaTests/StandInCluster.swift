import Foundation

/// A throwaway HTTPS API server on 127.0.0.1 (Fixtures/stand-in-cluster.sh:
/// a fresh CA from openssl, fake-apiserver.py paging the given CRDs), with a
/// kubeconfig for real kubectl. Stopped by ``stop()``; it also exits by
/// itself after two minutes.
struct StandInCluster {
    let directory: URL
    let port: Int
    let pid: Int32

    var server: String { "https://127.0.0.1:\(port)" }
    var caFile: String { directory.appendingPathComponent("ca.crt").path }
    var tokenFile: String { directory.appendingPathComponent("token").path }
    var kubeconfig: String { directory.appendingPathComponent("kubeconfig").path }

    /// The request paths the server saw, in order.
    var requests: [String] {
        (try? String(contentsOf: directory.appendingPathComponent("requests.log"), encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
    }

    static let fixtures = SchemaTestSupport.fixtures

    /// The CRDs it serves: the synthetic ones and the model's (5 in all).
    static var crds: [String] {
        let model = SchemaTestSupport.packageRoot.appendingPathComponent("model/crds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: model.path)) ?? []
        return [SchemaTestSupport.widgetCRD] + names.sorted().map { model.appendingPathComponent($0).path }
    }

    /// The server process; the test owns it and ends it in ``stop()``.
    let process: Process

    static func start(expireOnce: Bool = false, crds: [String] = crds) throws -> StandInCluster {
        let directory = try SchemaTestSupport.temporaryDirectory()
        let ca = Process()
        ca.executableURL = URL(fileURLWithPath: "/bin/bash")
        ca.arguments = [fixtures.appendingPathComponent("make-test-ca.sh").path, directory.path]
        try ca.run()
        ca.waitUntilExit()
        guard ca.terminationStatus == 0 else { throw StartFailure(message: "openssl failed") }
        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let token = try String(contentsOfFile: file("token"), encoding: .utf8)
        let server = Process()
        // The interpreter itself, not a wrapper script (pyenv's shims are
        // bash scripts that keep python as a child, which terminate() misses).
        server.executableURL = URL(fileURLWithPath: try Self.pythonExecutable())
        server.arguments = [
            fixtures.appendingPathComponent("fake-apiserver.py").path, "--cert", file("server.crt"),
            "--key", file("server.key"), "--ca", file("ca.crt"), "--token", token, "--log", file("requests.log"),
            "--port-file", file("port"), "--kubeconfig", file("kubeconfig"), "--lifetime", "120",
        ] + (expireOnce ? ["--expire-once"] : []) + crds
        server.standardOutput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: file("server.err"), contents: nil)
        server.standardError = FileHandle(forWritingAtPath: file("server.err")) ?? FileHandle.nullDevice
        try server.run()
        // Wait (bounded) for the port file, written once the socket listens.
        for _ in 0..<100 {
            if let text = try? String(contentsOfFile: file("port"), encoding: .utf8), let port = Int(text) {
                return StandInCluster(directory: directory, port: port, pid: server.processIdentifier, process: server)
            }
            if !server.isRunning { break }
            usleep(100_000)
        }
        server.terminate()
        throw StartFailure(message: "no port after 10 seconds")
    }

    struct StartFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "stand-in cluster did not start: \(message)" }
    }

    func stop() {
        // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// True when `tool` is on PATH (kubectl, openssl, python3).
    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// The real python3 binary: `sys.executable`.
    static func pythonExecutable() throws -> String {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        let out = Pipe()
        probe.standardOutput = out
        try probe.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        probe.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
