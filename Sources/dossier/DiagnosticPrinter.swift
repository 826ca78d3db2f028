import DossierCore
import Foundation

/// Formats a diagnostic as `path:line:column: error: message [code]`, then the source line and a
/// caret under the column, as compilers do.
struct DiagnosticPrinter {
    let root: URL
    private var lines: [String: [Substring]] = [:]

    init(root: URL) {
        self.root = root
    }

    mutating func format(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description
        let location = diagnostic.location
        guard let line = sourceLine(location.path, location.line) else { return text }
        // Columns count Unicode scalars, as YAML positions do.
        let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, location.column - 1))
            .map { $0 == "\t" ? "\t" : " " }))
        text += "\n    \(line)\n    \(prefix)^"
        return text
    }

    private mutating func sourceLine(_ path: String, _ number: Int) -> Substring? {
        if lines[path] == nil {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path), data.count < 10_000_000,
                  let text = String(data: data, encoding: .utf8) else {
                lines[path] = []
                return nil
            }
            lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let all = lines[path], number >= 1, number <= all.count else { return nil }
        let line = all[number - 1]
        return line.hasSuffix("\r") ? line.dropLast() : line
    }
}
