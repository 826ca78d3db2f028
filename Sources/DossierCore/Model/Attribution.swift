/// One statement linking an actor to an incident: who says so, how, when and how sure.
public struct Attribution: Sendable, Hashable {
    public enum Role: String, Sendable, CaseIterable {
        case claimed, attributed, suspected, denied

        /// How the role reads in a sentence on the actor's page.
        var heading: String {
            switch self {
            case .claimed: "Claimed"
            case .attributed: "Attributed"
            case .suspected: "Suspected"
            case .denied: "Denied"
            }
        }
    }

    public var actor: Located<String>
    public var role: Role
    public var by: String?
    public var date: FuzzyDate?
    public var confidence: Confidence?
    public var sourceID: String?
    public var note: String?
}

/// Analytic confidence in the words of ICD 203.
public enum Confidence: String, Sendable, CaseIterable {
    case low, moderate, high
}
