import Yams

/// An incident's front-matter as written, before validation (SPEC section 3).
struct IncidentFrontMatter: FrontMatterDecoder.Readable {
    var title: String
    var date: String
    var endDate: String?
    var dateNote: String?
    var summary: String?
    var tlp: String
    var status: String?
    var actors: [ActorEntry]?
    var targets: [String]?
    var countries: [String]?
    var sectors: [String]?
    var tags: [String]?
    var techniques: [String]?
    var sources: [SourceEntry]?
    var related: [String]?
    var draft: Bool?

    static let knownKeys: Set<String> = [
        "title", "date", "end_date", "date_note", "summary", "tlp", "status", "actors", "targets", "countries",
        "sectors", "tags", "techniques", "sources", "related", "draft",
    ]

    init?(_ node: Node, reader: inout YAMLReader) {
        guard let fields = reader.fields(node, field: "front-matter", known: Self.knownKeys) else { return nil }
        let title = reader.required(fields, "title", in: node)
        let date = reader.required(fields, "date", in: node)
        let tlp = reader.required(fields, "tlp", in: node)
        endDate = reader.text(fields["end_date"], field: "end_date")
        dateNote = reader.text(fields["date_note"], field: "date_note")
        summary = reader.text(fields["summary"], field: "summary")
        status = reader.text(fields["status"], field: "status")
        actors = reader.list(fields["actors"], field: "actors")?.enumerated().compactMap { index, item in
            ActorEntry(item, field: "actors[\(index)]", reader: &reader)
        }
        targets = reader.texts(fields["targets"], field: "targets")
        countries = reader.texts(fields["countries"], field: "countries")
        sectors = reader.texts(fields["sectors"], field: "sectors")
        tags = reader.texts(fields["tags"], field: "tags")
        techniques = reader.texts(fields["techniques"], field: "techniques")
        sources = reader.list(fields["sources"], field: "sources")?.enumerated().compactMap { index, item in
            SourceEntry(item, field: "sources[\(index)]", reader: &reader)
        }
        related = reader.texts(fields["related"], field: "related")
        draft = reader.bool(fields["draft"], field: "draft")
        guard let title, let date, let tlp else { return nil }
        self.title = title
        self.date = date
        self.tlp = tlp
    }

    /// One `actors` entry: a bare actor id (role suspected) or a map.
    struct ActorEntry {
        var id: String
        var role: String?
        var by: String?
        var date: String?
        var confidence: String?
        var source: String?
        var note: String?
        var isBare = false

        static let knownKeys: Set<String> = ["id", "role", "by", "date", "confidence", "source", "note"]

        init?(_ node: Node, field: String, reader: inout YAMLReader) {
            if case .scalar = node {
                guard let id = reader.text(node, field: field) else { return nil }
                self.id = id
                isBare = true
                return
            }
            guard let fields = reader.fields(node, field: field, known: Self.knownKeys),
                  let id = reader.required(fields, "id", in: node, prefix: "\(field).") else { return nil }
            self.id = id
            role = reader.text(fields["role"], field: "\(field).role")
            by = reader.text(fields["by"], field: "\(field).by")
            date = reader.text(fields["date"], field: "\(field).date")
            confidence = reader.text(fields["confidence"], field: "\(field).confidence")
            source = reader.text(fields["source"], field: "\(field).source")
            note = reader.text(fields["note"], field: "\(field).note")
        }
    }

    struct SourceEntry {
        var id: String?
        var title: String
        var url: String?
        var publisher: String?
        var date: String?

        static let knownKeys: Set<String> = ["id", "title", "url", "publisher", "date"]

        init?(_ node: Node, field: String, reader: inout YAMLReader) {
            guard let fields = reader.fields(node, field: field, known: Self.knownKeys) else { return nil }
            let title = reader.required(fields, "title", in: node, prefix: "\(field).")
            id = reader.text(fields["id"], field: "\(field).id")
            url = reader.text(fields["url"], field: "\(field).url")
            publisher = reader.text(fields["publisher"], field: "\(field).publisher")
            date = reader.text(fields["date"], field: "\(field).date")
            guard let title else { return nil }
            self.title = title
        }
    }
}
