import Foundation

/// The folder a build writes to, and the rules that keep a build from destroying anyone's work.
public struct OutputFolder: Sendable {
    /// Written into every output, listing its files: how Dossier knows a folder is its own.
    public static let manifestName = ".dossier-manifest"

    public let url: URL
    let siteRoot: URL

    public init(url: URL, siteRoot: URL) {
        self.url = url.standardizedFileURL
        self.siteRoot = siteRoot.standardizedFileURL
    }

    /// Why an output folder is refused (exit status 2: wrong usage, nothing was touched).
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Refuses the site root, `content/`, `templates/`, any folder inside or around them, and a
    /// folder holding files Dossier did not write; an empty or missing folder, or Dossier's own
    /// previous output, is fine.
    public func check() throws(Refusal) {
        let output = Self.resolved(url)
        let root = Self.resolved(siteRoot)
        let protected = [root, root + "/content", root + "/templates"]
        let outputPrefix = output.hasSuffix("/") ? output : output + "/"
        for path in protected {
            if output == path || path.hasPrefix(outputPrefix) {
                throw Refusal(description: "refusing to write the site into \(url.path): it is or contains \(path)")
            }
        }
        for path in protected.dropFirst() where output.hasPrefix(path + "/") {
            throw Refusal(description: "refusing to write the site into \(url.path): it is inside \(path)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Refusal(description: "refusing to write the site to \(url.path): it is a file, not a folder")
        }
        // The manifest is read before anything is listed: a folder without one is refused at once,
        // however much it holds.
        let manifest = Self.readManifest(in: URL(fileURLWithPath: output))
        if manifest == nil, let entries = try? FileManager.default.contentsOfDirectory(atPath: output), !entries.isEmpty {
            throw Refusal(description: "refusing to replace \(url.path): it holds files Dossier did not write (no \(Self.manifestName)); empty it or choose another --output")
        }
        guard let manifest else { return }
        let existing = Self.files(under: URL(fileURLWithPath: output))
        let foreign = existing.filter { $0 != Self.manifestName && !manifest.contains($0) }
        if let first = foreign.first {
            throw Refusal(description: "refusing to replace \(url.path): it holds \(foreign.count) file(s) Dossier did not write, such as \(first); move them or choose another --output")
        }
    }

    /// A path with symlinks resolved as far as it exists, so `public/../content` is caught.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }

    /// Every regular file and symlink under a folder, relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if let type = enumerator.fileAttributes?[.type] as? FileAttributeType, type != .typeDirectory {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    static func readManifest(in folder: URL) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    }

    static func manifest(for paths: [String]) -> Data {
        var text = "# Written by Dossier: every file of this output folder. Dossier replaces a folder only if it lists all its files.\n"
        for path in paths.sorted() { text += path + "\n" }
        return Data(text.utf8)
    }
}
