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
            // duplicate-key check would otherwise run regular expressions over every key.
            root = try Yams.compose(yaml: yaml, .basic) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, startLine: startLine, path: path))
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

    static func diagnostic(for error: YamlError, startLine: Int, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: startLine + mark.line - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return Diagnostic(.error, at(mark), "invalid YAML: \(problem)\(detail)", code: "yaml-syntax")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, at(context.mark),
                              "duplicate key '\(duplicates.sorted().joined(separator: "', '"))'", code: "yaml-duplicate-key")
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, SourceLocation(path: path, line: startLine),
                              "unreadable YAML: \(problem)", code: "yaml-syntax")
        default:
            return Diagnostic(.error, SourceLocation(path: path, line: startLine), "\(error)", code: "yaml-syntax")
        }
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
