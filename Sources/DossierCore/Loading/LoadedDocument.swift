/// A content file whose front-matter has been split off and decoded, not yet validated.
struct LoadedDocument: @unchecked Sendable {
    enum FrontMatterValue {
        case incident(IncidentFrontMatter)
        case actor(ActorFrontMatter)
        case page(PageFrontMatter)
    }

    var entry: SiteFolder.Entry
    var frontMatter: FrontMatterValue
    var block: YAMLBlock
    var body: MarkdownSource
}

/// A site folder read from disk: its settings and its documents, in a stable order.
struct LoadedSite: @unchecked Sendable {
    var config: (value: SiteConfigFile, block: YAMLBlock)?
    var documents: [LoadedDocument]
    /// Ids of files found but unreadable or undecodable; their errors are already reported.
    var failedIDs: Set<String> = []
}
