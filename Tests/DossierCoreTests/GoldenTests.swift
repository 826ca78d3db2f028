import Foundation
import Testing
@testable import DossierCore

/// The golden site: a small but complete site in `Fixtures/golden/site`, and its whole expected
/// output in `Fixtures/golden/expected`. Both are read from the source tree (not the test bundle),
/// so re-recording writes where git sees it.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    static let site = fixtures.appendingPathComponent("site")
    static let expected = fixtures.appendingPathComponent("expected")
    static let recordVariable = "DOSSIER_RECORD_GOLDEN"

    /// Builds the golden site into a fresh temporary folder (never into the fixture).
    static func build(root: URL = site) throws -> (result: BuildResult, output: URL) {
        let output = Scratch.folder("golden-out")
        let result = try SiteBuild.run(BuildOptions(root: root, output: output))
        return (result, output)
    }

    /// Every file under a folder with its bytes, by relative path.
    static func tree(_ folder: URL) -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in OutputFolder.files(under: folder) {
            tree[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) ?? Data()
        }
        return tree
    }

    /// What differs between two trees, one readable line per file; empty when identical.
    static func differences(expected: [String: Data], actual: [String: Data]) -> [String] {
        var lines: [String] = []
        for path in Set(expected.keys).subtracting(actual.keys).sorted() { lines.append("missing: \(path)") }
        for path in Set(actual.keys).subtracting(expected.keys).sorted() { lines.append("unexpected: \(path)") }
        for path in Set(expected.keys).intersection(actual.keys).sorted() where expected[path] != actual[path] {
            lines.append("differs: \(path): \(firstDifference(expected[path]!, actual[path]!))")
        }
        return lines
    }

    /// The first line where two texts part, with both versions.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end of file>"
            let right = index < b.count ? String(b[index]) : "<end of file>"
            if left != right {
                return "line \(index + 1)\n    expected: \(left)\n    actual:   \(right)"
            }
        }
        return "same text, different bytes (\(expected.count) vs \(actual.count) bytes)"
    }
}

/// Temporary folders for test output, removed by the caller or left to the system's cleaner.
enum Scratch {
    static func folder(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(label)-\(UUID().uuidString)")
    }
}

@Suite struct GoldenTests {
    @Test func goldenSiteBuildsWithoutDiagnostics() throws {
        let (result, output) = try Golden.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.succeeded)
        #expect(result.lines == [])
    }

    /// The whole output tree, byte for byte: same files, same bytes, `.dossier-manifest` included.
    /// Re-record with `DOSSIER_RECORD_GOLDEN=1 swift test --filter GoldenTests`; that run fails on purpose.
    @Test func outputMatchesTheRecordedTree() throws {
        let (result, output) = try Golden.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.succeeded, "golden site has errors: \(result.lines)")
        let actual = Golden.tree(output)

        if ProcessInfo.processInfo.environment[Golden.recordVariable] == "1" {
            let manager = FileManager.default
            try? manager.removeItem(at: Golden.expected)
            for (path, data) in actual {
                let url = Golden.expected.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            Issue.record("recorded \(actual.count) files into \(Golden.expected.path); rerun without \(Golden.recordVariable)")
            return
        }

        let expected = Golden.tree(Golden.expected)
        try #require(!expected.isEmpty, "no recorded output in \(Golden.expected.path); record it with \(Golden.recordVariable)=1")
        let differences = Golden.differences(expected: expected, actual: actual)
        #expect(differences.isEmpty, "output differs from Fixtures/golden/expected:\n\(differences.joined(separator: "\n"))")
        #expect(expected.keys.contains(OutputFolder.manifestName))
    }

    /// The draft in the golden site, and its title, reach no file at all.
    @Test func goldenDraftIsAbsentFromEveryFile() throws {
        let (_, output) = try Golden.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let tree = Golden.tree(output)
        #expect(!tree.keys.contains("incidents/2023-09-draft-followup.html"))
        for (path, data) in tree {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("2023-09-draft-followup"), "\(path) names the draft")
            #expect(!text.contains("Draft follow-up"), "\(path) shows the draft's title")
        }
    }

    @Test func differencesReportTheFirstDifferingLine() {
        let expected = ["a.html": Data("one\ntwo\nthree\n".utf8), "gone.html": Data()]
        let actual = ["a.html": Data("one\nTWO\nthree\n".utf8), "new.html": Data()]
        let lines = Golden.differences(expected: expected, actual: actual)
        #expect(lines == [
            "missing: gone.html",
            "unexpected: new.html",
            "differs: a.html: line 2\n    expected: two\n    actual:   TWO",
        ])
    }
}
