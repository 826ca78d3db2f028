/// Resolves every front-matter reference, applies the publication filter and builds the graph.
enum Linker {
    static func link(_ site: Site, publication: Publication, diagnostics: inout Diagnostics) -> LinkedSite {
        let index = SiteIndex(site: site, diagnostics: &diagnostics)
        checkReferences(site, index: index, diagnostics: &diagnostics)
        let (published, withheld) = publication.filter(site)
        // The linked site never holds Markdown: bodies are rendered from `site`, and the sources
        // are let go with it instead of sitting in memory while pages render.
        var linked = LinkedSite(config: site.config, incidents: [], actors: [],
                                pages: published.pages.map { page in
                                    var page = page
                                    page.body.text = ""
                                    return page
                                },
                                withheld: withheld, index: index)

        for actor in published.actors {
            var actor = actor
            actor.body.text = ""
            if let sponsor = actor.sponsor, withheld.contains(sponsor.value) {
                diagnostics.warning(sponsor.location, "sponsor '\(sponsor.value)' is withheld from this build; not shown",
                                    code: "withheld-reference")
                actor.sponsor = nil
            } else if let sponsor = actor.sponsor, index.lookup(sponsor.value) == nil {
                actor.sponsor = nil
            }
            linked.actors.append(actor)
        }
        let publishedActors = Set(linked.actors.map(\.id))
        let publishedIncidents = Set(published.incidents.map(\.id))

        linked.incidents.reserveCapacity(published.incidents.count)
        for incident in published.incidents {
            var incident = incident
            incident.body.text = ""
            incident.attributions = incident.attributions.filter { attribution in
                guard withheld.contains(attribution.actor.value) else {
                    return publishedActors.contains(attribution.actor.value)
                }
                diagnostics.warning(attribution.actor.location,
                                    "actor '\(attribution.actor.value)' is withheld from this build; dropped from the published page",
                                    code: "withheld-reference")
                return false
            }
            incident.related = incident.related.filter { other in
                guard withheld.contains(other.value) else { return publishedIncidents.contains(other.value) }
                diagnostics.warning(other.location, "related incident '\(other.value)' is withheld from this build; not shown",
                                    code: "withheld-reference")
                return false
            }
            incident.targets = incident.targets.filter { target in
                guard withheld.contains(target.value) else { return true }
                diagnostics.warning(target.location, "target '\(target.value)' is a withheld actor; dropped from the published page",
                                    code: "withheld-reference")
                return false
            }
            linked.incidents.append(incident)
        }
        buildGraph(&linked)
        return linked
    }

    /// Every id named in front-matter must exist, and be of the right kind.
    private static func checkReferences(_ site: Site, index: SiteIndex, diagnostics: inout Diagnostics) {
        func check(_ reference: Located<String>, expected: String, diagnostics: inout Diagnostics) {
            guard !index.invalidIDs.contains(reference.value) else { return }
            let target = index.lookup(reference.value)
            if let target, target.kindName == expected, target.id == reference.value { return }
            if let target, target.kindName == expected {
                diagnostics.error(reference.location,
                                  "'\(reference.value)' is a name; front-matter names \(expected)s by id: '\(target.id)'",
                                  code: "unknown-\(expected)")
            } else if let target {
                diagnostics.error(reference.location, "'\(reference.value)' is \(article(target.kindName)), not \(article(expected))",
                                  code: "unknown-\(expected)")
            } else {
                let hint = index.suggestion(for: reference.value, kind: expected).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.error(reference.location, "unknown \(expected) '\(reference.value)'\(hint)", code: "unknown-\(expected)")
            }
        }
        for incident in site.incidents {
            for attribution in incident.attributions { check(attribution.actor, expected: "actor", diagnostics: &diagnostics) }
            for other in incident.related {
                if other.value == incident.id {
                    diagnostics.error(other.location, "an incident cannot be related to itself", code: "self-reference")
                } else {
                    check(other, expected: "incident", diagnostics: &diagnostics)
                }
            }
        }
        for actor in site.actors {
            if let sponsor = actor.sponsor, sponsor.value != actor.id { check(sponsor, expected: "actor", diagnostics: &diagnostics) }
        }
        for reference in site.referencesInInvalidDocuments {
            check(reference.target, expected: reference.kind.rawValue, diagnostics: &diagnostics)
        }
    }

    private static func article(_ kind: String) -> String {
        (kind.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + kind
    }

    private static func buildGraph(_ linked: inout LinkedSite) {
        linked.incidentsByID.reserveCapacity(linked.incidents.count)
        for incident in linked.incidents { linked.incidentsByID[incident.id] = incident }
        for actor in linked.actors { linked.actorsByID[actor.id] = actor }
        for page in linked.pages { linked.pagesByID[page.id] = page }

        var related: [String: Set<String>] = [:]
        related.reserveCapacity(linked.incidents.count)
        var ties: [String: [LinkedSite.ActorIncident]] = [:]
        for incident in linked.incidents {
            for other in incident.related {
                related[incident.id, default: []].insert(other.value)
                related[other.value, default: []].insert(incident.id)
            }
            // One actor can be named several times with the same role (by two vendors): list the incident once.
            // This incident's ties are the last ones in each actor's list, so only those are searched:
            // searching the whole list made linking quadratic in the incidents an actor has.
            func tie(_ actorID: String, _ involvement: LinkedSite.Involvement) {
                let tie = LinkedSite.ActorIncident(incidentID: incident.id, involvement: involvement)
                let isNew = ties[actorID].map { !$0.reversed().prefix(while: { $0.incidentID == incident.id }).contains(tie) } ?? true
                if isNew { ties[actorID, default: []].append(tie) }
            }
            for attribution in incident.attributions { tie(attribution.actor.value, .role(attribution.role)) }
            for target in incident.targets where linked.actorsByID[target.value] != nil { tie(target.value, .targeted) }
        }
        linked.related = related.mapValues { $0.sorted() }
        linked.actorIncidents = ties
        var sponsored: [String: [String]] = [:]
        for actor in linked.actors {
            if let sponsor = actor.sponsor { sponsored[sponsor.value, default: []].append(actor.id) }
        }
        linked.sponsored = sponsored.mapValues { $0.sorted() }
    }
}
