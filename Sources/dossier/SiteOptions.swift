import ArgumentParser
import Foundation

/// `--root`, shared by every subcommand.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holding content/).", valueName: "dir"))
    var root: String = "."

    var rootURL: URL {
        URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}
