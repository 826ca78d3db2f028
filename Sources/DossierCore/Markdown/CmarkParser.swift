import CCmarkGFM
import Foundation

/// Owns cmark-gfm set-up: the extensions, the options, and the lock around parsing.
enum CmarkParser {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Footnotes on; raw HTML stays off (no CMARK_OPT_UNSAFE), and the tree is cleaned of it anyway.
    static let options = CMARK_OPT_FOOTNOTES

    /// Registering the core extensions must happen once per process, before any parser exists.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    // libcmark-gfm 0.29.0.gfm.6 switches special characters on and off in a process-wide table during
    // each parse (cmark-gfm issue 221), so two parses at once can silently lose strikethrough and
    // autolinks. Parsing holds this lock; rendering the finished tree to HTML does not need it.
    private static let parseLock = NSLock()

    /// Parses Markdown into a document tree; the caller frees it with `cmark_node_free` and the
    /// parser with `cmark_parser_free` after rendering (the renderer needs its extension list).
    static func parse(_ text: String) -> (document: OpaquePointer, parser: OpaquePointer) {
        _ = registered
        parseLock.lock()
        defer { parseLock.unlock() }
        let parser = cmark_parser_new(options)!
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document = cmark_parser_finish(parser)!
        return (document, parser)
    }

    static func renderHTML(_ document: OpaquePointer, parser: OpaquePointer) -> String {
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
