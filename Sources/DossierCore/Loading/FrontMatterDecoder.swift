import Yams

/// Decodes a YAML block into a typed front-matter struct, turning every YAML and type error into
/// a diagnostic at its line in the file.
enum FrontMatterDecoder {
    /// A front-matter type names its keys so unknown ones (a typo like `titel`) get a warning.
    protocol Keyed: Decodable {
        static var knownKeys: Set<String> { get }
    }

    static func decode<T: Keyed>(
        _ type: T.Type, yaml: String, startLine: Int, path: String, diagnostics: inout Diagnostics
    ) -> (value: T, block: YAMLBlock)? {
        let root: Node
        do {
            root = try Yams.compose(yaml: yaml) ?? Node.mapping(Node.Mapping([]))
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
        for (name, node) in block.keys where !T.knownKeys.contains(name) {
            let suggestion = Suggestion.closest(to: name, in: T.knownKeys).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.warning(block.location(of: node), "unknown key '\(name)'\(suggestion)", code: "unknown-key")
        }
        do {
            return (try YAMLDecoder().decode(T.self, from: root), block)
        } catch let error as DecodingError {
            diagnostics.append(diagnostic(for: error, block: block))
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, startLine: startLine, path: path))
        } catch {
            diagnostics.error(block.location(of: root), "\(error)", code: "front-matter-type")
        }
        return nil
    }

    static func diagnostic(for error: DecodingError, block: YAMLBlock) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let field = (context.codingPath + [key]).fieldName
            return Diagnostic(.error, block.location(at: context.codingPath),
                              "missing required field '\(field)'", code: "missing-field")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let node = block.node(at: context.codingPath)
            return Diagnostic(.error, block.location(of: node),
                              "'\(context.codingPath.fieldName)' must be \(describe(type)), not \(node.kindName)",
                              code: "wrong-type")
        case .dataCorrupted(let context):
            return Diagnostic(.error, block.location(at: context.codingPath),
                              "'\(context.codingPath.fieldName)': \(context.debugDescription)", code: "wrong-type")
        @unknown default:
            return Diagnostic(.error, block.location(of: block.root), "\(error)", code: "wrong-type")
        }
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

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is String?.Type: return "text"
        case is Bool.Type, is Bool?.Type: return "true or false"
        case is Int.Type: return "a whole number"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") || name.hasPrefix("Optional<Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a map" }
            return "a \(name.lowercased())"
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
