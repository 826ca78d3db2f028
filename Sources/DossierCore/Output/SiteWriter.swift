import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the site into a staging folder beside the output, then swaps it in, so a failed or
/// interrupted build leaves the previous output exactly as it was.
struct SiteWriter {
    let folder: OutputFolder

    struct Report: Sendable {
        var written = 0
        var unchanged = 0
    }

    enum WriteError: Error, CustomStringConvertible {
        case io(path: String, reason: String)
        var description: String {
            switch self {
            case .io(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Files whose bytes match the previous output are hard-linked from it instead of rewritten,
    /// so a rebuild with nothing changed rewrites no file (same inode, same time stamp).
    func write(_ files: [OutputFile]) throws -> Report {
        let output = folder.url
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).dossier-staging")
        let manager = FileManager.default
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError.io(path: staging.path, reason: error.localizedDescription)
        }
        do {
            // The report counts the site's files; the manifest is written (or linked) like them.
            let report = try writeFiles(files, into: staging, previous: output)
            let manifest = OutputFile(path: OutputFolder.manifestName, contents: OutputFolder.manifest(for: files))
            _ = try writeFiles([manifest], into: staging, previous: output)
            try swap(staging, into: output)
            return report
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    private func writeFiles(_ files: [OutputFile], into staging: URL, previous: URL) throws -> Report {
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
        for relative in folders {
            try? FileManager.default.createDirectory(at: staging.appendingPathComponent(relative),
                                                     withIntermediateDirectories: true)
        }
        let stagingPath = staging.path, previousPath = previous.path
        let results = files.parallelMap { file -> Result<Bool, WriteError> in
            let target = stagingPath + "/" + file.path
            let old = previousPath + "/" + file.path
            if Self.sameContents(atPath: old, as: file.contents), link(old, target) == 0 {
                return .success(false)
            }
            return Self.writeBytes(file.contents, to: target).map { true }
        }
        var report = Report()
        for result in results {
            switch result {
            case .success(true): report.written += 1
            case .success(false): report.unchanged += 1
            case .failure(let error): throw error
            }
        }
        return report
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

    /// Puts the staged folder in place of the output. The old output is moved aside first and
    /// removed only after the new one is in place.
    private func swap(_ staging: URL, into output: URL) throws {
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
