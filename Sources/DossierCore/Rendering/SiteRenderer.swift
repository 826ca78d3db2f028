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

    /// One output file to make.
    private enum Job {
        case timeline, home, actors
        case actor(Int), incident(Int), page(Int)
        case file(OutputFile)
    }

    /// Renders every output file and hands each to `deliver` as soon as it is made, from several
    /// threads at once; returns what `deliver` returned, sorted by path.
    func render<T: Sendable>(_ deliver: @escaping @Sendable (OutputFile) -> T) -> [(path: String, value: T)] {
        // The list pages come first: the timeline lists every incident, and started last it would
        // leave the other cores idle at the end.
        var jobs: [Job] = [.timeline, .home, .actors]
        jobs += site.actors.indices.map(Job.actor)
        jobs += site.incidents.indices.map(Job.incident)
        jobs += site.pages.indices.map(Job.page)
        jobs += Syndication.files(site: site, bodies: bodies).map(Job.file)
        jobs += assets.sorted(by: { $0.key < $1.key }).map { .file(OutputFile(path: "assets/\($0.key)", contents: $0.value)) }

        // One worker per core takes the next job as it finishes one. Each renders with its own
        // copy of the templates: threads sharing one spend their time contending for its
        // reference counts.
        let workerCount = min(jobs.count, ProcessInfo.processInfo.activeProcessorCount)
        let queue = JobQueue(count: jobs.count)
        let renderer = UncheckedBox((self, jobs, PageMarking(site: site, bodies: bodies)))
        let batches = Array(0..<workerCount).parallelMap { _ -> UncheckedBox<[(String, T)]> in
            let (renderer, jobs, marking) = renderer.value
            let library = renderer.templates.copy()
            var results: [(String, T)] = []
            while let index = queue.next() {
                let file = renderer.make(jobs[index], library: library, marking: marking)
                results.append((file.path, deliver(file)))
            }
            return UncheckedBox(results)
        }
        return batches.flatMap { $0.value }.map { (path: $0.0, value: $0.1) }.sorted { $0.path < $1.path }
    }

    private func make(_ job: Job, library: TemplateLibrary, marking: PageMarking) -> OutputFile {
        func page(_ path: String, _ template: String, title: String, tlp: TLP, description: String?,
                  _ build: (String) -> [String: Any]) -> OutputFile {
            let context = PageContext(site: site, path: path, title: title, tlp: tlp, description: description)
            let html = library.render(context.dictionary(build(context.root)), template: template)
            return OutputFile(path: path, contents: Data(html.utf8))
        }
        switch job {
        case .timeline:
            return page(OutputPath.timeline, "timeline", title: "Timeline", tlp: marking.allIncidents,
                        description: "Every incident in \(site.config.title), newest first.") { root in
                ListContexts.timeline(site: site, bodies: bodies, root: root)
            }
        case .home:
            let tlp = max(marking.allIncidents, marking.allActors)
            return page(OutputPath.home, "home", title: site.config.title, tlp: tlp, description: site.config.description) { root in
                ListContexts.home(site: site, bodies: bodies, root: root)
            }
        case .actors:
            return page(OutputPath.actors, "actors", title: "Actors", tlp: marking.allActors,
                        description: "Every actor in \(site.config.title), with its incidents.") { root in
                ListContexts.actors(site: site, bodies: bodies, root: root)
            }
        case .actor(let index):
            let actor = site.actors[index]
            return page(OutputPath.actor(actor.id), "actor", title: actor.name, tlp: marking.actor(actor),
                        description: bodies.summary(actor.id, explicit: actor.summary)) { root in
                ["actor": ActorContext.page(actor, site: site, bodies: bodies, root: root)]
            }
        case .incident(let index):
            let incident = site.incidents[index]
            return page(OutputPath.incident(incident.id), "incident", title: incident.title, tlp: marking.incident(incident),
                        description: bodies.summary(incident.id, explicit: incident.summary)) { root in
                ["incident": IncidentContext.page(incident, site: site, bodies: bodies, root: root)]
            }
        case .page(let index):
            let freePage = site.pages[index]
            return page(OutputPath.page(freePage.id), "page", title: freePage.title, tlp: marking.page(freePage),
                        description: bodies.summary(freePage.id, explicit: freePage.summary)) { _ in
                ["page": ["id": freePage.id, "title": freePage.title, "body": bodies.html(freePage.id)]]
            }
        case .file(let file):
            return file
        }
    }
}
