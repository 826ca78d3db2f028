import ArgumentParser
import DossierCore
import Foundation

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Builds a cross-linked threat-intelligence briefing site from Markdown.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self]
    )

    /// Exit statuses per the contract: 0 success, 1 content or template errors, 2 wrong usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                Self.exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
