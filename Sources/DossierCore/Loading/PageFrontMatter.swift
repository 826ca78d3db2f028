import Yams

/// A free page's front-matter as written (SPEC section 1).
struct PageFrontMatter: FrontMatterDecoder.Readable {
    var title: String
    var tlp: String?
    var draft: Bool?
    var summary: String?

    static let knownKeys: Set<String> = ["title", "tlp", "draft", "summary"]

    init?(_ node: Node, reader: inout YAMLReader) {
        guard let fields = reader.fields(node, field: "front-matter", known: Self.knownKeys) else { return nil }
        let title = reader.required(fields, "title", in: node)
        tlp = reader.text(fields["tlp"], field: "tlp")
        draft = reader.bool(fields["draft"], field: "draft")
        summary = reader.text(fields["summary"], field: "summary")
        guard let title else { return nil }
        self.title = title
    }
}
