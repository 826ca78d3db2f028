/// What a `[[...]]` reference in a body turns into, as decided by the linking stage.
enum ReferenceResolution: Sendable, Equatable {
    /// A published document: link to it. `href` is relative to the output root.
    case link(id: String, href: String, title: String)
    /// A document this build withholds: the author's text, unlinked.
    case withheld
    /// A document that exists but has errors of its own: plain text, no second diagnostic.
    case invalid
    /// Nothing by that id or name.
    case unknown(suggestion: String?)
}
