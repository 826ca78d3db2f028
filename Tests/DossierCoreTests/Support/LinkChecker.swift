import Foundation
@testable import DossierCore

/// Checks every link of a generated site the way a reader following them from `file://` would:
/// every `href` and `src` of every HTML page is relative, names a file (never a folder, never
/// `/x`), resolves to a file that exists in the output, and a `#fragment` names an `id` that
/// exists in the target page. External links are allowed only when the caller says so.
struct LinkChecker {
    /// One `href="…"` or `src="…"` found on a page, HTML-unescaped.
    struct Link: Hashable {
        var page: String
        var attribute: String
        var value: String
    }

    let output: URL
    /// Every file of the output, relative, sorted.
    let files: [String]
    private var htmlCache: [String: String] = [:]

    init(output: URL) {
        self.output = output
        files = OutputFolder.files(under: output)
        for path in files where path.hasSuffix(".html") {
            htmlCache[path] = FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    var pages: [String] { files.filter { $0.hasSuffix(".html") } }

    func html(_ page: String) -> String? { htmlCache[page] }

    /// Every link of every page, in page then document order.
    var links: [Link] {
        pages.flatMap { page in
            Self.attributes(["href", "src"], in: htmlCache[page] ?? "").map { Link(page: page, attribute: $0.name, value: $0.value) }
        }
    }

    /// Links that leave the site (`https:`, `mailto:`…).
    var externalLinks: [Link] { links.filter { Self.scheme(of: $0.value) != nil } }

    /// Every broken or forbidden link, one readable line each; empty when the site is sound.
    /// `allowExternal` decides which links to other hosts are fine (content links, ATT&CK).
    func problems(allowExternal: (String) -> Bool) -> [String] {
        var problems: [String] = []
        for link in links {
            if let problem = problem(with: link, allowExternal: allowExternal) {
                problems.append("\(link.page): \(link.attribute)=\"\(link.value)\": \(problem)")
            }
        }
        return problems
    }

    func problem(with link: Link, allowExternal: (String) -> Bool) -> String? {
        let value = link.value
        if value.isEmpty { return "empty link" }
        if value.hasPrefix("/") { return "absolute path: links must be relative" }
        if Self.scheme(of: value) != nil {
            return allowExternal(value) ? nil : "link to another host or scheme"
        }
        var pathPart = value
        var fragment: String?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = String(pathPart[pathPart.index(after: hash)...])
            pathPart = String(pathPart[..<hash])
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        let target: String
        if pathPart.isEmpty {
            target = link.page
        } else {
            if pathPart.hasSuffix("/") { return "names a folder, not a file" }
            guard let resolved = Self.resolve(pathPart.removingPercentEncoding ?? pathPart, from: link.page) else {
                return "leads outside the output folder"
            }
            target = resolved
        }
        var isDirectory: ObjCBool = false
        let targetURL = output.appendingPathComponent(target)
        guard FileManager.default.fileExists(atPath: targetURL.path, isDirectory: &isDirectory) else {
            return "no such file \(target)"
        }
        if isDirectory.boolValue { return "\(target) is a folder" }
        guard let fragment else { return nil }
        if fragment.isEmpty { return "empty fragment" }
        guard let targetHTML = htmlCache[target] else { return "fragment #\(fragment) into \(target), which is not a page" }
        let ids = Self.ids(in: targetHTML)
        if ids.contains(fragment) || ids.contains(fragment.removingPercentEncoding ?? fragment) { return nil }
        return "no id=\"\(fragment)\" in \(target)"
    }

    /// `../actors/x.html` seen from `incidents/y.html` is `actors/x.html`; nil when it climbs out.
    static func resolve(_ relative: String, from page: String) -> String? {
        var components = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case ".", "": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    /// The scheme of a URL (`https`, `mailto`), or nil for a relative reference.
    static func scheme(of url: String) -> String? {
        guard let match = url.prefixMatch(of: /([A-Za-z][A-Za-z0-9+.\-]*):/) else { return nil }
        return String(match.1).lowercased()
    }

    /// Every value of the given attributes in a piece of HTML, in document order, unescaped.
    static func attributes(_ names: Set<String>, in html: String) -> [(name: String, value: String)] {
        let pattern = /[\s"']([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/
        var result: [(String, String)] = []
        for tag in html.matches(of: /<[a-zA-Z][^>]*>/) {
            for match in tag.output.matches(of: pattern) {
                let name = String(match.1).lowercased()
                guard names.contains(name) else { continue }
                let raw = match.2.map(String.init) ?? match.3.map(String.init) ?? ""
                result.append((name, unescape(raw)))
            }
        }
        return result
    }

    /// Every `id` on a page, unescaped.
    static func ids(in html: String) -> Set<String> {
        Set(attributes(["id"], in: html).map(\.value))
    }

    /// Ids used more than once on a page: each is a broken fragment target.
    static func duplicateIDs(in html: String) -> [String] {
        var counts: [String: Int] = [:]
        for id in attributes(["id"], in: html).map(\.value) { counts[id, default: 0] += 1 }
        return counts.filter { $0.value > 1 }.keys.sorted()
    }

    /// Undoes HTML character references: `&amp;`, `&quot;`, `&#39;`, `&#x2F;`.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            if let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) <= 10 {
                let entity = after[after.index(after: amp)..<semicolon]
                if let character = character(for: entity) {
                    result.append(character)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result.append("&")
            rest = after.dropFirst()
        }
        result += rest
        return result
    }

    private static func character(for entity: Substring) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            var digits = entity
            guard digits.first == "#" else { return nil }
            digits = digits.dropFirst()
            let radix = digits.first == "x" || digits.first == "X" ? 16 : 10
            if radix == 16 { digits = digits.dropFirst() }
            return UInt32(digits, radix: radix).flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}

extension LinkChecker {
    /// The usual rule for external links: an ATT&CK technique page, or a URL the content itself
    /// wrote (a source's `url`, a Markdown link or autolink in a body).
    static func contentOrATTACK(contentText: String) -> (String) -> Bool {
        { url in
            if url.hasPrefix("https://attack.mitre.org/techniques/") { return true }
            if contentText.contains(url) { return true }
            if url.hasPrefix("mailto:"), contentText.contains(url.dropFirst("mailto:".count)) { return true }
            return false
        }
    }

    /// Every content file of a site joined, for `contentOrATTACK`.
    static func contentText(of root: URL) -> String {
        let content = root.appendingPathComponent("content")
        return OutputFolder.files(under: content).compactMap { path in
            FileManager.default.contents(atPath: content.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
        }.joined(separator: "\n")
    }
}
