import Foundation

/// The site folder on disk: finds the content files, in a stable order, and reads them safely.
struct SiteFolder: Sendable {
    let root: URL
    /// The root with symlinks resolved, once.
    private let resolvedRoot: String
    /// Folders (relative) that are real folders inside the root, not symlinks: a regular file in
    /// one of them needs no symlink resolution, which costs several system calls a file.
    private let plainFolders: Set<String>

    init(root: URL) {
        self.root = root
        resolvedRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        var plain: Set<String> = []
        for folder in ["content"] + ContentKind.allCases.map({ "content/\($0.folder)" }) {
            let resolved = root.appendingPathComponent(folder).resolvingSymlinksInPath().standardizedFileURL.path
            if resolved == resolvedRoot + "/" + folder { plain.insert(folder) }
        }
        plainFolders = plain
    }

    /// Content files larger than this are refused: no write-up is this big, and reading one whole
    /// could exhaust memory.
    static let maximumFileSize = 10 * 1024 * 1024

    /// A Markdown file found under `content/<kind>s/`.
    struct Entry: Sendable {
        var kind: ContentKind
        var id: String
        /// Relative to the site root: `content/incidents/x.md`.
        var path: String
    }

    var contentURL: URL { root.appendingPathComponent("content") }

    /// The `.md` files of each kind, sorted by id; bad names and stray files are reported.
    func entries(diagnostics: inout Diagnostics) -> [Entry] {
        var entries: [Entry] = []
        for kind in ContentKind.allCases {
            let folder = contentURL.appendingPathComponent(kind.folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = "content/\(kind.folder)/\(name)"
                guard name.hasSuffix(".md") else {
                    diagnostics.warning(SourceLocation(path: path), "ignored: only .md files are read here",
                                        code: "ignored-file")
                    continue
                }
                let id = String(name.dropLast(3))
                guard Identifier.isValid(id) else {
                    diagnostics.error(SourceLocation(path: path),
                                      "invalid id '\(id)': a file name must be lower-case letters, digits and single hyphens, then .md",
                                      code: "invalid-id")
                    continue
                }
                entries.append(Entry(kind: kind, id: id, path: path))
            }
        }
        return entries
    }

    enum ReadError: Error, Equatable {
        case outsideRoot(String)
        case notAFile
        case tooLarge(Int)
        case invalidUTF8(line: Int, column: Int)
        case unreadable(String)
    }

    /// Reads a file as UTF-8 text, refusing symlinks that leave the site, huge files and bad bytes.
    func read(_ path: String) -> Result<String, ReadError> {
        readData(path).flatMap { data in
            if let text = String(validating: data, as: UTF8.self) { return .success(text) }
            return .failure(Self.firstInvalidByte(in: data))
        }
    }

    /// Reads a file's bytes, refusing symlinks that leave the site, anything but a regular file
    /// (a FIFO would block the build), and files over the size limit.
    func readData(_ path: String) -> Result<Data, ReadError> {
        if plainFolders.contains((path as NSString).deletingLastPathComponent) {
            var info = stat()
            let full = root.path + "/" + path
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                guard Int(info.st_size) <= Self.maximumFileSize else { return .failure(.tooLarge(Int(info.st_size))) }
                guard let data = FileManager.default.contents(atPath: full) else { return .failure(.unreadable("cannot read file")) }
                return .success(data)
            }
        }
        let url = root.appendingPathComponent(path)
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(resolvedRoot + "/") else { return .failure(.outsideRoot(resolved)) }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else {
            return .failure(.unreadable("cannot read file"))
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return .failure(.notAFile) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maximumFileSize else { return .failure(.tooLarge(size)) }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            return .failure(.unreadable("cannot read file"))
        }
        return .success(data)
    }

    /// Where the first byte that is not UTF-8 sits, so the analyst can find it.
    static func firstInvalidByte(in data: Data) -> ReadError {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var previousWasCR = false
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                // A lone CR ends a line too, as the front-matter splitter reads it.
                if scalar == "\n" {
                    if !previousWasCR { line += 1 }
                    column = 1
                } else if scalar == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                previousWasCR = scalar == "\r"
            case .emptyInput:
                return .invalidUTF8(line: line, column: column)
            case .error:
                return .invalidUTF8(line: line, column: column)
            }
        }
    }
}

extension SiteFolder.ReadError {
    func diagnostic(path: String) -> Diagnostic {
        switch self {
        case .outsideRoot(let target):
            return Diagnostic(.error, SourceLocation(path: path),
                              "symbolic link leads outside the site folder (to \(target)); refusing to read it",
                              code: "symlink-outside-root")
        case .notAFile:
            return Diagnostic(.error, SourceLocation(path: path), "not a regular file", code: "not-a-file")
        case .tooLarge(let size):
            return Diagnostic(.error, SourceLocation(path: path),
                              "file is \(size) bytes, over the \(SiteFolder.maximumFileSize / 1024 / 1024) MB limit for a write-up",
                              code: "file-too-large")
        case .invalidUTF8(let line, let column):
            return Diagnostic(.error, SourceLocation(path: path, line: line, column: column),
                              "invalid UTF-8: save the file as UTF-8 text", code: "invalid-utf8")
        case .unreadable(let reason):
            return Diagnostic(.error, SourceLocation(path: path), reason, code: "unreadable")
        }
    }
}
