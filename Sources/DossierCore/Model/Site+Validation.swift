import Foundation

extension Site {
    /// Reads and validates every document of the site folder, one document per task on every
    /// core, so that a document's YAML tree is let go as soon as it is validated. An unusable
    /// `site.yml` is an error, but the documents are still checked.
    static func load(root: URL, diagnostics: inout Diagnostics) -> Site {
        let folder = SiteFolder(root: root)
        let configFile = SiteLoader.loadConfig(folder: folder, diagnostics: &diagnostics)
        let config = configFile.flatMap { SiteConfig.validate($0.0, block: $0.1, diagnostics: &diagnostics) }
        let entries = folder.entries(diagnostics: &diagnostics)
        let results = entries.parallelMap { entry in
            var local = Diagnostics()
            let document = SiteLoader.loadDocument(entry, folder: folder, diagnostics: &local)
                .map { validate($0, diagnostics: &local) }
            return UncheckedBox((document, local))
        }

        var incidents: [Incident] = []
        var actors: [Actor] = []
        var pages: [Page] = []
        var invalidIDs: Set<String> = []
        var owners: [String: String] = [:]
        var site = Site(config: config ?? fallbackConfig, incidents: [], actors: [], pages: [])
        for (entry, result) in zip(entries, results) {
            if let owner = owners[entry.id] {
                diagnostics.error(SourceLocation(path: entry.path),
                                  "id '\(entry.id)' is already used by \(owner); ids must be unique across incidents, actors and pages",
                                  code: "duplicate-id")
                continue
            }
            owners[entry.id] = entry.path
            let (document, local) = result.value
            diagnostics.append(contentsOf: local)
            switch document {
            case .incident(let incident)?: incidents.append(incident)
            case .actor(let actor)?: actors.append(actor)
            case .page(let page)?: pages.append(page)
            case .invalid(let references, let body)?:
                invalidIDs.insert(entry.id)
                site.referencesInInvalidDocuments += references
                site.bodiesOfInvalidDocuments.append((entry.id, body))
            case nil:
                invalidIDs.insert(entry.id)
            }
        }
        site.incidents = incidents.sorted { $0.id < $1.id }
        site.actors = actors.sorted { $0.id < $1.id }
        site.pages = pages.sorted { $0.id < $1.id }
        site.invalidIDs = invalidIDs
        return site
    }

    /// With unusable settings the build still checks every document, so one run reports all
    /// problems; the error already reported keeps anything from being written.
    static let fallbackConfig = SiteConfig(title: "", description: nil, baseURL: nil, language: "en", publishTLP: .clear)

    /// One document after validation.
    enum ValidatedDocument {
        case incident(Incident)
        case actor(Actor)
        case page(Page)
        /// Failed validation: the ids its front-matter names and its body are still checked.
        case invalid(references: [(target: Located<String>, kind: ContentKind)], body: MarkdownSource)
    }

    static func validate(_ document: LoadedDocument, diagnostics: inout Diagnostics) -> ValidatedDocument {
        let id = document.entry.id, block = document.block, body = document.body
        switch document.frontMatter {
        case .incident(let raw):
            if let incident = Incident.validate(raw, id: id, block: block, body: body, diagnostics: &diagnostics) {
                return .incident(incident)
            }
            var references: [(target: Located<String>, kind: ContentKind)] = []
            for (index, entry) in (raw.actors ?? []).enumerated() {
                let keys: [FieldKey] = entry.isBare ? ["actors", FieldKey(intValue: index)] : ["actors", FieldKey(intValue: index), "id"]
                references.append((Located(entry.id, at: block.location(at: keys)), .actor))
            }
            for (index, other) in (raw.related ?? []).enumerated() {
                references.append((Located(other, at: block.location("related", FieldKey(intValue: index))), .incident))
            }
            return .invalid(references: references, body: body)
        case .actor(let raw):
            if let actor = Actor.validate(raw, id: id, block: block, body: body, diagnostics: &diagnostics) {
                return .actor(actor)
            }
            let sponsor = raw.sponsor.flatMap { $0 == id ? nil : $0 }
            return .invalid(references: sponsor.map { [(Located($0, at: block.location("sponsor")), .actor)] } ?? [], body: body)
        case .page(let raw):
            if let page = Page.validate(raw, id: id, block: block, body: body, diagnostics: &diagnostics) {
                return .page(page)
            }
            return .invalid(references: [], body: body)
        }
    }
}
