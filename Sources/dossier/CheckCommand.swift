import ArgumentParser
import DossierCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every file and reference; write nothing."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Check as if drafts were included.")
    var drafts = false

    @Flag(name: .long, help: "Print each pipeline step's time.")
    var verbose = false

    func run() throws {
        let options = BuildOptions(root: site.rootURL, includeDrafts: drafts, writes: false)
        let result = try Runner.run(options, verbose: verbose)
        print("Checked \(result.documents) documents: no errors\(Runner.warningSuffix(result)).")
    }
}
