extension Site {
    /// Validates every loaded document. An unusable `site.yml` is an error, but the documents are
    /// still checked.
    static func validate(_ loaded: LoadedSite, diagnostics: inout Diagnostics) -> Site? {
        let config = loaded.config.flatMap { SiteConfig.validate($0.value, block: $0.block, diagnostics: &diagnostics) }
        var incidents: [Incident] = []
        var actors: [Actor] = []
        var pages: [Page] = []
        var invalidIDs = loaded.failedIDs
        var owners: [String: String] = [:]
        var orphans: [(target: Located<String>, kind: ContentKind)] = []
        var orphanBodies: [(id: String, body: MarkdownSource)] = []
        for document in loaded.documents {
            let id = document.entry.id
            if let owner = owners[id] {
                diagnostics.error(SourceLocation(path: document.entry.path),
                                  "id '\(id)' is already used by \(owner); ids must be unique across incidents, actors and pages",
                                  code: "duplicate-id")
                continue
            }
            owners[id] = document.entry.path
            let before = diagnostics.errors.count
            defer { if diagnostics.errors.count > before { invalidIDs.insert(id) } }
            switch document.frontMatter {
            case .incident(let raw):
                if let incident = Incident.validate(raw, id: id, block: document.block, body: document.body,
                                                    diagnostics: &diagnostics) {
                    incidents.append(incident)
                } else {
                    let block = document.block
                    for (index, entry) in (raw.actors ?? []).enumerated() {
                        let keys: [FieldKey] = entry.isBare ? ["actors", FieldKey(intValue: index)] : ["actors", FieldKey(intValue: index), "id"]
                        orphans.append((Located(entry.id, at: block.location(at: keys)), .actor))
                    }
                    for (index, other) in (raw.related ?? []).enumerated() {
                        orphans.append((Located(other, at: block.location("related", FieldKey(intValue: index))), .incident))
                    }
                    orphanBodies.append((id, document.body))
                }
            case .actor(let raw):
                if let actor = Actor.validate(raw, id: id, block: document.block, body: document.body,
                                              diagnostics: &diagnostics) {
                    actors.append(actor)
                } else {
                    if let sponsor = raw.sponsor, sponsor != id {
                        orphans.append((Located(sponsor, at: document.block.location("sponsor")), .actor))
                    }
                    orphanBodies.append((id, document.body))
                }
            case .page(let raw):
                if let page = Page.validate(raw, id: id, block: document.block, body: document.body,
                                            diagnostics: &diagnostics) {
                    pages.append(page)
                } else {
                    orphanBodies.append((id, document.body))
                }
            }
        }
        // With unusable settings the build still checks every document, so one run reports all
        // problems; the error already reported keeps anything from being written.
        let fallback = SiteConfig(title: "", description: nil, baseURL: nil, language: "en", publishTLP: .clear)
        var site = Site(config: config ?? fallback, incidents: incidents.sorted { $0.id < $1.id },
                    actors: actors.sorted { $0.id < $1.id }, pages: pages.sorted { $0.id < $1.id },
                    invalidIDs: invalidIDs)
        site.referencesInInvalidDocuments = orphans
        site.bodiesOfInvalidDocuments = orphanBodies
        return site
    }
}
