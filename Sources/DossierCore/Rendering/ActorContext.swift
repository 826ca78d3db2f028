/// The view of one actor that templates see.
enum ActorContext {
    /// The order ties are listed in on an actor's page, with their headings.
    static let involvements: [(LinkedSite.Involvement, String)] = [
        (.role(.claimed), "Claimed"),
        (.role(.attributed), "Attributed"),
        (.role(.suspected), "Suspected"),
        (.role(.denied), "Denied"),
        (.targeted, "Targeted"),
    ]

    struct Seen {
        var count: Int
        var first: FuzzyDate?
        var last: FuzzyDate?
    }

    /// How many incidents an actor is tied to, and when it was first and last seen. An actor that
    /// only ever appears as a target is seen in those incidents; otherwise targets don't count.
    static func seen(_ actor: Actor, site: LinkedSite) -> Seen {
        let ties = site.actorIncidents[actor.id] ?? []
        let all = Set(ties.map(\.incidentID))
        let active = Set(ties.filter { $0.involvement != .targeted }.map(\.incidentID))
        let counted = (active.isEmpty ? all : active).compactMap { site.incidentsByID[$0] }
        let first = counted.map(\.date).min()
        let last = counted.map { $0.endDate ?? $0.date }.max()
        return Seen(count: all.count, first: actor.firstSeen ?? first, last: last)
    }

    static func listItem(_ actor: Actor, site: LinkedSite, bodies: RenderedBodies, root: String) -> [String: Any] {
        let seen = seen(actor, site: site)
        return [
            "id": actor.id,
            "name": actor.name,
            "href": root + OutputPath.actor(actor.id),
            "kind": actor.kind.rawValue,
            "incidentCount": seen.count,
            "incidentCountLabel": seen.count == 1 ? "1 incident" : "\(seen.count) incidents",
            "tlp": PageContext.tlp(actor.tlp),
            "firstSeen": TemplateValue.optional(seen.first.map(PageContext.date)),
            "lastSeen": TemplateValue.optional(seen.last.map(PageContext.date)),
            "country": TemplateValue.optional(actor.country.map { ["code": $0, "name": CountryCodes.names[$0] ?? $0] }),
            "summary": TemplateValue.text(bodies.summary(actor.id, explicit: actor.summary)),
        ]
    }

    static func page(_ actor: Actor, site: LinkedSite, bodies: RenderedBodies, root: String) -> [String: Any] {
        var context = listItem(actor, site: site, bodies: bodies, root: root)
        context["body"] = bodies.html(actor.id)
        context["aliases"] = TemplateValue.list(actor.aliases.map { ["name": $0.value] })
        context["sponsor"] = TemplateValue.optional(actor.sponsor.flatMap { site.actorsByID[$0.value] }.map {
            ["name": $0.name, "href": root + OutputPath.actor($0.id)]
        })
        context["sponsored"] = TemplateValue.list((site.sponsored[actor.id] ?? []).compactMap { site.actorsByID[$0] }.map {
            ["name": $0.name, "href": root + OutputPath.actor($0.id)]
        })
        let ties = site.actorIncidents[actor.id] ?? []
        var groups: [[String: Any]] = []
        for (involvement, heading) in involvements {
            let incidents = ties.filter { $0.involvement == involvement }.compactMap { site.incidentsByID[$0.incidentID] }
                .sorted { ($0.date, $1.id) > ($1.date, $0.id) }
            guard !incidents.isEmpty else { continue }
            let items = incidents.map { incident -> [String: Any] in
                var item = IncidentContext.listItem(incident, site: site, bodies: bodies, root: root)
                if case .role(let role) = involvement {
                    item["by"] = TemplateValue.text(statedBy(actor, role: role, in: incident))
                }
                return item
            }
            groups.append(["heading": heading, "role": involvement.slug, "incidents": TemplateValue.list(items)])
        }
        context["involvements"] = TemplateValue.list(groups)
        return context
    }

    /// "Microsoft (moderate confidence); Mandiant": who ties the actor to the incident in that role.
    static func statedBy(_ actor: Actor, role: Attribution.Role, in incident: Incident) -> String {
        incident.attributions.filter { $0.actor.value == actor.id && $0.role == role }
            .map { attribution -> String in
                let by = attribution.by ?? (role == .claimed || role == .denied ? actor.name : "")
                guard let confidence = attribution.confidence else { return by }
                return by.isEmpty ? "\(confidence.rawValue) confidence" : "\(by) (\(confidence.rawValue) confidence)"
            }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}
