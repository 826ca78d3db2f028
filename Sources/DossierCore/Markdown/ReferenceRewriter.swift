import Foundation
import CCmarkGFM

/// Turns `[[...]]` in text nodes into links, on the tree, so code spans and code blocks (which are
/// not text nodes) are never touched.
struct ReferenceRewriter {
    let source: MarkdownSource
    let resolve: (String) -> ReferenceResolution
    let rootPrefix: String
    /// Whether `\[[x]]` was kept from being a reference (see EscapedBrackets), so the written
    /// references that diagnostics are placed at leave it out too.
    let escapedBracketsAreText: Bool
    var diagnostics = Diagnostics()
    /// The documents the body links to: a page showing their titles carries their marking too.
    var linkedIDs: Set<String> = []
    private var writtenReferences: [(target: String, line: Int, column: Int)]?
    private var nextWrittenReference = 0

    init(source: MarkdownSource, resolve: @escaping (String) -> ReferenceResolution, rootPrefix: String,
         escapedBracketsAreText: Bool = false) {
        self.source = source
        self.resolve = resolve
        self.rootPrefix = rootPrefix
        self.escapedBracketsAreText = escapedBracketsAreText
    }

    mutating func rewrite(_ textNodes: [OpaquePointer]) {
        for node in textNodes {
            // Most text holds no `[[`; looking for it in C saves making a Swift string of it.
            guard let cString = cmark_node_get_literal(node), strstr(cString, "[[") != nil else { continue }
            let text = String(cString: cString)
            guard text.utf8.count >= 5 else { continue }
            // An autolink's text is its address: a `[[` in it is part of the URL, not a reference.
            let enclosingLink = self.enclosingLink(node)
            if let link = enclosingLink, Self.isAutolink(link) { continue }
            let matches = ReferenceScanner.scan(text)
            guard !matches.isEmpty else { continue }
            let bytes = Array(text.utf8)
            var cursor = 0
            for match in matches {
                insertText(bytes[cursor..<match.range.lowerBound], before: node)
                let nodeLine = Int(cmark_node_get_start_line(node))
                switch resolve(match.target) {
                case .link(let id, let href, let title):
                    linkedIDs.insert(id)
                    let label = match.text ?? title
                    if enclosingLink != nil {
                        // Inside the author's own link: the title as text, never a link in a link.
                        insertText(ArraySlice(label.utf8), before: node)
                    } else {
                        let link = cmark_node_new(CMARK_NODE_LINK)!
                        cmark_node_set_url(link, rootPrefix + href)
                        let labelNode = cmark_node_new(CMARK_NODE_TEXT)!
                        cmark_node_set_literal(labelNode, label)
                        cmark_node_append_child(link, labelNode)
                        cmark_node_insert_before(node, link)
                    }
                case .withheld:
                    diagnostics.warning(locate(match.target, from: nodeLine), "'\(match.target)' is withheld from this build; its reference is shown as plain text",
                                        code: "withheld-reference")
                    insertText(ArraySlice((match.text ?? match.target).utf8), before: node)
                case .invalid:
                    insertText(ArraySlice((match.text ?? match.target).utf8), before: node)
                case .unknown(let suggestion):
                    let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
                    diagnostics.error(locate(match.target, from: nodeLine), "unknown reference '\(match.target)'\(hint)", code: "unknown-reference")
                    insertText(bytes[match.range], before: node)
                }
                cursor = match.range.upperBound
            }
            let rest = String(decoding: bytes[cursor...], as: UTF8.self)
            if rest.isEmpty {
                cmark_node_unlink(node)
                cmark_node_free(node)
            } else {
                cmark_node_set_literal(node, rest)
            }
        }
    }

    /// Where a reference is written in the file. Tree positions are not enough: text that was raw
    /// HTML or had entities and escapes no longer matches the source byte for byte, and nodes made
    /// by Dossier have no position. So the body as written is scanned once, the first time a
    /// diagnostic needs it, and each diagnosed reference takes the next written reference with the
    /// same target at or after its node's line.
    private mutating func locate(_ target: String, from nodeLine: Int) -> SourceLocation {
        if writtenReferences == nil {
            writtenReferences = Self.references(in: source.text, skippingEscaped: escapedBracketsAreText)
        }
        let written = writtenReferences!
        var index = nextWrittenReference
        while index < written.count, written[index].target != target || written[index].line < nodeLine { index += 1 }
        guard index < written.count else {
            return SourceLocation(path: source.path, line: source.startLine + max(nodeLine, 1) - 1)
        }
        nextWrittenReference = index + 1
        return SourceLocation(path: source.path, line: source.startLine + written[index].line - 1, column: written[index].column)
    }

    /// Every `[[...]]` in the text with its line and its column in Unicode scalars, in one pass.
    static func references(in text: String, skippingEscaped: Bool = false) -> [(target: String, line: Int, column: Int)] {
        let matches = ReferenceScanner.scan(text)
        guard !matches.isEmpty else { return [] }
        var result: [(target: String, line: Int, column: Int)] = []
        result.reserveCapacity(matches.count)
        let bytes = Array(text.utf8)
        var line = 1, column = 1, offset = 0
        for match in matches {
            // `\[[x]]` is text, not a reference (see EscapedBrackets).
            var backslashes = 0
            while skippingEscaped, match.range.lowerBound - backslashes > 0,
                  bytes[match.range.lowerBound - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 1 { continue }
            while offset < match.range.lowerBound {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1  // count scalars: skip UTF-8 continuation bytes
                }
                offset += 1
            }
            result.append((match.target, line, column))
        }
        return result
    }

    private func insertText(_ bytes: ArraySlice<UInt8>, before node: OpaquePointer) {
        guard !bytes.isEmpty else { return }
        let textNode = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(textNode, String(decoding: bytes, as: UTF8.self))
        cmark_node_insert_before(node, textNode)
    }

    private func enclosingLink(_ node: OpaquePointer) -> OpaquePointer? {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return current }
            parent = cmark_node_parent(current)
        }
        return nil
    }

    /// `<https://x>`, `https://x` and `www.x` links show their own address as their text.
    static func isAutolink(_ link: OpaquePointer) -> Bool {
        guard let url = cmark_node_get_url(link).map({ String(cString: $0) }) else { return false }
        let text = MarkdownTree(root: link).plainText(link)
        return [text, "http://" + text, "https://" + text, "mailto:" + text].contains(url)
            || url.removingPercentEncoding == text
            || url.removingPercentEncoding == "http://" + text
    }
}
