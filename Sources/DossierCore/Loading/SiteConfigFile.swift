import Yams

/// `content/site.yml` as written (SPEC section 2).
struct SiteConfigFile: FrontMatterDecoder.Readable {
    var title: String
    var description: String?
    var baseURL: String?
    var language: String?
    var publishTLP: String?

    static let knownKeys: Set<String> = ["title", "description", "base_url", "language", "publish_tlp"]

    init?(_ node: Node, reader: inout YAMLReader) {
        guard let fields = reader.fields(node, field: "site.yml", known: Self.knownKeys) else { return nil }
        let title = reader.required(fields, "title", in: node)
        description = reader.text(fields["description"], field: "description")
        baseURL = reader.text(fields["base_url"], field: "base_url")
        language = reader.text(fields["language"], field: "language")
        publishTLP = reader.text(fields["publish_tlp"], field: "publish_tlp")
        guard let title else { return nil }
        self.title = title
    }
}
