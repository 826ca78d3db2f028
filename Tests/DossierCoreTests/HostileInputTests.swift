import Foundation
import Testing
@testable import DossierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Broken or hostile input that cannot live in the committed fixture corpus (huge files,
/// symlinks, FIFOs) or is generated: each gets one clear diagnostic, no crash, no hang, and
/// nothing written.
@Suite struct HostileInputTests {
    // MARK: helpers

    /// Builds with writes on into a fresh output folder; checks that a failed build wrote nothing.
    private func buildExpectingErrors(_ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildResult {
        let output = site.root.appendingPathComponent("out-\(UUID().uuidString)")
        let result = try site.build(output: output)
        #expect(result.diagnostics.hasErrors, "expected errors, got \(result.lines)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build created its output folder",
                sourceLocation: sourceLocation)
        return result
    }

    /// A folder outside any site, removed by the caller.
    private func outsideFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func symlink(_ site: TestSite, _ path: String, to destination: String) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    private func resolved(_ url: URL) -> String { url.resolvingSymlinksInPath().standardizedFileURL.path }

    /// Every file under the output folder (if any), concatenated: to prove a secret never reached it.
    private func allOutput(_ folder: URL) -> String {
        OutputFolder.files(under: folder).map { path in
            FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
        }.joined(separator: "\n")
    }

    /// Runs `body` on another thread; if it has not finished within `seconds`, calls `unblock` (which
    /// must make it finish) and reports a hang. Returns the value either way.
    private func withTimeout<T: Sendable>(
        _ seconds: Double, unblock: @escaping @Sendable () -> Void, _ body: @escaping @Sendable () -> T,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Thread.detachNewThread {
            box.value = body()
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .timedOut {
            Issue.record("the build hung for more than \(seconds) s", sourceLocation: sourceLocation)
            unblock()
            done.wait()
        }
        return box.value!
    }

    // MARK: file size

    @Test func fileOverTheTenMegabyteLimitIsRefused() throws {
        let site = TestSite([:])
        defer { site.remove() }
        var data = Data(Doc.incident(title: "Huge").utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: SiteFolder.maximumFileSize + 1 - data.count))
        site.write("content/incidents/huge.md", data)
        #expect(data.count == 10_485_761)

        let result = try buildExpectingErrors(site)
        #expect(result.lines == [
            "content/incidents/huge.md:1:1: error: file is 10485761 bytes, over the 10 MB limit for a write-up [file-too-large]",
        ])
    }

    @Test func siteSettingsOverTheLimitAreRefused() throws {
        let site = TestSite([:], config: nil)
        defer { site.remove() }
        var data = Data("title: Big\ndescription: ".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: SiteFolder.maximumFileSize + 1 - data.count))
        site.write("content/site.yml", data)

        let result = try buildExpectingErrors(site)
        #expect(result.lines == [
            "content/site.yml:1:1: error: file is 10485761 bytes, over the 10 MB limit for a write-up [file-too-large]",
        ])
    }

    // MARK: symbolic links

    @Test func contentSymlinkLeavingTheSiteIsRefused() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = outside.appendingPathComponent("secret.md")
        try Data(Doc.incident(title: "SECRET-OUTSIDE-TITLE", body: "SECRET-OUTSIDE-BODY").utf8).write(to: secret)
        let site = TestSite(["content/incidents/good.md": Doc.incident(title: "Good")])
        defer { site.remove() }
        try symlink(site, "content/incidents/leak.md", to: secret.path)

        let result = try buildExpectingErrors(site)
        #expect(result.lines == [
            "content/incidents/leak.md:1:1: error: symbolic link leads outside the site folder (to \(resolved(secret))); refusing to read it [symlink-outside-root]",
        ])
    }

    @Test func relativeSymlinkClimbingOutOfTheSiteIsRefused() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = outside.appendingPathComponent("secret.md")
        try Data(Doc.actor(name: "SECRET").utf8).write(to: secret)
        let site = TestSite([:])
        defer { site.remove() }
        // content/actors/leak.md -> ../../../<outside>/secret.md
        try symlink(site, "content/actors/leak.md", to: "../../../\(outside.lastPathComponent)/secret.md")

        let result = try buildExpectingErrors(site)
        #expect(result.lines == [
            "content/actors/leak.md:1:1: error: symbolic link leads outside the site folder (to \(resolved(secret))); refusing to read it [symlink-outside-root]",
        ])
    }

    @Test func siteSettingsSymlinkLeavingTheSiteIsRefused() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let settings = outside.appendingPathComponent("site.yml")
        try Data("title: Elsewhere\n".utf8).write(to: settings)
        let site = TestSite([:], config: nil)
        defer { site.remove() }
        try symlink(site, "content/site.yml", to: settings.path)

        let result = try buildExpectingErrors(site)
        #expect(result.lines == [
            "content/site.yml:1:1: error: symbolic link leads outside the site folder (to \(resolved(settings))); refusing to read it [symlink-outside-root]",
        ])
    }

    @Test func symlinkedContentFolderLeavingTheSiteIsRefused() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data(Doc.incident(title: "SECRET").utf8).write(to: outside.appendingPathComponent("a.md"))
        let site = TestSite([:])
        defer { site.remove() }
        try symlink(site, "content/incidents", to: outside.path)

        let result = try buildExpectingErrors(site)
        #expect(result.lines == [
            "content/incidents/a.md:1:1: error: symbolic link leads outside the site folder (to \(resolved(outside.appendingPathComponent("a.md")))); refusing to read it [symlink-outside-root]",
        ])
    }

    @Test func symlinkWithinTheSiteIsRead() throws {
        let site = TestSite(["notes/shared.md": Doc.incident(title: "Shared write-up")])
        defer { site.remove() }
        try symlink(site, "content/incidents/shared.md", to: "../../notes/shared.md")
        let result = try site.build()
        #expect(result.lines == [])
        #expect(site.page("incidents/shared.html")?.contains("Shared write-up") == true)
    }

    @Test func danglingSymlinkIsAnErrorAtItsPath() throws {
        let site = TestSite([:])
        defer { site.remove() }
        try symlink(site, "content/incidents/gone.md", to: "nowhere/missing.md")
        let result = try buildExpectingErrors(site)
        #expect(result.diagnostics.all.count == 1)
        let diagnostic = try #require(result.diagnostics.all.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == DossierCore.SourceLocation(path: "content/incidents/gone.md", line: 1, column: 1))
    }

    @Test func symlinkLoopIsAnErrorNotAHang() throws {
        let site = TestSite([:])
        defer { site.remove() }
        try symlink(site, "content/incidents/a.md", to: "b.md")
        try symlink(site, "content/incidents/b.md", to: "a.md")
        let result = try buildExpectingErrors(site)
        #expect(result.diagnostics.all.map(\.location.path) == ["content/incidents/a.md", "content/incidents/b.md"])
        #expect(result.diagnostics.all.allSatisfy { $0.severity == .error && $0.location.line == 1 && $0.location.column == 1 })
    }

    /// Theme assets are copied verbatim into public/: a link out of the site would publish any file
    /// the builder can read (a key, a password file).
    @Test func templateAssetSymlinkLeavingTheSiteIsRefused() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = outside.appendingPathComponent("id_rsa")
        try Data("SECRET-PRIVATE-KEY".utf8).write(to: secret)
        let site = TestSite(Self.minimalTheme.merging(["content/incidents/a.md": Doc.incident()]) { $1 })
        defer { site.remove() }
        try symlink(site, "templates/assets/leak.txt", to: secret.path)

        let output = site.root.appendingPathComponent("out")
        let result = try site.build(output: output)
        #expect(!allOutput(output).contains("SECRET-PRIVATE-KEY"), "a file outside the site was published")
        #expect(result.diagnostics.errors.contains { $0.location.path == "templates/assets/leak.txt" },
                "expected an error at templates/assets/leak.txt, got \(result.lines)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func templateSymlinkLeavingTheSiteIsRefused() throws {
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let template = outside.appendingPathComponent("page.mustache")
        try Data("SECRET-TEMPLATE {{#page}}{{title}}{{/page}}".utf8).write(to: template)
        var files = Self.minimalTheme
        files["templates/page.mustache"] = nil
        files["content/pages/about.md"] = Doc.page()
        let site = TestSite(files)
        defer { site.remove() }
        try symlink(site, "templates/page.mustache", to: template.path)

        let output = site.root.appendingPathComponent("out")
        let result = try site.build(output: output)
        #expect(!allOutput(output).contains("SECRET-TEMPLATE"), "a template outside the site was used")
        #expect(result.diagnostics.errors.contains { $0.location.path == "templates/page.mustache" },
                "expected an error at templates/page.mustache, got \(result.lines)")
    }

    // MARK: special files

    @Test func fifoInContentIsNotRead() throws {
        let site = TestSite(["content/incidents/a.md": Doc.incident()])
        defer { site.remove() }
        let fifo = site.root.appendingPathComponent("content/incidents/pipe.md").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let root = site.root
        let result = withTimeout(10, unblock: { Self.unblockFIFO(fifo) }) {
            Result { try SiteBuild.run(BuildOptions(root: root, output: root.appendingPathComponent("out"))) }
        }
        let lines = try result.get().lines
        #expect(lines == ["content/incidents/pipe.md:1:1: error: not a regular file [not-a-file]"])
    }

    @Test func fifoInTemplatesIsNotReadAndDoesNotHang() throws {
        let site = TestSite(Self.minimalTheme.merging(["content/incidents/a.md": Doc.incident()]) { $1 })
        defer { site.remove() }
        let fifo = site.root.appendingPathComponent("templates/assets/pipe.css").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let root = site.root
        let result = withTimeout(10, unblock: { Self.unblockFIFO(fifo) }) {
            Result { try SiteBuild.run(BuildOptions(root: root, output: root.appendingPathComponent("out"))) }
        }
        let build = try result.get()
        // Not silently dropped: the theme names its assets, and a missing one breaks pages.
        #expect(build.diagnostics.all.contains { $0.location.path == "templates/assets/pipe.css" },
                "expected a diagnostic at templates/assets/pipe.css, got \(build.lines)")
    }

    /// Opens a FIFO for writing and closes it, so a reader blocked on it sees end of file.
    private static func unblockFIFO(_ path: String) {
        let fd = open(path, O_WRONLY | O_NONBLOCK)
        if fd >= 0 { close(fd) }
    }

    // MARK: bytes that are not text

    /// A bad byte at many places in a valid incident: one diagnostic, at the line and the column
    /// (in characters, as YAML positions are) where the byte sits.
    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let text = Doc.incident(title: "Sulmi ndaj Kuvendit të Shqipërisë", body: "Çështja e parë.\n\nParagrafi i dytë — me “thonjëza”.")
        let scalars = Array(text.unicodeScalars)
        var generator = SplitMix64(seed: 0x1DEA)
        var positions = Set([0, 1, 4, scalars.count - 1, scalars.count])
        while positions.count < 40 { positions.insert(Int.random(in: 0...scalars.count, using: &generator)) }
        for position in positions.sorted() {
            for bad in [[UInt8(0xFF)], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] as [[UInt8]] {
                let before = String(String.UnicodeScalarView(scalars[..<position]))
                let after = String(String.UnicodeScalarView(scalars[position...]))
                var data = Data(before.utf8)
                data.append(contentsOf: bad)
                data.append(Data(after.utf8))
                let line = before.filter { $0 == "\n" }.count + 1
                let column = before.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1

                let site = TestSite([:])
                defer { site.remove() }
                site.write("content/incidents/x.md", data)
                let result = try site.check()
                #expect(result.lines == ["content/incidents/x.md:\(line):\(column): error: invalid UTF-8: save the file as UTF-8 text [invalid-utf8]"],
                        "bad bytes \(bad) at scalar \(position)")
            }
        }
    }

    /// The splitter reads CRLF and a lone CR as line ends; the UTF-8 check must count lines the same way.
    @Test(arguments: ["\r\n", "\r"])
    func invalidUTF8PositionCountsEveryKindOfLineEnd(_ ending: String) throws {
        let text = Doc.incident(title: "Café").replacingOccurrences(of: "\n", with: ending)
        var data = Data(text.utf8)
        // Replace the "é" (two bytes) on line 2 by a lone continuation byte.
        let range = try #require(data.firstRange(of: Data("é".utf8)))
        data.replaceSubrange(range, with: [0xA9])
        let site = TestSite([:])
        defer { site.remove() }
        site.write("content/incidents/x.md", data)
        let result = try buildExpectingErrors(site)
        #expect(result.lines == ["content/incidents/x.md:2:11: error: invalid UTF-8: save the file as UTF-8 text [invalid-utf8]"])
    }

    @Test func templateThatIsNotUTF8IsAnErrorAtItsPath() throws {
        let site = TestSite(Self.minimalTheme.merging(["content/incidents/a.md": Doc.incident()]) { $1 })
        defer { site.remove() }
        site.write("templates/actor.mustache", Data([0x7B, 0x7B, 0x23, 0xFF, 0x7D, 0x7D]))
        let result = try buildExpectingErrors(site)
        #expect(result.diagnostics.errors.map(\.location.path) == ["templates/actor.mustache"], "\(result.lines)")
    }

    /// libyaml refuses control characters; the diagnostic must name the line they are on.
    @Test func nulByteInFrontMatterIsReportedOnItsLine() throws {
        let site = TestSite(["content/incidents/x.md": "---\ntitle: X\ndate: 2023-12-25\ntlp: cl\u{0}ear\n---\nBody.\n"])
        defer { site.remove() }
        let result = try buildExpectingErrors(site)
        #expect(result.diagnostics.all.count == 1)
        let location = try #require(result.diagnostics.all.first?.location)
        #expect(location == DossierCore.SourceLocation(path: "content/incidents/x.md", line: 4, column: 8), "\(result.lines)")
    }

    /// Control characters in a body neither break the build nor shift the column of a later
    /// reference: columns count characters as written in the file.
    @Test(arguments: [
        "Tab\there [[nope]]",
        "Two\t\ttabs [[nope]]",
        "NUL \u{0} here [[nope]]",
        "Bell \u{7} DEL \u{7F} escape \u{1B}[31m red [[nope]]",
        "Form feed \u{C} here [[nope]]",
    ])
    func controlCharactersInTheBodyKeepReferenceColumns(_ line: String) throws {
        let site = TestSite(["content/incidents/x.md": Doc.incident(body: line)])
        defer { site.remove() }
        let result = try site.check()
        let before = line.components(separatedBy: "[[nope]]")[0]
        #expect(result.lines == ["content/incidents/x.md:6:\(before.unicodeScalars.count + 1): error: unknown reference 'nope' [unknown-reference]"])
    }

    // MARK: YAML that is valid but odd

    /// `draft: "true"` is text in YAML; whatever the generator decides, its message must not say
    /// "must be true or false, not the value 'true'".
    @Test func quotedBooleanGetsAMessageThatDoesNotContradictItself() throws {
        for value in ["\"true\"", "'false'"] {
            let site = TestSite(["content/incidents/x.md": Doc.incident(extra: "draft: \(value)\n")])
            defer { site.remove() }
            let result = try site.check()
            for diagnostic in result.diagnostics.all {
                let word = value.dropFirst().dropLast()
                #expect(!(diagnostic.message.contains("true or false") && diagnostic.message.hasSuffix("'\(word)'")),
                        "self-contradicting message: \(diagnostic)")
            }
        }
    }

    /// A key that is a list or a map is nothing Dossier knows: it must not vanish silently.
    @Test func nonTextKeysAreReported() throws {
        let text = Doc.incident(extra: "[tags]: [phishing]\n")
        let site = TestSite(["content/incidents/x.md": text])
        defer { site.remove() }
        let result = try site.check()
        #expect(result.diagnostics.all.contains { $0.location == DossierCore.SourceLocation(path: "content/incidents/x.md", line: 5, column: 1) },
                "the key on line 5 was ignored without a word: \(result.lines)")
    }

    /// A billion-laughs alias bomb: anchors expand to 10^9 strings if copied naively.
    @Test func aliasBombFinishesQuickly() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let site = TestSite(["content/incidents/x.md": Doc.incident(extra: yaml + "tags: *a9\nactors: *a9\nsources: *a9\ntargets: *a9\n")])
        defer { site.remove() }
        let start = Date()
        let result = try buildExpectingErrors(site)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.diagnostics.errors.allSatisfy { $0.location.path == "content/incidents/x.md" })
    }

    @Test(arguments: [1_000, 100_000])
    func deeplyNestedYAMLIsAnErrorNotACrash(depth: Int) throws {
        let site = TestSite(["content/incidents/x.md": Doc.incident(
            extra: "tags: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")])
        defer { site.remove() }
        let result = try buildExpectingErrors(site)
        #expect(result.diagnostics.errors.count >= 1)
        #expect(result.diagnostics.errors.allSatisfy { $0.location.path == "content/incidents/x.md" && $0.location.line == 5 },
                "\(result.lines)")
    }

    // MARK: Markdown that stresses the renderer

    @Test func deeplyNestedMarkdownBuilds() throws {
        let depth = 5_000
        let bodies = [
            String(repeating: ">", count: depth) + " deep quote",
            (0..<200).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n"),
            String(repeating: "*a ", count: depth) + String(repeating: " b*", count: depth),
            String(repeating: "[", count: depth) + "x" + String(repeating: "](https://example.com/)", count: depth),
            String(repeating: "[[", count: depth) + "a" + String(repeating: "]]", count: depth),
            String(repeating: "`", count: depth) + "code",
        ]
        var files: [String: String] = ["content/incidents/a.md": Doc.incident(title: "A")]
        for (index, body) in bodies.enumerated() { files["content/incidents/n\(index).md"] = Doc.incident(body: body) }
        let site = TestSite(files)
        defer { site.remove() }
        let start = Date()
        let result = try site.build()
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(result.succeeded, "\(result.lines)")
        #expect(site.page("incidents/n0.html")?.contains("deep quote") == true)
    }

    /// The reference scanner is linear: long lines full of brackets and references stay fast.
    @Test func manyReferencesAndBracketsStayFast() throws {
        let bodies = [
            String(repeating: "[[a]] ", count: 20_000),
            String(repeating: "[[", count: 200_000),
            String(repeating: "[[a|", count: 50_000) + String(repeating: "]]", count: 50_000),
            String(repeating: "[[nope]] ", count: 2_000),
        ]
        var files: [String: String] = ["content/incidents/a.md": Doc.incident(title: "A")]
        for (index, body) in bodies.enumerated() { files["content/incidents/r\(index).md"] = Doc.incident(body: body) }
        let site = TestSite(files)
        defer { site.remove() }
        let start = Date()
        let result = try site.check()
        #expect(Date().timeIntervalSince(start) < 15)
        // Only the 2,000 unknown references are errors, each at its own column.
        #expect(result.diagnostics.errors.count == 2_000)
        #expect(Set(result.diagnostics.errors.map(\.location.column)).count == 2_000)
        #expect(result.diagnostics.errors.allSatisfy { $0.location.path == "content/incidents/r3.md" && $0.location.line == 6 })
    }

    // MARK: a minimal theme

    static let minimalTheme: [String: String] = [
        "templates/home.mustache": "<h1>{{site.title}}</h1>\n",
        "templates/timeline.mustache": "<h1>Timeline</h1>\n",
        "templates/actors.mustache": "<h1>Actors</h1>\n",
        "templates/incident.mustache": "{{#incident}}<h1>{{title}}</h1>{{{body}}}{{/incident}}\n",
        "templates/actor.mustache": "{{#actor}}<h1>{{name}}</h1>{{/actor}}\n",
        "templates/page.mustache": "{{#page}}<h1>{{title}}</h1>{{/page}}\n",
        "templates/assets/style.css": "body { color: black; }\n",
    ]
}

/// Holds a value written by one thread and read by another after a semaphore.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
