/// Looks documents up by id, and actors also by name or alias, case-insensitively.
struct SiteIndex: Sendable {
    enum Target: Sendable, Hashable {
        case incident(String)
        case actor(String)
        case page(String)

        var id: String {
            switch self {
            case .incident(let id), .actor(let id), .page(let id): id
            }
        }
    }

    private(set) var byID: [String: Target] = [:]
    private(set) var actorsByName: [String: String] = [:]
    let invalidIDs: Set<String>

    /// Builds the index of every document, published or not; reports aliases used twice.
    init(site: Site, diagnostics: inout Diagnostics) {
        invalidIDs = site.invalidIDs
        for incident in site.incidents { byID[incident.id] = .incident(incident.id) }
        for page in site.pages { byID[page.id] = .page(page.id) }
        for actor in site.actors {
            byID[actor.id] = .actor(actor.id)
        }
        sortedIDs = byID.keys.sorted()
        for id in sortedIDs { sortedIDsByKind[byID[id]!.kindName, default: []].append(id) }
        // Names first, then aliases, so an alias that repeats any name is the one reported.
        for actor in site.actors {
            actorsByName[actor.name.lowercased()] = actorsByName[actor.name.lowercased()] ?? actor.id
        }
        for actor in site.actors {
            for alias in actor.aliases {
                let key = alias.value.lowercased()
                if let owner = actorsByName[key] {
                    let whose = owner == actor.id ? "this actor's own name or another alias" : "actor '\(owner)'"
                    diagnostics.error(alias.location, "alias '\(alias.value)' is already used by \(whose); aliases must be unique",
                                      code: "duplicate-alias")
                } else {
                    actorsByName[key] = actor.id
                }
            }
        }
    }

    /// Resolves an id, or for actors a name or alias.
    func lookup(_ reference: String) -> Target? {
        if let target = byID[reference] { return target }
        if let actor = actorsByName[reference.lowercased()] { return .actor(actor) }
        return nil
    }

    /// Ids in sorted order, all and by kind, made once for did-you-mean hints.
    private var sortedIDs: [String] = []
    private var sortedIDsByKind: [String: [String]] = [:]

    /// The closest known id, of the given kind or of any, for a did-you-mean hint.
    func suggestion(for reference: String, kind: String? = nil) -> String? {
        Suggestion.closest(to: reference, in: kind.map { sortedIDsByKind[$0] ?? [] } ?? sortedIDs)
    }
}

extension SiteIndex.Target {
    var kindName: String {
        switch self {
        case .incident: "incident"
        case .actor: "actor"
        case .page: "page"
        }
    }
}
