/// A validated threat actor, persona, state, organization or person.
public struct Actor: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case group, persona, state, organization, person
    }

    public var id: String
    public var path: String
    public var name: String
    public var tlp: TLP
    public var kind: Kind
    public var aliases: [Located<String>]
    public var country: String?
    public var sponsor: Located<String>?
    public var firstSeen: FuzzyDate?
    public var summary: String?
    public var draft: Bool
    public var body: MarkdownSource
}
