import Foundation
import Testing
@testable import DossierCore

/// The generated pages: every kind written, links relative and sound, the attribution table,
/// dates at their precision, the timeline, the actor index, ATT&CK links, anchors and footnotes.
@Suite struct PagesTests {
    /// The golden site built once into a temporary folder, with a link checker over it.
    struct Built {
        let result: BuildResult
        let output: URL
        let checker: LinkChecker

        init(root: URL = Golden.site) throws {
            (result, output) = try Golden.build(root: root)
            checker = LinkChecker(output: output)
        }

        func page(_ path: String) -> String { checker.html(path) ?? "" }
        /// The page between `<main` and `</main>`: what the page shows, without the navigation.
        func main(_ path: String) -> String { PagesTests.main(of: page(path)) }
    }

    static func main(of html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The text between the first `marker` and the next `until`.
    static func section(_ html: String, from marker: String, to until: String) -> String {
        guard let start = html.range(of: marker) else { return "" }
        let rest = html[start.lowerBound...]
        guard let end = rest.range(of: until) else { return String(rest) }
        return String(rest[..<end.upperBound])
    }

    /// `<tr>…</tr>` blocks of a table body, as text.
    static func rows(_ html: String) -> [String] {
        html.matches(of: /<tr(?: class="[^"]*")?>([\s\S]*?)<\/tr>/).map { String($0.output.1) }
    }

    /// The `<td>` cells of a row.
    static func cells(_ row: String) -> [String] {
        row.matches(of: /<td[^>]*>([\s\S]*?)<\/td>/).map { String($0.output.1) }
    }

    static func position(of needle: String, in haystack: String) -> Int? {
        haystack.range(of: needle).map { haystack.distance(from: haystack.startIndex, to: $0.lowerBound) }
    }

    // MARK: - Every page kind

    @Test func everyPageKindIsWritten() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        #expect(built.result.succeeded)
        #expect(built.checker.files == [
            ".dossier-manifest",
            "actors.html",
            "actors/cobalt-heron.html",
            "actors/frostleak.html",
            "actors/nordhavn-shipping.html",
            "actors/unit-991.html",
            "assets/style.css",
            "feed.xml",
            "incidents/2021-harbor-phishing.html",
            "incidents/2022-07-customs-wiper.html",
            "incidents/2022-11-leak-site.html",
            "incidents/2023-03-ministry-ddos.html",
            "index.html",
            "pages/about.html",
            "pages/methodology.html",
            "sitemap.xml",
            "timeline.html",
        ])
        #expect(built.result.files.map(\.path) == built.checker.files.filter { $0 != OutputFolder.manifestName })
        for page in built.checker.pages {
            let html = built.page(page)
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(page)")
            #expect(html.contains("<html lang=\"en-GB\">"), "\(page)")
            #expect(html.contains("North Sea Maritime Threat Briefing"), "\(page) lacks the site title")
            #expect(html.contains("TLP:CLEAR"), "\(page) lacks its TLP marking")
            #expect(html.contains("href=\"\(OutputPath.rootPrefix(of: page))assets/style.css\""), "\(page) stylesheet")
        }
        let css = FileManager.default.contents(atPath: built.output.appendingPathComponent("assets/style.css").path)
        #expect(css == DefaultTheme.files["assets/style.css"].map { Data($0.utf8) })
    }

    @Test func pagesShowTheirDocument() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        #expect(built.main("incidents/2022-07-customs-wiper.html").contains("<h1>Wiper attack on the Baltic customs clearing system</h1>"))
        #expect(built.main("actors/cobalt-heron.html").contains("<h1>Cobalt Heron</h1>"))
        #expect(built.main("pages/about.html").contains("<h1>About this briefing</h1>"))
        #expect(built.page("pages/about.html").contains("<title>About this briefing · North Sea Maritime Threat Briefing</title>"))
        #expect(built.page("index.html").contains("<title>North Sea Maritime Threat Briefing</title>"))
        // Navigation: home, timeline, actors, then the free pages by title; the current page marked.
        let nav = PagesTests.section(built.page("pages/about.html"), from: "<nav class=\"site-nav\"", to: "</nav>")
        let hrefs = LinkChecker.attributes(["href"], in: nav).map(\.value)
        #expect(hrefs == ["../index.html", "../timeline.html", "../actors.html", "../pages/about.html", "../pages/methodology.html"])
        #expect(nav.contains("<a href=\"../pages/about.html\" aria-current=\"page\">About this briefing</a>"))
    }

    // MARK: - Links

    @Test func everyLinkIsRelativeAndResolvesFragmentsIncluded() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let allow = LinkChecker.contentOrATTACK(contentText: LinkChecker.contentText(of: Golden.site))
        let problems = built.checker.problems(allowExternal: allow)
        #expect(problems.isEmpty, "broken links:\n\(problems.joined(separator: "\n"))")
        #expect(built.checker.links.count > 100)
        for link in built.checker.links {
            #expect(!link.value.hasPrefix("/"), "\(link.page): \(link.value)")
            let path = link.value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            #expect(!path.hasSuffix("/") || LinkChecker.scheme(of: link.value) != nil, "\(link.page): \(link.value)")
        }
        // The only external links are the content's own and ATT&CK technique pages.
        let external = Set(built.checker.externalLinks.map(\.value))
        #expect(external == [
            "https://attack.mitre.org/techniques/T1078/",
            "https://attack.mitre.org/techniques/T1204/002/",
            "https://attack.mitre.org/techniques/T1485/",
            "https://attack.mitre.org/techniques/T1490/",
            "https://attack.mitre.org/techniques/T1498/",
            "https://attack.mitre.org/techniques/T1566/001/",
            "https://cert.example.ee/reports/2022-customs",
            "https://northlight.example.com/research/heron-returns",
            "https://northlight.example.com/research/heron-wiper",
            "https://nordhavn.example.no/press/2022-11-statement",
            "mailto:corrections@briefing.example.org",
        ])
        // Nothing loads from another host: every src and the stylesheet are local.
        for link in built.checker.links where link.attribute == "src" {
            #expect(LinkChecker.scheme(of: link.value) == nil, "\(link.page) loads \(link.value)")
        }
    }

    /// With `--drafts` the draft joins the site, and its links (and the backlinks to it) resolve too.
    @Test func linksResolveWithDraftsIncluded() throws {
        let output = Scratch.folder("drafts-out")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try SiteBuild.run(BuildOptions(root: Golden.site, output: output, includeDrafts: true))
        #expect(result.lines == [])
        let checker = LinkChecker(output: output)
        #expect(checker.files.contains("incidents/2023-09-draft-followup.html"))
        let problems = checker.problems(allowExternal: LinkChecker.contentOrATTACK(contentText: LinkChecker.contentText(of: Golden.site)))
        #expect(problems.isEmpty, "broken links:\n\(problems.joined(separator: "\n"))")
        let ddos = checker.html("incidents/2023-03-ministry-ddos.html") ?? ""
        #expect(ddos.contains("<a href=\"../incidents/2023-09-draft-followup.html\">Draft follow-up on the ministry outage</a>"))
    }

    @Test func linkCheckerCatchesBrokenLinks() throws {
        let output = Scratch.folder("linkcheck")
        defer { try? FileManager.default.removeItem(at: output) }
        let manager = FileManager.default
        try manager.createDirectory(at: output.appendingPathComponent("actors"), withIntermediateDirectories: true)
        let page = """
        <a href="/actors/x.html">a</a><a href="actors/">b</a><a href="actors/y.html">c</a>
        <a href="actors/x.html#nope">d</a><a href="actors/x.html#here">e</a><a href="#top">f</a>
        <a href="https://evil.example/">g</a><a href="../up.html">h</a><img src="x.png"><p id="top"></p>
        <a href="#">i</a><a href="actors/x.html?q=1&amp;r=2">j</a>
        """
        try Data(page.utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("<h2 id=\"here\">x</h2><h2 id=\"dup\"></h2><p id=\"dup\"></p>".utf8)
            .write(to: output.appendingPathComponent("actors/x.html"))
        let problems = LinkChecker(output: output).problems(allowExternal: { _ in false })
        #expect(problems == [
            "index.html: href=\"/actors/x.html\": absolute path: links must be relative",
            "index.html: href=\"actors/\": names a folder, not a file",
            "index.html: href=\"actors/y.html\": no such file actors/y.html",
            "index.html: href=\"actors/x.html#nope\": no id=\"nope\" in actors/x.html",
            "index.html: href=\"https://evil.example/\": link to another host or scheme",
            "index.html: href=\"../up.html\": leads outside the output folder",
            "index.html: src=\"x.png\": no such file x.png",
            "index.html: href=\"#\": empty fragment",
        ])
        let target = String(decoding: try Data(contentsOf: output.appendingPathComponent("actors/x.html")), as: UTF8.self)
        #expect(LinkChecker.duplicateIDs(in: target) == ["dup"])
        #expect(LinkChecker.resolve("../actors/x.html", from: "incidents/y.html") == "actors/x.html")
        #expect(LinkChecker.unescape("a&amp;b&#39;c&#x2F;&bogus;") == "a&b'c/&bogus;")
    }

    /// No page uses one id twice: a duplicate id is an ambiguous fragment target. A body heading
    /// whose slug equals an id of the theme (`## Main` and the skip link's `<main id="main">`)
    /// must not produce a second element with that id, and de-duplicated heading slugs must not
    /// collide with a later heading's own slug (`Timeline`, `Timeline`, `Timeline 1`).
    @Test func idsAreUniqueOnEveryPage() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        for page in built.checker.pages {
            #expect(LinkChecker.duplicateIDs(in: built.page(page)) == [], "\(page)")
        }

        let site = TestSite([
            "content/incidents/x.md": Doc.incident(body: """
            ## Main

            Text.[^main]

            ## Sources

            ## Timeline

            ## Timeline

            ## Timeline 1

            [^main]: Note.
            """),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded)
        let html = try #require(site.page("incidents/x.html"))
        #expect(LinkChecker.duplicateIDs(in: html) == [], "duplicate ids on incidents/x.html")
        let problems = LinkChecker(output: site.output).problems(allowExternal: { _ in false })
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The repository's own sample site passes the same link check.
    @Test func sampleSiteLinksResolve() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try #require(FileManager.default.fileExists(atPath: repository.appendingPathComponent("content/site.yml").path))
        let output = Scratch.folder("sample-out")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try SiteBuild.run(BuildOptions(root: repository, output: output))
        #expect(result.succeeded, "\(result.lines)")
        let checker = LinkChecker(output: output)
        let problems = checker.problems(allowExternal: LinkChecker.contentOrATTACK(contentText: LinkChecker.contentText(of: repository)))
        #expect(problems.isEmpty, "broken links:\n\(problems.joined(separator: "\n"))")
        for page in checker.pages {
            #expect(LinkChecker.duplicateIDs(in: checker.html(page) ?? "") == [], "\(page)")
        }
    }

    // MARK: - The attribution table

    @Test func attributionTableHasActorRoleByWhenConfidenceAndSource() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("incidents/2022-07-customs-wiper.html")
        let table = PagesTests.section(html, from: "<section class=\"attribution\"", to: "</section>")
        #expect(table.contains("<th scope=\"col\">Actor</th><th scope=\"col\">Role</th><th scope=\"col\">By</th><th scope=\"col\">When</th><th scope=\"col\">Confidence</th><th scope=\"col\">Source</th>"))
        let body = PagesTests.section(table, from: "<tbody>", to: "</tbody>")
        let rows = PagesTests.rows(body).map(PagesTests.cells)
        // In the order the analyst wrote them, with the note as its own row.
        #expect(rows.count == 5)
        #expect(rows[0] == [
            "<a href=\"../actors/frostleak.html\">FrostLeak</a>",
            "<span class=\"role role-claimed\">Claimed</span>",
            "FrostLeak",
            "<time datetime=\"2022-07-15\">15 July 2022</time>",
            "<span class=\"none\">not stated</span>",
            "<a href=\"#ref_1\">[1]</a>",
        ])
        #expect(rows[1] == [
            "<a href=\"../actors/cobalt-heron.html\">Cobalt Heron</a>",
            "<span class=\"role role-attributed\">Attributed</span>",
            "Northlight Security",
            "<time datetime=\"2022-08\">August 2022</time>",
            "<span class=\"confidence confidence-high\">high</span>",
            "<a href=\"#ref_2\">[2]</a>",
        ])
        #expect(rows[2] == ["Code overlap with the 2021 loader and shared staging servers."])
        #expect(rows[3] == [
            "<a href=\"../actors/cobalt-heron.html\">Cobalt Heron</a>",
            "<span class=\"role role-attributed\">Attributed</span>",
            "CERT-EE",
            "<time datetime=\"2022-09-01\">1 September 2022</time>",
            "<span class=\"confidence confidence-moderate\">moderate</span>",
            "<a href=\"#ref_3\">[3]</a>",
        ])
        #expect(rows[4] == [
            "<a href=\"../actors/unit-991.html\">Unit 991</a>",
            "<span class=\"role role-denied\">Denied</span>",
            "Unit 991",
            "<time datetime=\"2022\">2022</time>",
            "<span class=\"none\">not stated</span>",
            "<a href=\"#ref_4\">[4]</a>",
        ])
        // Each source number is an anchor on the same page, in the order of `sources`.
        let sources = PagesTests.section(html, from: "<section class=\"sources\"", to: "</section>")
        for number in 1...4 { #expect(sources.contains("<li id=\"ref_\(number)\">")) }
        #expect(sources.contains("<li id=\"ref_2\"><a href=\"https://northlight.example.com/research/heron-wiper\">Cobalt Heron&#39;s wiper: technical analysis</a>, Northlight Security, <time datetime=\"2022-08\">August 2022</time>.</li>"))
        // A source without url is cited, not linked.
        #expect(sources.contains("<li id=\"ref_1\"><cite>FrostLeak channel post claiming the attack</cite>, FrostLeak (Telegram), <time datetime=\"2022-07-15\">15 July 2022</time>.</li>"))
    }

    @Test func attributionSourceWithoutIDIsCitedByNumber() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("incidents/2022-11-leak-site.html")
        let rows = PagesTests.rows(PagesTests.section(html, from: "<tbody>", to: "</tbody>")).map(PagesTests.cells)
        #expect(rows.first?.last == "<a href=\"#ref_1\">[1]</a>")
        #expect(rows.first?[2] == "FrostLeak")  // a claim is the actor's own word
        // Suspected, with its note, and a denial by the same actor: two rows for one actor.
        #expect(rows.count == 4)
        #expect(rows[1][1] == "<span class=\"role role-suspected\">Suspected</span>")
        #expect(rows[1][4] == "<span class=\"confidence confidence-low\">low</span>")
        #expect(rows[1][5] == "<span class=\"none\">none</span>")
        #expect(rows[2] == ["The records may come from the 2021 intrusion rather than a new one."])
        #expect(rows[3][1] == "<span class=\"role role-denied\">Denied</span>")
        #expect(rows[3][3] == "<time datetime=\"2022-12\">December 2022</time>")
    }

    @Test func bareActorEntryIsSuspectedWithNothingStated() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("incidents/2021-harbor-phishing.html")
        let rows = PagesTests.rows(PagesTests.section(html, from: "<tbody>", to: "</tbody>")).map(PagesTests.cells)
        #expect(rows == [[
            "<a href=\"../actors/cobalt-heron.html\">Cobalt Heron</a>",
            "<span class=\"role role-suspected\">Suspected</span>",
            "<span class=\"none\">not stated</span>",
            "<span class=\"none\">not stated</span>",
            "<span class=\"none\">not stated</span>",
            "<span class=\"none\">none</span>",
        ]])
    }

    @Test func incidentWithoutActorsHasNoAttributionTable() throws {
        let site = TestSite(["content/incidents/x.md": Doc.incident()])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let html = try #require(site.page("incidents/x.html"))
        #expect(!html.contains("sec_attribution"))
        #expect(!html.contains("sec_sources"))
        #expect(!html.contains("sec_related"))
    }

    // MARK: - Incident facts

    @Test func incidentFactsShowEveryFrontMatterField() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("incidents/2021-harbor-phishing.html")
        #expect(html.contains("<p class=\"kicker\">Incident · <span class=\"status status-reported\">reported</span></p>"))
        #expect(html.contains("<li><a href=\"../actors/nordhavn-shipping.html\">Nordhavn Shipping</a></li><li>Tallinn port operators</li>"))
        #expect(html.contains("<li>Norway <span class=\"code\">(NO)</span></li><li>Estonia <span class=\"code\">(EE)</span></li>"))
        #expect(html.contains("<li>maritime</li><li>logistics</li>"))
        #expect(html.contains("<li>phishing</li><li>credential-theft</li>"))
        #expect(built.main("incidents/2022-07-customs-wiper.html").contains("status-confirmed\">confirmed"))
        #expect(built.main("incidents/2022-11-leak-site.html").contains("status-disputed\">disputed"))
    }

    @Test func datesAreShownAtThePrecisionGivenWithTheDateNote() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        // Year, with a month as end date, and the date note.
        let year = built.main("incidents/2021-harbor-phishing.html")
        #expect(year.contains("<dt>Date</dt><dd><time datetime=\"2021\">2021</time> to <time datetime=\"2021-06\">June 2021</time></dd>"))
        #expect(year.contains("<dt>Date note</dt><dd>The victims noticed the campaign in June 2021; Northlight Security dates the first lures only to 2021, without a month.</dd>"))
        // Month.
        let month = built.main("incidents/2022-11-leak-site.html")
        #expect(month.contains("<dt>Date</dt><dd><time datetime=\"2022-11\">November 2022</time></dd>"))
        #expect(!month.contains("Date note"))
        // Day, with a day as end date.
        let day = built.main("incidents/2022-07-customs-wiper.html")
        #expect(day.contains("<dt>Date</dt><dd><time datetime=\"2022-07-14\">14 July 2022</time> to <time datetime=\"2022-07-16\">16 July 2022</time></dd>"))
        // Lists keep the precision too.
        let timeline = built.main("timeline.html")
        #expect(timeline.contains("<time datetime=\"2021\">2021</time> – <time datetime=\"2021-06\">June 2021</time>"))
        #expect(timeline.contains("<time datetime=\"2022-11\">November 2022</time> ·"))
        #expect(timeline.contains("<time datetime=\"2023-03-02\">2 March 2023</time> ·"))

        #expect(FuzzyDate(parsing: "2022")?.display == "2022")
        #expect(FuzzyDate(parsing: "2022-07")?.display == "July 2022")
        #expect(FuzzyDate(parsing: "2022-07-14")?.display == "14 July 2022")
        #expect(FuzzyDate(parsing: "2022-07-04")?.display == "4 July 2022")
        #expect(FuzzyDate(parsing: "2022-07-14")?.description == "2022-07-14")
    }

    @Test func attackTechniquesLinkToMITRE() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("incidents/2021-harbor-phishing.html")
        #expect(html.contains("<li><a href=\"https://attack.mitre.org/techniques/T1566/001/\">T1566.001</a></li>"))
        #expect(html.contains("<li><a href=\"https://attack.mitre.org/techniques/T1204/002/\">T1204.002</a></li>"))
        #expect(built.main("incidents/2023-03-ministry-ddos.html")
            .contains("<li><a href=\"https://attack.mitre.org/techniques/T1498/\">T1498</a></li>"))
        #expect(IncidentContext.techniqueURL("T1566.001") == "https://attack.mitre.org/techniques/T1566/001/")
        #expect(IncidentContext.techniqueURL("T1485") == "https://attack.mitre.org/techniques/T1485/")
    }

    // MARK: - Lists

    @Test func timelineIsNewestFirstGroupedByYear() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("timeline.html")
        #expect(html.contains("<p class=\"lede\">4 incidents, newest first."))
        let yearIndex = PagesTests.section(html, from: "<nav class=\"year-index\"", to: "</nav>")
        #expect(LinkChecker.attributes(["href"], in: yearIndex).map(\.value) == ["#year_2023", "#year_2022", "#year_2021"])
        let headings = html.matches(of: /<h2 id="(year_\d+)">(\d+)<\/h2>/).map { "\($0.output.1)=\($0.output.2)" }
        #expect(headings == ["year_2023=2023", "year_2022=2022", "year_2021=2021"])
        let links = LinkChecker.attributes(["href"], in: html).map(\.value).filter { $0.hasPrefix("incidents/") }
        #expect(links == [
            "incidents/2023-03-ministry-ddos.html",
            "incidents/2022-11-leak-site.html",
            "incidents/2022-07-customs-wiper.html",
            "incidents/2021-harbor-phishing.html",
        ])
        // Each incident sits in its year's section.
        let section2022 = PagesTests.section(html, from: "<section aria-labelledby=\"year_2022\">", to: "</section>")
        #expect(section2022.contains("incidents/2022-11-leak-site.html"))
        #expect(section2022.contains("incidents/2022-07-customs-wiper.html"))
        #expect(!section2022.contains("incidents/2021-harbor-phishing.html"))
        #expect(!section2022.contains("incidents/2023-03-ministry-ddos.html"))
    }

    @Test func timelineOrdersSameDayIncidentsByIDAndSkipsEmptyYears() throws {
        let site = TestSite([
            "content/incidents/b.md": Doc.incident(title: "B", date: "2020-05-01"),
            "content/incidents/a.md": Doc.incident(title: "A", date: "2020-05-01"),
            "content/incidents/c.md": Doc.incident(title: "C", date: "2017-01"),
            "content/incidents/d.md": Doc.incident(title: "D", date: "2020-06"),
        ])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let html = PagesTests.main(of: try #require(site.page("timeline.html")))
        let links = LinkChecker.attributes(["href"], in: html).map(\.value).filter { $0.hasPrefix("incidents/") }
        #expect(links == ["incidents/d.html", "incidents/a.html", "incidents/b.html", "incidents/c.html"])
        let years = html.matches(of: /<h2 id="year_(\d+)">/).map { String($0.output.1) }
        #expect(years == ["2020", "2017"])
    }

    @Test func actorIndexShowsCountsAndFirstAndLastSeen() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("actors.html")
        #expect(html.contains("<p class=\"lede\">4 actors:"))
        // Grouped by kind, by name within a kind.
        let groups = html.matches(of: /<h2 id="(kind_[a-z]+)">([A-Za-z]+)<\/h2>/).map { "\($0.output.1)=\($0.output.2)" }
        #expect(groups == ["kind_group=Groups", "kind_persona=Personas", "kind_organization=Organizations"])
        let order = LinkChecker.attributes(["href"], in: html).map(\.value).filter { $0.hasPrefix("actors/") }
        #expect(order == ["actors/cobalt-heron.html", "actors/frostleak.html", "actors/nordhavn-shipping.html", "actors/unit-991.html"])
        // first_seen from front-matter wins; otherwise the earliest incident; last seen the latest end.
        #expect(html.contains("group · North Korea · 3 incidents · first seen <time datetime=\"2019\">2019</time> · last seen <time datetime=\"2022-11\">November 2022</time>"))
        #expect(html.contains("persona · 3 incidents · first seen <time datetime=\"2022-07-14\">14 July 2022</time> · last seen <time datetime=\"2023-03-02\">2 March 2023</time>"))
        // A victim only: its targeted incidents count.
        #expect(html.contains("organization · Norway · 2 incidents · first seen <time datetime=\"2021\">2021</time> · last seen <time datetime=\"2022-11\">November 2022</time>"))
        #expect(html.contains("organization · North Korea · 1 incident · first seen <time datetime=\"2022-07-14\">14 July 2022</time> · last seen <time datetime=\"2022-07-16\">16 July 2022</time>"))
        // The draft incident (2023-09) is not counted: Cobalt Heron's last sighting stays 2022-11.
        #expect(!html.contains("2023-09"))
    }

    @Test func actorWithoutIncidentsShowsZeroAndNoDates() throws {
        let site = TestSite(["content/actors/quiet.md": Doc.actor(name: "Quiet Group")])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let html = PagesTests.main(of: try #require(site.page("actors.html")))
        #expect(html.contains("group · 0 incidents</p>"))
        #expect(!html.contains("first seen"))
        let page = PagesTests.main(of: try #require(site.page("actors/quiet.html")))
        #expect(page.contains("<dd>0 incidents</dd>"))
        #expect(!page.contains("sec_incidents"))
    }

    @Test func homeListsLatestIncidentsAndActors() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let html = built.main("index.html")
        #expect(html.contains("<p class=\"lede\">Briefing notes on intrusions, wipers and leak campaigns"))
        #expect(html.contains("<p class=\"counts\">4 incidents · 4 actors</p>"))
        let latest = PagesTests.section(html, from: "<section aria-labelledby=\"sec_latest\">", to: "</section>")
        #expect(LinkChecker.attributes(["href"], in: latest).map(\.value) == [
            "incidents/2023-03-ministry-ddos.html", "incidents/2022-11-leak-site.html",
            "incidents/2022-07-customs-wiper.html", "incidents/2021-harbor-phishing.html", "timeline.html",
        ])
        // Summaries: the explicit one, else the body's first paragraph as text.
        #expect(latest.contains("<p class=\"item-summary\">A wiper erased the customs clearing servers of two Baltic ports for three days in July 2022.</p>"))
        #expect(latest.contains("<p class=\"item-summary\">A flood of traffic took the transport ministry&#39;s website offline for six hours, and FrostLeak claimed it the same morning.</p>"))
    }

    // MARK: - Anchors and footnotes

    @Test func headingsGetStableAnchorIDs() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let wiper = built.main("incidents/2022-07-customs-wiper.html")
        #expect(wiper.contains("<h2 id=\"what-happened\">What happened</h2>"))
        #expect(wiper.contains("<h2 id=\"assessment\">Assessment</h2>"))
        let ddos = built.main("incidents/2023-03-ministry-ddos.html")
        #expect(ddos.contains("<h2 id=\"timeline\">Timeline</h2>"))
        #expect(ddos.contains("<h2 id=\"timeline-1\">Timeline</h2>"))
        #expect(built.main("actors/cobalt-heron.html").contains("<h2 id=\"tradecraft-1\">Tradecraft</h2>"))

        let site = TestSite([
            "content/actors/heron.md": Doc.actor(name: "Heron"),
            "content/pages/p.md": Doc.page(body: """
            # Top-level: "Quotes" & <Angles>

            ## About [[heron]] (2022)

            ### `code` in a heading

            #### Überblick

            ##### Обзор

            ## About Heron 2022

            Setext heading
            --------------
            """),
        ])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let html = try #require(site.page("pages/p.html"))
        let ids = html.matches(of: /<h[1-6] id="([^"]*)">/).map { String($0.output.1) }
        #expect(ids == [
            "top-level-quotes-angles", "about-heron-2022", "code-in-a-heading", "berblick", "section",
            "about-heron-2022-1", "setext-heading",
        ])
        // Building again gives the same ids.
        #expect(try site.build().succeeded)
        #expect(site.page("pages/p.html") == html)
        #expect(HTMLRewriter.slug("  Initial   Access!  ") == "initial-access")
        #expect(HTMLRewriter.slug("T1566.001 — Spear-phishing") == "t1566-001-spear-phishing")
    }

    @Test func footnoteIDsContainTheDocumentID() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let wiper = built.main("incidents/2022-07-customs-wiper.html")
        #expect(wiper.contains("<a href=\"#fn-2022-07-customs-wiper-loader\" id=\"fnref-2022-07-customs-wiper-loader\" data-footnote-ref>1</a>"))
        #expect(wiper.contains("<li id=\"fn-2022-07-customs-wiper-loader\">"))
        #expect(wiper.contains("<a href=\"#fnref-2022-07-customs-wiper-persona\" class=\"footnote-backref\""))
        #expect(built.main("actors/cobalt-heron.html").contains("<li id=\"fn-cobalt-heron-first\">"))
        #expect(built.main("pages/methodology.html").contains("<li id=\"fn-methodology-dates\">"))
        // Every footnote id on every page carries its document's id.
        for page in built.checker.pages {
            let documentID = ((page as NSString).lastPathComponent as NSString).deletingPathExtension
            for id in LinkChecker.ids(in: built.page(page)) where id.hasPrefix("fn") {
                #expect(id.hasPrefix("fn-\(documentID)-") || id.hasPrefix("fnref-\(documentID)-"), "\(page): \(id)")
            }
        }

        // Two documents with the same footnote labels: distinct ids.
        let site = TestSite([
            "content/incidents/a.md": Doc.incident(body: "A.[^1]\n\n[^1]: Note A."),
            "content/incidents/b.md": Doc.incident(body: "B.[^1]\n\n[^1]: Note B."),
        ])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let a = LinkChecker.ids(in: try #require(site.page("incidents/a.html"))).filter { $0.hasPrefix("fn") }
        let b = LinkChecker.ids(in: try #require(site.page("incidents/b.html"))).filter { $0.hasPrefix("fn") }
        #expect(a == ["fn-a-1", "fnref-a-1"])
        #expect(b == ["fn-b-1", "fnref-b-1"])
        #expect(LinkChecker(output: site.output).problems(allowExternal: { _ in false }) == [])
    }

    @Test func markdownExtensionsRender() throws {
        let built = try Built()
        defer { try? FileManager.default.removeItem(at: built.output) }
        let method = built.main("pages/methodology.html")
        #expect(method.contains("<th>Level</th>"))
        #expect(method.contains("<td>several independent sources agree</td>"))
        #expect(method.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> every claim has a numbered source"))
        let about = built.main("pages/about.html")
        #expect(about.contains("<a href=\"mailto:corrections@briefing.example.org\">corrections@briefing.example.org</a>"))
    }
}
