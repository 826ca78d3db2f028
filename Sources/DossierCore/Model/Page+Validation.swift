extension Page {
    /// Checks a free page's front-matter; nil when any field is unusable.
    static func validate(
        _ raw: PageFrontMatter, id: String, block: YAMLBlock, body: MarkdownSource, diagnostics: inout Diagnostics
    ) -> Page? {
        var check = FieldValidator(block: block)
        defer { diagnostics.append(contentsOf: check.diagnostics) }

        let title = check.trimmed(raw.title)
        if title == nil { check.error("'title' must not be empty", code: "empty-field", at: "title") }
        let tlp = raw.tlp == nil ? .clear : check.tlp(raw.tlp!, at: "tlp")
        guard let title, let tlp, !check.diagnostics.hasErrors else { return nil }
        return Page(id: id, path: block.path, title: title, tlp: tlp, summary: check.trimmed(raw.summary),
                    draft: raw.draft ?? false, body: body)
    }
}
