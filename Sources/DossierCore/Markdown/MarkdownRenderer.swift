import CCmarkGFM

/// Renders a document body to HTML through cmark-gfm, rewriting the tree on the way: raw HTML
/// becomes visible text, `[[...]]` references become links, unsafe links lose their link.
struct MarkdownRenderer: Sendable {
    /// Decides what each reference points to.
    var resolve: @Sendable (String) -> ReferenceResolution
    /// `../` from the page the body appears on to the output root.
    var rootPrefix: String
    /// Whether `\[[x]]` stays text (see EscapedBrackets); off only to compare against in tests.
    var protectsEscapedBrackets = true

    func render(_ source: MarkdownSource, documentID: String, diagnostics: inout Diagnostics) -> RenderedMarkdown {
        let protected = protectsEscapedBrackets ? EscapedBrackets.protect(source.text) : nil
        let (document, parser) = CmarkParser.parse(protected ?? source.text)
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let tree = MarkdownTree(root: document)
        tree.mergeAdjacentText()
        // Only a body that had escaped brackets has placeholders to give back.
        if protected != nil { EscapedBrackets.protectRawHTML(in: tree) }
        tree.showRawHTMLAsText()
        tree.unlinkUnsafeURLs()
        var references = ReferenceRewriter(source: source, resolve: resolve, rootPrefix: rootPrefix,
                                           escapedBracketsAreText: protected != nil)
        references.rewrite(tree.textNodes())
        diagnostics.append(contentsOf: references.diagnostics)
        if protected != nil { EscapedBrackets.restore(in: tree) }

        let headings = tree.headingTexts()
        var cmarkHTML = CmarkParser.renderHTML(document, parser: parser)
        if protected != nil { cmarkHTML = EscapedBrackets.restore(html: cmarkHTML) }
        let html = HTMLRewriter.rewrite(cmarkHTML, headings: headings, documentID: documentID)
        return RenderedMarkdown(html: html, firstParagraph: tree.firstParagraphText(), linkedIDs: references.linkedIDs.sorted())
    }
}
