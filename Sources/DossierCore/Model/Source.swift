/// A numbered reference an incident rests on.
public struct Source: Sendable, Hashable {
    /// The slug an attribution cites it by; defaults to its number.
    public var id: String
    public var number: Int
    public var title: String
    public var url: String?
    public var publisher: String?
    public var date: FuzzyDate?
}
