import Yams

/// Decodes a YAML block into a typed front-matter struct, turning every YAML and type error into
/// a diagnostic at its line in the file.
enum FrontMatterDecoder {
    /// A front-matter type reads itself from the composed tree, reporting through the reader.
    protocol Readable {
        init?(_ node: Node, reader: inout YAMLReader)
    }

    static func decode<T: Readable>(
        _ type: T.Type, yaml: String, startLine: Int, path: String, diagnostics: inout Diagnostics
    ) -> (value: T, block: YAMLBlock)? {
        let root: Node
        do {
            // The basic resolver resolves no tags: the reader takes scalars as written, and Yams'
            // duplicate-key check would otherwise run regular expressions over every key. The
            // encoding is named because Yams' default reads the whole environment on every call.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yaml: yaml, startLine: startLine, path: path))
            return nil
        } catch {
            diagnostics.error(SourceLocation(path: path, line: startLine), "\(error)", code: "yaml-syntax")
            return nil
        }
        let block = YAMLBlock(root: root, path: path, startLine: startLine)
        guard root.mapping != nil else {
            diagnostics.error(
                block.location(of: root), "front-matter must be a map of keys and values, not \(root.kindName)",
                code: "front-matter-not-map")
            return nil
        }
        var reader = YAMLReader(block: block)
        let value = T(root, reader: &reader)
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let value, !reader.diagnostics.hasErrors else { return nil }
        return (value, block)
    }

    static func diagnostic(for error: YamlError, yaml text: String, startLine: Int, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: startLine + mark.line - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            // At the end of the block the problem mark points past the text; where the unfinished
            // thing (a quoted value, a flow list) began is what the analyst needs.
            let place = problem.contains("end of stream") ? (context?.mark ?? mark) : mark
            return Diagnostic(.error, at(place), "invalid YAML: \(problem)\(detail)", code: "yaml-syntax")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let place = secondOccurrence(ofKey: key, in: text, from: context.mark.line).map {
                SourceLocation(path: path, line: startLine + $0.line - 1, column: $0.column)
            } ?? at(context.mark)
            return Diagnostic(.error, place, "duplicate key '\(duplicates.sorted().joined(separator: "', '"))'",
                              code: "yaml-duplicate-key")
        case .reader(let problem, let offset, _, let yaml):
            let place = offset.map { position(ofByte: $0, in: yaml) }.map {
                SourceLocation(path: path, line: startLine + $0.line - 1, column: $0.column)
            } ?? SourceLocation(path: path, line: startLine)
            return Diagnostic(.error, place, "unreadable YAML: \(problem)", code: "yaml-syntax")
        default:
            return Diagnostic(.error, SourceLocation(path: path, line: startLine), "\(error)", code: "yaml-syntax")
        }
    }
}

extension FrontMatterDecoder {
    /// Line and column (1-based, in Unicode scalars) of a byte offset.
    static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for scalar in String(decoding: text.utf8.prefix(offset), as: UTF8.self).unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Where a key is written the second time in the map that holds it: searching from the map's
    /// line, at the indentation of the key's first appearance, so a key of the same name in
    /// another entry is not taken for it.
    static func secondOccurrence(ofKey key: String, in yaml: String, from startLine: Int) -> (line: Int, column: Int)? {
        var indentation: Int?
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where index + 1 >= startLine {
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else { continue }
            let column = line.count - trimmed.count + 1
            if let first = indentation {
                if column == first { return (index + 1, column) }
            } else {
                indentation = column
            }
        }
        return nil
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "the value '\(scalar.string)'"
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
