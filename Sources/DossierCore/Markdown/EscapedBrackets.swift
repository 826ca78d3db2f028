import CCmarkGFM
import Foundation

/// `\[` is a literal bracket in Markdown, but cmark-gfm drops the backslash before Dossier sees
/// the text, so `\[[id]]` would still read as a reference. Before parsing, the bracket of each `\[`
/// becomes a placeholder, which cmark keeps after its backslash (a backslash before anything but
/// ASCII punctuation is literal). Once references are resolved, each node gets back what cmark
/// makes of the escape: a bracket in text, link addresses, titles and info strings, and the
/// backslash and bracket as written in code, raw HTML and autolinks.
enum EscapedBrackets {
    /// Parsed in place of `[`: punctuation, as `[` is, so emphasis next to it opens and closes as
    /// before; rare enough that a body holding one is parsed unprotected.
    static let placeholder = Unicode.Scalar(UInt32(0x2E2C))!
    /// Stands for `\[` in raw HTML, where the backslash stays, until references are resolved.
    static let rawHTMLPlaceholder = Unicode.Scalar(UInt32(0x2E2D))!
    /// The placeholder as cmark writes it in an href or id: a footnote label keeps its escapes.
    static let encodedPlaceholder = "%E2%B8%AC"

    /// The text to parse instead, or nil when it has no escaped bracket, or already holds a
    /// placeholder (then it is parsed as it is, and `\[[x]]` stays a reference).
    static func protect(_ original: String) -> String? {
        var text = original
        let protected = text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress, hasEscapedBracket(base, count: bytes.count) else { return nil }
            let marker = Array(String(placeholder).utf8), rawMarker = Array(String(rawHTMLPlaceholder).utf8)
            for index in bytes.indices.dropLast(2) where bytes[index] == marker[0] && bytes[index + 1] == marker[1]
                && (bytes[index + 2] == marker[2] || bytes[index + 2] == rawMarker[2]) {
                return nil
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                    output.append(byte)
                    index += 1
                    continue
                }
                // Backslashes pair up left to right, as cmark reads them: in `\\[` the bracket is not escaped.
                switch bytes[index + 1] {
                case UInt8(ascii: "\\"): output += [byte, byte]
                case UInt8(ascii: "["): output += [byte] + marker
                default:
                    output.append(byte)
                    index += 1
                    continue
                }
                index += 2
            }
            return String(decoding: output, as: UTF8.self)
        }
        guard let protected, !original.contains(encodedPlaceholder) else { return nil }
        return protected
    }

    /// Backslashes found with memchr: most bodies have none, and every body is checked.
    private static func hasEscapedBracket(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset < count - 1, let found = memchr(base + offset, Int32(UInt8(ascii: "\\")), count - 1 - offset) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if base[index + 1] == UInt8(ascii: "[") { return true }
            offset = index + 1
        }
        return false
    }

    /// Before raw HTML becomes text: its `\[` keeps the backslash, and must not read as a reference.
    static func protectRawHTML(in tree: MarkdownTree) {
        for node in tree.nodes(where: { _, type in type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK }) {
            if let changed = replaced(string(cmark_node_get_literal(node)), with: String(rawHTMLPlaceholder)) {
                cmark_node_set_literal(node, changed)
            }
        }
    }

    /// After references are resolved: everything else.
    static func restore(in tree: MarkdownTree) {
        var autolinkTexts: Set<OpaquePointer> = []
        for node in tree.nodes(where: { _, type in type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE }) {
            // `<https://x/\[y>` and `www.x/\[y`: no escapes in an autolink, so its address and text
            // keep the backslash.
            let isAutolink = cmark_node_get_type(node) == CMARK_NODE_LINK && ReferenceRewriter.isAutolink(node)
            if isAutolink {
                for text in tree.nodes(under: node, where: { _, type in type == CMARK_NODE_TEXT }) { autolinkTexts.insert(text) }
            }
            if let changed = replaced(string(cmark_node_get_url(node)), with: isAutolink ? "\\[" : "[") {
                cmark_node_set_url(node, changed)
            }
            if let changed = replaced(string(cmark_node_get_title(node)), with: "[") { cmark_node_set_title(node, changed) }
        }
        for node in tree.nodes(where: { _, type in
            type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK
        }) {
            let type = cmark_node_get_type(node)
            let keepsBackslash = type != CMARK_NODE_TEXT || autolinkTexts.contains(node)
            var literal = string(cmark_node_get_literal(node))
            var changed = false
            if let restored = replaced(literal, with: keepsBackslash ? "\\[" : "[") {
                literal = restored
                changed = true
            }
            if type == CMARK_NODE_TEXT, literal.unicodeScalars.contains(rawHTMLPlaceholder) {
                literal = String(String.UnicodeScalarView(literal.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
                    scalar == rawHTMLPlaceholder ? ["\\", "["] : [scalar]
                }))
                changed = true
            }
            if changed { cmark_node_set_literal(node, literal) }
            if type == CMARK_NODE_CODE_BLOCK, let restored = replaced(string(cmark_node_get_fence_info(node)), with: "[") {
                cmark_node_set_fence_info(node, restored)
            }
        }
    }

    /// cmark's HTML for a body that was protected: a footnote label with `\[` in it names its ids.
    static func restore(html: String) -> String {
        html.contains(encodedPlaceholder) ? html.replacingOccurrences(of: encodedPlaceholder, with: "%5B") : html
    }

    /// The text with each backslash-and-placeholder replaced; nil when there is none.
    private static func replaced(_ text: String, with replacement: String) -> String? {
        guard text.unicodeScalars.contains(placeholder) else { return nil }
        var output = String.UnicodeScalarView()
        var pendingBackslash = false
        for scalar in text.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                if scalar == placeholder {
                    output.append(contentsOf: replacement.unicodeScalars)
                    continue
                }
                output.append("\\")
            }
            if scalar == "\\" {
                pendingBackslash = true
            } else {
                output.append(scalar)
            }
        }
        if pendingBackslash { output.append("\\") }
        return String(output)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
