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
