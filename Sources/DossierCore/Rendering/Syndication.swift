import Foundation

/// The Atom feed and the sitemap, written only when `base_url` is set: both need absolute URLs.
/// They are built from the published site like every page, so nothing withheld appears in them.
enum Syndication {
    static let feedPath = "feed.xml"
    static let sitemapPath = "sitemap.xml"
    /// The newest incidents the feed carries.
    static let feedLength = 50

    static func files(site: LinkedSite, bodies: RenderedBodies) -> [OutputFile] {
        guard let base = site.config.baseURL.map(normalized) else { return [] }
        return [feed(site: site, bodies: bodies, base: base), sitemap(site: site, base: base)]
    }

    /// `https://x.example/briefing` becomes `https://x.example/briefing/`, so paths append cleanly.
    static func normalized(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }

    static func feed(site: LinkedSite, bodies: RenderedBodies, base: String) -> OutputFile {
        let incidents = ListContexts.newestFirst(site.incidents).prefix(feedLength)
        // No build time stamp: the feed is as new as its newest incident, so builds stay identical.
        let updated = incidents.first.map { timestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <title>\(escape(site.config.title))</title>
        <id>\(escape(base))</id>
        <link href="\(escape(base))"/>
        <link rel="self" href="\(escape(base + feedPath))"/>
        <updated>\(updated)</updated>

        """
        if let description = site.config.description { xml += "<subtitle>\(escape(description))</subtitle>\n" }
        for incident in incidents {
            let url = base + OutputPath.incident(incident.id)
            xml += """
            <entry>
            <title>\(escape(incident.title))</title>
            <id>\(escape(url))</id>
            <link href="\(escape(url))"/>
            <updated>\(timestamp(incident.date))</updated>
            <author><name>\(escape(site.config.title))</name></author>
            <category term="\(incident.tlp.label)"/>
            <summary>\(escape(bodies.summary(incident.id, explicit: incident.summary)))</summary>
            </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: feedPath, contents: Data(xml.utf8))
    }

    static func sitemap(site: LinkedSite, base: String) -> OutputFile {
        var paths = [OutputPath.home, OutputPath.timeline, OutputPath.actors]
        paths += site.incidents.map { OutputPath.incident($0.id) }
        paths += site.actors.map { OutputPath.actor($0.id) }
        paths += site.pages.map { OutputPath.page($0.id) }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { xml += "<url><loc>\(escape(base + path))</loc></url>\n" }
        xml += "</urlset>\n"
        return OutputFile(path: sitemapPath, contents: Data(xml.utf8))
    }

    /// A fuzzy date as the first instant it can mean, which is all RFC 3339 can say.
    static func timestamp(_ date: FuzzyDate) -> String {
        String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month ?? 1, date.day ?? 1)
    }

    /// Escapes markup characters and drops the control characters XML 1.0 forbids (a YAML
    /// escape such as `"\x01"` can put one in a title).
    static func escape(_ text: String) -> String {
        let allowed = text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return HTMLEscaper().escapeText(String(String.UnicodeScalarView(allowed)))
    }
}
