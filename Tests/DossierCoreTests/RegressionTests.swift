import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierCore

/// Bugs found in review, each pinned by the input that showed it.
@Suite struct RegressionTests {
    @Test func protocolRelativeAndRootRelativeImagesDoNotLoad() throws {
        let site = TestSite(["content/incidents/a.md": Doc.incident(
            body: "![t](//evil.example/track.png) ![w](\\\\evil.example\\x.png) ![r](/etc/x.png) ![ok](local.png)")])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let page = try #require(site.page("incidents/a.html"))
        #expect(!page.contains("evil.example"))
        #expect(!page.contains("src=\"/etc"))
        #expect(page.contains("<img src=\"local.png\" alt=\"ok\" />"))
    }

    @Test func referencesAfterRawHTMLOrEntitiesAreReportedWhereWritten() throws {
        let body = "Intro.\n\n<b>x</b> [[nope]].\n\n&amp; [[nope-two]]\n\n<div>\n[[nope-three]]\n</div>\n"
        let site = TestSite(["content/incidents/a.md": Doc.incident(body: body)])
        defer { site.remove() }
        let result = try site.check()
        #expect(result.lines == [
            "content/incidents/a.md:8:10: error: unknown reference 'nope' [unknown-reference]",
            "content/incidents/a.md:10:7: error: unknown reference 'nope-two' [unknown-reference]",
            "content/incidents/a.md:13:1: error: unknown reference 'nope-three' [unknown-reference]",
        ])
    }

    @Test func manyDiagnosedReferencesStayLinear() throws {
        let body = (0..<20_000).map { "para [[zz\($0)]]" }.joined(separator: "\n\n")
        let site = TestSite(["content/incidents/a.md": Doc.incident(body: body)])
        defer { site.remove() }
        let start = Date()
        let result = try site.check()
        #expect(result.diagnostics.errors.count == 20_000)
        #expect(result.diagnostics.errors.last?.location.line == 6 + 2 * 19_999)
        // A hang guard, not a benchmark: the quadratic version took minutes in a debug build.
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func aPageShowingARestrictedTitleCarriesItsMarking() throws {
        let site = TestSite([
            "content/incidents/a.md": Doc.incident(title: "Open A", tlp: "clear", extra: "related: [b]\n"),
            "content/incidents/b.md": Doc.incident(title: "Secret B", tlp: "amber"),
            "content/incidents/c.md": Doc.incident(title: "Open C", tlp: "clear", body: "See [[b]]."),
            "content/incidents/d.md": Doc.incident(title: "Open D", tlp: "clear"),
        ])
        defer { site.remove() }
        #expect(try site.build(publishTLP: .amber).succeeded)
        for path in ["incidents/a.html", "incidents/c.html"] {
            let page = try #require(site.page(path))
            #expect(page.contains("Secret B"))
            #expect(page.contains("<strong class=\"tlp-label tlp-amber\">TLP:AMBER</strong>"), "\(path)")
        }
        #expect(site.page("incidents/d.html")?.contains("<strong class=\"tlp-label tlp-clear\">TLP:CLEAR</strong>") == true)
    }

    @Test func theFilesystemRootIsRefusedAtOnce() throws {
        let site = TestSite(["content/incidents/a.md": Doc.incident()])
        defer { site.remove() }
        #expect { try site.build(output: URL(fileURLWithPath: "/")) } throws: { error in
            (error as? UsageError)?.description.contains("it is or contains") == true
        }
    }

    @Test func aCoarserEndDateInsideTheStartPeriodIsFine() throws {
        let site = TestSite([
            "content/incidents/a.md": Doc.incident(date: "2022-07-15", extra: "end_date: 2022-07\n"),
            "content/incidents/b.md": Doc.incident(date: "2022-07-15", extra: "end_date: 2022-06\n"),
        ])
        defer { site.remove() }
        #expect(try site.check().lines == [
            "content/incidents/b.md:5:11: error: 'end_date' 2022-06 is before 'date' 2022-07-15 [invalid-date]",
        ])
    }

    @Test func aDuplicateKeyIsReportedInTheMapThatHoldsIt() throws {
        let extra = "actors:\n  - id: x\n    role: claimed\n  - id: y\n    role: suspected\n    role: claimed\n"
        let site = TestSite(["content/incidents/a.md": Doc.incident(extra: extra)])
        defer { site.remove() }
        let result = try site.check()
        #expect(result.lines == ["content/incidents/a.md:10:5: error: duplicate key 'role' [yaml-duplicate-key]"])
    }

    @Test func theFeedStaysWellFormedWithControlCharactersInATitle() throws {
        let site = TestSite(["content/incidents/a.md": Doc.incident(title: "\"A\\x01B\\x1FC\"")],
                            config: "title: T\nbase_url: https://x.example/\n")
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let feed = try #require(site.page("feed.xml"))
        #expect(feed.contains("<title>ABC</title>"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
    }

    /// Field values are trimmed of exactly what Foundation's `.whitespacesAndNewlines` trims, which
    /// the code used until it trimmed natively for speed: a title of a zero-width space is empty.
    @Test func fieldsAreTrimmedOfWhatFoundationTrims() throws {
        var differing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if FieldValidator.isWhitespace(scalar) != CharacterSet.whitespacesAndNewlines.contains(scalar) {
                differing.append(String(format: "U+%04X", value))
            }
        }
        #expect(differing == [])
        let site = TestSite(["content/incidents/a.md": Doc.incident(title: "\"\u{200B}\"")])
        defer { site.remove() }
        let result = try site.check()
        #expect(result.lines.contains { $0.contains("'title' must not be empty") })
    }

    /// swift-mustache's own escaper works on Characters, so a `<` or `"` carrying a combining mark
    /// went out raw from partials (the list items); every template now escapes byte by byte.
    @Test func markupCharactersCarryingCombiningMarksAreEscapedInPartials() throws {
        let name = "MEK <\u{0338}x \"\u{0301}y"
        let site = TestSite(["content/actors/mek.md": Doc.actor(name: "'\(name)'")])
        defer { site.remove() }
        #expect(try site.build().succeeded)
        let list = try #require(site.page("actors.html"))
        #expect(list.contains("MEK &lt;\u{0338}x &quot;\u{0301}y"))
        #expect(!list.contains("<\u{0338}"))
    }
}
