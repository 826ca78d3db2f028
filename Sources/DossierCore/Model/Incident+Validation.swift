extension Incident {
    /// Checks every field of an incident's front-matter; nil when any is unusable.
    static func validate(
        _ raw: IncidentFrontMatter, id: String, block: YAMLBlock, body: MarkdownSource, diagnostics: inout Diagnostics
    ) -> Incident? {
        var check = FieldValidator(block: block)
        defer { diagnostics.append(contentsOf: check.diagnostics) }

        let title = check.trimmed(raw.title)
        if title == nil { check.error("'title' must not be empty", code: "empty-field", at: "title") }
        let date = check.date(raw.date, at: "date")
        let endDate = check.date(raw.endDate, at: "end_date")
        if let date, let endDate, endDate.endsBefore(date) {
            check.error("'end_date' \(endDate) is before 'date' \(date)", code: "invalid-date", at: "end_date")
        }
        let tlp = check.tlp(raw.tlp, at: "tlp")
        let status = raw.status == nil ? .reported : check.oneOf(raw.status, Status.self, field: "status", at: "status")

        var sources: [Source] = []
        for (index, entry) in (raw.sources ?? []).enumerated() {
            let keys: [FieldKey] = ["sources", FieldKey(intValue: index)]
            let sourceID = entry.id ?? String(index + 1)
            if entry.id != nil, !Identifier.isValid(sourceID) {
                check.diagnostics.error(block.location(at: keys + ["id"]),
                                        "invalid source id '\(sourceID)'; use lower-case letters, digits and single hyphens",
                                        code: "invalid-slug")
            } else if sources.contains(where: { $0.id == sourceID }) {
                check.diagnostics.error(block.location(at: keys + ["id"]), "duplicate source id '\(sourceID)'",
                                        code: "duplicate-source")
            }
            if check.trimmed(entry.title) == nil {
                check.diagnostics.error(block.location(at: keys + ["title"]), "a source's 'title' must not be empty",
                                        code: "empty-field")
            }
            sources.append(Source(
                id: sourceID, number: index + 1, title: entry.title,
                url: check.webURL(entry.url, at: "sources", FieldKey(intValue: index), "url"),
                publisher: check.trimmed(entry.publisher),
                date: check.date(entry.date, at: "sources", FieldKey(intValue: index), "date")))
        }

        var attributions: [Attribution] = []
        for (index, entry) in (raw.actors ?? []).enumerated() {
            let keys: [FieldKey] = ["actors", FieldKey(intValue: index)]
            let idLocation = block.location(at: entry.isBare ? keys : keys + ["id"])
            let role = entry.role == nil
                ? .suspected
                : check.oneOf(entry.role, Attribution.Role.self, field: "role", at: "actors", keys[1], "role")
            let by = check.trimmed(entry.by)
            if role == .attributed, by == nil {
                check.diagnostics.error(block.location(at: keys), "an 'attributed' entry needs 'by': who attributes it",
                                        code: "missing-field")
            }
            if let source = entry.source, !sources.contains(where: { $0.id == source }) {
                let hint = Suggestion.closest(to: source, in: sources.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                check.diagnostics.error(block.location(at: keys + ["source"]),
                                        "unknown source '\(source)': not one of this incident's sources\(hint)",
                                        code: "unknown-source")
            }
            guard let role else { continue }
            attributions.append(Attribution(
                actor: Located(entry.id, at: idLocation), role: role, by: by,
                date: check.date(entry.date, at: "actors", keys[1], "date"),
                confidence: check.oneOf(entry.confidence, Confidence.self, field: "confidence",
                                        at: "actors", keys[1], "confidence"),
                sourceID: entry.source, note: check.trimmed(entry.note)))
        }

        let countries = (raw.countries ?? []).enumerated().compactMap { index, code in
            check.country(code, at: ["countries", FieldKey(intValue: index)])
        }
        let techniques = (raw.techniques ?? []).enumerated().compactMap { index, code in
            check.technique(code, at: ["techniques", FieldKey(intValue: index)])
        }
        let targets = (raw.targets ?? []).enumerated().compactMap { index, name -> Located<String>? in
            guard let name = check.trimmed(name) else {
                check.error("a target must not be empty", code: "empty-field", at: "targets", FieldKey(intValue: index))
                return nil
            }
            return Located(name, at: block.location("targets", FieldKey(intValue: index)))
        }
        let related = (raw.related ?? []).enumerated().map { index, other in
            Located(other, at: block.location("related", FieldKey(intValue: index)))
        }
        let sectors = check.slugs(raw.sectors, field: "sectors")
        let tags = check.slugs(raw.tags, field: "tags")

        guard let title, let date, let tlp, let status, !check.diagnostics.hasErrors else { return nil }
        return Incident(
            id: id, path: block.path, title: title, date: date, endDate: endDate, dateNote: check.trimmed(raw.dateNote),
            summary: check.trimmed(raw.summary), tlp: tlp, status: status, attributions: attributions,
            targets: targets, countries: countries, sectors: sectors, tags: tags, techniques: techniques,
            sources: sources, related: related, draft: raw.draft ?? false, body: body)
    }
}
