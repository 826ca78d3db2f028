/// Finds `[[target]]` and `[[target|text]]` in a piece of text.
public enum ReferenceScanner {
    /// One reference, with its place in the scanned text as UTF-8 offsets.
    public struct Match: Equatable, Sendable {
        /// Byte range of the whole `[[...]]` in the text.
        public var range: Range<Int>
        public var target: String
        /// The author's link text after `|`, if any.
        public var text: String?
    }

    /// Scans UTF-8 text. The target and text may not contain `[`, `]` or a line break; an empty
    /// target is not a reference. Runs in one pass, linear in the input.
    public static func scan(_ text: String) -> [Match] {
        var matches: [Match] = []
        let bytes = Array(text.utf8)
        var index = 0
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), newline = UInt8(ascii: "\n")
        while index + 1 < bytes.count {
            guard bytes[index] == open, bytes[index + 1] == open else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, bytes[end] != close, bytes[end] != open, bytes[end] != newline {
                end += 1
            }
            guard end + 1 < bytes.count, bytes[end] == close, bytes[end + 1] == close else {
                // `[[[x]]`: the scan restarts at the next `[`, so the innermost pair is found.
                index = end > index + 2 ? end : index + 1
                continue
            }
            let inner = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].trimmingSpaces()
            if !target.isEmpty {
                let label = parts.count > 1 ? parts[1].trimmingSpaces() : nil
                matches.append(Match(range: index..<(end + 2), target: target, text: label?.isEmpty == true ? nil : label))
            }
            index = end + 2
        }
        return matches
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs. Compares whole characters, so a space that
    /// carries a combining mark stays.
    func trimmingSpaces() -> String {
        var start = startIndex, end = endIndex
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" }
        while start < end, isSpace(self[start]) { start = index(after: start) }
        while start < end, isSpace(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
