import Yams

/// A front-matter block composed by Yams, able to point at any of its values in the file.
struct YAMLBlock {
    let root: Node
    let path: String
    /// The file line of the block's first line; Yams counts lines from 1 within the block.
    let startLine: Int

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark ?? root.mark else { return SourceLocation(path: path, line: startLine) }
        return location(of: mark)
    }

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(path: path, line: startLine + mark.line - 1, column: mark.column)
    }

    /// The location of the value at a coding path, or of its deepest ancestor that exists.
    func location(at codingPath: [any CodingKey]) -> SourceLocation {
        location(of: node(at: codingPath))
    }

    func node(at codingPath: [any CodingKey]) -> Node {
        var node = root
        for key in codingPath {
            let child: Node?
            if let index = key.intValue, let sequence = node.sequence {
                child = index < sequence.count ? sequence[index] : nil
            } else {
                // Compare key text only: Node equality would resolve tags through regular expressions.
                child = node.mapping?.first { $0.key.string == key.stringValue }?.value
            }
            guard let child else { break }
            node = child
        }
        return node
    }
}

/// One step into a YAML block: a key of a map or an index of a list.
struct FieldKey: CodingKey, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
    init(stringLiteral value: String) { self.init(stringValue: value) }
    init(integerLiteral value: Int) { self.init(intValue: value) }
}

extension YAMLBlock {
    /// Where the value at `keys` is written: `block.location("actors", 2, "id")`.
    func location(_ keys: FieldKey...) -> SourceLocation {
        location(at: keys)
    }
}
