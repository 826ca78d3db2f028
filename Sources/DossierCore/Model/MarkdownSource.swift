/// A document's Markdown body and where it starts in its file.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    public var path: String
    public var startLine: Int

    public init(text: String, path: String, startLine: Int) {
        self.text = text
        self.path = path
        self.startLine = startLine
    }
}
