/// What every page template sees: the site, the page's own title and marking, the navigation,
/// and `root`, the `../` prefix that makes every link relative.
struct PageContext {
    let site: LinkedSite
    /// The page's output path, such as `incidents/x.html`.
    let path: String
    let title: String
    let tlp: TLP
    var description: String?
    var current: String?

    var root: String { OutputPath.rootPrefix(of: path) }

    func dictionary(_ extra: [String: Any]) -> [String: Any] {
        var context: [String: Any] = [
            "site": siteDictionary,
            "root": root,
            "pageTitle": title,
            "isHome": path == OutputPath.home,
            "tlp": PageContext.tlp(tlp),
            "stylesheet": root + "assets/style.css",
            "nav": navigation,
            "generator": "Dossier",
        ]
        if let description, !description.isEmpty { context["description"] = description }
        context.merge(extra) { _, new in new }
        return context
    }

    private var siteDictionary: [String: Any] {
        var dictionary: [String: Any] = ["title": site.config.title, "language": site.config.language]
        dictionary["description"] = TemplateValue.text(site.config.description)
        dictionary["feed"] = site.config.baseURL == nil ? false : root + Syndication.feedPath
        return dictionary
    }

    /// Home, timeline, actors, then the free pages by title.
    private var navigation: [[String: Any]] {
        var items: [(String, String)] = [
            ("Home", OutputPath.home), ("Timeline", OutputPath.timeline), ("Actors", OutputPath.actors),
        ]
        for page in site.pages.sorted(by: { ($0.title, $0.id) < ($1.title, $1.id) }) {
            items.append((page.title, OutputPath.page(page.id)))
        }
        return items.map { title, target in
            var item: [String: Any] = ["title": title, "href": root + target]
            item["current"] = target == path
            return item
        }
    }

    static func tlp(_ tlp: TLP) -> [String: Any] {
        ["label": tlp.label, "slug": tlp.slug, "audience": tlp.audience, "isClear": tlp == .clear]
    }

    static func date(_ date: FuzzyDate) -> [String: Any] {
        ["iso": date.description, "display": date.display, "precision": date.precision.rawValue]
    }
}
