import CCmarkGFM

/// A cmark-gfm document tree and the edits Dossier makes to it before rendering.
struct MarkdownTree {
    let root: OpaquePointer

    /// Every node in document order. Collected first, so the tree can be edited afterwards
    /// without invalidating a live iterator.
    func nodes(under top: OpaquePointer? = nil, where include: (OpaquePointer, cmark_node_type) -> Bool) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        let iterator = cmark_iter_new(top ?? root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if include(node, cmark_node_get_type(node)) { result.append(node) }
        }
        return result
    }

    func textNodes() -> [OpaquePointer] {
        nodes { _, type in type == CMARK_NODE_TEXT }
    }

    /// cmark splits `[[id]]` into several text nodes at the brackets; joined, a reference is one
    /// string again. The first node of a run keeps its source position.
    func mergeAdjacentText() {
        // Each run is joined once, from its first node: appending node by node would copy the
        // growing text again for every bracket, quadratic on a line of many references.
        var merged: Set<OpaquePointer> = []
        for node in textNodes() where !merged.contains(node) {
            if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT { continue }
            var run: [OpaquePointer] = []
            var next = cmark_node_next(node)
            while let current = next, cmark_node_get_type(current) == CMARK_NODE_TEXT {
                run.append(current)
                next = cmark_node_next(current)
            }
            guard !run.isEmpty else { continue }
            var joined = literal(node)
            for other in run {
                joined += literal(other)
                merged.insert(other)
                cmark_node_unlink(other)
                cmark_node_free(other)
            }
            cmark_node_set_literal(node, joined)
        }
    }

    /// Raw HTML would be dropped silently in safe mode; analysts mean it literally (`Initial <Access>`,
    /// `C:\Users\<user>`), so it becomes text that shows as written, escaped.
    func showRawHTMLAsText() {
        for node in nodes(where: { _, type in type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK }) {
            let text = literal(node)
            if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
                let replacement = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(replacement, text)
                cmark_node_replace(node, replacement)
            } else {
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                let lines = text.hasSuffix("\n") ? String(text.dropLast()) : text
                for (index, line) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { cmark_node_append_child(paragraph, cmark_node_new(CMARK_NODE_SOFTBREAK)) }
                    let textNode = cmark_node_new(CMARK_NODE_TEXT)!
                    cmark_node_set_literal(textNode, String(line))
                    cmark_node_append_child(paragraph, textNode)
                }
                cmark_node_replace(node, paragraph)
            }
            cmark_node_free(node)
        }
        mergeAdjacentText()
    }

    /// Links whose scheme could run code or smuggle content (`javascript:`, `data:`, `vbscript:`)
    /// keep their text and lose the link. Images from anywhere but the site itself become links
    /// to the image: nothing on a page loads from another host.
    func unlinkUnsafeURLs() {
        for node in nodes(where: { _, type in type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE }) {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let scheme = URLScheme.of(url)
            if cmark_node_get_type(node) == CMARK_NODE_LINK {
                guard let scheme, !URLScheme.safeForLinks.contains(scheme) else { continue }
                unwrap(node)
            } else if scheme != nil || URLScheme.leavesTheSite(url) {
                // `//host/x.png` (and `\\host`, which browsers read the same way) has no scheme
                // but loads from another host just the same.
                if let scheme, URLScheme.safeForLinks.contains(scheme) {
                    let link = cmark_node_new(CMARK_NODE_LINK)!
                    cmark_node_set_url(link, url)
                    while let child = cmark_node_first_child(node) {
                        cmark_node_unlink(child)
                        cmark_node_append_child(link, child)
                    }
                    if cmark_node_first_child(link) == nil {
                        let text = cmark_node_new(CMARK_NODE_TEXT)!
                        cmark_node_set_literal(text, url)
                        cmark_node_append_child(link, text)
                    }
                    cmark_node_replace(node, link)
                    cmark_node_free(node)
                } else {
                    unwrap(node)
                }
            }
        }
        mergeAdjacentText()
    }

    /// Replaces a node by its children.
    private func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The plain text of each heading, in document order, for anchor ids.
    func headingTexts() -> [String] {
        nodes { _, type in type == CMARK_NODE_HEADING }.map(plainText)
    }

    /// The first top-level paragraph as plain text, for the default summary.
    func firstParagraphText() -> String {
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { return plainText(node) }
            child = cmark_node_next(node)
        }
        return ""
    }

    func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        for current in nodes(under: node, where: { _, _ in true }) {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += literal(current)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}

/// The scheme of a URL as written, lower-cased; nil for a relative URL or a fragment.
enum URLScheme {
    /// A root-relative or protocol-relative path (`/x`, `//host/x`, `\\host\x`): from a page
    /// opened from disk it points outside the site, or at another host.
    static func leavesTheSite(_ url: String) -> Bool {
        let cleaned = url.unicodeScalars.drop { $0.value <= 0x20 || $0.value == 0x7F }
        return cleaned.first == "/" || cleaned.first == "\\"
    }

    static let safeForLinks: Set<String> = ["http", "https", "mailto"]

    static func of(_ url: String) -> String? {
        // Browsers ignore control characters and spaces around and inside a scheme (`java\tscript:`).
        let cleaned = url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        var scheme = ""
        for scalar in cleaned {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar) else {
                return nil
            }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}
