import Foundation
import Testing
@testable import DossierCore

/// The output folder is replaced whole, only when it is Dossier's own, and never on a failed build.
@Suite struct OutputTests {
    static func goodSite() -> TestSite {
        TestSite(["content/incidents/a.md": Doc.incident(title: "A"), "content/actors/b.md": Doc.actor(name: "B")])
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in OutputFolder.files(under: folder) {
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let site = Self.goodSite()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let before = try snapshot(site.output)
        site.write("content/incidents/a.md", "---\ntitle: A\ndate: 2023-02-30\ntlp: clear\n---\n")
        site.write("content/incidents/c.md", Doc.incident(title: "C"))
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(try snapshot(site.output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(siblings == ["content", "public"], "no staging folder is left behind")
    }

    @Test func aGoodBuildReplacesTheOutputWhole() throws {
        let site = Self.goodSite()
        defer { site.remove() }
        #expect(try site.build().succeeded)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/actors/b.md"))
        #expect(try site.build().succeeded)
        #expect(site.page("actors/b.html") == nil, "a page whose source is gone is gone")
        #expect(site.page(OutputFolder.manifestName)?.contains("incidents/a.html") == true)
    }

    @Test func refusesAFolderWithFilesDossierDidNotWrite() throws {
        let site = Self.goodSite()
        defer { site.remove() }
        site.write("public/notes.txt", "mine")
        #expect(throws: UsageError.self) { try site.build() }
        #expect(site.page("notes.txt") == "mine")
        #expect(site.page("index.html") == nil)
        // Dossier's own output with a stray file added is refused too, and kept.
        try FileManager.default.removeItem(at: site.output)
        #expect(try site.build().succeeded)
        site.write("public/incidents/extra.html", "hand-made")
        #expect(throws: UsageError.self) { try site.build() }
        #expect(site.page("incidents/extra.html") == "hand-made")
    }

    @Test(arguments: [".", "content", "templates", "content/incidents", "..", "content/../content"])
    func refusesTheRootAndItsSourceFolders(_ relative: String) throws {
        let site = Self.goodSite()
        defer { site.remove() }
        site.write("templates/assets/x.css", "")
        let target = site.root.appendingPathComponent(relative)
        #expect(throws: UsageError.self) { try site.build(output: target) }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/incidents/a.md").path))
    }

    @Test func anEmptyOrMissingFolderIsFine() throws {
        let site = Self.goodSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        #expect(try site.build().succeeded)
        let elsewhere = site.root.appendingPathComponent("out/deep/site")
        #expect(try site.build(output: elsewhere).succeeded)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
    }

    @Test func anUnchangedRebuildRewritesNoFile() throws {
        let site = Self.goodSite()
        defer { site.remove() }
        let first = try site.build()
        #expect(first.written == first.files.count)
        let inode = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("incidents/a.html").path)[.systemFileNumber] as? Int
        let second = try site.build()
        #expect(second.written == 0)
        #expect(second.unchanged == second.files.count)
        let after = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("incidents/a.html").path)[.systemFileNumber] as? Int
        #expect(inode == after)
        site.write("content/incidents/a.md", Doc.incident(title: "A changed"))
        let third = try site.build()
        #expect(third.written > 0 && third.written < third.files.count)
    }

    @Test func checkWritesNothing() throws {
        let site = Self.goodSite()
        defer { site.remove() }
        #expect(try site.check().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
