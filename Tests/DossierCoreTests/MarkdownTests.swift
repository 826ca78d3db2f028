import Foundation
import Testing
@testable import DossierCore

@Suite struct MarkdownTests {
    func render(_ text: String, resolve: @escaping @Sendable (String) -> ReferenceResolution = { _ in .unknown(suggestion: nil) })
        -> (RenderedMarkdown, Diagnostics) {
        var diagnostics = Diagnostics()
        let renderer = MarkdownRenderer(resolve: resolve, rootPrefix: "../")
        let html = renderer.render(MarkdownSource(text: text, path: "x.md", startLine: 1), documentID: "doc", diagnostics: &diagnostics)
        return (html, diagnostics)
    }

    @Test func rawHTMLShowsAsWrittenNeverAsHTML() {
        let (html, _) = render("Initial <Access> via C:\\Users\\\\<user>\n\n<script>alert(1)</script>\n")
        #expect(html.html.contains("Initial &lt;Access&gt;"))
        #expect(html.html.contains("&lt;user&gt;"))
        #expect(html.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.html.contains("<script"))
        #expect(!html.html.contains("raw HTML omitted"))
    }

    @Test func extensionsAndFootnotesAreOn() {
        let (html, _) = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.example.com\n\n- [x] done\n\nNote[^n].\n\n[^n]: Footnote.\n")
        #expect(html.html.contains("<table>"))
        #expect(html.html.contains("<del>gone</del>"))
        #expect(html.html.contains("<a href=\"http://www.example.com\">"))
        #expect(html.html.contains("type=\"checkbox\""))
        #expect(html.html.contains("id=\"fn-doc-n\""))
        #expect(html.html.contains("href=\"#fnref-doc-n\""))
    }

    @Test func headingsGetStableUniqueAnchors() {
        let (html, _) = render("# Initial Access\n\n## Initial access\n\n### C2 & Exfil!\n")
        #expect(html.html.contains("<h1 id=\"initial-access\">"))
        #expect(html.html.contains("<h2 id=\"initial-access-1\">"))
        #expect(html.html.contains("<h3 id=\"c2-exfil\">"))
    }

    @Test func unsafeLinksLoseTheirLinkAndRemoteImagesBecomeLinks() {
        let (html, _) = render("[a](javascript:alert(1)) [b](data:text/html,x) [c](JAVASCRIPT:x) [d](https://ok.example/) ![e](https://img.example/e.png)\n")
        #expect(!html.html.lowercased().contains("javascript:"))
        #expect(!html.html.contains("data:"))
        #expect(html.html.contains("<a href=\"https://ok.example/\">d</a>"))
        #expect(html.html.contains("<a href=\"https://img.example/e.png\">e</a>"))
        #expect(!html.html.contains("<img"))
    }

    @Test func referencesAreReplacedInTextButNotInCode() {
        let resolve: @Sendable (String) -> ReferenceResolution = { id in
            id == "apt-x" ? .link(id: "apt-x", href: "actors/apt-x.html", title: "APT X") : .unknown(suggestion: "apt-x")
        }
        let (html, diagnostics) = render("See [[apt-x]], [[apt-x|them]] and `[[apt-x]]`.\n\n```\n[[apt-x]]\n```\n\n    [[apt-x]]\n\nBad [[apt-y]].\n", resolve: resolve)
        #expect(html.html.contains("See <a href=\"../actors/apt-x.html\">APT X</a>, <a href=\"../actors/apt-x.html\">them</a>"))
        #expect(html.html.contains("<code>[[apt-x]]</code>"))
        #expect(html.html.contains("<pre><code>[[apt-x]]\n</code></pre>"))
        #expect(diagnostics.all == [Diagnostic(.error, SourceLocation(path: "x.md", line: 9, column: 5),
                                               "unknown reference 'apt-y'; did you mean 'apt-x'?", code: "unknown-reference")])
        #expect(html.firstParagraph == "See APT X, them and [[apt-x]].")
    }

    /// libcmark-gfm 0.29.0.gfm.6 is not safe for parallel parses (cmark-gfm issue 221): without
    /// CmarkParallel (or the lock it replaces) some pages silently lose strikethrough and `www.`
    /// autolinks. Every parallel render must equal the single-threaded one.
    @Test func parallelRenderingMatchesSerialRendering() {
        let text = (1...40).map { "Line \($0): ~~struck \($0)~~ and www.example\($0).com and a table:\n\n| a | b |\n|---|---|\n| ~~x~~ | www.y.com |\n" }
            .joined(separator: "\n")
        let renderer = MarkdownRenderer(resolve: { _ in .invalid }, rootPrefix: "../")
        var serialDiagnostics = Diagnostics()
        let expected = renderer.render(MarkdownSource(text: text, path: "x.md", startLine: 1), documentID: "d", diagnostics: &serialDiagnostics).html
        #expect(expected.contains("<del>struck 40</del>"))
        #expect(expected.contains("href=\"http://www.example40.com\""))
        let results = Array(repeating: text, count: 400).parallelMap { text -> String in
            var diagnostics = Diagnostics()
            return renderer.render(MarkdownSource(text: text, path: "x.md", startLine: 1), documentID: "d", diagnostics: &diagnostics).html
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    /// On Linux the library calls through CmarkParallel, so parses run without the lock. Should
    /// that stop (a new library build, another linker), parses fall back to the lock and this fails.
    @Test func parsesRunInParallelOnLinux() {
        #if os(Linux)
        #expect(CmarkParser.parsesInParallel)
        #endif
    }

    /// A backslash before a bracket makes it text, as everywhere in Markdown: `\[[x]]` is written
    /// to show the syntax, not to link, and gets no diagnostic.
    @Test func escapedBracketsAreTextNotReferences() {
        let resolve: @Sendable (String) -> ReferenceResolution = { target in
            target == "known" ? .link(id: "known", href: "incidents/known.html", title: "Known") : .unknown(suggestion: nil)
        }
        let (html, diagnostics) = render("Write \\[[apt-x]] for a link; [[known]] is one.\n", resolve: resolve)
        #expect(html.html.contains("Write [[apt-x]] for a link;"))
        #expect(html.html.contains("<a href=\"../incidents/known.html\">Known</a> is one."))
        #expect(diagnostics.all.isEmpty)
        // An escaped backslash escapes nothing else: the reference after it is real.
        let (afterBackslash, _) = render("C:\\\\[[known]]\n", resolve: resolve)
        #expect(afterBackslash.html.contains("C:\\<a href=\"../incidents/known.html\">Known</a>"))
        // Raw HTML shows its backslash, and what it escapes is no reference either.
        let (rawHTML, rawDiagnostics) = render("<div>\\[[nope]]</div>\n\nSee [[nope]].\n", resolve: resolve)
        #expect(rawHTML.html.contains("&lt;div&gt;\\[[nope]]&lt;/div&gt;"))
        #expect(rawDiagnostics.all.map { "\($0.location.line):\($0.location.column ?? 0)" } == ["3:5"])
    }

    /// Diagnostics point at the reference as written, whether or not an escaped one comes first,
    /// and whether or not the body holds the placeholder (which turns the protection off).
    @Test(arguments: [
        ("\\[[nope]] then [[nope]]\n", ["1:16"]),
        ("\u{2E2C} \\[[nope]] then [[nope]]\n", ["1:4", "1:18"]),
    ])
    func referencesAreLocatedPastEscapedOnes(_ text: String, _ expected: [String]) {
        let (_, diagnostics) = render(text)
        #expect(diagnostics.all.map { "\($0.location.line):\($0.location.column ?? 0)" } == expected)
    }

    /// Outside references, keeping escaped brackets from cmark changes nothing: each document
    /// renders byte for byte as cmark-gfm renders it without Dossier's protection.
    @Test(arguments: [
        "a \\[b\\] c \\\\\\[ three backslashes, and one at the end \\\n",
        "`code \\[x\\]` and ``\\\\[``\n",
        "```\\[info\n\\[x\\]\n```\n\n    indented \\[x\\]\n",
        "[label \\[x\\]](https://example.com/a\\[b\\] \"title \\[t\\]\")\n",
        "![alt \\[x\\]](img\\[1\\].png)\n",
        "<https://example.com/a\\[b> and <b>\\[raw\\]</b>\n\n<div>\\[block\\]</div>\n",
        "| a \\[x\\] | b |\n|---|---|\n| \\[c\\] | d |\n",
        "# Heading \\[x\\]\n\n- \\[ ] not a task\n- [ ] a task\n",
        "www.example.com/a\\[b\\] and https://example.com/\\[c and ~~\\[struck\\]~~\n",
        "A \\[_foo_\\] B \\[**\"strong\"**\\] *\\[*foo **foo\\]**bar _\\[_ \\[*a*\n",
        "Note[^x\\[y] and[^x\\]y].\n\n[^x\\[y]: one \\[\n\n[^x\\]y]: two\n",
        "[ref \\[x\\]][r]\n\n[r]: /url\\[1\\] \"t\\[\"\n\nNote[^n].\n\n[^n]: \\[x\\]\n",
    ])
    func escapedBracketsRenderAsCmarkRendersThem(_ text: String) {
        var plain = MarkdownRenderer(resolve: { _ in .invalid }, rootPrefix: "../")
        plain.protectsEscapedBrackets = false
        var diagnostics = Diagnostics()
        let source = MarkdownSource(text: text, path: "x.md", startLine: 1)
        let expected = plain.render(source, documentID: "doc", diagnostics: &diagnostics).html
        let (html, _) = render(text, resolve: { _ in .invalid })
        #expect(html.html == expected)
    }
}
