/// The validated `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String?
    public var baseURL: String?
    public var language: String
    public var publishTLP: TLP
}
