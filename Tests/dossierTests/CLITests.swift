import Foundation
import Testing

/// The `dossier` binary as a user runs it: exit statuses, what it prints, what it writes.
@Suite struct CLITests {
    /// A small site folder written from strings into a fresh temporary directory.
    struct Site {
        let root: URL

        init(_ files: [String: String] = Site.good) {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
            for (path, text) in files { write(path, text) }
        }

        static let good: [String: String] = [
            "content/site.yml": "title: CLI Briefing\n",
            "content/incidents/x.md": """
            ---
            title: Harbour wiper
            date: 2022-07-14
            tlp: clear
            actors:
              - id: heron
                role: claimed
            ---
            [[heron]] claimed it.

            """,
            "content/actors/heron.md": "---\nname: Heron\ntlp: clear\n---\nA group.\n",
            "content/pages/about.md": "---\ntitle: About\n---\nAbout [[x]].\n",
        ]

        func write(_ path: String, _ text: String) {
            let url = root.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }

        var output: URL { root.appendingPathComponent("public") }

        /// Every file under a folder with its bytes.
        func tree(_ folder: URL? = nil) -> [String: Data] {
            let folder = folder ?? output
            var tree: [String: Data] = [:]
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return tree }
            while let relative = enumerator.nextObject() as? String {
                if enumerator.fileAttributes?[.type] as? FileAttributeType != .typeDirectory {
                    tree[relative] = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
                }
            }
            return tree
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let expectedFiles: Set<String> = [
        ".dossier-manifest", "index.html", "timeline.html", "actors.html", "incidents/x.html",
        "actors/heron.html", "pages/about.html", "assets/style.css",
    ]

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    // MARK: - build

    @Test func buildWritesTheSiteAndPrintsASummary() throws {
        let site = Site()
        defer { site.remove() }
        let run = try CLI.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr == "")
        #expect(Set(site.tree().keys) == Self.expectedFiles)
        let summary = try #require(run.stdout.wholeMatch(of: /Built (\d+) files into (.+)\/ \((\d+) written, (\d+) unchanged\)\.\n/),
                                   "stdout: \(run.stdout)")
        #expect(summary.output.2 == site.root.appendingPathComponent("public").path)
        let built = Int(summary.output.1)!, written = Int(summary.output.3)!, unchanged = Int(summary.output.4)!
        #expect(unchanged == 0)
        // The counts add up: every file built was either written or left unchanged.
        #expect(written + unchanged == built, "summary counts disagree: \(run.stdout)")
        #expect(built == Self.expectedFiles.count || built == Self.expectedFiles.count - 1)

        // Again, with nothing changed: nothing written.
        let again = try CLI.run(["build", "--root", site.root.path])
        #expect(again.status == 0)
        let second = try #require(again.stdout.wholeMatch(of: /Built (\d+) files into .+\/ \((\d+) written, (\d+) unchanged\)\.\n/))
        #expect(second.output.2 == "0")
        #expect(Int(second.output.3)! == Int(second.output.1)!, "summary counts disagree: \(again.stdout)")
    }

    @Test func buildWithNoArgumentsWorksInTheCurrentFolder() throws {
        let site = Site()
        defer { site.remove() }
        let run = try CLI.run(["build"], in: site.root)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.hasPrefix("Built "))
        #expect(run.stdout.contains(" into public/ ("))
        #expect(Set(site.tree().keys) == Self.expectedFiles)
    }

    @Test func buildWithOutputWritesThere() throws {
        let site = Site()
        let elsewhere = Site(["README": "a working directory\n"])
        defer {
            site.remove()
            elsewhere.remove()
        }
        let run = try CLI.run(["build", "--root", site.root.path, "--output", "out/site"], in: elsewhere.root)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains(" into out/site/ ("), "stdout: \(run.stdout)")
        #expect(!site.exists("public"))
        // A relative --output is relative to the working directory, not to the root.
        #expect(Set(site.tree(elsewhere.root.appendingPathComponent("out/site")).keys) == Self.expectedFiles)
    }

    @Test func buildWithErrorsExitsOneAndLeavesTheOutputUntouched() throws {
        let site = Site()
        defer { site.remove() }
        #expect(try CLI.run(["build", "--root", site.root.path]).status == 0)
        let before = site.tree()
        #expect(!before.isEmpty)

        // Break the content: an unknown reference in a body (line 10, column 5), and a bad TLP in
        // another file's front-matter (line 3, column 6).
        site.write("content/incidents/x.md", """
        ---
        title: Harbour wiper
        date: 2022-07-14
        tlp: clear
        actors:
          - id: heron
            role: claimed
        ---
        [[heron]] claimed it.
        See [[hreon]] again.

        """)
        site.write("content/pages/about.md", "---\ntitle: About\ntlp: purple\n---\nAbout [[x]].\n")
        let run = try CLI.run(["build", "--root", site.root.path])
        #expect(run.status == 1, "stdout: \(run.stdout) stderr: \(run.stderr)")
        #expect(run.stdout == "")
        let lines = Self.lines(run.stderr)
        #expect(lines == [
            "content/incidents/x.md:10:5: error: unknown reference 'hreon'; did you mean 'heron'? [unknown-reference]",
            "    See [[hreon]] again.",
            "        ^",
            "content/pages/about.md:3:6: error: invalid TLP marking 'purple'; expected clear, green, amber, amber+strict or red [invalid-tlp]",
            "    tlp: purple",
            "         ^",
            "2 errors; nothing was written.",
        ], "stderr:\n\(run.stderr)")
        // The general form: path:line:column: error: message [code], the source line, a caret under the column.
        let diagnostic = /(content\/[a-z]+\/[a-z0-9-]+\.md):(\d+):(\d+): error: .+ \[[a-z-]+\]/
        for index in lines.indices {
            guard let match = lines[index].wholeMatch(of: diagnostic) else { continue }
            let line = Int(match.output.2)!, column = Int(match.output.3)!
            try #require(index + 2 < lines.count, "no source line and caret after \(lines[index])")
            let fileLines = try String(contentsOf: site.root.appendingPathComponent(String(match.output.1)), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[index + 1] == "    " + fileLines[line - 1], "\(lines[index])")
            #expect(lines[index + 2] == "    " + String(repeating: " ", count: column - 1) + "^", "\(lines[index])")
        }

        // The previous output is exactly as it was: same files, same bytes, nothing added.
        let after = site.tree()
        #expect(Set(after.keys) == Set(before.keys))
        for (path, data) in before { #expect(after[path] == data, "\(path) changed") }
        // No staging folder left behind.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(siblings == ["content", "public"])
    }

    /// The caret sits under the reference, also when the line has non-ASCII text before it.
    @Test func caretPointsAtTheReferenceOnANonASCIILine() throws {
        let site = Site()
        defer { site.remove() }
        site.write("content/pages/about.md", "---\ntitle: About\n---\nCafé — Zürich: [[nobody]] here.\n")
        let run = try CLI.run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        let lines = Self.lines(run.stderr)
        try #require(lines.count >= 3, "stderr:\n\(run.stderr)")
        #expect(lines[0].hasPrefix("content/pages/about.md:4:"))
        #expect(lines[1] == "    Café — Zürich: [[nobody]] here.")
        let source = lines[1], caret = lines[2]
        let referenceOffset = source.distance(from: source.startIndex, to: source.range(of: "[[")!.lowerBound)
        let caretOffset = caret.count - 1
        #expect(caret.hasSuffix("^"))
        #expect(caretOffset == referenceOffset, "caret under column \(caretOffset - 3), reference at \(referenceOffset - 3):\n\(source)\n\(caret)")
        #expect(lines[0].hasPrefix("content/pages/about.md:4:16: "), "column should count characters: \(lines[0])")
    }

    @Test func templateErrorsExitOne() throws {
        let site = Site()
        defer { site.remove() }
        site.write("templates/page.mustache", "{{#page}}unclosed\n")
        let run = try CLI.run(["build", "--root", site.root.path])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("templates/page.mustache"))
        #expect(!site.exists("public"))
    }

    // MARK: - Wrong usage

    @Test func wrongUsageExitsTwo() throws {
        let site = Site()
        defer { site.remove() }
        let cases: [[String]] = [
            ["build", "--root", site.root.path, "--frobnicate"],
            ["publish", "--root", site.root.path],
            ["build", "--root", site.root.path, "--publish-tlp", "purple"],
            ["build", "--root", "/nonexistent/dossier-site"],
            ["check", "--root", "/nonexistent/dossier-site"],
        ]
        for arguments in cases {
            let run = try CLI.run(arguments)
            #expect(run.status == 2, "\(arguments): status \(run.status), stderr: \(run.stderr)")
            #expect(!run.stderr.isEmpty, "\(arguments): no message")
            #expect(run.stdout == "", "\(arguments): stdout \(run.stdout)")
        }
        #expect(!site.exists("public"), "a usage error wrote output")
        let tlp = try CLI.run(["build", "--root", site.root.path, "--publish-tlp", "purple"])
        #expect(tlp.stderr.contains("purple"))
        let root = try CLI.run(["build", "--root", "/nonexistent/dossier-site"])
        #expect(root.stderr.contains("/nonexistent/dossier-site"))
    }

    @Test func outputFolderWithAForeignFileIsRefused() throws {
        let site = Site()
        defer { site.remove() }
        site.write("public/notes.txt", "my notes\n")
        let run = try CLI.run(["build", "--root", site.root.path])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("refusing"))
        #expect(site.tree() == ["notes.txt": Data("my notes\n".utf8)])

        // Also when the folder is Dossier's own output with a foreign file added.
        try FileManager.default.removeItem(at: site.output)
        #expect(try CLI.run(["build", "--root", site.root.path]).status == 0)
        site.write("public/notes.txt", "my notes\n")
        let before = site.tree()
        let again = try CLI.run(["build", "--root", site.root.path])
        #expect(again.status == 2, "stderr: \(again.stderr)")
        #expect(again.stderr.contains("notes.txt"))
        #expect(site.tree() == before)
    }

    // MARK: - check

    @Test func checkWritesNothing() throws {
        let site = Site()
        defer { site.remove() }
        let good = try CLI.run(["check", "--root", site.root.path])
        #expect(good.status == 0, "stderr: \(good.stderr)")
        #expect(good.stdout.hasPrefix("Checked "))
        #expect(!site.exists("public"))

        site.write("content/pages/about.md", "---\ntitle: About\n---\nAbout [[nobody]].\n")
        let bad = try CLI.run(["check", "--root", site.root.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("content/pages/about.md:4:7: error: unknown reference 'nobody'"))
        #expect(!bad.stderr.contains("nothing was written"))
        #expect(!site.exists("public"))

        // In the current folder, too.
        let here = try CLI.run(["check"], in: site.root)
        #expect(here.status == 1)
        #expect(!site.exists("public"))
    }

    @Test func checkLeavesAnExistingOutputAlone() throws {
        let site = Site()
        defer { site.remove() }
        #expect(try CLI.run(["build", "--root", site.root.path]).status == 0)
        let before = site.tree()
        site.write("content/pages/about.md", "---\ntitle: Changed\n---\nChanged.\n")
        #expect(try CLI.run(["check", "--root", site.root.path]).status == 0)
        #expect(site.tree() == before)
    }

    // MARK: - help and verbose

    @Test func helpExitsZero() throws {
        for arguments in [["--help"], ["build", "--help"], ["check", "--help"], ["help"]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.contains("USAGE") || run.stdout.contains("Usage"), "\(arguments): \(run.stdout)")
        }
        let help = try CLI.run(["--help"])
        #expect(help.stdout.contains("build"))
        #expect(help.stdout.contains("check"))
        let build = try CLI.run(["build", "--help"])
        for option in ["--root", "--output", "--drafts", "--publish-tlp", "--verbose"] {
            #expect(build.stdout.contains(option), "build --help lacks \(option)")
        }
    }

    @Test func verbosePrintsEachStepsTimeOnStandardError() throws {
        let site = Site()
        defer { site.remove() }
        let run = try CLI.run(["build", "--verbose", "--root", site.root.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let steps = Self.lines(run.stderr).compactMap { $0.wholeMatch(of: /([a-z ]+?) +\d+\.\d{3} s/).map { String($0.output.1) } }
        #expect(steps == ["load and validate", "load theme", "link", "render markdown", "render and stage pages", "swap into place"],
                "stderr:\n\(run.stderr)")
        #expect(run.stdout.hasPrefix("Built "))
        // Without --verbose, nothing on standard error.
        #expect(try CLI.run(["build", "--root", site.root.path]).stderr == "")
    }
}
