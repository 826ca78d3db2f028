/// Where each document's page is written, relative to the output root. Pages link to each other
/// with these paths made relative, so the site reads the same from disk and from a server.
public enum OutputPath {
    public static func incident(_ id: String) -> String { "incidents/\(id).html" }
    public static func actor(_ id: String) -> String { "actors/\(id).html" }
    public static func page(_ id: String) -> String { "pages/\(id).html" }
    public static let home = "index.html"
    public static let timeline = "timeline.html"
    public static let actors = "actors.html"

    /// `../` once per folder level of `path`, to reach the output root from that page.
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count)
    }
}
