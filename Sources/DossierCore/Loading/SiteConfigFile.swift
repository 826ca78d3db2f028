/// `content/site.yml` as written (SPEC section 2).
struct SiteConfigFile: FrontMatterDecoder.Keyed {
    var title: String
    var description: String?
    var baseURL: String?
    var language: String?
    var publishTLP: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, language
        case baseURL = "base_url"
        case publishTLP = "publish_tlp"
    }

    static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))
}
