/// Every published document's body rendered to HTML, by document id.
public struct RenderedBodies: Sendable {
    public var byID: [String: RenderedMarkdown]

    func html(_ id: String) -> String { byID[id]?.html ?? "" }

    /// The front-matter summary, else the body's first paragraph as text.
    func summary(_ id: String, explicit: String?) -> String {
        explicit ?? byID[id]?.firstParagraph ?? ""
    }
}
