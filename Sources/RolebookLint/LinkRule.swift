import CommonMark
import Foundation
import RolebookCore
import Synchronization

/// Relative links and `#anchors` resolve: the file exists, and the anchor is
/// a heading of the target as GitHub slugs it (duplicates suffixed `-1`…),
/// including links into the generated page. Remote URLs are not fetched.
struct LinkRule {
    /// Headings (as slugs) of Markdown files read so far, and ids of HTML
    /// files, shared by the workers that lint files in parallel. A target
    /// read by two workers at once is parsed twice, which is harmless.
    final class TargetCache: Sendable {
        private let anchors = Mutex<[String: Set<String>?]>([:])

        func lookup(_ path: String) -> Set<String>?? { anchors.withLock { $0[path] } }
        func store(_ path: String, _ value: Set<String>?) { anchors.withLock { $0[path] = .some(value) } }
    }

    let cache: TargetCache

    func check(_ runbook: Runbook) -> [LintFinding] {
        var findings: [LintFinding] = []
        let ownAnchors = Self.slugs(runbook.headings)
        let directory = (runbook.path as NSString).deletingLastPathComponent
        for link in runbook.links {
            let destination = link.destination
            if destination.isEmpty || Self.isRemote(destination) { continue }
            let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let rawPath = String(parts[0])
            let fragment = parts.count > 1 ? String(parts[1]) : nil
            let path = rawPath.removingPercentEncoding ?? rawPath
            if path.isEmpty {
                if let fragment, !fragment.isEmpty, !ownAnchors.contains(fragment.lowercased()) {
                    findings.append(
                        LintFinding(
                            rule: .links, message: "no heading in this file has the anchor '#\(fragment)'", location: link.location,
                            help: Self.hint(fragment, ownAnchors)))
                }
                continue
            }
            let target = path.hasPrefix("/") ? String(path.dropFirst()) : (directory.isEmpty ? path : directory + "/" + path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                findings.append(LintFinding(rule: .links, message: "'\(rawPath)' does not exist", location: link.location))
                continue
            }
            guard let fragment, !fragment.isEmpty, !isDirectory.boolValue else { continue }
            guard let anchors = anchors(of: target) else { continue }
            if !anchors.contains(fragment.lowercased()) {
                findings.append(
                    LintFinding(
                        rule: .links, message: "'\(rawPath)' has no anchor '#\(fragment)'", location: link.location,
                        help: Self.hint(fragment, anchors)))
            }
        }
        return findings
    }

    /// Anchors of a Markdown or HTML file; nil for other kinds (not checked).
    private func anchors(of path: String) -> Set<String>? {
        if let cached = cache.lookup(path) { return cached }
        var result: Set<String>?
        let lower = path.lowercased()
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self)
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                result = Self.slugs(Runbook(path: path, text: text).headings)
            } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
                result = Self.htmlIDs(text)
            }
        }
        cache.store(path, result)
        return result
    }

    static func slugs(_ headings: [String]) -> Set<String> {
        var slugger = HeadingSlugger()
        return Set(headings.map { slugger.slug(for: $0) })
    }

    static func htmlIDs(_ html: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = Substring(html)
        while let range = rest.range(of: " id=\"") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.insert(String(after[..<end]).lowercased())
            rest = after[end...]
        }
        return ids
    }

    static func isRemote(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    static func hint(_ fragment: String, _ anchors: Set<String>) -> String? {
        var best: (String, Int)?
        for anchor in anchors {
            let distance = Suggestion.editDistance(fragment.lowercased(), anchor)
            if distance <= max(2, fragment.count / 3), best == nil || distance < best!.1 || (distance == best!.1 && anchor < best!.0) {
                best = (anchor, distance)
            }
        }
        return best.map { "did you mean '#\($0.0)'?" }
    }
}
