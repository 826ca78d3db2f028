import Testing
@testable import DossierCore

@Suite struct FrontMatterSplitTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let split = try FrontMatter.split("---\ntitle: X\ntlp: clear\n---\nBody\nmore\n").get()
        #expect(split.yaml == "title: X\ntlp: clear\n")
        #expect(split.yamlStartLine == 2)
        #expect(split.body == "Body\nmore\n")
        #expect(split.bodyStartLine == 5)
    }

    @Test func readsCRLFAndByteOrderMark() throws {
        let split = try FrontMatter.split("\u{FEFF}---\r\ntitle: X\r\n---\r\nBody\r\n").get()
        #expect(split.yaml == "title: X\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyStartLine == 4)
    }

    @Test func acceptsNoTrailingNewline() throws {
        let split = try FrontMatter.split("---\ntitle: X\n---").get()
        #expect(split.yaml == "title: X\n")
        #expect(split.body == "")
        let withBody = try FrontMatter.split("---\ntitle: X\n---\nlast line").get()
        #expect(withBody.body == "last line")
    }

    @Test func emptyFrontMatterIsAllowedBySplitter() throws {
        let split = try FrontMatter.split("---\n---\nBody").get()
        #expect(split.yaml == "")
        #expect(split.bodyStartLine == 3)
    }

    @Test func missingAndUnterminated() {
        #expect(FrontMatter.split("") == .failure(.missing))
        #expect(FrontMatter.split("title: X\n") == .failure(.missing))
        #expect(FrontMatter.split("# ---\n") == .failure(.missing))
        #expect(FrontMatter.split("---\ntitle: X\n") == .failure(.unterminated))
        #expect(FrontMatter.split("---") == .failure(.unterminated))
        #expect(FrontMatter.split("---\n") == .failure(.unterminated))
    }

    @Test func aHorizontalRuleInTheBodyStaysInTheBody() throws {
        let split = try FrontMatter.split("---\ntitle: X\n---\nA\n\n---\n\nB\n").get()
        #expect(split.body == "A\n\n---\n\nB\n")
    }
}
