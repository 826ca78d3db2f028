/// A body rendered to HTML, with what templates need from it.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    /// The first paragraph as plain text: the default summary.
    public var firstParagraph: String
    /// Ids of the documents the body links to, sorted.
    public var linkedIDs: [String] = []
}
