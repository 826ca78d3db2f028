import Foundation
import Testing
@testable import DossierCore

/// Nothing withheld (a draft, or a marking above the publishing limit) may reach any output byte.
@Suite struct WithholdingTests {
    static let marker = "ZQXMARKER"

    /// A site where every withheld document carries the marker in every field and in its body.
    /// Ids carry no marker: a published page shows the author's text of a reference, which for a
    /// bare `[[id]]` is the id itself.
    static func markedSite() -> TestSite {
        let m = marker
        return TestSite([
            "content/incidents/public-one.md": Doc.incident(
                title: "Public incident", tlp: "clear",
                extra: """
                actors:
                  - id: open-group
                    role: claimed
                  - id: secret-crew
                    role: attributed
                    by: Vendor
                targets: [secret-crew, Ministry]
                related: [red-one, draft-one]

                """,
                body: "See [[red-one]] and [[secret-crew|the hidden crew]] and [[Shadow Alias]] and [[draft-one]]."),
            "content/incidents/red-one.md": Doc.incident(
                title: "Red \(m)", date: "2024-01-02", tlp: "red",
                extra: """
                date_note: note \(m)
                summary: summary \(m)
                sources:
                  - id: s\(m.lowercased())
                    title: source \(m)
                    publisher: publisher \(m)
                    url: https://\(m.lowercased()).example/
                tags: [tag-\(m.lowercased())]
                sectors: [sector-\(m.lowercased())]
                targets: [target \(m)]

                """,
                body: "Body \(m)\n\n## Heading \(m)\n"),
            "content/incidents/draft-one.md": Doc.incident(
                title: "Draft \(m)", date: "2025", tlp: "clear", extra: "draft: true\ndate_note: \(m)\n", body: "Draft body \(m)"),
            "content/actors/open-group.md": Doc.actor(name: "Open Group", extra: "sponsor: secret-crew\n"),
            "content/actors/secret-crew.md": Doc.actor(
                name: "Secret \(m)", tlp: "amber+strict",
                extra: "aliases: [Shadow Alias, Alias \(m)]\nkind: group\ncountry: IR\nsummary: summary \(m)\n", body: "Profile \(m)"),
            "content/pages/hidden-page.md": Doc.page(title: "Hidden \(m)", extra: "tlp: amber\n", body: "Page \(m)"),
        ], config: "title: Test Briefing\nbase_url: https://example.org/briefing\n")
    }

    @Test func withheldDocumentsLeaveNoTraceInAnyOutputByte() throws {
        let site = Self.markedSite()
        defer { site.remove() }
        let result = try site.build()
        #expect(result.succeeded, "\(result.lines)")
        let files = site.outputFiles()
        #expect(files.contains("incidents/public-one.html"))
        // The feed and the sitemap are covered too.
        #expect(files.contains("feed.xml") && files.contains("sitemap.xml"))
        #expect(files.contains("actors/open-group.html"))
        for file in files {
            #expect(!["red-one", "draft-one", "secret-crew", "hidden-page"].contains { file.contains($0) }, "file \(file)")
            let data = try Data(contentsOf: site.output.appendingPathComponent(file))
            let text = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!text.contains(Self.marker.lowercased()), "marker found in \(file)")
        }
        // The published page keeps the author's text for references to withheld documents, unlinked.
        let page = try #require(site.page("incidents/public-one.html"))
        #expect(page.contains("the hidden crew"))
        #expect(!page.contains("hidden crew</a>"))
        #expect(page.contains("Ministry"))
    }

    @Test func everyWithheldReferenceWarnsAtItsPosition() throws {
        let site = Self.markedSite()
        defer { site.remove() }
        let result = try site.build()
        let warnings = result.diagnostics.warnings.filter { $0.code == "withheld-reference" }
        let places = warnings.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
        let path = "content/incidents/public-one.md"
        // actors[1].id, targets[0], related[0], related[1], the sponsor, and four body references.
        #expect(places.contains("\(path):8:9"))
        #expect(places.contains("\(path):11:11"))
        #expect(places.contains("\(path):12:11"))
        #expect(places.contains("\(path):12:20"))
        #expect(places.contains("content/actors/open-group.md:4:10"))
        #expect(places.filter { $0.hasPrefix("\(path):14:") }.count == 4)
        #expect(warnings.count == 9, "\(result.lines)")
    }

    @Test func raisingTheLimitPublishesAndMarksRestrictedPages() throws {
        let site = Self.markedSite()
        defer { site.remove() }
        let result = try site.build(drafts: true, publishTLP: .red)
        #expect(result.succeeded)
        let red = try #require(site.page("incidents/red-one.html"))
        #expect(red.contains("TLP:RED"))
        #expect(red.contains("tlp-red"))
        let actor = try #require(site.page("actors/secret-crew.html"))
        #expect(actor.contains("TLP:AMBER+STRICT"))
        #expect(site.page("pages/hidden-page.html")?.contains("TLP:AMBER") == true)
        #expect(site.page("incidents/draft-one.html") != nil)
        // A list that shows a RED incident is itself marked RED.
        #expect(site.page("timeline.html")?.contains("<strong class=\"tlp-label tlp-red\">TLP:RED</strong>") == true)
    }

    @Test func siteSettingSetsTheLimitAndTheFlagOverridesIt() throws {
        let site = TestSite([
            "content/incidents/a.md": Doc.incident(title: "Green one", tlp: "TLP:GREEN"),
        ], config: "title: T\npublish_tlp: green\n")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        #expect(site.page("incidents/a.html") != nil)
        #expect(try site.build(publishTLP: .clear).succeeded)
        #expect(site.page("incidents/a.html") == nil)
        #expect(site.page("timeline.html")?.contains("Green one") == false)
    }

    @Test func aWithheldDraftsBrokenReferenceIsStillAnError() throws {
        let site = TestSite([
            "content/incidents/a.md": Doc.incident(extra: "draft: true\n", body: "See [[nobody-here]]."),
        ])
        defer { site.remove() }
        let result = try site.check()
        #expect(result.lines == ["content/incidents/a.md:7:5: error: unknown reference 'nobody-here' [unknown-reference]"])
    }
}
