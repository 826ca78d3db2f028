import Foundation

/// Renders every page of the published site through the theme's templates.
struct SiteRenderer {
    let site: LinkedSite
    let bodies: RenderedBodies
    let templates: TemplateLibrary
    let assets: [String: Data]

    /// Every folder a file will be written into, relative to the output root.
    var folders: [String] {
        var folders = ["incidents", "actors", "pages", "assets"]
        for path in assets.keys { folders.append(("assets/" + path as NSString).deletingLastPathComponent) }
        return folders
    }

    /// Renders every output file and hands each to `deliver` as soon as it is made, from several
    /// threads at once; returns what `deliver` returned, sorted by path.
    func render<T: Sendable>(_ deliver: @escaping @Sendable (OutputFile) -> T) -> [(path: String, value: T)] {
        var jobs: [UncheckedBox<(TemplateLibrary) -> OutputFile>] = []
        func page(_ path: String, _ template: String, title: String, tlp: TLP, description: String?,
                  _ build: @escaping (String) -> [String: Any]) {
            jobs.append(UncheckedBox { [site] templates in
                let context = PageContext(site: site, path: path, title: title, tlp: tlp, description: description)
                let html = templates.render(context.dictionary(build(context.root)), template: template)
                return OutputFile(path: path, contents: Data(html.utf8))
            })
        }
        let site = self.site, bodies = self.bodies
        let marking = PageMarking(site: site, bodies: bodies)
        let incidentsTLP = marking.list(of: site.incidents.map(\.id))
        let actorsTLP = marking.list(of: site.actors.map(\.id))

        page(OutputPath.timeline, "timeline", title: "Timeline", tlp: incidentsTLP,
             description: "Every incident in \(site.config.title), newest first.") { root in
            ListContexts.timeline(site: site, bodies: bodies, root: root)
        }
        page(OutputPath.home, "home", title: site.config.title, tlp: max(incidentsTLP, actorsTLP),
             description: site.config.description) { root in
            ListContexts.home(site: site, bodies: bodies, root: root)
        }
        page(OutputPath.actors, "actors", title: "Actors", tlp: actorsTLP,
             description: "Every actor in \(site.config.title), with its incidents.") { root in
            ListContexts.actors(site: site, bodies: bodies, root: root)
        }
        for actor in site.actors {
            page(OutputPath.actor(actor.id), "actor", title: actor.name, tlp: marking.actor(actor),
                 description: bodies.summary(actor.id, explicit: actor.summary)) { root in
                ["actor": ActorContext.page(actor, site: site, bodies: bodies, root: root)]
            }
        }
        for incident in site.incidents {
            page(OutputPath.incident(incident.id), "incident", title: incident.title, tlp: marking.incident(incident),
                 description: bodies.summary(incident.id, explicit: incident.summary)) { root in
                ["incident": IncidentContext.page(incident, site: site, bodies: bodies, root: root)]
            }
        }
        for freePage in site.pages {
            page(OutputPath.page(freePage.id), "page", title: freePage.title, tlp: marking.page(freePage),
                 description: bodies.summary(freePage.id, explicit: freePage.summary)) { _ in
                ["page": ["id": freePage.id, "title": freePage.title, "body": bodies.html(freePage.id)]]
            }
        }
        for file in Syndication.files(site: site, bodies: bodies) {
            jobs.append(UncheckedBox { _ in file })
        }
        for (path, data) in assets.sorted(by: { $0.key < $1.key }) {
            let file = OutputFile(path: "assets/\(path)", contents: data)
            jobs.append(UncheckedBox { _ in file })
        }
        // One worker per core takes the next job as it finishes one, so a long page (the timeline
        // lists every incident) never leaves the other cores idle at the end; the list pages come
        // first for the same reason. Each worker renders with its own copy of the templates.
        let workerCount = min(jobs.count, ProcessInfo.processInfo.activeProcessorCount)
        let templates = self.templates, allJobs = jobs
        let queue = JobQueue(count: allJobs.count)
        let batches = Array(0..<workerCount).parallelMap { _ -> UncheckedBox<[(String, T)]> in
            let library = templates.copy()
            var results: [(String, T)] = []
            while let index = queue.next() {
                let file = allJobs[index].value(library)
                results.append((file.path, deliver(file)))
            }
            return UncheckedBox(results)
        }
        return batches.flatMap { $0.value }.map { (path: $0.0, value: $0.1) }.sorted { $0.path < $1.path }
    }
}

/// Hands out the indices 0..<count, each once, to whichever thread asks next.
final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}
