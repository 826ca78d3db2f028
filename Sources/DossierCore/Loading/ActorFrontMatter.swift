import Yams

/// An actor's front-matter as written, before validation (SPEC section 4).
struct ActorFrontMatter: FrontMatterDecoder.Readable {
    var name: String
    var tlp: String
    var kind: String?
    var aliases: [String]?
    var country: String?
    var sponsor: String?
    var firstSeen: String?
    var summary: String?
    var draft: Bool?

    static let knownKeys: Set<String> = ["name", "tlp", "kind", "aliases", "country", "sponsor", "first_seen", "summary", "draft"]

    init?(_ node: Node, reader: inout YAMLReader) {
        guard let fields = reader.fields(node, field: "front-matter", known: Self.knownKeys) else { return nil }
        let name = reader.required(fields, "name", in: node)
        let tlp = reader.required(fields, "tlp", in: node)
        kind = reader.text(fields["kind"], field: "kind")
        aliases = reader.texts(fields["aliases"], field: "aliases")
        country = reader.text(fields["country"], field: "country")
        sponsor = reader.text(fields["sponsor"], field: "sponsor")
        firstSeen = reader.text(fields["first_seen"], field: "first_seen")
        summary = reader.text(fields["summary"], field: "summary")
        draft = reader.bool(fields["draft"], field: "draft")
        guard let name, let tlp else { return nil }
        self.name = name
        self.tlp = tlp
    }
}
