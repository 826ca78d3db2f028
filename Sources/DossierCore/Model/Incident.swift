/// A validated incident write-up.
public struct Incident: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        case reported, confirmed, disputed
    }

    public var id: String
    public var path: String
    public var title: String
    public var date: FuzzyDate
    public var endDate: FuzzyDate?
    public var dateNote: String?
    public var summary: String?
    public var tlp: TLP
    public var status: Status
    public var attributions: [Attribution]
    public var targets: [Located<String>]
    public var countries: [String]
    public var sectors: [String]
    public var tags: [String]
    public var techniques: [String]
    public var sources: [Source]
    public var related: [Located<String>]
    public var draft: Bool
    public var body: MarkdownSource
}
