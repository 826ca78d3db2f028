import Foundation
import Testing
@testable import DossierCore

/// `[[...]]` references in bodies, and the links between documents both ways (backlinks).
@Suite struct LinkingTests {
    /// A site with one of each kind, to point references at.
    static func site(body: String, extra files: [String: String] = [:]) -> TestSite {
        var all: [String: String] = [
            "content/actors/cobalt-heron.md": Doc.actor(name: "Cobalt Heron", extra: "aliases: [\"Heron Team\", \"TA-9041\"]\n"),
            "content/actors/frostleak.md": Doc.actor(name: "FrostLeak", extra: "kind: persona\n"),
            "content/incidents/wiper.md": Doc.incident(title: "Customs wiper", date: "2022-07-14"),
            "content/pages/methodology.md": Doc.page(title: "Methodology"),
            "content/pages/note.md": Doc.page(title: "Note", body: body),
        ]
        all.merge(files) { _, new in new }
        return TestSite(all)
    }

    /// The body of the page built from `body`, between `<div class="prose">` and its end.
    static func render(_ body: String, extra files: [String: String] = [:]) throws -> (html: String, result: BuildResult) {
        let site = site(body: body, extra: files)
        defer { site.remove() }
        let result = try site.build()
        let page = site.page("pages/note.html") ?? ""
        return (PagesTests.section(page, from: "<div class=\"prose\">", to: "</div>"), result)
    }

    // MARK: - Resolution

    @Test func resolvesEachKindByID() throws {
        let (html, result) = try Self.render("See [[cobalt-heron]], [[wiper]] and [[methodology]].")
        #expect(result.lines == [])
        #expect(html.contains("""
        <p>See <a href="../actors/cobalt-heron.html">Cobalt Heron</a>, \
        <a href="../incidents/wiper.html">Customs wiper</a> and \
        <a href="../pages/methodology.html">Methodology</a>.</p>
        """))
    }

    @Test func resolvesActorsByNameAndAliasCaseInsensitively() throws {
        let (html, result) = try Self.render("""
        [[Cobalt Heron]] · [[cobalt heron]] · [[COBALT HERON]] · [[Heron Team]] · [[heron team]] · [[ta-9041]] · [[TA-9041]] · [[frostLEAK]]
        """)
        #expect(result.lines == [])
        let links = html.matches(of: /<a href="([^"]*)">([^<]*)<\/a>/).map { "\($0.output.1) \($0.output.2)" }
        #expect(links == Array(repeating: "../actors/cobalt-heron.html Cobalt Heron", count: 7) + ["../actors/frostleak.html FrostLeak"])
    }

    @Test func pipeGivesTheLinkText() throws {
        let (html, result) = try Self.render("""
        [[cobalt-heron|the group]], [[Heron Team|its operators]], [[ wiper | the July attack ]], [[methodology|]].
        """)
        #expect(result.lines == [])
        #expect(html.contains("""
        <p><a href="../actors/cobalt-heron.html">the group</a>, <a href="../actors/cobalt-heron.html">its operators</a>, \
        <a href="../incidents/wiper.html">the July attack</a>, <a href="../pages/methodology.html">Methodology</a>.</p>
        """))
    }

    @Test func linkTextIsEscaped() throws {
        let (html, result) = try Self.render("[[cobalt-heron|<b>bold</b> & \"quoted\"]]", extra: [
            "content/incidents/amp.md": Doc.incident(title: "'\"Tom & Jerry\" <wiper>'"),
        ])
        #expect(result.lines == [])
        #expect(html.contains("<a href=\"../actors/cobalt-heron.html\">&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</a>"))
        let (titled, _) = try Self.render("[[amp]]", extra: ["content/incidents/amp.md": Doc.incident(title: "'\"Tom & Jerry\" <wiper>'")])
        #expect(titled.contains("<a href=\"../incidents/amp.html\">&quot;Tom &amp; Jerry&quot; &lt;wiper&gt;</a>"))
    }

    @Test func severalReferencesInOneRunAndAcrossInlineMarkup() throws {
        let (html, result) = try Self.render("""
        [[wiper]][[frostleak]] **[[cobalt-heron]]** _[[Heron Team|them]]_ ~~[[wiper]]~~

        | Actor | Incident |
        |---|---|
        | [[frostleak]] | [[wiper\\|July]] |

        - [[cobalt-heron]] in a list
        > [[frostleak]] in a quote
        """)
        #expect(result.lines == [])
        #expect(html.contains("<p><a href=\"../incidents/wiper.html\">Customs wiper</a><a href=\"../actors/frostleak.html\">FrostLeak</a> "))
        #expect(html.contains("<strong><a href=\"../actors/cobalt-heron.html\">Cobalt Heron</a></strong>"))
        #expect(html.contains("<em><a href=\"../actors/cobalt-heron.html\">them</a></em>"))
        #expect(html.contains("<del><a href=\"../incidents/wiper.html\">Customs wiper</a></del>"))
        #expect(html.contains("<td><a href=\"../actors/frostleak.html\">FrostLeak</a></td>"))
        // In a table the `|` of `[[id|text]]` is escaped, as GFM requires for any pipe in a cell.
        #expect(html.contains("<td><a href=\"../incidents/wiper.html\">July</a></td>"))
        #expect(html.contains("<li><a href=\"../actors/cobalt-heron.html\">Cobalt Heron</a> in a list</li>"))
        #expect(html.contains("<p><a href=\"../actors/frostleak.html\">FrostLeak</a> in a quote</p>"))
        #expect(!html.contains("[["))
    }

    @Test func aReferenceInsideALinkKeepsTheOuterLinkOnly() throws {
        let (html, result) = try Self.render("[report on [[cobalt-heron]]](https://example.org/report)")
        #expect(result.lines == [])
        #expect(html.contains("<a href=\"https://example.org/report\">report on Cobalt Heron</a>"))
        #expect((html.components(separatedBy: "<a ").count - 1) == 1)
    }

    /// An autolink shows its URL: a `[[...]]` inside it is part of the address, and the visible
    /// text must stay the URL that the link goes to.
    @Test func autolinkTextIsNotRewritten() throws {
        let (html, _) = try Self.render("Autolink https://example.org/[[cobalt-heron]] here.")
        let links = html.matches(of: /<a href="([^"]*)">([^<]*)<\/a>/).map { (String($0.output.1), String($0.output.2)) }
        #expect(links.count == 1)
        #expect(!html.contains(">https://example.org/Cobalt Heron</a>"), "the visible URL differs from the link target: \(html)")
        for (href, text) in links {
            #expect(href.removingPercentEncoding == text, "autolink text \(text) does not show its target \(href)")
        }
    }

    @Test func referencesInHeadingsLinkAndNameTheAnchor() throws {
        let (html, result) = try Self.render("## Operations of [[Heron Team]]")
        #expect(result.lines == [])
        #expect(html.contains("<h2 id=\"operations-of-cobalt-heron\">Operations of <a href=\"../actors/cobalt-heron.html\">Cobalt Heron</a></h2>"))
    }

    // MARK: - Code

    @Test func nothingIsReplacedInCodeSpansOrCodeBlocks() throws {
        let (html, result) = try Self.render("""
        Inline `[[cobalt-heron]]` and ``[[wiper|x]]`` stay; [[frostleak]] links.

        ```
        fenced [[cobalt-heron]]
        ```

        ~~~yaml
        actors: [[frostleak]]
        ~~~

            indented [[wiper]]

        - item

          ```
          nested fence [[methodology]]
          ```

        > ```
        > quoted fence [[Heron Team]]
        > ```

        Unknown names in code are not errors either: `[[no-such-thing]]`

        ```
        [[nothing-here]]
        ```
        """)
        #expect(result.lines == [], "references in code must not be resolved or reported")
        #expect(html.contains("<code>[[cobalt-heron]]</code>"))
        #expect(html.contains("<code>[[wiper|x]]</code>"))
        #expect(html.contains("<a href=\"../actors/frostleak.html\">FrostLeak</a> links."))
        #expect(html.contains("<pre><code>fenced [[cobalt-heron]]\n</code></pre>"))
        #expect(html.contains("<pre><code class=\"language-yaml\">actors: [[frostleak]]\n</code></pre>"))
        #expect(html.contains("<pre><code>indented [[wiper]]\n</code></pre>"))
        #expect(html.contains("<pre><code>nested fence [[methodology]]\n</code></pre>"))
        #expect(html.contains("<pre><code>quoted fence [[Heron Team]]\n</code></pre>"))
        #expect(html.contains("<code>[[no-such-thing]]</code>"))
        #expect(html.contains("<pre><code>[[nothing-here]]\n</code></pre>"))
        #expect((html.components(separatedBy: "<a ").count - 1) == 1)
    }

    // MARK: - Unknown references

    @Test func unknownReferenceIsAnErrorAtItsPlaceWithASuggestion() throws {
        let site = Self.site(body: "First line.\n\nSee [[cobalt-heron]] and [[coblat-heron]] here.")
        defer { site.remove() }
        let result = try site.build()
        #expect(!result.succeeded)
        // The body starts on line 4 of the file (after `---`, `title:`, `---`); the unknown
        // reference is on its third line, after 25 characters.
        #expect(result.lines == [
            "content/pages/note.md:6:26: error: unknown reference 'coblat-heron'; did you mean 'cobalt-heron'? [unknown-reference]",
        ])
        #expect(site.outputFiles().isEmpty, "a build with errors writes nothing")
    }

    /// Columns count characters, as front-matter diagnostics do (`tags: ["é-x", "Bad Tag"]` reports
    /// `Bad Tag` at column 15): a reference after `Café — ` is at column 8, not at its byte offset 11.
    @Test func referenceColumnsCountCharactersOnNonASCIILines() throws {
        let site = Self.site(body: "Café — [[nobody]] here.")
        defer { site.remove() }
        let result = try site.build()
        #expect(result.lines == ["content/pages/note.md:4:8: error: unknown reference 'nobody' [unknown-reference]"])
        // On an ASCII line, bytes and characters agree.
        let ascii = Self.site(body: "Cafe - [[nobody]] here.")
        defer { ascii.remove() }
        #expect(try ascii.build().lines == ["content/pages/note.md:4:8: error: unknown reference 'nobody' [unknown-reference]"])
    }

    @Test func incidentTitlesAreNotNames() throws {
        // Only actors resolve by name; an incident is referenced by its id.
        let (_, result) = try Self.render("[[Customs wiper]]")
        #expect(result.lines.count == 1)
        #expect(result.lines.first?.contains("unknown reference 'Customs wiper'") == true)
    }

    // MARK: - The index

    @Test func siteIndexLooksUpIDsNamesAndAliases() throws {
        let site = Self.site(body: "x")
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let validated = Site.load(root: site.root, diagnostics: &diagnostics)
        let index = SiteIndex(site: validated, diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(index.lookup("cobalt-heron") == .actor("cobalt-heron"))
        #expect(index.lookup("cObAlT hErOn") == .actor("cobalt-heron"))
        #expect(index.lookup("heron team") == .actor("cobalt-heron"))
        #expect(index.lookup("Ta-9041") == .actor("cobalt-heron"))
        #expect(index.lookup("wiper") == .incident("wiper"))
        #expect(index.lookup("methodology") == .page("methodology"))
        #expect(index.lookup("Customs wiper") == nil)
        #expect(index.lookup("nobody") == nil)
    }

    // MARK: - Backlinks

    @Test func actorPagesListIncidentsGroupedByRole() throws {
        let site = TestSite([
            "content/actors/grp.md": Doc.actor(name: "Group"),
            "content/actors/vendor-target.md": Doc.actor(name: "Victim Org", extra: "kind: organization\n"),
            "content/incidents/i-claimed.md": Doc.incident(title: "Claimed one", date: "2021-01-01", extra: """
            actors:
              - id: grp
                role: claimed

            """),
            "content/incidents/i-attributed.md": Doc.incident(title: "Attributed one", date: "2021-02", extra: """
            actors:
              - id: grp
                role: attributed
                by: Vendor A
                confidence: high
              - id: grp
                role: attributed
                by: Vendor B

            """),
            "content/incidents/i-suspected.md": Doc.incident(title: "Suspected one", date: "2021", extra: """
            actors: [grp]
            targets: [vendor-target]

            """),
            "content/incidents/i-denied.md": Doc.incident(title: "Denied one", date: "2022-05-05", extra: """
            actors:
              - id: grp
                role: denied
              - id: grp
                role: claimed
                by: a forum post

            """),
            "content/incidents/i-targeted.md": Doc.incident(title: "Targeted one", date: "2023", extra: """
            targets: [grp, "someone else"]

            """),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.lines == [])
        let html = PagesTests.main(of: try #require(site.page("actors/grp.html")))
        let headings = html.matches(of: /<h3 id="role_([a-z]+)">([A-Za-z]+)<\/h3>/).map { "\($0.output.1)=\($0.output.2)" }
        #expect(headings == ["claimed=Claimed", "attributed=Attributed", "suspected=Suspected", "denied=Denied", "targeted=Targeted"])
        func group(_ role: String) -> [String] {
            let section = PagesTests.section(html, from: "<h3 id=\"role_\(role)\">", to: "</section>")
            return LinkChecker.attributes(["href"], in: section).map(\.value)
        }
        // Newest first within a role; an incident with two roles appears under both.
        #expect(group("claimed") == ["../incidents/i-denied.html", "../incidents/i-claimed.html"])
        #expect(group("attributed") == ["../incidents/i-attributed.html"])
        #expect(group("suspected") == ["../incidents/i-suspected.html"])
        #expect(group("denied") == ["../incidents/i-denied.html"])
        #expect(group("targeted") == ["../incidents/i-targeted.html"])
        // Who says so, for each role.
        let attributed = PagesTests.section(html, from: "<h3 id=\"role_attributed\">", to: "</section>")
        #expect(attributed.contains("<p class=\"item-by\">By Vendor A (high confidence); Vendor B</p>"))
        let claimed = PagesTests.section(html, from: "<h3 id=\"role_claimed\">", to: "</section>")
        #expect(claimed.contains("<p class=\"item-by\">By a forum post</p>"))
        #expect(claimed.contains("<p class=\"item-by\">By Group</p>"))
        #expect(html.contains("<dd>5 incidents</dd>"))

        // The victim organization lists its incident as targeted; a plain-text target links nowhere.
        let victim = PagesTests.main(of: try #require(site.page("actors/vendor-target.html")))
        #expect(victim.contains("<h3 id=\"role_targeted\">Targeted</h3>"))
        #expect(victim.contains("href=\"../incidents/i-suspected.html\""))
        let targeted = PagesTests.main(of: try #require(site.page("incidents/i-targeted.html")))
        #expect(targeted.contains("<li><a href=\"../actors/grp.html\">Group</a></li><li>someone else</li>"))
        #expect(LinkChecker(output: site.output).problems(allowExternal: { _ in false }) == [])
    }

    @Test func relatedIncidentsShowOnBothPages() throws {
        let site = TestSite([
            "content/incidents/first.md": Doc.incident(title: "First", date: "2020-01", extra: "related: [second]\n"),
            "content/incidents/second.md": Doc.incident(title: "Second", date: "2021-01"),
            "content/incidents/third.md": Doc.incident(title: "Third", date: "2019", extra: "related: [second, first]\n"),
            "content/incidents/lonely.md": Doc.incident(title: "Lonely"),
        ])
        defer { site.remove() }
        #expect(try site.build().lines == [])
        func related(_ id: String) throws -> [String] {
            let html = try #require(site.page("incidents/\(id).html"))
            let section = PagesTests.section(html, from: "<section class=\"related\"", to: "</section>")
            return LinkChecker.attributes(["href"], in: section).map(\.value)
        }
        // Named on one side only, shown on both; listed oldest first, each once.
        #expect(try related("first") == ["../incidents/third.html", "../incidents/second.html"])
        #expect(try related("second") == ["../incidents/third.html", "../incidents/first.html"])
        #expect(try related("third") == ["../incidents/first.html", "../incidents/second.html"])
        #expect(try related("lonely") == [])
        #expect(try #require(site.page("incidents/second.html")).contains("<h2 id=\"sec_related\">Related incidents</h2>"))
    }

    @Test func sponsorShowsOnBothActorsPages() throws {
        let site = TestSite([
            "content/actors/state.md": Doc.actor(name: "The State", extra: "kind: state\n"),
            "content/actors/group-a.md": Doc.actor(name: "Group A", extra: "sponsor: state\n"),
            "content/actors/group-b.md": Doc.actor(name: "Group B", extra: "sponsor: state\n"),
            "content/actors/persona.md": Doc.actor(name: "Persona", extra: "kind: persona\nsponsor: group-a\n"),
        ])
        defer { site.remove() }
        #expect(try site.build().lines == [])
        let state = PagesTests.main(of: try #require(site.page("actors/state.html")))
        #expect(state.contains("<dt>Linked from</dt><dd><ul class=\"inline\"><li><a href=\"../actors/group-a.html\">Group A</a></li><li><a href=\"../actors/group-b.html\">Group B</a></li></ul></dd>"))
        #expect(!state.contains("Linked to"))
        let groupA = PagesTests.main(of: try #require(site.page("actors/group-a.html")))
        #expect(groupA.contains("<dt>Linked to</dt><dd><a href=\"../actors/state.html\">The State</a></dd>"))
        #expect(groupA.contains("<dt>Linked from</dt><dd><ul class=\"inline\"><li><a href=\"../actors/persona.html\">Persona</a></li></ul></dd>"))
        let persona = PagesTests.main(of: try #require(site.page("actors/persona.html")))
        #expect(persona.contains("<dt>Linked to</dt><dd><a href=\"../actors/group-a.html\">Group A</a></dd>"))
        #expect(!persona.contains("Linked from"))
    }

    @Test func goldenBacklinks() throws {
        let (result, output) = try Golden.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.succeeded)
        let checker = LinkChecker(output: output)
        let heron = PagesTests.main(of: checker.html("actors/cobalt-heron.html") ?? "")
        #expect(heron.contains("<dt>Linked to</dt><dd><a href=\"../actors/unit-991.html\">Unit 991</a></dd>"))
        #expect(heron.contains("<dt>Linked from</dt><dd><ul class=\"inline\"><li><a href=\"../actors/frostleak.html\">FrostLeak</a></li></ul></dd>"))
        let unit = PagesTests.main(of: checker.html("actors/unit-991.html") ?? "")
        #expect(unit.contains("<dt>Linked from</dt><dd><ul class=\"inline\"><li><a href=\"../actors/cobalt-heron.html\">Cobalt Heron</a></li></ul></dd>"))
        // Cobalt Heron: attributed (twice, one listing), suspected, denied; the draft adds nothing.
        let roles = heron.matches(of: /<h3 id="role_([a-z]+)">/).map { String($0.output.1) }
        #expect(roles == ["attributed", "suspected", "denied"])
        let suspected = PagesTests.section(heron, from: "<h3 id=\"role_suspected\">", to: "</section>")
        #expect(LinkChecker.attributes(["href"], in: suspected).map(\.value) == [
            "../incidents/2022-11-leak-site.html", "../incidents/2021-harbor-phishing.html",
        ])
        #expect(heron.matches(of: /2022-07-customs-wiper\.html/).count == 1)
        #expect(!heron.contains("draft"))
        // Related on both pages; the draft's `related` reaches neither.
        #expect(checker.html("incidents/2021-harbor-phishing.html")?.contains("href=\"../incidents/2022-07-customs-wiper.html\"") == true)
        #expect(checker.html("incidents/2022-07-customs-wiper.html")?.contains("href=\"../incidents/2021-harbor-phishing.html\"") == true)
        #expect(checker.html("incidents/2022-07-customs-wiper.html")?.contains("href=\"../incidents/2022-11-leak-site.html\"") == true)
        #expect(checker.html("incidents/2023-03-ministry-ddos.html")?.contains("sec_related") == false)
    }
}
