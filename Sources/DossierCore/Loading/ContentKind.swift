/// The three kinds of Markdown document in a site, each in its own folder under `content/`.
public enum ContentKind: String, Sendable, CaseIterable {
    case incident, actor, page

    /// The folder under `content/` and under the output: `incidents`, `actors`, `pages`.
    public var folder: String { rawValue + "s" }
}
