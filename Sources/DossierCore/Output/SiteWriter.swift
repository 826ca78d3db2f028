import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site into a staging folder beside the output, then swaps it in, so a failed or
/// interrupted build leaves the previous output exactly as it was. Pages are written as they are
/// rendered, from several threads, so the whole site never has to sit in memory.
final class SiteWriter: @unchecked Sendable {
    let folder: OutputFolder
    let staging: URL
    private let stagingPath: String
    private let previousPath: String

    enum WriteError: Error, CustomStringConvertible {
        case io(path: String, reason: String)
        var description: String {
            switch self {
            case .io(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Creates an empty staging folder next to the output, replacing a stale one.
    init(folder: OutputFolder) throws {
        self.folder = folder
        let output = folder.url
        let parent = output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).dossier-staging")
        stagingPath = staging.path
        previousPath = output.path
        let manager = FileManager.default
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError.io(path: staging.path, reason: error.localizedDescription)
        }
    }

    /// Creates the folders the files will go into; call before writing from several threads.
    func prepare(folders: [String]) {
        for relative in Set(folders).sorted() where !relative.isEmpty {
            try? FileManager.default.createDirectory(at: staging.appendingPathComponent(relative),
                                                     withIntermediateDirectories: true)
        }
    }

    /// Stages one file; true when its bytes were written, false when the previous output's
    /// identical file was hard-linked instead (same inode, same time stamp: an unchanged
    /// rebuild rewrites nothing). Safe to call from several threads for different paths.
    func add(_ file: OutputFile) -> Result<Bool, WriteError> {
        let target = stagingPath + "/" + file.path
        let old = previousPath + "/" + file.path
        if Self.sameContents(atPath: old, as: file.contents), link(old, target) == 0 {
            return .success(false)
        }
        return Self.writeBytes(file.contents, to: target).map { true }
    }

    /// Writes the manifest and puts the staged folder in place of the output.
    func commit(paths: [String]) throws {
        let manifest = OutputFile(path: OutputFolder.manifestName, contents: OutputFolder.manifest(for: paths))
        if case .failure(let error) = add(manifest) { throw error }
        try swap()
    }

    /// Removes the staging folder; the output is left as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    static func sameContents(atPath path: String, as data: Data) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == data
    }

    /// Plain POSIX writes: no temporary file and fsync per file (the whole folder is swapped at once).
    static func writeBytes(_ data: Data, to path: String) -> Result<Void, WriteError> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failure(.io(path: path, reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        let ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        return ok ? .success(()) : .failure(.io(path: path, reason: String(cString: strerror(errno))))
    }

    /// The old output is moved aside first and removed only once the new one is in place.
    private func swap() throws {
        let output = folder.url
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else {
                throw WriteError.io(path: output.path, reason: String(cString: strerror(errno)))
            }
            return
        }
        let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dossier-old")
        try? manager.removeItem(at: retired)
        guard rename(output.path, retired.path) == 0 else {
            throw WriteError.io(path: output.path, reason: String(cString: strerror(errno)))
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired.path, output.path)
            throw WriteError.io(path: output.path, reason: reason)
        }
        try? manager.removeItem(at: retired)
    }
}
