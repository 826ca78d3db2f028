/// The diagnostics a run has collected, in the order they were found.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Sorted by place, then message, so a run prints them in the same order every time.
    public var sorted: [Diagnostic] {
        all.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.message != b.message { return a.message < b.message }
            return a.code < b.code
        }
    }

    public mutating func error(_ location: SourceLocation, _ message: String, code: String) {
        all.append(Diagnostic(.error, location, message, code: code))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, code: String) {
        all.append(Diagnostic(.warning, location, message, code: code))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }
}
