/// The TLP marking a page carries: the most restrictive of its own document's and of every
/// document whose title, name or summary it shows. A TLP:CLEAR incident that names a TLP:AMBER
/// related incident shows AMBER text, so with a raised publishing limit the page is AMBER.
struct PageMarking {
    let site: LinkedSite
    let bodies: RenderedBodies
    /// Every page's navigation lists the free pages by title.
    let navigation: TLP
    /// The timeline lists every incident, the actor index every actor; the home page shows both.
    private(set) var allIncidents = TLP.clear
    private(set) var allActors = TLP.clear

    init(site: LinkedSite, bodies: RenderedBodies) {
        self.site = site
        self.bodies = bodies
        navigation = site.pages.map(\.tlp).max() ?? .clear
        allIncidents = marking(of: site.incidents.map(\.id))
        allActors = marking(of: site.actors.map(\.id))
    }

    func marking(of ids: some Sequence<String>) -> TLP {
        var marking = navigation
        for id in ids {
            let tlp = site.incidentsByID[id]?.tlp ?? site.actorsByID[id]?.tlp ?? site.pagesByID[id]?.tlp ?? .clear
            marking = max(marking, tlp)
        }
        return marking
    }

    func incident(_ incident: Incident) -> TLP {
        var ids = [incident.id]
        ids += site.related[incident.id] ?? []
        ids += incident.attributions.map(\.actor.value)
        ids += incident.targets.map(\.value)
        ids += bodies.byID[incident.id]?.linkedIDs ?? []
        return marking(of: ids)
    }

    func actor(_ actor: Actor) -> TLP {
        var ids = [actor.id]
        ids += actor.sponsor.map { [$0.value] } ?? []
        ids += site.sponsored[actor.id] ?? []
        ids += (site.actorIncidents[actor.id] ?? []).map(\.incidentID)
        ids += bodies.byID[actor.id]?.linkedIDs ?? []
        return marking(of: ids)
    }

    func page(_ page: Page) -> TLP {
        marking(of: [page.id] + (bodies.byID[page.id]?.linkedIDs ?? []))
    }
}
