import Foundation

/// A date known to the year, the month or the day, kept at the precision it was given.
public struct FuzzyDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public enum Precision: String, Sendable { case year, month, day }

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for any other form or an impossible date.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.count == width, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            numbers.append(n)
        }
        year = numbers[0]
        month = numbers.count > 1 ? numbers[1] : nil
        day = numbers.count > 2 ? numbers[2] : nil
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day, !(1...FuzzyDate.daysIn(month: month, year: year)).contains(day) { return nil }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The ISO form as given: `2022`, `2022-07`, `2022-07-15`; used in `<time datetime>`.
    public var description: String {
        var text = FuzzyDate.zeroPadded(year, width: 4)
        if let month { text += "-" + FuzzyDate.zeroPadded(month, width: 2) }
        if let day { text += "-" + FuzzyDate.zeroPadded(day, width: 2) }
        return text
    }

    /// `7` as `07`: what `String(format: "%02d")` gives, without Foundation's formatter, which
    /// was a fortieth of a large build's time.
    static func zeroPadded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// For readers: `15 July 2022`, `July 2022`, `2022`.
    public var display: String {
        guard let month else { return String(year) }
        let name = FuzzyDate.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The first and the last day the date can mean: `2022-07` spans 2022-07-01 to 2022-07-31.
    var firstDay: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
    var lastDay: (Int, Int, Int) {
        let lastMonth = month ?? 12
        return (year, lastMonth, day ?? FuzzyDate.daysIn(month: lastMonth, year: year))
    }

    /// Whether this date ends before `other` can begin: never true for overlapping periods.
    func endsBefore(_ other: FuzzyDate) -> Bool {
        lastDay < other.firstDay
    }

    /// Earliest possible day first; a less precise date sorts before the precise dates it contains.
    public static func < (lhs: FuzzyDate, rhs: FuzzyDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}
