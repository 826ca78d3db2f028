import Foundation

/// A Traffic Light Protocol 2.0 marking, ordered from least to most restricted.
public enum TLP: Int, Comparable, Sendable, CaseIterable {
    case clear, green, amber, amberStrict, red

    /// Reads `clear`, `TLP:AMBER+STRICT`, `tlp:red`: case-insensitive, with or without the prefix.
    public init?(parsing text: String) {
        var word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word.hasPrefix("tlp:") { word.removeFirst(4) }
        switch word.trimmingCharacters(in: .whitespaces) {
        case "clear": self = .clear
        case "green": self = .green
        case "amber": self = .amber
        case "amber+strict": self = .amberStrict
        case "red": self = .red
        default: return nil
        }
    }

    /// The label as FIRST prints it: `TLP:AMBER+STRICT`.
    public var label: String {
        switch self {
        case .clear: "TLP:CLEAR"
        case .green: "TLP:GREEN"
        case .amber: "TLP:AMBER"
        case .amberStrict: "TLP:AMBER+STRICT"
        case .red: "TLP:RED"
        }
    }

    /// The lower-case name used in site.yml and in CSS classes: `amber-strict`.
    public var slug: String {
        switch self {
        case .clear: "clear"
        case .green: "green"
        case .amber: "amber"
        case .amberStrict: "amber-strict"
        case .red: "red"
        }
    }

    /// Who may see it, in FIRST's words, for the banner.
    public var audience: String {
        switch self {
        case .clear: "Disclosure is not limited."
        case .green: "Limited disclosure: the community, not via public channels."
        case .amber: "Limited disclosure: the recipient's organization and its clients, on a need-to-know basis."
        case .amberStrict: "Limited disclosure: the recipient's organization only."
        case .red: "For the eyes and ears of individual recipients only, no further disclosure."
        }
    }

    public static func < (lhs: TLP, rhs: TLP) -> Bool { lhs.rawValue < rhs.rawValue }

    static let accepted = "clear, green, amber, amber+strict or red"
}
