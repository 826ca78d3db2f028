import Foundation
import Testing
@testable import DossierCore

/// Seeded random and mutated input for the front-matter splitter, the reference scanner and the
/// whole pipeline: no crash, no hang, and results that agree with simple reference versions.
/// Every failure message carries the seed and iteration, so it replays exactly.
@Suite struct FuzzTests {
    // MARK: input generation

    /// Pieces that matter to the code under test, injected at random places.
    static let tokens: [[UInt8]] = [
        "---", "---\n", "\n---\n", "--- \t", "----", "\n", "\r", "\r\n", "[[", "]]", "[", "]", "|", "[[a]]", "[[x|y]]",
        "\u{0}", "\u{FEFF}", "é", "ë", "Ç", "𝄞", "\u{301}", "中", "\t", " ", ":", ": ", "- ", "`", "```\n", "\"", "'",
        "#", "&", "*", "!", "<", ">", "{", "}", "title: ", "tlp: red", "draft: true", "actors: [a]", "related: [x]",
        "~", "null", "&anchor ", "*anchor", "? ", "%YAML 1.2\n", "...\n",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]

    static let validIncident = Array("""
        ---
        title: Cyberattack on the Parliament of Albania
        date: 2023-12
        date_note: "Reported on a Tuesday"
        tlp: clear
        status: confirmed
        actors:
          - id: a
            role: claimed
            source: s1
          - id: a
            role: attributed
            by: Microsoft
            confidence: moderate
        targets: [a, Parliament]
        countries: [AL]
        sectors: [government]
        techniques: [T1485, T1566.001]
        sources:
          - id: s1
            title: Report
            url: https://example.com/r
            date: 2023-12-26
        ---
        The [[a]] persona claimed it; see [[a|the actor]] and `[[not-a-ref]]`.

        - item [[Homeland Justice]]
        > quote [[about]]

        | x | y |
        |---|---|
        | [[a]] | z |

        Çështja [[a]].[^1]

        [^1]: Footnote [[a]].

        """.utf8)

    static let validPlain = Array("---\ntitle: X\ntlp: clear\n---\nBody [[a]] text.\n".utf8)

    /// Applies 1...maxEdits random edits to a byte string.
    static func mutate(_ input: [UInt8], using generator: inout SplitMix64, maxEdits: Int = 8) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...maxEdits, using: &generator) {
            let position = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<9, using: &generator) {
            case 0 where !bytes.isEmpty: // flip a bit
                let index = min(position, bytes.count - 1)
                bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            case 1: // insert a random byte
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 2, 3, 4: // inject a token
                bytes.insert(contentsOf: tokens.randomElement(using: &generator)!, at: position)
            case 5 where !bytes.isEmpty: // delete a range
                let start = min(position, bytes.count - 1)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...12, using: &generator)))
            case 6 where !bytes.isEmpty: // duplicate a range
                let start = min(position, bytes.count - 1)
                let chunk = bytes[start..<min(bytes.count, start + Int.random(in: 1...40, using: &generator))]
                bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &generator))
            case 7: // change line ends
                let ending: [UInt8] = [[13, 10], [13], [10, 10]].randomElement(using: &generator)!
                bytes = Array(bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init).joined(separator: ending))
            case 8 where !bytes.isEmpty: // overwrite a byte with a structural character
                bytes[min(position, bytes.count - 1)] = Array("-[]|\n\r: \"'`".utf8).randomElement(using: &generator)!
            default:
                bytes.insert(contentsOf: tokens.randomElement(using: &generator)!, at: position)
            }
        }
        return bytes
    }

    /// Random bytes drawn mostly from tokens, sometimes raw.
    static func randomInput(using generator: inout SplitMix64, length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < length {
            if Int.random(in: 0..<4, using: &generator) == 0 {
                bytes.append(UInt8.random(in: 0...255, using: &generator))
            } else {
                bytes += tokens.randomElement(using: &generator)!
            }
        }
        return bytes
    }

    /// Documents built line by line from delimiter look-alikes, joined by mixed line ends.
    static func lineDocument(using generator: inout SplitMix64) -> String {
        let lines = ["---", "--- ", "---\t", "----", " ---", "-- -", "---x", "title: X", "", " ", "a: b", "\u{FEFF}---", "— —", "---\u{301}"]
        let ends = ["\n", "\r\n", "\r"]
        var text = Bool.random(using: &generator) ? "\u{FEFF}" : ""
        for _ in 0..<Int.random(in: 0...7, using: &generator) {
            text += lines.randomElement(using: &generator)! + ends.randomElement(using: &generator)!
        }
        if Bool.random(using: &generator) { text += lines.randomElement(using: &generator)! }
        return text
    }

    /// Records the first few failing iterations of a fuzz loop, then says stop: one bug should not
    /// bury the report under hundreds of repeats.
    struct Failures {
        var limit = 3
        private(set) var count = 0

        /// Records the problems of one iteration; false once the budget is spent.
        mutating func record(_ problems: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
            guard !problems.isEmpty else { return true }
            count += 1
            for problem in problems { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
            return count < limit
        }
    }

    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).debugDescription
    }

    // MARK: FrontMatter.split

    /// A plain reference version of the splitter: normalise, cut into lines, look for delimiters.
    static func referenceSplit(_ text: String) -> Result<FrontMatter, FrontMatter.SplitError> {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var normalized = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r" {
                normalized.append("\n")
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            } else {
                normalized.append(scalars[index])
            }
            index += 1
        }
        let lines = String(normalized).split(separator: "\n", omittingEmptySubsequences: false)
        func isDelimiter(_ line: Substring) -> Bool {
            line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
        }
        guard lines.count > 1, isDelimiter(lines[0]) else {
            return .failure(lines.count == 1 && isDelimiter(lines[0]) ? .unterminated : .missing)
        }
        guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) }) else {
            return .failure(.unterminated)
        }
        let yaml = lines[1..<closing].map { $0 + "\n" }.joined()
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlStartLine: 2, body: body, bodyStartLine: closing + 2))
    }

    /// How often each outcome came up, so a test can show its inputs reach every branch.
    struct Coverage {
        var counts: [String: Int] = [:]
        mutating func note(_ result: Result<FrontMatter, FrontMatter.SplitError>) {
            switch result {
            case .success: counts["split", default: 0] += 1
            case .failure(.missing): counts["missing", default: 0] += 1
            case .failure(.unterminated): counts["unterminated", default: 0] += 1
            }
        }
        func expectEvery(atLeast minimum: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            for outcome in ["split", "missing", "unterminated"] {
                #expect(counts[outcome, default: 0] >= minimum, "only \(counts[outcome, default: 0]) inputs gave \(outcome): \(counts)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func checkSplit(_ text: String, _ context: @autoclosure () -> String) -> [String] {
        let actual = FrontMatter.split(text)
        let expected = referenceSplit(text)
        guard actual != expected else { return [] }
        return ["\(context()): splitter gave \(actual), reference \(expected), for \(text.debugDescription)"]
    }

    @Test func splitterAgreesWithReferenceOnMutatedDocuments() {
        var generator = SplitMix64(seed: 0xF00D_0001)
        var failures = Failures()
        var coverage = Coverage()
        for iteration in 0..<4_000 {
            let base = [Self.validIncident, Self.validPlain, Array("---\n---\n".utf8), []].randomElement(using: &generator)!
            let text = String(decoding: Self.mutate(base, using: &generator), as: UTF8.self)
            coverage.note(FrontMatter.split(text))
            guard failures.record(Self.checkSplit(text, "seed 0xF00D0001 iteration \(iteration)")) else { return }
        }
        coverage.expectEvery(atLeast: 100)
    }

    @Test func splitterAgreesWithReferenceOnRandomInput() {
        var generator = SplitMix64(seed: 0xF00D_0002)
        var failures = Failures()
        var coverage = Coverage()
        for iteration in 0..<4_000 {
            // Half the inputs open with a delimiter line, so the random rest decides the outcome.
            let opening: [UInt8] = Bool.random(using: &generator) ? Array(["---\n", "---\r\n", "--- \n", "\u{FEFF}---\n"].randomElement(using: &generator)!.utf8) : []
            let bytes = opening + Self.randomInput(using: &generator, length: Int.random(in: 0...80, using: &generator))
            let text = String(decoding: bytes, as: UTF8.self)
            coverage.note(FrontMatter.split(text))
            guard failures.record(Self.checkSplit(text, "seed 0xF00D0002 iteration \(iteration)")) else { return }
        }
        coverage.expectEvery(atLeast: 100)
    }

    @Test func splitterAgreesWithReferenceOnDelimiterLookAlikes() {
        var generator = SplitMix64(seed: 0xF00D_0003)
        var failures = Failures()
        var coverage = Coverage()
        for iteration in 0..<4_000 {
            let text = Self.lineDocument(using: &generator)
            coverage.note(FrontMatter.split(text))
            guard failures.record(Self.checkSplit(text, "seed 0xF00D0003 iteration \(iteration)")) else { return }
        }
        coverage.expectEvery(atLeast: 300)
    }

    @Test func splitterIsLinearOnLongInput() {
        let long = [
            "---\n" + String(repeating: "a: b\n", count: 100_000),
            "---\n" + String(repeating: "--\n", count: 100_000) + "---\n",
            String(repeating: "\r", count: 200_000),
            "---" + String(repeating: " ", count: 200_000) + "\n---",
        ]
        let start = Date()
        for text in long { _ = FrontMatter.split(text) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    // MARK: ReferenceScanner.scan

    /// The plain version: at each `[[` not inside an earlier match, look for `]]` before any
    /// `[`, `]` or line break.
    static func referenceScan(_ text: String) -> [ReferenceScanner.Match] {
        let bytes = Array(text.utf8)
        var matches: [ReferenceScanner.Match] = []
        var start = 0
        while start + 1 < bytes.count {
            defer { start += 1 }
            guard bytes[start] == 0x5B, bytes[start + 1] == 0x5B else { continue }
            var end = start + 2
            while end < bytes.count, ![0x5B, 0x5D, 0x0A].contains(bytes[end]) { end += 1 }
            guard end + 1 < bytes.count, bytes[end] == 0x5D, bytes[end + 1] == 0x5D else { continue }
            let inner = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
            let target: Substring, label: Substring?
            if let bar = inner.firstIndex(of: "|") {
                target = inner[..<bar]
                label = inner[inner.index(after: bar)...]
            } else {
                target = Substring(inner)
                label = nil
            }
            func trim(_ text: Substring) -> String {
                var text = text
                while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
                return String(text)
            }
            if !trim(target).isEmpty {
                let text = label.map(trim)
                matches.append(ReferenceScanner.Match(range: start..<(end + 2), target: trim(target), text: text?.isEmpty == true ? nil : text))
            }
            start = end + 1
        }
        return matches
    }

    static func checkScan(_ text: String, _ context: @autoclosure () -> String) -> [String] {
        let matches = ReferenceScanner.scan(text)
        let bytes = Array(text.utf8)
        var problems: [String] = []
        var previousEnd = 0
        for match in matches {
            guard match.range.lowerBound >= previousEnd, match.range.upperBound <= bytes.count, match.range.count >= 5 else {
                return ["\(context()): match \(match.range) out of order or out of bounds (\(bytes.count) bytes) in \(text.debugDescription)"]
            }
            let slice = bytes[match.range]
            if !(slice.starts(with: [0x5B, 0x5B]) && slice.reversed().starts(with: [0x5D, 0x5D])) {
                problems.append("\(context()): \(match.range) is not [[...]] in \(text.debugDescription)")
            }
            if slice.dropFirst(2).dropLast(2).contains(where: { [0x5B, 0x5D, 0x0A].contains($0) }) {
                problems.append("\(context()): \(match.range) holds a bracket or a line break in \(text.debugDescription)")
            }
            if match.target.isEmpty || match.target.first == " " || match.target.last == " " || match.text?.isEmpty == true {
                problems.append("\(context()): untrimmed or empty target or text \(match) in \(text.debugDescription)")
            }
            previousEnd = match.range.upperBound
        }
        let expected = referenceScan(text)
        if matches != expected {
            problems.append("\(context()): scanner gave \(matches), reference \(expected), for \(text.debugDescription)")
        }
        return problems
    }

    @Test func scannerAgreesWithReferenceOnRandomInput() {
        var generator = SplitMix64(seed: 0x5CA7_0001)
        var failures = Failures()
        var found = (references: 0, withText: 0)
        let alphabet: [String] = ["[[", "[[", "]]", "]]", "[", "]", "|", " ", "\t", "\n", "a", "bc", "a-b", "é", "𝄞", "\u{301}", "\r", "\u{0}", "`"]
        for iteration in 0..<6_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let matches = ReferenceScanner.scan(text)
            found.references += matches.count
            found.withText += matches.filter { $0.text != nil }.count
            guard failures.record(Self.checkScan(text, "seed 0x5CA70001 iteration \(iteration)")) else { return }
        }
        #expect(found.references > 300 && found.withText > 50, "the random texts hold too few references: \(found)")
    }

    @Test func scannerAgreesWithReferenceOnMutatedBodies() {
        var generator = SplitMix64(seed: 0x5CA7_0002)
        var failures = Failures()
        for iteration in 0..<3_000 {
            let bytes = Self.mutate(Self.validIncident, using: &generator, maxEdits: 12)
            guard failures.record(Self.checkScan(String(decoding: bytes, as: UTF8.self), "seed 0x5CA70002 iteration \(iteration)")) else { return }
        }
    }

    @Test func scannerIsLinearOnAdversarialInput() {
        let inputs = [
            String(repeating: "[[", count: 200_000),
            String(repeating: "[[a", count: 100_000),
            String(repeating: "[[a|", count: 100_000) + "]]",
            String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000),
            String(repeating: "[[a]", count: 100_000),
            String(repeating: "[[a]]", count: 100_000),
        ]
        let start = Date()
        var total = 0
        for text in inputs { total += ReferenceScanner.scan(text).count }
        #expect(total == 1 + 100_000)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    // MARK: the whole pipeline

    /// A small site whose incident file is replaced by mutated bytes: each build either succeeds or
    /// reports errors, every one inside the incident file at a position that exists.
    @Test func pipelineSurvivesMutatedIncidents() throws {
        let site = TestSite([
            "content/actors/a.md": Doc.actor(name: "Homeland Justice", extra: "aliases: [HJ]\n", body: "Claims [[x]]."),
            "content/pages/about.md": Doc.page(title: "About"),
        ])
        defer { site.remove() }
        var generator = SplitMix64(seed: 0xB01D_0001)
        var failures = Failures()
        let path = "content/incidents/x.md"
        var outcomes = (succeeded: 0, failed: 0)
        for iteration in 0..<300 {
            let bytes = iteration == 0 ? Self.validIncident : Self.mutate(Self.validIncident, using: &generator)
            site.write(path, Data(bytes))
            let context = "seed 0xB01D0001 iteration \(iteration): \(Self.show(bytes))"
            let writes = iteration % 25 == 0
            let output = site.root.appendingPathComponent("out-\(iteration)")
            let result = try SiteBuild.run(BuildOptions(root: site.root, output: output, writes: writes))

            if iteration == 0 { #expect(result.succeeded, "the unmutated incident must build: \(result.lines)") }
            if result.succeeded { outcomes.succeeded += 1 } else { outcomes.failed += 1 }
            var problems = Self.checkDiagnostics(result, site: site, mutated: path, bytes: bytes, context: context)
            if writes {
                if FileManager.default.fileExists(atPath: output.path) != result.succeeded {
                    problems.append("\(context): output folder exists: \(!result.succeeded), after \(result.lines)")
                }
                try? FileManager.default.removeItem(at: output)
            }
            // The same input gives the same diagnostics (the loader and renderer run in parallel).
            if iteration % 10 == 0 {
                let again = try SiteBuild.run(BuildOptions(root: site.root, writes: false))
                if again.lines != result.lines { problems.append("\(context): a second run reported differently") }
            }
            guard failures.record(problems) else { return }
        }
        // The mutations must exercise both outcomes, or the test proves little.
        #expect(outcomes.succeeded > 10 && outcomes.failed > 10, "\(outcomes)")
    }

    /// The same, starting from random bytes and from a site.yml that is mutated instead.
    @Test func pipelineSurvivesMutatedSiteSettings() throws {
        let site = TestSite([
            "content/incidents/x.md": Doc.incident(body: "See [[a]]."),
            "content/actors/a.md": Doc.actor(name: "A"),
        ])
        defer { site.remove() }
        var generator = SplitMix64(seed: 0xB01D_0002)
        var failures = Failures()
        let valid = Array("title: \"Test Briefing\"\ndescription: Notes.\nbase_url: https://example.com/\nlanguage: sq-AL\npublish_tlp: green\n".utf8)
        for iteration in 0..<100 {
            let bytes = iteration.isMultiple(of: 4)
                ? Self.randomInput(using: &generator, length: Int.random(in: 0...60, using: &generator))
                : Self.mutate(valid, using: &generator)
            site.write("content/site.yml", Data(bytes))
            let result = try SiteBuild.run(BuildOptions(root: site.root, writes: false))
            let problems = Self.checkDiagnostics(result, site: site, mutated: "content/site.yml", bytes: bytes,
                                                 context: "seed 0xB01D0002 iteration \(iteration): \(Self.show(bytes))")
            guard failures.record(problems) else { return }
        }
    }

    /// Every error sits in the mutated file, at a line the file has and a column within that line.
    static func checkDiagnostics(_ result: BuildResult, site: TestSite, mutated: String, bytes: [UInt8], context: String) -> [String] {
        // Lines as the generator counts them: LF, CRLF and a lone CR each end a line.
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13 || bytes[index] == 10 {
                if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                lines.append([])
            } else {
                lines[lines.count - 1].append(bytes[index])
            }
            index += 1
        }
        var problems: [String] = []
        for diagnostic in result.diagnostics.all {
            let location = diagnostic.location
            if location.path.hasPrefix("/") || location.path.contains("..") {
                problems.append("\(context): path not relative to the site: \(diagnostic)")
            }
            if !FileManager.default.fileExists(atPath: site.root.appendingPathComponent(location.path).path) {
                problems.append("\(context): \(diagnostic) names a file that does not exist")
            }
            if diagnostic.severity == .error, location.path != mutated {
                problems.append("\(context): error outside the mutated file: \(diagnostic)")
            }
            guard location.path == mutated else { continue }
            guard location.line >= 1, location.line <= lines.count, location.column >= 1 else {
                problems.append("\(context): position outside the file (\(lines.count) lines): \(diagnostic)")
                continue
            }
            // Bytes bound any column count; a position may sit just past the line's end.
            if location.column > lines[location.line - 1].count + 1 {
                problems.append("\(context): column past the end of line \(location.line) (\(lines[location.line - 1].count) bytes): \(diagnostic)")
            }
        }
        return problems
    }
}
