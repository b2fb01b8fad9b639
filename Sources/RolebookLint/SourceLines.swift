/// The lines of a file as UTF-8 bytes, for turning libcmark's byte columns
/// into the Unicode-scalar columns every rolebook diagnostic uses, and for
/// finding where an inline node's text really sits on its line (cmark's
/// inline columns are approximate on continuation lines).
struct SourceLines: Sendable {
    /// The whole text, and where each line starts in it: one allocation for
    /// the file instead of one per line.
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        self.starts = starts
    }

    var count: Int { starts.count }

    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1 && number <= starts.count else { return [] }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return bytes[start..<max(start, end)]
    }

    /// The 1-based scalar column of a 1-based byte column.
    func scalarColumn(line number: Int, byteColumn: Int) -> Int {
        let bytes = line(number)
        var column = 1
        var index = bytes.startIndex
        let end = bytes.startIndex + min(byteColumn - 1, bytes.count)
        while index < end {
            // Count only the first byte of each UTF-8 sequence.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column + max(0, byteColumn - 1 - bytes.count)
    }

    /// The 1-based byte column where `needle` occurs on the line, searching
    /// from `near` (cmark's estimate) first, then from the line start.
    func find(_ needle: [UInt8], line number: Int, near: Int) -> Int? {
        let bytes = line(number)
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        let base = bytes.startIndex
        func search(from start: Int) -> Int? {
            var index = base + max(0, start)
            outer: while index + needle.count <= bytes.endIndex {
                if bytes[index] == needle[0] {
                    for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                        index += 1
                        continue outer
                    }
                    return index - base + 1
                }
                index += 1
            }
            return nil
        }
        return search(from: near - 1) ?? search(from: 0)
    }
}
