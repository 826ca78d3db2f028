import Foundation

/// What a build or a check is asked to do.
public struct BuildOptions: Sendable {
    public var root: URL
    /// Where the site is written; nil means `public/` in the root.
    public var output: URL?
    public var includeDrafts: Bool
    /// Overrides `publish_tlp` from site.yml.
    public var publishTLP: TLP?
    /// False for `dossier check`: everything is checked and nothing is written.
    public var writes: Bool

    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, publishTLP: TLP? = nil, writes: Bool = true) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.publishTLP = publishTLP
        self.writes = writes
    }

    public var outputURL: URL { output ?? root.appendingPathComponent("public") }
}

/// What a run produced: its diagnostics, the time of each step and, for a build, the files.
public struct BuildResult: Sendable {
    public var diagnostics = Diagnostics()
    /// Each pipeline step with its wall-clock time, in order.
    public var steps: [(name: String, seconds: Double)] = []
    /// Every generated file (the manifest aside), sorted by path.
    public var files: [BuiltFile] = []
    public var written = 0
    /// How many content documents were read and checked.
    public var documents = 0
    public var unchanged = 0
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The build that cannot start: a missing root, a refused output folder. Exit status 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The pipeline, one named and timed step a line.
public enum SiteBuild {
    public static func run(_ options: BuildOptions) throws(UsageError) -> BuildResult {
        var result = BuildResult()
        var isDirectory: ObjCBool = false
        let content = options.root.appendingPathComponent("content")
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError(description: "\(options.root.path) is not a Dossier site: it has no content/ folder")
        }
        let outputFolder = OutputFolder(url: options.outputURL, siteRoot: options.root)
        if options.writes {
            do { try outputFolder.check() } catch { throw UsageError(description: error.description) }
        }

        var diagnostics = Diagnostics()
        func step<T>(_ name: String, _ body: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = body()
            result.steps.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return value
        }

        // Each stage's input is let go once the next has what it needs: a document's YAML tree
        // once it is validated, the validated site and its Markdown once the bodies are rendered.
        var theme: (library: TemplateLibrary, assets: [String: Data])?
        let (linked, bodies) = { () -> (LinkedSite, RenderedBodies) in
            let site = step("load and validate") { Site.load(root: options.root, diagnostics: &diagnostics) }
            result.documents = site.incidents.count + site.actors.count + site.pages.count + site.invalidIDs.count
            theme = step("load theme") { loadTheme(root: options.root, diagnostics: &diagnostics) }
            let publication = Publication(limit: options.publishTLP ?? site.config.publishTLP,
                                          includeDrafts: options.includeDrafts)
            let linked = step("link") { Linker.link(site, publication: publication, diagnostics: &diagnostics) }
            let bodies = step("render markdown") { renderBodies(site: site, linked: linked, diagnostics: &diagnostics) }
            return (linked, bodies)
        }()
        guard let theme, !diagnostics.hasErrors else {
            result.diagnostics = diagnostics
            return result
        }
        let renderer = SiteRenderer(site: linked, bodies: bodies, templates: theme.library, assets: theme.assets)
        // Pages cannot fail once the templates have parsed and every partial exists, so `check`
        // stops here: it has done every check, and a pull request's CI need not render the site.
        guard options.writes else {
            result.diagnostics = diagnostics
            return result
        }
        let writer: SiteWriter
        do {
            writer = try SiteWriter(folder: outputFolder)
        } catch {
            diagnostics.error(SourceLocation(path: options.outputURL.path), "\(error)", code: "write-failed")
            result.diagnostics = diagnostics
            return result
        }
        writer.prepare(folders: renderer.folders)
        // Each page is written as soon as it is rendered, so the site never sits whole in memory.
        let staged = step("render and stage pages") {
            renderer.render { file in (BuiltFile(file), writer.add(file)) }
        }
        result.files = staged.map(\.value.0)
        for (_, (_, outcome)) in staged {
            switch outcome {
            case .success(true): result.written += 1
            case .success(false): result.unchanged += 1
            case .failure(let error):
                diagnostics.error(SourceLocation(path: options.outputURL.path), "\(error)", code: "write-failed")
            }
        }
        step("swap into place") {
            guard !diagnostics.hasErrors else { return writer.discard() }
            do {
                try writer.commit(paths: result.files.map(\.path))
            } catch {
                writer.discard()
                diagnostics.error(SourceLocation(path: options.outputURL.path), "\(error)", code: "write-failed")
            }
        }
        result.diagnostics = diagnostics
        // Freeing every page body and the whole link graph took 0.6 s of a 28 s build of 100,000
        // incidents, on one core; another thread does it while the command reports and exits.
        let leftovers = UncheckedBox((consume renderer, consume linked, consume bodies, consume staged))
        DispatchQueue.global(qos: .utility).async { _ = leftovers }
        return result
    }

    static func loadTheme(root: URL, diagnostics: inout Diagnostics) -> (library: TemplateLibrary, assets: [String: Data])? {
        let folder = root.appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        let files = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? ThemeFiles.read(site: SiteFolder(root: root), diagnostics: &diagnostics)
            : ThemeFiles.builtIn
        guard let library = TemplateLibrary(theme: files, diagnostics: &diagnostics) else { return nil }
        return (library, files.assets)
    }

    /// Renders every body, published or not: a withheld draft's broken reference is still an
    /// error, but only published bodies reach the site, and only they warn about withheld links.
    static func renderBodies(site: Site, linked: LinkedSite, diagnostics: inout Diagnostics) -> RenderedBodies {
        let resolve: @Sendable (String) -> ReferenceResolution = { reference in
            guard let target = linked.index.lookup(reference) else {
                if linked.index.invalidIDs.contains(reference) { return .invalid }
                return .unknown(suggestion: linked.index.suggestion(for: reference))
            }
            if linked.withheld.contains(target.id) { return .withheld }
            guard let path = linked.outputPath(of: target.id), let title = linked.title(of: target.id) else { return .invalid }
            return .link(id: target.id, href: path, title: title)
        }
        var documents: [(id: String, body: MarkdownSource, published: Bool)] = []
        for incident in site.incidents { documents.append((incident.id, incident.body, linked.incidentsByID[incident.id] != nil)) }
        for actor in site.actors { documents.append((actor.id, actor.body, linked.actorsByID[actor.id] != nil)) }
        for page in site.pages { documents.append((page.id, page.body, linked.pagesByID[page.id] != nil)) }
        for orphan in site.bodiesOfInvalidDocuments { documents.append((orphan.id, orphan.body, false)) }
        let renderer = MarkdownRenderer(resolve: resolve, rootPrefix: "../")
        let rendered = documents.map(UncheckedBox.init).parallelMap { box in
            let document = box.value
            var local = Diagnostics()
            let markdown = renderer.render(document.body, documentID: document.id, diagnostics: &local)
            return UncheckedBox((markdown, local))
        }
        var bodies: [String: RenderedMarkdown] = [:]
        for (document, box) in zip(documents, rendered) {
            let (markdown, local) = box.value
            if document.published {
                bodies[document.id] = markdown
                diagnostics.append(contentsOf: local)
            } else {
                for error in local.errors { diagnostics.append(error) }
            }
        }
        return RenderedBodies(byID: bodies)
    }
}
