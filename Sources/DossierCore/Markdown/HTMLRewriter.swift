/// Edits to cmark-gfm's HTML output that its API does not offer. Safe to do on the string: raw
/// HTML is off and all text is escaped, so `<h2>` or `id="fn-` can only come from cmark itself.
enum HTMLRewriter {
    /// In one pass over the bytes: gives each heading a stable anchor id from its text
    /// (`<h2 id="initial-access">`), and prefixes footnote ids with the document id
    /// (`fn-<doc>-1`, `fnref-<doc>-1`) so several bodies on one page never collide.
    static func rewrite(_ html: String, headings: [String], documentID: String) -> String {
        let ids = headingIDs(headings)
        let prefix = Array((documentID + "-").utf8)
        var html = html
        return html.withUTF8 { source in
            var output: [UInt8] = []
            output.reserveCapacity(source.count + ids.count * 24 + 64)
            var nextHeading = 0
            var copied = 0  // source bytes before this are in `output`
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte == UInt8(ascii: "<"), nextHeading < ids.count, index + 3 < source.count,
                   source[index + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(source[index + 2]),
                   source[index + 3] == UInt8(ascii: ">") {
                    output.append(contentsOf: source[copied..<(index + 3)])
                    output.append(contentsOf: " id=\"\(ids[nextHeading])\">".utf8)
                    nextHeading += 1
                    index += 4
                    copied = index
                } else if byte == UInt8(ascii: "\""), let length = footnoteIDStart(source, at: index + 1) {
                    // `"#fn-` / `"fn-` (in `id="fn-`) / `"#fnref-` / `"fnref-`: insert the prefix after it.
                    output.append(contentsOf: source[copied..<(index + 1 + length)])
                    output.append(contentsOf: prefix)
                    index += 1 + length
                    copied = index
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: source[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The length of `#fn-`, `fn-`, `#fnref-` or `fnref-` at `start`, if one is there.
    private static func footnoteIDStart(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        func has(_ text: StaticString, at offset: Int) -> Bool {
            let count = text.utf8CodeUnitCount
            guard offset >= 0, offset + count <= bytes.count else { return false }
            for position in 0..<count where bytes[offset + position] != text.utf8Start[position] { return false }
            return true
        }
        var index = start
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            index += 1
        } else if !has("id=", at: start - 4) {
            // Without `#`, only an `id="fn-` attribute is cmark's: a link to a file named `fn-x` is not.
            return nil
        }
        if has("fn-", at: index) { return index - start + 3 }
        if has("fnref-", at: index) { return index - start + 6 }
        return nil
    }

    /// Unique slugs in document order: `initial-access`, `initial-access-1`. A suffixed id never
    /// takes one a later heading would get by its own text (`Timeline 1`), nor the reverse.
    /// Template ids use an underscore (`sec_sources`), which a slug never contains.
    static func headingIDs(_ headings: [String]) -> [String] {
        let bases = headings.map(slug)
        var used: Set<String> = []
        var taken = Set(bases)
        var ids: [String] = []
        for base in bases {
            var id = base
            var counter = 1
            while used.contains(id) || (id != base && taken.contains(id)) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            taken.insert(id)
            ids.append(id)
        }
        return ids
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

}
