import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierCore

/// The feed and the sitemap need absolute URLs, so they exist only with `base_url`.
@Suite struct SyndicationTests {
    static func site(config: String) -> TestSite {
        TestSite([
            "content/incidents/old.md": Doc.incident(title: "Old & <quoted>", date: "2021-03"),
            "content/incidents/new.md": Doc.incident(title: "New one", date: "2024-05-06", extra: "summary: A \"new\" one.\n"),
            "content/actors/crew.md": Doc.actor(name: "Crew"),
            "content/pages/about.md": Doc.page(title: "About"),
        ], config: config)
    }

    func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test func feedAndSitemapUseTheBaseURL() throws {
        let site = Self.site(config: "title: Briefing\nbase_url: https://intel.example/briefing\n")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let feed = try #require(site.page("feed.xml"))
        #expect(isWellFormedXML(feed))
        #expect(feed.contains("<id>https://intel.example/briefing/incidents/new.html</id>"))
        #expect(feed.contains("<title>Old &amp; &lt;quoted&gt;</title>"))
        #expect(feed.contains("<summary>A &quot;new&quot; one.</summary>"))
        // The feed is as new as its newest incident: no build time stamp.
        #expect(feed.contains("<updated>2024-05-06T00:00:00Z</updated>\n\n<entry>") || feed.contains("<updated>2024-05-06T00:00:00Z</updated>"))
        #expect(feed.range(of: "new.html")!.lowerBound < feed.range(of: "old.html")!.lowerBound, "newest first")
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(isWellFormedXML(sitemap))
        for path in ["index.html", "timeline.html", "actors.html", "incidents/new.html", "incidents/old.html",
                     "actors/crew.html", "pages/about.html"] {
            #expect(sitemap.contains("<loc>https://intel.example/briefing/\(path)</loc>"), "\(path) missing")
        }
        let home = try #require(site.page("index.html"))
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Briefing\" href=\"feed.xml\">"))
        #expect(site.page("incidents/new.html")?.contains("href=\"../feed.xml\"") == true)
    }

    @Test func noBaseURLMeansNoFeedAndNoSitemap() throws {
        let site = Self.site(config: "title: Briefing\n")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        #expect(site.page("feed.xml") == nil)
        #expect(site.page("sitemap.xml") == nil)
        #expect(site.page("index.html")?.contains("application/atom+xml") == false)
    }
}
