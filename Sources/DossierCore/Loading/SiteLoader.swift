import Foundation

/// Reads site files: splits and decodes front-matter into typed, not yet validated, values.
enum SiteLoader {
    static let configPath = "content/site.yml"

    static func loadConfig(folder: SiteFolder, diagnostics: inout Diagnostics) -> (SiteConfigFile, YAMLBlock)? {
        let text: String
        switch folder.read(configPath) {
        case .success(let value): text = value
        case .failure(.unreadable):
            diagnostics.error(SourceLocation(path: configPath), "missing site settings: create content/site.yml with at least 'title'",
                              code: "missing-site-config")
            return nil
        case .failure(let error):
            diagnostics.append(error.diagnostic(path: configPath))
            return nil
        }
        var yaml = text
        if yaml.first == "\u{FEFF}" { yaml.removeFirst() }
        guard let decoded = FrontMatterDecoder.decode(
            SiteConfigFile.self, yaml: yaml, startLine: 1, path: configPath, diagnostics: &diagnostics)
        else { return nil }
        return (decoded.value, decoded.block)
    }

    static func loadDocument(_ entry: SiteFolder.Entry, folder: SiteFolder, diagnostics: inout Diagnostics) -> LoadedDocument? {
        let text: String
        switch folder.read(entry.path) {
        case .success(let value): text = value
        case .failure(let error):
            diagnostics.append(error.diagnostic(path: entry.path))
            return nil
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let value): frontMatter = value
        case .failure(.missing):
            diagnostics.error(SourceLocation(path: entry.path),
                              "missing front-matter: the file must start with a '---' line, then YAML, then '---'",
                              code: "missing-front-matter")
            return nil
        case .failure(.unterminated):
            diagnostics.error(SourceLocation(path: entry.path),
                              "unterminated front-matter: no closing '---' line after the opening one",
                              code: "unterminated-front-matter")
            return nil
        }
        let body = MarkdownSource(text: frontMatter.body, path: entry.path, startLine: frontMatter.bodyStartLine)
        func decode<T: FrontMatterDecoder.Readable>(_ type: T.Type) -> (value: T, block: YAMLBlock)? {
            FrontMatterDecoder.decode(type, yaml: frontMatter.yaml, startLine: frontMatter.yamlStartLine,
                                      path: entry.path, diagnostics: &diagnostics)
        }
        switch entry.kind {
        case .incident:
            guard let decoded = decode(IncidentFrontMatter.self) else { return nil }
            return LoadedDocument(entry: entry, frontMatter: .incident(decoded.value), block: decoded.block, body: body)
        case .actor:
            guard let decoded = decode(ActorFrontMatter.self) else { return nil }
            return LoadedDocument(entry: entry, frontMatter: .actor(decoded.value), block: decoded.block, body: body)
        case .page:
            guard let decoded = decode(PageFrontMatter.self) else { return nil }
            return LoadedDocument(entry: entry, frontMatter: .page(decoded.value), block: decoded.block, body: body)
        }
    }
}

/// Carries a value across threads where the code guarantees no sharing (each slot is written once).
struct UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
