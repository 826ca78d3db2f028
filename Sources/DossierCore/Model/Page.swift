/// A validated free page, such as about or methodology.
public struct Page: Sendable, Hashable {
    public var id: String
    public var path: String
    public var title: String
    public var tlp: TLP
    public var summary: String?
    public var draft: Bool
    public var body: MarkdownSource
}
