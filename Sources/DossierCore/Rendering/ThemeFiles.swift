import Foundation

/// The files of a theme: Mustache templates by name, and assets by path under `assets/`.
struct ThemeFiles: Sendable {
    /// Template text by name (`incident`, `partials/layout`), with the path it was read from.
    var templates: [String: (text: String, path: String)]
    /// Asset bytes by path relative to `assets/`.
    var assets: [String: Data]

    /// Reads `templates/` under the site root: every `.mustache` file, and `assets/` as-is.
    static func read(folder: URL, displayPrefix: String, diagnostics: inout Diagnostics) -> ThemeFiles {
        var templates: [String: (String, String)] = [:]
        var assets: [String: Data] = [:]
        let manager = FileManager.default
        let files = (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        for relative in files {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let display = "\(displayPrefix)/\(relative)"
            if relative.hasPrefix("assets/") {
                if let data = manager.contents(atPath: url.path) { assets[String(relative.dropFirst(7))] = data }
            } else if relative.hasSuffix(".mustache") {
                let name = templateName(relative)
                if let other = templates[name] {
                    diagnostics.error(SourceLocation(path: display),
                                      "template name '\(name)' is already taken by \(other.1)", code: "duplicate-template")
                    continue
                }
                guard let data = manager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    diagnostics.error(SourceLocation(path: display), "template is not UTF-8 text", code: "template-unreadable")
                    continue
                }
                templates[name] = (text, display)
            }
        }
        return ThemeFiles(templates: templates, assets: assets)
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
