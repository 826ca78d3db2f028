import Foundation

/// The view of one incident that templates see.
enum IncidentContext {
    /// A line in a list of incidents: title, link, dates, status, marking and summary.
    static func listItem(_ incident: Incident, site: LinkedSite, bodies: RenderedBodies, root: String) -> [String: Any] {
        [
            "id": incident.id,
            "title": incident.title,
            "href": root + OutputPath.incident(incident.id),
            "date": PageContext.date(incident.date),
            "endDate": TemplateValue.optional(incident.endDate.map(PageContext.date)),
            "status": incident.status.rawValue,
            "tlp": PageContext.tlp(incident.tlp),
            "summary": TemplateValue.text(bodies.summary(incident.id, explicit: incident.summary)),
            "by": false,
        ]
    }

    /// The full incident page.
    static func page(_ incident: Incident, site: LinkedSite, bodies: RenderedBodies, root: String) -> [String: Any] {
        var context = listItem(incident, site: site, bodies: bodies, root: root)
        context["body"] = bodies.html(incident.id)
        context["dateNote"] = TemplateValue.text(incident.dateNote)
        context["attributions"] = TemplateValue.list(attributions(incident, site: site, root: root))
        context["targets"] = TemplateValue.list(incident.targets.map { target in
            guard let actor = site.actorsByID[target.value] else { return ["name": target.value, "href": false] }
            return ["name": actor.name, "href": root + OutputPath.actor(actor.id)]
        })
        context["countries"] = TemplateValue.list(incident.countries.map { ["code": $0, "name": CountryCodes.names[$0] ?? $0] })
        context["sectors"] = TemplateValue.list(incident.sectors.map { ["name": $0] })
        context["tags"] = TemplateValue.list(incident.tags.map { ["name": $0] })
        context["techniques"] = TemplateValue.list(incident.techniques.map { ["id": $0, "href": techniqueURL($0)] })
        context["sources"] = TemplateValue.list(incident.sources.map { source in
            [
                "number": source.number,
                "anchor": "ref_\(source.number)",
                "title": source.title,
                "url": TemplateValue.optional(source.url),
                "publisher": TemplateValue.optional(source.publisher),
                "date": TemplateValue.optional(source.date.map(PageContext.date)),
            ]
        })
        let related = (site.related[incident.id] ?? []).compactMap { site.incidentsByID[$0] }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        context["related"] = TemplateValue.list(related.map { listItem($0, site: site, bodies: bodies, root: root) })
        return context
    }

    /// One row per attribution statement, in the order the analyst wrote them.
    static func attributions(_ incident: Incident, site: LinkedSite, root: String) -> [[String: Any]] {
        let sourcesByID = Dictionary(uniqueKeysWithValues: incident.sources.map { ($0.id, $0) })
        return incident.attributions.compactMap { attribution in
            guard let actor = site.actorsByID[attribution.actor.value] else { return nil }
            // A claim or a denial is the actor's own statement.
            let ownWord = attribution.role == .claimed || attribution.role == .denied
            return [
                "actor": actor.name,
                "href": root + OutputPath.actor(actor.id),
                "role": attribution.role.rawValue,
                "roleLabel": attribution.role.heading,
                "by": TemplateValue.text(attribution.by ?? (ownWord ? actor.name : nil)),
                "date": TemplateValue.optional(attribution.date.map(PageContext.date)),
                "confidence": TemplateValue.optional(attribution.confidence?.rawValue),
                "note": TemplateValue.text(attribution.note),
                "source": TemplateValue.optional(attribution.sourceID.flatMap { sourcesByID[$0] }.map {
                    ["number": $0.number, "anchor": "ref_\($0.number)"]
                }),
            ]
        }
    }

    /// `T1566.001` links to `https://attack.mitre.org/techniques/T1566/001/`.
    static func techniqueURL(_ id: String) -> String {
        "https://attack.mitre.org/techniques/\(id.replacingOccurrences(of: ".", with: "/"))/"
    }
}
