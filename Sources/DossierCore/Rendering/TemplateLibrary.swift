import Mustache

/// The parsed templates of a theme, checked so that every page template, partial and parent a
/// template names exists (swift-mustache would render a missing one as empty, silently).
struct TemplateLibrary: Sendable {
    /// The page templates every theme must provide, one per page kind.
    static let requiredTemplates = ["home", "timeline", "actors", "incident", "actor", "page"]

    let library: MustacheLibrary
    /// Each template's text, as parsed, to parse again in `copy()`.
    private let texts: [(name: String, text: String)]

    init?(theme: ThemeFiles, diagnostics: inout Diagnostics) {
        _ = HTMLEscaper.registered
        var library = MustacheLibrary()
        var texts: [(name: String, text: String)] = []
        var ok = true
        for name in theme.templates.keys.sorted() {
            let (text, path) = theme.templates[name]!
            do {
                let source = HTMLEscaper.selectingLine + text
                library.register(try MustacheTemplate(string: source), named: name)
                texts.append((name, source))
            } catch let error as MustacheTemplate.ParserError {
                if case .expectedSectionEnd = error.error as? MustacheTemplate.Error,
                   let open = Self.unclosedSection(in: text) {
                    // The parser stops at the end of the file; the section left open is the mistake.
                    diagnostics.error(SourceLocation(path: path, line: open.line, column: open.column),
                                      "template syntax error: the section '\(open.name)' opened here is never closed",
                                      code: "template-syntax")
                } else {
                    let line = max(1, error.context.lineNumber - 1)  // less the line HTMLEscaper added
                    diagnostics.error(SourceLocation(path: path, line: line, column: error.context.columnNumber),
                                      "template syntax error: \(Self.describe(error.error))", code: "template-syntax")
                }
                ok = false
            } catch {
                diagnostics.error(SourceLocation(path: path), "template syntax error: \(error)", code: "template-syntax")
                ok = false
            }
            for reference in Self.partialReferences(in: text) where theme.templates[reference.name] == nil {
                let hint = Suggestion.closest(to: reference.name, in: theme.templates.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.error(SourceLocation(path: path, line: reference.line, column: reference.column),
                                  "template names \(reference.isParent ? "parent" : "partial") '\(reference.name)', which does not exist\(hint)",
                                  code: "missing-partial")
                ok = false
            }
        }
        for name in Self.requiredTemplates where theme.templates[name] == nil && !theme.unreadable.contains(name) {
            diagnostics.error(SourceLocation(path: "templates/\(name).mustache"),
                              "missing page template '\(name).mustache'", code: "missing-template")
            ok = false
        }
        guard ok else { return nil }
        self.library = library
        self.texts = texts
    }

    private init(library: MustacheLibrary, texts: [(name: String, text: String)]) {
        self.library = library
        self.texts = texts
    }

    /// The same templates parsed again into memory of their own. Threads that render with one
    /// shared library spend much of their time contending for its reference counts.
    func copy() -> TemplateLibrary {
        var library = MustacheLibrary()
        for (name, text) in texts {
            // Each text parsed once already in `init`, so it cannot fail here.
            if let template = try? MustacheTemplate(string: String(decoding: Array(text.utf8), as: UTF8.self)) {
                library.register(template, named: name)
            }
        }
        return TemplateLibrary(library: library, texts: texts)
    }

    func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    struct PartialReference {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    /// `{{> name}}` and `{{< name}}` tags, with their positions. Templates here keep the default
    /// `{{ }}` delimiters, which is all the default theme uses.
    static func partialReferences(in text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: /\{\{\s*([<>])\s*([^}\s]+)\s*\}\}/) {
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                references.append(PartialReference(name: String(match.output.2), isParent: match.output.1 == "<",
                                                   line: lineIndex + 1, column: column))
            }
        }
        return references
    }

    /// The innermost section (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) that no `{{/x}}` closes.
    static func unclosedSection(in text: String) -> (name: String, line: Int, column: Int)? {
        var open: [(name: String, line: Int, column: Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: /\{\{\s*([#^$<\/])\s*([^}\s]+)\s*\}\}/) {
                let name = String(match.output.2)
                if match.output.1 == "/" {
                    if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
                } else {
                    let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                    open.append((name, lineIndex + 1, column))
                }
            }
        }
        return open.last
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "the closing tag does not match the open section"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only blocks may appear inside a parent tag"
        case .textInsideInheritSection: return "only blocks may appear inside a parent tag"
        case .invalidConfigVariableSyntax: return "badly formed configuration tag"
        case .unrecognisedConfigVariable: return "unknown configuration tag"
        @unknown default: return "\(error)"
        }
    }
}
