import ArgumentParser
import DossierCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the site, then write it to the output folder (public/ by default)."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: public/ in the root).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("The most restricted TLP to publish: clear, green, amber, amber+strict, red (default: publish_tlp in site.yml).", valueName: "level"))
    var publishTLP: String?

    @Flag(name: .long, help: "Print each pipeline step's time.")
    var verbose = false

    func validate() throws {
        if let publishTLP, TLP(parsing: publishTLP) == nil {
            throw ValidationError("invalid --publish-tlp '\(publishTLP)'; expected clear, green, amber, amber+strict or red")
        }
    }

    func run() throws {
        let outputURL = output.map {
            URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        }
        let options = BuildOptions(root: site.rootURL, output: outputURL, includeDrafts: drafts,
                                   publishTLP: publishTLP.flatMap(TLP.init(parsing:)), writes: true)
        let result = try Runner.run(options, verbose: verbose)
        let shownOutput = output ?? (site.root == "." ? "public" : (site.root as NSString).appendingPathComponent("public"))
        print("Built \(result.files.count) files into \(shownOutput)/ (\(result.written) written, \(result.unchanged) unchanged)\(Runner.warningSuffix(result)).")
    }
}
