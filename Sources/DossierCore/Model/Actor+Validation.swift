extension Actor {
    /// Checks every field of an actor's front-matter; nil when any is unusable.
    static func validate(
        _ raw: ActorFrontMatter, id: String, block: YAMLBlock, body: MarkdownSource, diagnostics: inout Diagnostics
    ) -> Actor? {
        var check = FieldValidator(block: block)
        defer { diagnostics.append(contentsOf: check.diagnostics) }

        let name = check.trimmed(raw.name)
        if name == nil { check.error("'name' must not be empty", code: "empty-field", at: "name") }
        let tlp = check.tlp(raw.tlp, at: "tlp")
        let kind = raw.kind == nil ? .group : check.oneOf(raw.kind, Kind.self, field: "kind", at: "kind")
        let country = raw.country.flatMap { check.country($0, at: ["country"]) }
        let aliases = (raw.aliases ?? []).enumerated().compactMap { index, alias -> Located<String>? in
            guard let alias = check.trimmed(alias) else {
                check.error("an alias must not be empty", code: "empty-field", at: "aliases", FieldKey(intValue: index))
                return nil
            }
            return Located(alias, at: block.location("aliases", FieldKey(intValue: index)))
        }
        let sponsor = raw.sponsor.map { Located($0, at: block.location("sponsor")) }
        if sponsor?.value == id { check.error("an actor cannot sponsor itself", code: "self-reference", at: "sponsor") }
        let firstSeen = check.date(raw.firstSeen, at: "first_seen")

        guard let name, let tlp, let kind, !check.diagnostics.hasErrors else { return nil }
        return Actor(
            id: id, path: block.path, name: name, tlp: tlp, kind: kind, aliases: aliases, country: country,
            sponsor: sponsor, firstSeen: firstSeen, summary: check.trimmed(raw.summary), draft: raw.draft ?? false,
            body: body)
    }
}
