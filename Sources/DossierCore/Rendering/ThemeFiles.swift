import Foundation

/// The files of a theme: Mustache templates by name, and assets by path under `assets/`.
struct ThemeFiles: Sendable {
    /// Template text by name (`incident`, `partials/layout`), with the path it was read from.
    var templates: [String: (text: String, path: String)]
    /// Asset bytes by path relative to `assets/`.
    var assets: [String: Data]

    /// Templates found but unreadable: their error is reported, so they are not "missing" too.
    var unreadable: Set<String> = []

    /// Reads `templates/` under the site root: every `.mustache` file, and `assets/` as-is. Every
    /// file goes through the same checks as content: no symlink out of the site, no FIFO, no
    /// huge file, and templates must be UTF-8.
    static func read(site: SiteFolder, diagnostics: inout Diagnostics) -> ThemeFiles {
        var theme = ThemeFiles(templates: [:], assets: [:])
        let folder = site.root.appendingPathComponent("templates")
        let manager = FileManager.default
        let files = (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        for relative in files where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(relative)
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
               (try? manager.destinationOfSymbolicLink(atPath: url.path)) == nil { continue }
            let path = "templates/\(relative)"
            let isTemplate = relative.hasSuffix(".mustache") && !relative.hasPrefix("assets/")
            guard isTemplate || relative.hasPrefix("assets/") else { continue }
            let name = templateName(relative)
            let data: Data
            switch site.readData(path) {
            case .success(let value): data = value
            case .failure(let error):
                diagnostics.append(error.diagnostic(path: path))
                if isTemplate { theme.unreadable.insert(name) }
                continue
            }
            if !isTemplate {
                theme.assets[String(relative.dropFirst("assets/".count))] = data
                continue
            }
            if let other = theme.templates[name] {
                diagnostics.error(SourceLocation(path: path), "template name '\(name)' is already taken by \(other.path)",
                                  code: "duplicate-template")
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(SiteFolder.firstInvalidByte(in: data).diagnostic(path: path))
                theme.unreadable.insert(name)
                continue
            }
            theme.templates[name] = (text, path)
        }
        return theme
    }

    /// `incident.mustache` is `incident`; `partials/incident-item.mustache` is `incident-item`, since
    /// Mustache's closing tags cannot name a path: `{{< layout}}…{{/layout}}`.
    static func templateName(_ relative: String) -> String {
        var name = String(relative.dropLast(".mustache".count))
        if name.hasPrefix("partials/") { name.removeFirst("partials/".count) }
        return name
    }

    /// The theme built into the binary: the same files as the repository's `templates/`.
    static var builtIn: ThemeFiles {
        var templates: [String: (String, String)] = [:]
        var assets: [String: Data] = [:]
        for (path, text) in DefaultTheme.files {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst(7))] = Data(text.utf8)
            } else if path.hasSuffix(".mustache") {
                templates[templateName(path)] = (text, "(built-in theme)/\(path)")
            }
        }
        return ThemeFiles(templates: templates, assets: assets)
    }
}
