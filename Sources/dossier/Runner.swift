import ArgumentParser
import DossierCore
import Foundation

/// Runs the pipeline and prints its diagnostics the way a compiler does.
enum Runner {
    static func run(_ options: BuildOptions, verbose: Bool) throws -> BuildResult {
        let result: BuildResult
        do {
            result = try SiteBuild.run(options)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode(2)
        }
        var printer = DiagnosticPrinter(root: options.root)
        for diagnostic in result.diagnostics.sorted {
            printError(printer.format(diagnostic))
        }
        if verbose {
            for step in result.steps {
                let name = step.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                printError("\(name) \(String(format: "%8.3f", step.seconds)) s")
            }
        }
        if result.diagnostics.hasErrors {
            let errors = result.diagnostics.errors.count
            let nothing = options.writes ? "; nothing was written" : ""
            printError("\(errors) error\(errors == 1 ? "" : "s")\(warningSuffix(result))\(nothing).")
            throw ExitCode(1)
        }
        return result
    }

    static func warningSuffix(_ result: BuildResult) -> String {
        let warnings = result.diagnostics.warnings.count
        return warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
