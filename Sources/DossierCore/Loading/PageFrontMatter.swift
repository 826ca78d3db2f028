/// A free page's front-matter as written (SPEC section 1).
struct PageFrontMatter: FrontMatterDecoder.Keyed {
    var title: String
    var tlp: String?
    var draft: Bool?
    var summary: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, tlp, draft, summary
    }

    static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))
}
