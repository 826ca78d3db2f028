/// An actor's front-matter as written, before validation (SPEC section 4).
struct ActorFrontMatter: FrontMatterDecoder.Keyed {
    var name: String
    var tlp: String
    var kind: String?
    var aliases: [String]?
    var country: String?
    var sponsor: String?
    var firstSeen: String?
    var summary: String?
    var draft: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, tlp, kind, aliases, country, sponsor, summary, draft
        case firstSeen = "first_seen"
    }

    static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))
}
