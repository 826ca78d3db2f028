/// One problem found in the content or the templates, at a known place.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A stable, greppable name for the kind of problem: `unknown-actor`, `yaml-syntax`.
    public var code: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, code: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    /// The compiler-style line: `path:line:column: error: message [code]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(code)]"
    }
}
