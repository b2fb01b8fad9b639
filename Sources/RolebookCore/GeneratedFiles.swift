import Foundation

/// Everything one `build` produces, keyed by path relative to the output
/// directory, rendered in memory before anything touches the disk, so that a
/// failed run writes nothing.
public struct GeneratedFiles: Sendable {
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    public mutating func add(_ relativePath: String, _ bytes: [UInt8]) {
        files[relativePath] = bytes
    }

    public mutating func add(_ relativePath: String, text: String) {
        files[relativePath] = Array(text.utf8)
    }

    public var paths: [String] { files.keys.sorted() }
}
