/// Every validated document of a site, each list sorted by id. Nothing is linked or withheld yet.
public struct Site: Sendable {
    public var config: SiteConfig
    public var incidents: [Incident]
    public var actors: [Actor]
    public var pages: [Page]
    /// Ids of documents that exist but failed validation: references to them are not reported again.
    public var invalidIDs: Set<String> = []
}
