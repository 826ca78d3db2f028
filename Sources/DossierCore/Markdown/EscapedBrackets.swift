import CCmarkGFM
import Foundation

/// `\[` and `\]` are literal brackets in Markdown, but cmark-gfm drops the backslash before Dossier
/// sees the text, so `\[[id]]` would still read as a reference. Before parsing, each escaped
/// bracket becomes a backslash and a placeholder, which cmark keeps as written (a backslash before
/// anything but ASCII punctuation is literal). Once references are resolved, each node gets back
/// what cmark makes of the escape: a bracket in text, link addresses, titles and info strings, and
/// the backslash and bracket as written in code, raw HTML and `<...>` autolinks.
enum EscapedBrackets {
    /// Noncharacters, never meant to appear in interchanged text.
    static let openPlaceholder = Unicode.Scalar(UInt32(0xFDD0))!
    static let closePlaceholder = Unicode.Scalar(UInt32(0xFDD1))!

    /// The text to parse instead, or nil when it has no escaped bracket, or already holds a
    /// placeholder (then it is parsed as it is, and `\[[x]]` stays a reference).
    static func protect(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress, hasEscapedBracket(base, count: bytes.count) else { return nil }
            let open = Array(String(openPlaceholder).utf8), close = Array(String(closePlaceholder).utf8)
            // A placeholder's three bytes, EF B7 90 or EF B7 91, in the text already.
            for index in bytes.indices.dropLast(2) where bytes[index] == open[0] && bytes[index + 1] == open[1]
                && (bytes[index + 2] == open[2] || bytes[index + 2] == close[2]) {
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
                case UInt8(ascii: "["): output += [byte] + open
                case UInt8(ascii: "]"): output += [byte] + close
                default:
                    output.append(byte)
                    index += 1
                    continue
                }
                index += 2
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Backslashes found with memchr: most bodies have none, and every body is checked.
    private static func hasEscapedBracket(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset < count - 1, let found = memchr(base + offset, Int32(UInt8(ascii: "\\")), count - 1 - offset) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if base[index + 1] == UInt8(ascii: "[") || base[index + 1] == UInt8(ascii: "]") { return true }
            offset = index + 1
        }
        return false
    }

    /// Before raw HTML becomes text: it keeps its backslashes.
    static func restoreRawHTML(in tree: MarkdownTree) {
        for node in tree.nodes(where: { _, type in type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK }) {
            restoreLiteral(of: node, keepingBackslash: true)
        }
    }

    /// After references are resolved: everything else.
    static func restore(in tree: MarkdownTree) {
        var autolinkTexts: Set<OpaquePointer> = []
        for node in tree.nodes(where: { _, type in type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE }) {
            let url = string(cmark_node_get_url(node))
            // `<https://x/\[y>` and `www.x/\[y`: no escapes in an autolink, so its address and text
            // keep the backslash.
            let isAutolink = cmark_node_get_type(node) == CMARK_NODE_LINK && ReferenceRewriter.isAutolink(node)
            if isAutolink {
                for text in tree.nodes(under: node, where: { _, type in type == CMARK_NODE_TEXT }) { autolinkTexts.insert(text) }
            }
            if let restored = restored(url, keepingBackslash: isAutolink) { cmark_node_set_url(node, restored) }
            if let restored = restored(string(cmark_node_get_title(node)), keepingBackslash: false) { cmark_node_set_title(node, restored) }
        }
        for node in tree.nodes(where: { _, type in
            type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK
        }) {
            let type = cmark_node_get_type(node)
            restoreLiteral(of: node, keepingBackslash: type != CMARK_NODE_TEXT || autolinkTexts.contains(node))
            if type == CMARK_NODE_CODE_BLOCK, let restored = restored(string(cmark_node_get_fence_info(node)), keepingBackslash: false) {
                cmark_node_set_fence_info(node, restored)
            }
        }
    }

    private static func restoreLiteral(of node: OpaquePointer, keepingBackslash: Bool) {
        if let restored = restored(string(cmark_node_get_literal(node)), keepingBackslash: keepingBackslash) {
            cmark_node_set_literal(node, restored)
        }
    }

    /// The text with each backslash-and-placeholder back as `[`/`]`, or `\[`/`\]`; nil when unchanged.
    private static func restored(_ text: String, keepingBackslash: Bool) -> String? {
        guard text.unicodeScalars.contains(where: { $0 == openPlaceholder || $0 == closePlaceholder }) else { return nil }
        var output = String.UnicodeScalarView()
        var pendingBackslash = false
        for scalar in text.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                if scalar == openPlaceholder || scalar == closePlaceholder {
                    if keepingBackslash { output.append("\\") }
                    output.append(scalar == openPlaceholder ? "[" : "]")
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
