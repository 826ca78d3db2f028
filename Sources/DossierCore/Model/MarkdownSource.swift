/// A document's Markdown body and where it starts in its file.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    public var path: String
    public var startLine: Int

    public init(text: String, path: String, startLine: Int) {
        self.text = text
        self.path = path
        self.startLine = startLine
    }

    /// Converts cmark's byte column on a body line into a column counted in Unicode scalars, as
    /// YAML positions are, so a caret lands under the right character on lines with accents.
    public func column(line: Int, byteColumn: Int) -> Int {
        var currentLine = 1
        var lineStart = text.utf8.startIndex
        if line > 1 {
            for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
                currentLine += 1
                if currentLine == line {
                    lineStart = text.utf8.index(after: index)
                    break
                }
            }
            guard currentLine == line else { return byteColumn }
        }
        // cmark replaced each NUL (1 byte here) with U+FFFD (3 bytes) before counting.
        var remaining = byteColumn - 1
        var column = 1
        let line = text[lineStart...].prefix { $0 != "\n" }
        for scalar in line.unicodeScalars {
            guard remaining > 0 else { break }
            remaining -= scalar.value == 0 ? 3 : UTF8.width(scalar)
            column += 1
        }
        return column
    }
}
