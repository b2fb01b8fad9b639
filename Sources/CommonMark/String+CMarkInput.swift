extension String {
    /// Calls `body` with this string's UTF-8 bytes as a `char` buffer and its
    /// length in bytes.
    ///
    /// libcmark takes a pointer plus a length, not a C string, so passing the
    /// length keeps any embedded NUL (cmark turns it into U+FFFD) instead of
    /// silently truncating the document at it, as `withCString` would.
    func withCMarkInput<Result>(_ body: (UnsafePointer<CChar>, Int) -> Result) -> Result {
        var text = self
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else {
                    return "".withCString { body($0, 0) }
                }
                return body(base, chars.count)
            }
        }
    }
}
