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

/// What a run reports of one generated file: its path, size and a digest of its bytes, so runs
/// can be compared without keeping every page in memory.
public struct BuiltFile: Sendable, Hashable {
    public var path: String
    public var size: Int
    /// FNV-1a over the bytes: stable across runs and machines.
    public var digest: UInt64

    init(_ file: OutputFile) {
        path = file.path
        size = file.contents.count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        file.contents.withUnsafeBytes { buffer in
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        digest = hash
    }
}
