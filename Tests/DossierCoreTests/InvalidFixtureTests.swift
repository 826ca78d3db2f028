import Foundation
import Testing
@testable import DossierCore

/// The corpus of broken sites in `Fixtures/invalid/`: one folder a failure mode, each a tiny site
/// plus `expected.txt`, the exact diagnostic lines a user should read (sorted, warnings included).
///
/// To add a case, create `Fixtures/invalid/<name>/content/...` and write `expected.txt` by hand:
/// the file, line and column of the offending value. Set `DOSSIER_FIXTURE_DUMP=/some/dir` to have
/// each case's actual lines written to `/some/dir/<name>.txt` for comparison (never into the corpus).
@Suite struct InvalidFixtureTests {
    static let corpus: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
        .appendingPathComponent("invalid")

    /// Every fixture folder name, sorted, so each reports as its own test case.
    static let cases: [String] = {
        guard let corpus, let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 100, "Fixtures/invalid should hold the whole corpus; found \(Self.cases.count)")
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let source = try #require(Self.corpus).appendingPathComponent(name)
        let expectedText = try String(contentsOf: source.appendingPathComponent("expected.txt"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)

        // Work on a copy, so nothing is ever written into the test bundle.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-invalid-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("expected.txt"))
        let output = root.appendingPathComponent("public-\(UUID().uuidString)")

        let result = try SiteBuild.run(BuildOptions(root: root, output: output, writes: true))
        let actual = result.lines
        if let dump = ProcessInfo.processInfo.environment["DOSSIER_FIXTURE_DUMP"] {
            try? FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
            try? (actual.joined(separator: "\n") + "\n").write(toFile: "\(dump)/\(name).txt", atomically: true, encoding: .utf8)
        }

        #expect(actual == expected, "\(name): diagnostics differ\n--- expected\n\(expected.joined(separator: "\n"))\n--- actual\n\(actual.joined(separator: "\n"))")
        #expect(result.diagnostics.hasErrors, "\(name): a broken site must report at least one error")
        #expect(!result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.path), "\(name): a build with errors must not create its output folder")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
        // Every diagnostic names a file of the site, relative to its root, at a real position.
        for diagnostic in result.diagnostics.all {
            #expect(!diagnostic.location.path.hasPrefix("/"), "\(diagnostic)")
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
        }
    }

    /// A failed build leaves a previous good output exactly as it was.
    @Test(arguments: ["several-files-broken", "invalid-tlp-incident", "template-unfinished-tag", "unknown-reference-in-incident-body"])
    func failedBuildLeavesPreviousOutputUntouched(_ name: String) throws {
        let source = try #require(Self.corpus).appendingPathComponent(name)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-invalid-prev-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        defer { try? FileManager.default.removeItem(at: root) }

        // A good site first, built into the output.
        let good = TestSite(["content/incidents/good.md": Doc.incident(title: "Good")])
        defer { good.remove() }
        let output = root.appendingPathComponent("public")
        let first = try good.build(output: output)
        #expect(first.succeeded, "\(first.lines)")
        let before = snapshot(output)
        #expect(!before.isEmpty)

        let result = try SiteBuild.run(BuildOptions(root: root, output: output))
        #expect(result.diagnostics.hasErrors)
        #expect(snapshot(output) == before, "\(name): a failed build changed the output folder")
    }

    private func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in OutputFolder.files(under: folder) {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }
}
