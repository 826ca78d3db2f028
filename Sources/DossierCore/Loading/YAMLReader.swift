import Yams

/// Reads values out of a composed YAML tree as typed Swift values. Scalars are read as written,
/// with no YAML 1.1 tag resolution (which would turn `country: NO` into false and costs a regular
/// expression per value); each problem becomes a diagnostic at the value's position.
struct YAMLReader {
    let block: YAMLBlock
    var diagnostics = Diagnostics()

    /// A map's entries by key, in file order; unknown keys get a did-you-mean warning.
    mutating func fields(_ node: Node, field: String, known: Set<String>) -> [String: Node]? {
        guard let mapping = node.mapping else {
            typeError(node, field: field, expected: "a map of keys and values")
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar = key, let name = key.string else {
                diagnostics.error(block.location(of: key), "a key must be a plain name, not \(key.kindName)", code: "wrong-type")
                continue
            }
            if !known.contains(name) {
                let hint = Suggestion.closest(to: name, in: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.warning(block.location(of: key), "unknown key '\(name)'\(hint)", code: "unknown-key")
            }
            fields[name] = value
        }
        return fields
    }

    /// Text, or nil when the key is absent or empty (`key:`, `~`, `null`).
    mutating func text(_ node: Node?, field: String) -> String? {
        guard let node, !isNull(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            typeError(node, field: field, expected: "text")
            return nil
        }
        return scalar.string
    }

    /// Required text: a missing key is reported at the map that lacks it.
    mutating func required(_ fields: [String: Node], _ key: String, in map: Node, prefix: String = "") -> String? {
        guard let node = fields[key] else {
            diagnostics.error(block.location(of: map), "missing required field '\(prefix)\(key)'", code: "missing-field")
            return nil
        }
        guard !isNull(node) else {
            diagnostics.error(block.location(of: node), "'\(prefix)\(key)' must not be empty", code: "empty-field")
            return nil
        }
        return text(node, field: prefix + key)
    }

    /// `true`/`false` (YAML 1.1's yes/no/on/off too) written plain, not quoted.
    mutating func bool(_ node: Node?, field: String) -> Bool? {
        guard let node, !isNull(node) else { return nil }
        if case .scalar(let scalar) = node {
            let word = scalar.string.lowercased()
            let isBoolWord = ["true", "yes", "on", "false", "no", "off"].contains(word)
            if scalar.style == .plain, isBoolWord { return ["true", "yes", "on"].contains(word) }
            if isBoolWord {
                diagnostics.error(block.location(of: node), "'\(field)' must be true or false without quotes; quoted, it is text",
                                  code: "wrong-type")
                return nil
            }
        }
        typeError(node, field: field, expected: "true or false")
        return nil
    }

    /// A list's items, or nil when absent.
    mutating func list(_ node: Node?, field: String) -> [Node]? {
        guard let node, !isNull(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            typeError(node, field: field, expected: "a list")
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts; items that are not text are reported and left out.
    mutating func texts(_ node: Node?, field: String) -> [String]? {
        guard let items = list(node, field: field) else { return nil }
        return items.enumerated().compactMap { index, item in text(item, field: "\(field)[\(index)]") }
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private mutating func typeError(_ node: Node, field: String, expected: String) {
        diagnostics.error(block.location(of: node), "'\(field)' must be \(expected), not \(node.kindName)", code: "wrong-type")
    }
}
