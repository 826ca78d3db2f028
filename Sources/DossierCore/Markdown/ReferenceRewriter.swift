import Foundation
import CCmarkGFM

/// Turns `[[...]]` in text nodes into links, on the tree, so code spans and code blocks (which are
/// not text nodes) are never touched.
struct ReferenceRewriter {
    let source: MarkdownSource
    let resolve: (String) -> ReferenceResolution
    let rootPrefix: String
    var diagnostics = Diagnostics()

    init(source: MarkdownSource, resolve: @escaping (String) -> ReferenceResolution, rootPrefix: String) {
        self.source = source
        self.resolve = resolve
        self.rootPrefix = rootPrefix
    }

    mutating func rewrite(_ textNodes: [OpaquePointer]) {
        for node in textNodes {
            guard let cString = cmark_node_get_literal(node) else { continue }
            let text = String(cString: cString)
            guard text.utf8.count >= 5, Self.containsDoubleBracket(text) else { continue }
            // An autolink's text is its address: a `[[` in it is part of the URL, not a reference.
            let enclosingLink = self.enclosingLink(node)
            if let link = enclosingLink, isAutolink(link) { continue }
            let matches = ReferenceScanner.scan(text)
            guard !matches.isEmpty else { continue }
            let bytes = Array(text.utf8)
            var cursor = 0
            for match in matches {
                insertText(bytes[cursor..<match.range.lowerBound], before: node)
                // Computed only for a diagnostic: converting the column walks the line.
                var location: SourceLocation {
                    let bodyLine = Int(cmark_node_get_start_line(node))
                    return SourceLocation(
                        path: source.path,
                        line: source.startLine + bodyLine - 1,
                        column: source.column(line: bodyLine, byteColumn: Int(cmark_node_get_start_column(node)) + match.range.lowerBound))
                }
                switch resolve(match.target) {
                case .link(let href, let title):
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
                    diagnostics.warning(location, "'\(match.target)' is withheld from this build; its reference is shown as plain text",
                                        code: "withheld-reference")
                    insertText(ArraySlice((match.text ?? match.target).utf8), before: node)
                case .invalid:
                    insertText(ArraySlice((match.text ?? match.target).utf8), before: node)
                case .unknown(let suggestion):
                    let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
                    diagnostics.error(location, "unknown reference '\(match.target)'\(hint)", code: "unknown-reference")
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

    private static func containsDoubleBracket(_ text: String) -> Bool {
        var previousWasBracket = false
        for byte in text.utf8 {
            let isBracket = byte == UInt8(ascii: "[")
            if isBracket && previousWasBracket { return true }
            previousWasBracket = isBracket
        }
        return false
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
    private func isAutolink(_ link: OpaquePointer) -> Bool {
        guard let url = cmark_node_get_url(link).map({ String(cString: $0) }) else { return false }
        let text = MarkdownTree(root: link).plainText(link)
        return [text, "http://" + text, "https://" + text, "mailto:" + text].contains(url)
            || url.removingPercentEncoding == text
            || url.removingPercentEncoding == "http://" + text
    }
}
