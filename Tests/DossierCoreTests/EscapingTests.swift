import Foundation
import Testing
@testable import DossierCore

/// Content is text, never markup: every value from front-matter or a body reaches the page
/// escaped, in element text and in attributes, and no link on a page can run script.
@Suite struct EscapingTests {
    /// A payload naming the field it was put in, so a failure says which field leaked.
    static func payload(_ field: String) -> String { "<script>alert(\(field))</script> \"dq-\(field)\" & 'sq'" }

    /// YAML double-quoted form of a payload.
    static func yaml(_ field: String) -> String {
        "\"" + payload(field).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func hostileSite() -> TestSite {
        TestSite([
            "content/site.yml": """
                title: \(yaml("site-title"))
                description: \(yaml("site-description"))
                """,
            "content/incidents/x.md": """
                ---
                title: \(yaml("incident-title"))
                date: 2023-12-25
                date_note: \(yaml("date-note"))
                summary: \(yaml("incident-summary"))
                tlp: clear
                targets: [\(yaml("target")), a]
                actors:
                  - id: a
                    role: attributed
                    by: \(yaml("by"))
                    note: \(yaml("note"))
                    source: s
                sources:
                  - id: s
                    title: \(yaml("source-title"))
                    publisher: \(yaml("source-publisher"))
                    url: https://example.com/report?a=1&b=2
                ---
                Body of the incident, see [[a]] and [[a|\(payload("reference-label"))]].
                """,
            "content/actors/a.md": """
                ---
                name: \(yaml("actor-name"))
                tlp: clear
                aliases: [\(yaml("alias"))]
                summary: \(yaml("actor-summary"))
                ---
                Profile.
                """,
            "content/pages/about.md": """
                ---
                title: \(yaml("page-title"))
                summary: \(yaml("page-summary"))
                ---
                About.
                """,
        ])
    }

    @Test func frontMatterValuesAreEscapedEverywhere() throws {
        let site = Self.hostileSite()
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.lines)")

        let incident = try #require(site.page("incidents/x.html"))
        let actor = try #require(site.page("actors/a.html"))
        let home = try #require(site.page("index.html"))
        let page = try #require(site.page("pages/about.html"))
        let timeline = try #require(site.page("timeline.html"))

        for field in ["incident-title", "date-note", "target", "by", "note", "source-title", "source-publisher",
                      "actor-name", "site-title", "reference-label"] {
            #expect(incident.contains(Self.escapedText(field)), "\(field) is not shown escaped on the incident page")
        }
        for field in ["actor-name", "alias", "site-title"] {
            #expect(actor.contains(Self.escapedText(field)), "\(field) is not shown escaped on the actor page")
        }
        for field in ["site-title", "site-description", "incident-title"] {
            #expect(home.contains(Self.escapedText(field)), "\(field) is not shown escaped on the home page")
        }
        #expect(page.contains(Self.escapedText("page-title")))
        #expect(timeline.contains(Self.escapedText("incident-title")))

        // Attribute values: the meta description holds the summary, quotes and all, escaped.
        #expect(Self.metaDescription(incident).map { $0.contains("&lt;script&gt;alert(") && $0.contains("dq-incident-summary") } == true,
                "incident summary is not in its meta description, escaped: \(Self.metaDescription(incident) ?? "none")")
        #expect(Self.metaDescription(actor).map { $0.contains("dq-actor-summary") } == true)
        #expect(Self.metaDescription(page).map { $0.contains("dq-page-summary") } == true)
        #expect(Self.metaDescription(home).map { $0.contains("dq-site-description") } == true)

        for (path, html) in [("incidents/x.html", incident), ("actors/a.html", actor), ("index.html", home),
                             ("pages/about.html", page), ("timeline.html", timeline)] {
            Self.expectInert(html, page: path)
        }
        for path in site.outputFiles() where path.hasSuffix(".html") {
            Self.expectInert(site.page(path) ?? "", page: path)
        }
        // The source's query string reaches its href with `&` escaped.
        #expect(incident.contains("href=\"https://example.com/report?a=1&amp;b=2\""))
    }

    /// A URL with quotes or angle brackets: refused with a diagnostic at the value, or published
    /// with them escaped; never breaking out of the attribute.
    @Test(arguments: [
        "https://example.com/?q=\\\"><script>alert(1)</script>",
        "https://example.com/a\\\"onmouseover=\\\"alert(1)",
        "https://example.com/<img src=x onerror=alert(1)>",
        "https://example.com/'onmouseover='alert(1)",
    ])
    func sourceURLWithQuotesOrBrackets(_ url: String) throws {
        let site = TestSite(["content/incidents/x.md": Doc.incident(extra: "sources:\n  - title: Report\n    url: \"\(url)\"\n")])
        defer { site.remove() }
        let result = try site.build()
        if result.succeeded {
            let html = try #require(site.page("incidents/x.html"))
            Self.expectInert(html, page: "incidents/x.html")
            #expect(!html.contains("<script"))
        } else {
            #expect(result.diagnostics.errors.count == 1, "\(result.lines)")
            let error = try #require(result.diagnostics.errors.first)
            #expect(error.location == DossierCore.SourceLocation(path: "content/incidents/x.md", line: 7, column: 10), "\(error)")
            #expect(error.code == "invalid-url")
        }
    }

    @Test func templateSyntaxInContentIsShownLiterally() throws {
        let site = TestSite([
            "content/incidents/x.md": Doc.incident(title: "\"{{site.title}} {{{body}}} {{> layout}}\"", body: "{{#incident}}text{{/incident}}"),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.lines)")
        let html = try #require(site.page("incidents/x.html"))
        #expect(html.contains("<h1>{{site.title}} {{{body}}} {{&gt; layout}}</h1>"))
        #expect(html.contains("{{#incident}}text{{/incident}}"))
    }

    static let rawHTMLBody = """
        Para with inline <script>alert('inline')</script> and <img src=x onerror=alert('img')> and <b onclick="alert(1)">bold</b>.

        <script>
        alert('block');
        </script>

        <iframe src="https://evil.example/"></iframe>

        <div onmouseover="alert('div')">div</div>

        <svg><script>alert('svg')</script></svg>

        <a href="javascript:alert('a')">raw anchor</a>

        <!-- a comment --> <?php echo 1; ?> <![CDATA[ x ]]>

        <style>body { display: none }</style>

        <textarea><script>alert('ta')</script></textarea>
        """

    @Test func rawHTMLInBodiesNeverBecomesHTML() throws {
        let site = TestSite([
            "content/incidents/x.md": Doc.incident(body: Self.rawHTMLBody),
            "content/actors/a.md": Doc.actor(body: Self.rawHTMLBody),
            "content/pages/p.md": Doc.page(body: Self.rawHTMLBody),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.lines)")
        for path in ["incidents/x.html", "actors/a.html", "pages/p.html", "index.html", "timeline.html", "actors.html"] {
            let html = try #require(site.page(path), "\(path)")
            Self.expectInert(html, page: path)
            let lower = html.lowercased()
            for tag in ["<script", "<iframe", "<img", "<svg", "<style", "<textarea", "<div onmouseover", "<b onclick", "<!--", "<?php"] {
                #expect(!lower.contains(tag), "\(path) contains raw \(tag)")
            }
        }
        let incident = try #require(site.page("incidents/x.html"))
        #expect(incident.contains("&lt;script&gt;"))
        #expect(incident.contains("&lt;iframe"))
        #expect(incident.contains("&lt;img src=x onerror=alert("))
    }

    static let unsafeLinks: [String] = [
        "[a](javascript:alert(1))",
        "[b](JaVaScRiPt:alert(1))",
        "[c](java&#09;script:alert(1))",
        "[d](java&#x09;script:alert(1))",
        "[e](&#106;avascript:alert(1))",
        "[f](javascript&colon;alert(1))",
        "[g](%20javascript:alert(1))",
        "[h](<javascript:alert(1)>)",
        "[i](data:text/html,<script>alert(1)</script>)",
        "[j](DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[k](vbscript:msgbox(1))",
        "[l](\u{0}javascript:alert(1))",
        "[m](java\\\nscript:alert(1))",
        "<javascript:alert(1)>",
        "<data:text/html,x>",
        "![n](javascript:alert(1))",
        "![o](data:image/svg+xml,<svg onload=alert(1)>)",
        "[p][ref]\n\n[ref]: javascript:alert(1)",
        "[q][ref2]\n\n[ref2]: <data:text/html,x>",
        "[r](  javascript:alert(1)  \"title\")",
        "[s](javascript://example.com/%0Aalert(1))",
        "[[x|[t](javascript:alert(1))]]",
        "[u](jav&Tab;ascript:alert(1))",
        "[v](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
    ]

    @Test(arguments: unsafeLinks)
    func unsafeLinkSchemesNeverBecomeLinks(_ markdown: String) throws {
        let site = TestSite(["content/incidents/x.md": Doc.incident(body: "Before.\n\n\(markdown)\n\nAfter.")])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.lines)")
        let html = try #require(site.page("incidents/x.html"))
        let lower = html.lowercased()
        #expect(!lower.contains("href=\"javascript:"))
        #expect(!lower.contains("href=\"data:"))
        #expect(!lower.contains("src=\"javascript:"))
        #expect(!lower.contains("src=\"data:"))
        Self.expectInert(html, page: "incidents/x.html")
        #expect(html.contains("Before.") && html.contains("After."))
    }

    @Test func safeLinksStayLinks() throws {
        let body = "[a](https://example.com/a) [b](http://example.com/b) [c](mailto:x@example.com) [d](#section) <https://example.com/auto>"
        let site = TestSite(["content/incidents/x.md": Doc.incident(body: body)])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let html = try #require(site.page("incidents/x.html"))
        for href in ["https://example.com/a", "http://example.com/b", "mailto:x@example.com", "#section", "https://example.com/auto"] {
            #expect(html.contains("href=\"\(href)\""), "\(href) lost its link")
        }
    }

    /// The checks above would catch a leak: each of these pages must fail them.
    @Test(arguments: [
        "<p><script>alert(1)</script></p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JAVA&#x09;SCRIPT:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"data:image/svg+xml,x\">",
        "<p onclick=\"alert(1)\">x</p>",
        "<a href=\"https://x/\"onmouseover=\"alert(1)\">x</a>",
        "<meta name=\"description\" content=\"a\" onload=\"x\">",
        "<iframe src=\"https://x/\"></iframe>",
    ])
    func theCheckerCatchesUnsafeMarkup(_ html: String) {
        withKnownIssue { Self.expectInert(html, page: "self-test") }
    }

    // MARK: checks

    /// The payload's tag, escaped as element text.
    static func escapedText(_ field: String) -> String { "&lt;script&gt;alert(\(field))&lt;/script&gt;" }

    /// The value of `<meta name="description" content="...">`, raw as written in the page.
    static func metaDescription(_ html: String) -> String? {
        guard let match = html.firstMatch(of: /<meta name="description" content="([^"]*)">/) else { return nil }
        return String(match.output.1)
    }

    /// Every tag on the page is well formed, has no event-handler attribute, and every link or
    /// source is free of script and data URLs.
    static func expectInert(_ html: String, page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for match in html.matches(of: /<[A-Za-z!\/?][^>]*>/) {
            let tag = String(html[match.range])
            if tag.hasPrefix("<!DOCTYPE") || tag.hasPrefix("</") { continue }
            let wellFormed = tag.wholeMatch(of: /<[A-Za-z][A-Za-z0-9]*(\s+[A-Za-z_:][-A-Za-z0-9_:.]*(="[^"<>]*")?)*\s*\/?>/) != nil
            #expect(wellFormed, "\(page): malformed tag \(tag)", sourceLocation: sourceLocation)
            // Attribute names only: values are consumed whole, so escaped text inside them is not read as a name.
            let names = tag.matches(of: /\s([A-Za-z_:][-A-Za-z0-9_:.]*)(?:="[^"]*")?/).map { $0.output.1.lowercased() }
            #expect(!names.contains { $0.hasPrefix("on") || $0 == "style" || $0 == "srcdoc" },
                    "\(page): event handler or style in \(tag)", sourceLocation: sourceLocation)
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
            #expect(!["script", "iframe", "object", "embed", "style", "svg", "math", "base", "form", "textarea"].contains(name),
                    "\(page): content tag \(tag)", sourceLocation: sourceLocation)
        }
        for match in html.matches(of: /(?i)(?:href|src|action|formaction|xlink:href)\s*=\s*"([^"]*)"/) {
            let value = decodeAttribute(String(match.output.1))
            let scheme = URLScheme.of(value)
            #expect(scheme.map { !["javascript", "data", "vbscript", "file"].contains($0) } ?? true,
                    "\(page): unsafe URL \(match.output.1)", sourceLocation: sourceLocation)
        }
    }

    /// An attribute value as a browser reads it: character references decoded, then the
    /// percent-encoded control characters a scheme could hide behind removed.
    static func decodeAttribute(_ value: String) -> String {
        var text = value
        for (entity, character) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"),
                                    ("&colon;", ":"), ("&Tab;", "\t"), ("&NewLine;", "\n")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        while let match = text.firstMatch(of: /&#([xX]?)([0-9A-Fa-f]+);?/) {
            let radix = match.output.1.isEmpty ? 10 : 16
            let scalar = UInt32(match.output.2, radix: radix).flatMap(Unicode.Scalar.init).map(String.init) ?? ""
            text.replaceSubrange(match.range, with: scalar)
        }
        return text
    }
}
