import Foundation
import Testing
@testable import DossierCore

/// The same input gives byte-identical output, wherever and in whatever order it was written,
/// and a rebuild with nothing changed rewrites no file.
@Suite struct DeterminismTests {
    /// Copies the golden site's files into a fresh root, creating them in the given order.
    static func copyGoldenSite(order: ([String]) -> [String] = { $0 }, label: String = "site") throws -> URL {
        let root = Scratch.folder(label)
        let manager = FileManager.default
        for path in order(OutputFolder.files(under: Golden.site)) {
            let target = root.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: Golden.site.appendingPathComponent(path)).write(to: target)
        }
        return root
    }

    static func build(_ root: URL, output: URL? = nil) throws -> BuildResult {
        try SiteBuild.run(BuildOptions(root: root, output: output))
    }

    /// Inode and modification time of every file under a folder.
    static func stamps(_ folder: URL) throws -> [String: String] {
        var stamps: [String: String] = [:]
        for path in OutputFolder.files(under: folder) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamps[path] = "inode \(inode), mtime \(modified)"
        }
        return stamps
    }

    @Test func twoBuildsIntoTwoFoldersAreByteIdentical() throws {
        let first = Scratch.folder("out-a"), second = Scratch.folder("out-b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try Self.build(Golden.site, output: first).succeeded)
        #expect(try Self.build(Golden.site, output: second).succeeded)
        let a = Golden.tree(first), b = Golden.tree(second)
        #expect(a.count == 17)
        let differences = Golden.differences(expected: a, actual: b)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    /// Pages render in parallel: many builds in a row must still agree on every byte.
    @Test func repeatedBuildsAgree() throws {
        let reference = try Golden.build()
        defer { try? FileManager.default.removeItem(at: reference.output) }
        for _ in 0..<8 {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-repeat-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            let result = try SiteBuild.run(BuildOptions(root: Golden.site, output: output))
            #expect(!result.files.isEmpty)
            #expect(result.files == reference.result.files)
        }
    }

    @Test func fileCreationOrderAndSiteLocationDoNotMatter() throws {
        let reference = try Golden.build()
        defer { try? FileManager.default.removeItem(at: reference.output) }
        let expected = Golden.tree(reference.output)

        var generator = SplitMix64(seed: 0x5EED)
        let orders: [(String, ([String]) -> [String])] = [
            ("reversed", { $0.reversed() }),
            ("shuffled", { $0.shuffled(using: &generator) }),
            ("pages-first", { $0.sorted { ($0.contains("pages/") ? 0 : 1, $0) < ($1.contains("pages/") ? 0 : 1, $1) } }),
        ]
        for (label, order) in orders {
            let root = try Self.copyGoldenSite(order: order, label: "order-\(label)-with-a-longer-folder-name")
            defer { try? FileManager.default.removeItem(at: root) }
            let result = try Self.build(root)
            #expect(result.succeeded)
            let actual = Golden.tree(root.appendingPathComponent("public"))
            let differences = Golden.differences(expected: expected, actual: actual)
            #expect(differences.isEmpty, "\(label): \(differences.joined(separator: "\n"))")
            // Nothing of the machine leaks into the site: not the site's own path.
            for (path, data) in actual {
                #expect(!String(decoding: data, as: UTF8.self).contains(root.path), "\(label): \(path) contains the root path")
            }
        }
    }

    @Test func rebuildWithNothingChangedRewritesNoFile() throws {
        let root = try Self.copyGoldenSite(label: "rebuild")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")

        let first = try Self.build(root)
        #expect(first.succeeded)
        let fileCount = OutputFolder.files(under: output).count
        #expect(fileCount == first.files.count + 1)  // the pages, the stylesheet and the manifest
        // `written` and `unchanged` count the site's files; the manifest is not one of them.
        #expect(first.written == first.files.count)
        #expect(first.unchanged == 0)
        let before = try Self.stamps(output)
        let bytesBefore = Golden.tree(output)
        Thread.sleep(forTimeInterval: 0.05)

        let second = try Self.build(root)
        #expect(second.succeeded)
        #expect(second.written == 0)
        #expect(second.unchanged == second.files.count)
        let after = try Self.stamps(output)
        #expect(after == before, "files were rewritten")
        #expect(Golden.tree(output) == bytesBefore)
        // No staging or retired folder is left beside the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(siblings == ["content", "public"])
    }

    @Test func changingOneDocumentRewritesOnlyTheFilesThatChange() throws {
        let root = try Self.copyGoldenSite(label: "change")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        #expect(try Self.build(root).succeeded)
        let before = try Self.stamps(output)
        let bytesBefore = Golden.tree(output)
        Thread.sleep(forTimeInterval: 0.05)

        let path = root.appendingPathComponent("content/pages/methodology.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Task list for reviewers:", with: "Checklist for reviewers:").utf8).write(to: path)

        let second = try Self.build(root)
        #expect(second.succeeded)
        let bytesAfter = Golden.tree(output)
        let changed = bytesAfter.keys.filter { bytesAfter[$0] != bytesBefore[$0] }.sorted()
        #expect(changed == ["pages/methodology.html"])
        #expect(second.written == 1)
        #expect(second.unchanged == second.files.count - 1)
        let after = try Self.stamps(output)
        for (file, stamp) in after where file != "pages/methodology.html" {
            #expect(before[file] == stamp, "\(file) was rewritten though its bytes did not change")
        }
        #expect(before["pages/methodology.html"] != after["pages/methodology.html"])
    }

    /// A site without `templates/` uses the theme compiled into the binary; with the repository's
    /// `templates/` copied in, the output is the same, byte for byte.
    @Test func builtInThemeMatchesTheRepositoryTemplates() throws {
        let repositoryTemplates = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        try #require(FileManager.default.fileExists(atPath: repositoryTemplates.appendingPathComponent("incident.mustache").path))

        let plain = try Self.copyGoldenSite(label: "builtin")
        let themed = try Self.copyGoldenSite(label: "themed")
        defer {
            try? FileManager.default.removeItem(at: plain)
            try? FileManager.default.removeItem(at: themed)
        }
        try FileManager.default.copyItem(at: repositoryTemplates, to: themed.appendingPathComponent("templates"))
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("templates").path))

        let plainResult = try Self.build(plain)
        let themedResult = try Self.build(themed)
        #expect(plainResult.lines == [])
        #expect(themedResult.lines == [])
        let differences = Golden.differences(expected: Golden.tree(plain.appendingPathComponent("public")),
                                             actual: Golden.tree(themed.appendingPathComponent("public")))
        #expect(differences.isEmpty, "built-in theme and templates/ differ:\n\(differences.joined(separator: "\n"))")

        // The embedded files themselves are the repository's, file for file.
        let onDisk = OutputFolder.files(under: repositoryTemplates).filter { !$0.hasPrefix(".") }
        #expect(Set(onDisk) == Set(DefaultTheme.files.keys))
        for path in onDisk {
            let bytes = try Data(contentsOf: repositoryTemplates.appendingPathComponent(path))
            #expect(DefaultTheme.files[path].map { Data($0.utf8) } == bytes, "built-in \(path) differs from templates/\(path)")
        }
    }
}
