/// The views of the pages that list documents: home, timeline and the actor index.
enum ListContexts {
    /// Newest first, ties by id.
    static func newestFirst(_ incidents: [Incident]) -> [Incident] {
        incidents.sorted { a, b in a.date != b.date ? a.date > b.date : a.id < b.id }
    }

    static func byName(_ actors: [Actor]) -> [Actor] {
        actors.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    static func timeline(site: LinkedSite, bodies: RenderedBodies, root: String) -> [String: Any] {
        var years: [[String: Any]] = []
        var items: [[String: Any]] = []
        let incidents = newestFirst(site.incidents)
        for (index, incident) in incidents.enumerated() {
            items.append(IncidentContext.listItem(incident, site: site, bodies: bodies, root: root))
            if index + 1 == incidents.count || incidents[index + 1].date.year != incident.date.year {
                years.append(year(incident.date.year, items))
                items = []
            }
        }
        return ["incidentCount": site.incidents.count, "years": TemplateValue.list(years)]
    }

    private static func year(_ year: Int, _ items: [[String: Any]]) -> [String: Any] {
        ["year": year, "anchor": "year_\(year)", "incidents": TemplateValue.list(items)]
    }

    static func actors(site: LinkedSite, bodies: RenderedBodies, root: String) -> [String: Any] {
        var groups: [[String: Any]] = []
        for kind in Actor.Kind.allCases {
            let actors = byName(site.actors.filter { $0.kind == kind })
            guard !actors.isEmpty else { continue }
            groups.append([
                "kind": kind.rawValue,
                "heading": kindHeading(kind),
                "anchor": "kind_\(kind.rawValue)",
                "actors": TemplateValue.list(actors.map { ActorContext.listItem($0, site: site, bodies: bodies, root: root) }),
            ])
        }
        return ["actorCount": site.actors.count, "groups": TemplateValue.list(groups)]
    }

    static func home(site: LinkedSite, bodies: RenderedBodies, root: String) -> [String: Any] {
        let latest = newestFirst(site.incidents).prefix(10)
        return [
            "incidentCount": site.incidents.count,
            "actorCount": site.actors.count,
            "latest": TemplateValue.list(latest.map { IncidentContext.listItem($0, site: site, bodies: bodies, root: root) }),
            "actors": TemplateValue.list(byName(site.actors).map { ActorContext.listItem($0, site: site, bodies: bodies, root: root) }),
        ]
    }

    static func kindHeading(_ kind: Actor.Kind) -> String {
        switch kind {
        case .group: "Groups"
        case .persona: "Personas"
        case .state: "States"
        case .organization: "Organizations"
        case .person: "People"
        }
    }
}
