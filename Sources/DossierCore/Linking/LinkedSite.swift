/// The published site as a graph: only what this build may publish, with every link resolved
/// both ways. Rendering sees nothing else, so nothing withheld can reach a page.
public struct LinkedSite: Sendable {
    /// How an actor is tied to an incident, as listed on the actor's page.
    public enum Involvement: Sendable, Hashable {
        case role(Attribution.Role)
        case targeted

        /// `claimed`, `attributed`, `suspected`, `denied` or `targeted`.
        public var slug: String {
            switch self {
            case .role(let role): role.rawValue
            case .targeted: "targeted"
            }
        }
    }

    public struct ActorIncident: Sendable, Hashable {
        public var incidentID: String
        public var involvement: Involvement
    }

    public var config: SiteConfig
    /// Sorted by id.
    public var incidents: [Incident]
    public var actors: [Actor]
    public var pages: [Page]

    public var incidentsByID: [String: Incident] = [:]
    public var actorsByID: [String: Actor] = [:]
    public var pagesByID: [String: Page] = [:]
    /// Per actor, every incident it is tied to, in incident id order, one entry per distinct tie.
    public var actorIncidents: [String: [ActorIncident]] = [:]
    /// Per incident, the related incidents named on either side, sorted by id.
    public var related: [String: [String]] = [:]
    /// Per actor, the actors that name it as their sponsor, sorted by id.
    public var sponsored: [String: [String]] = [:]
    /// Ids this build withholds: references to them are rendered as plain text.
    public var withheld: Set<String>
    let index: SiteIndex

    /// The title or name of a published document, for link text.
    public func title(of id: String) -> String? {
        incidentsByID[id]?.title ?? actorsByID[id]?.name ?? pagesByID[id]?.title
    }

    /// The output path of a published document.
    public func outputPath(of id: String) -> String? {
        if incidentsByID[id] != nil { return OutputPath.incident(id) }
        if actorsByID[id] != nil { return OutputPath.actor(id) }
        if pagesByID[id] != nil { return OutputPath.page(id) }
        return nil
    }
}
