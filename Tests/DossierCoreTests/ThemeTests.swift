import Foundation
import Testing
@testable import DossierCore

@Suite struct ThemeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary's theme must be the repository's templates/, byte for byte.
    @Test func builtInThemeMatchesTheTemplatesFolder() throws {
        let folder = Self.repository.appendingPathComponent("templates")
        var onDisk: [String: String] = [:]
        for path in OutputFolder.files(under: folder) where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            onDisk[path] = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
        }
        let stale = Set(onDisk.keys).symmetricDifference(DefaultTheme.files.keys)
            .union(onDisk.keys.filter { DefaultTheme.files[$0] != nil && DefaultTheme.files[$0] != onDisk[$0] })
        #expect(stale.isEmpty, "the built-in theme differs from templates/ in \(stale.sorted()); run 'make theme'")
    }

    @Test func missingPartialIsAnErrorAtItsPosition() {
        var theme = ThemeFiles.builtIn
        theme.templates["home"] = ("<p>\n  {{> no-such-part}}\n", "templates/home.mustache")
        var diagnostics = Diagnostics()
        #expect(TemplateLibrary(theme: theme, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.all.map(\.description) == [
            "templates/home.mustache:2:3: error: template names partial 'no-such-part', which does not exist [missing-partial]",
        ])
    }

    @Test func syntaxErrorIsReportedAtItsLine() {
        var theme = ThemeFiles.builtIn
        theme.templates["page"] = ("<p>\n{{#page}}\n{{title}\n", "templates/page.mustache")
        var diagnostics = Diagnostics()
        #expect(TemplateLibrary(theme: theme, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.all.count == 1)
        #expect(diagnostics.all.first?.location.path == "templates/page.mustache")
        #expect(diagnostics.all.first?.location.line == 3)
        #expect(diagnostics.all.first?.code == "template-syntax")
    }
}
