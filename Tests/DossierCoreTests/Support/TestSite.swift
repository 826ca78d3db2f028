import Foundation
@testable import DossierCore

/// A site folder written from strings into a fresh temporary directory.
struct TestSite {
    let root: URL

    static let defaultConfig = "title: Test Briefing\n"

    /// `files` maps site-relative paths to contents; `content/site.yml` is added unless given.
    init(_ files: [String: String], config: String? = defaultConfig) {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        var files = files
        if let config, files["content/site.yml"] == nil { files["content/site.yml"] = config }
        for (path, text) in files { write(path, text) }
    }

    func write(_ path: String, _ text: String) {
        write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: url)
    }

    var output: URL { root.appendingPathComponent("public") }

    func build(drafts: Bool = false, publishTLP: TLP? = nil, output: URL? = nil) throws -> BuildResult {
        try SiteBuild.run(BuildOptions(root: root, output: output, includeDrafts: drafts, publishTLP: publishTLP))
    }

    func check() throws -> BuildResult {
        try SiteBuild.run(BuildOptions(root: root, writes: false))
    }

    /// A generated file's text, or nil when it was not written.
    func page(_ path: String, in output: URL? = nil) -> String? {
        let url = (output ?? self.output).appendingPathComponent(path)
        return FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under the output folder, relative, sorted.
    func outputFiles(in output: URL? = nil) -> [String] {
        OutputFolder.files(under: output ?? self.output)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Short builders for content files.
enum Doc {
    static func incident(
        title: String = "An incident", date: String = "2023-12-25", tlp: String = "clear", extra: String = "",
        body: String = "Body text."
    ) -> String {
        "---\ntitle: \(title)\ndate: \(date)\ntlp: \(tlp)\n\(extra)---\n\(body)\n"
    }

    static func actor(name: String = "An actor", tlp: String = "clear", extra: String = "", body: String = "Profile.") -> String {
        "---\nname: \(name)\ntlp: \(tlp)\n\(extra)---\n\(body)\n"
    }

    static func page(title: String = "A page", extra: String = "", body: String = "Text.") -> String {
        "---\ntitle: \(title)\n\(extra)---\n\(body)\n"
    }
}

extension BuildResult {
    /// Diagnostics as compiler lines, sorted: what a user reads.
    var lines: [String] { diagnostics.sorted.map(\.description) }
}
