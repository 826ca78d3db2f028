import Foundation

/// One file of the generated site: its path under the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

/// What a run reports of one generated file: its path and size. The bytes themselves are not
/// kept, so the site never sits whole in memory.
public struct BuiltFile: Sendable, Hashable {
    public var path: String
    public var size: Int

    init(_ file: OutputFile) {
        path = file.path
        size = file.contents.count
    }
}
