import CCmarkGFM
import CmarkParallel
import Foundation

/// Owns cmark-gfm set-up: the extensions, the options, and whether parses may run in parallel.
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
    // autolinks. The CmarkParallel target keeps them switched on; parses run in parallel only once
    // a probe parse shows that it took effect, and otherwise take this lock.
    private static let parseLock = NSLock()

    /// True when the library routes through CmarkParallel: the probe parse asked to switch the
    /// characters off, was ignored, and still rendered strikethrough and an autolink.
    static let parsesInParallel: Bool = {
        _ = registered
        let before = dossier_cmark_ignored_switch_offs()
        parseLock.lock()
        let (document, parser) = makeTree("~~a~~ www.example.com\n")
        parseLock.unlock()
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let html = renderHTML(document, parser: parser)
        return dossier_cmark_ignored_switch_offs() > before
            && html.contains("<del>a</del>") && html.contains("href=\"http://www.example.com\"")
    }()

    /// Parses Markdown into a document tree; the caller frees it with `cmark_node_free` and the
    /// parser with `cmark_parser_free` after rendering (the renderer needs its extension list).
    static func parse(_ text: String) -> (document: OpaquePointer, parser: OpaquePointer) {
        if parsesInParallel { return makeTree(text) }
        parseLock.lock()
        defer { parseLock.unlock() }
        return makeTree(text)
    }

    private static func makeTree(_ text: String) -> (document: OpaquePointer, parser: OpaquePointer) {
        _ = registered
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
