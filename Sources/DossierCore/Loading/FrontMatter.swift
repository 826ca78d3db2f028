import Foundation

/// A content file cut in two: the YAML between the opening and closing `---` lines, and the
/// Markdown body after them, each with the file line it starts on.
public struct FrontMatter: Sendable, Equatable {
    public var yaml: String
    /// The file line of the first YAML line (the line after the opening `---`).
    public var yamlStartLine: Int
    public var body: String
    /// The file line of the first body line.
    public var bodyStartLine: Int

    public enum SplitError: Error, Equatable {
        /// The file does not start with a `---` line.
        case missing
        /// No closing `---` line follows the opening one.
        case unterminated
    }

    /// Splits a file's text. A byte-order mark is dropped and CRLF line ends are read as LF, so
    /// files saved on Windows read the same; the line numbers stay those of the file.
    public static func split(_ text: String) -> Result<FrontMatter, SplitError> {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let normalized = text.utf8.containsByte(13) ? Substring(text.replacingCRLF()) : text
        guard let firstEnd = normalized.firstIndex(of: "\n"), isDelimiter(normalized[..<firstEnd]) else {
            return .failure(isDelimiter(normalized) ? .unterminated : .missing)
        }
        // Line ends are found as bytes: "\n" is always a character of its own, and a byte scan
        // is many times quicker than walking characters.
        let bytes = normalized.utf8
        let yamlStart = normalized.index(after: firstEnd)
        var lineStart = yamlStart
        var line = 2
        while lineStart < normalized.endIndex {
            let lineEnd = bytes[lineStart...].firstIndexOfByte(UInt8(ascii: "\n")) ?? normalized.endIndex
            if isDelimiter(normalized[lineStart..<lineEnd]) {
                let bodyStart = lineEnd < normalized.endIndex ? bytes.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(
                    yaml: String(normalized[yamlStart..<lineStart]), yamlStartLine: 2,
                    body: String(normalized[bodyStart...]), bodyStartLine: line + 1))
            }
            lineStart = lineEnd < normalized.endIndex ? bytes.index(after: lineEnd) : lineEnd
            line += 1
        }
        return .failure(.unterminated)
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        // Bytes first, as most lines fail there; then characters, as a combining mark after a
        // dash or a space makes that character something else.
        guard line.utf8.starts(with: "---".utf8) else { return false }
        return line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}

extension Substring {
    fileprivate func replacingCRLF() -> String {
        var out = String()
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if previousWasCR && scalar != "\n" { out.unicodeScalars.append("\n") }
            previousWasCR = scalar == "\r"
            if !previousWasCR { out.unicodeScalars.append(scalar) }
        }
        if previousWasCR { out.unicodeScalars.append("\n") }
        return out
    }
}

extension Substring.UTF8View {
    /// `contains(byte)` through memchr when the bytes are contiguous, as a String's are: the
    /// generic version steps an index at a time.
    func containsByte(_ byte: UInt8) -> Bool {
        firstIndexOfByte(byte) != nil
    }

    func firstIndexOfByte(_ byte: UInt8) -> Index? {
        let offset = withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        switch offset {
        case .some(.some(let offset)): return index(startIndex, offsetBy: offset)
        case .some(.none): return nil
        case .none: return firstIndex(of: byte)
        }
    }
}
