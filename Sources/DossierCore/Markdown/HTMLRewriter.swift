import Foundation

/// Edits to cmark-gfm's HTML output that its API does not offer. Safe to do on the string: raw
/// HTML is off and all text is escaped, so `<h2>` or `id="fn-` can only come from cmark itself.
enum HTMLRewriter {
    /// Gives each heading a stable anchor id from its text: `<h2 id="initial-access">`.
    static func addHeadingIDs(_ html: String, headings: [String]) -> String {
        guard !headings.isEmpty else { return html }
        var used: [String: Int] = [:]
        var ids: [String] = []
        for heading in headings {
            let base = slug(heading)
            let count = used[base, default: 0]
            used[base] = count + 1
            ids.append(count == 0 ? base : "\(base)-\(count)")
        }
        var output = ""
        output.reserveCapacity(html.utf8.count + ids.count * 24)
        var rest = Substring(html)
        var next = 0
        while next < ids.count, let range = rest.firstRange(of: /<h[1-6]>/) {
            output += rest[..<range.lowerBound]
            let tag = rest[range].dropLast()
            output += "\(tag) id=\"\(ids[next])\">"
            rest = rest[range.upperBound...]
            next += 1
        }
        output += rest
        return output
    }

    /// Lower-case ASCII words joined by hyphens; `section` when nothing is left.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Footnote ids carry the document id, so several bodies on one page never collide.
    static func prefixFootnoteIDs(_ html: String, documentID: String) -> String {
        guard html.contains("fn") else { return html }
        return html
            .replacingOccurrences(of: "\"#fn-", with: "\"#fn-\(documentID)-")
            .replacingOccurrences(of: "id=\"fn-", with: "id=\"fn-\(documentID)-")
            .replacingOccurrences(of: "\"#fnref-", with: "\"#fnref-\(documentID)-")
            .replacingOccurrences(of: "id=\"fnref-", with: "id=\"fnref-\(documentID)-")
    }
}
