/// Every validated document of a site, each list sorted by id. Nothing is linked or withheld yet.
public struct Site: Sendable {
    public var config: SiteConfig
    public var incidents: [Incident]
    public var actors: [Actor]
    public var pages: [Page]
    /// Ids of documents that exist but failed validation: references to them are not reported again.
    public var invalidIDs: Set<String> = []
    /// References named in the front-matter of documents that failed validation, so a run still
    /// reports every unknown id, not only those in valid files.
    var referencesInInvalidDocuments: [(target: Located<String>, kind: ContentKind)] = []
    /// Bodies of documents that failed validation: rendered only to report their references.
    var bodiesOfInvalidDocuments: [(id: String, body: MarkdownSource)] = []
}
