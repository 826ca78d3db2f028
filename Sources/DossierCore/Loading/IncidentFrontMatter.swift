/// An incident's front-matter as written, before validation (SPEC section 3).
struct IncidentFrontMatter: FrontMatterDecoder.Keyed {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, date, summary, tlp, status, actors, targets, countries, sectors, tags, techniques, sources
        case related, draft
        case endDate = "end_date"
        case dateNote = "date_note"
    }

    static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

    /// One `actors` entry: a bare actor id (role suspected) or a map.
    struct ActorEntry: Decodable {
        var id: String
        var role: String?
        var by: String?
        var date: String?
        var confidence: String?
        var source: String?
        var note: String?
        var isBare = false

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, role, by, date, confidence, source, note
        }

        static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

        init(from decoder: any Decoder) throws {
            if let id = try? decoder.singleValueContainer().decode(String.self) {
                self.id = id
                isBare = true
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            role = try container.decodeIfPresent(String.self, forKey: .role)
            by = try container.decodeIfPresent(String.self, forKey: .by)
            date = try container.decodeIfPresent(String.self, forKey: .date)
            confidence = try container.decodeIfPresent(String.self, forKey: .confidence)
            source = try container.decodeIfPresent(String.self, forKey: .source)
            note = try container.decodeIfPresent(String.self, forKey: .note)
        }
    }

    struct SourceEntry: Decodable {
        var id: String?
        var title: String
        var url: String?
        var publisher: String?
        var date: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, url, publisher, date
        }

        static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))
    }
}
