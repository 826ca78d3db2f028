/// What this build may publish: the one place that decides whether a document is withheld.
/// Every output is built from `Publication.filter`, so nothing withheld can reach a page.
public struct Publication: Sendable {
    /// The most restricted marking this build publishes (`publish_tlp` or `--publish-tlp`).
    public var limit: TLP
    /// Whether drafts are built (`--drafts`).
    public var includeDrafts: Bool

    public init(limit: TLP, includeDrafts: Bool) {
        self.limit = limit
        self.includeDrafts = includeDrafts
    }

    public func publishes(tlp: TLP, draft: Bool) -> Bool {
        tlp <= limit && (includeDrafts || !draft)
    }

    /// The site with every withheld incident, actor and page removed, and the ids it removed.
    func filter(_ site: Site) -> (published: Site, withheld: Set<String>) {
        var published = site
        published.incidents = site.incidents.filter { publishes(tlp: $0.tlp, draft: $0.draft) }
        published.actors = site.actors.filter { publishes(tlp: $0.tlp, draft: $0.draft) }
        published.pages = site.pages.filter { publishes(tlp: $0.tlp, draft: $0.draft) }
        let all = site.incidents.map(\.id) + site.actors.map(\.id) + site.pages.map(\.id)
        let kept = published.incidents.map(\.id) + published.actors.map(\.id) + published.pages.map(\.id)
        return (published, Set(all).subtracting(kept))
    }
}
