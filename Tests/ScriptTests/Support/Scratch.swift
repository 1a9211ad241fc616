import Foundation
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// A new directory for one run of a program that writes files.
struct Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("recur-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func substitute(_ template: String) -> String { template.replacingOccurrences(of: "{DIR}", with: path) }

    func normalise(_ run: CPython.Run) -> CPython.Run {
        CPython.Run(stdout: run.stdout.replacingOccurrences(of: path, with: "DIR"), error: run.error.replacingOccurrences(of: path, with: "DIR"))
    }

    /// Runs `template` with CPython and with Recur, each in a new directory, printed as `DIR`.
    static func runBoth(_ template: String) throws -> (recur: CPython.Run, python: CPython.Run) {
        let python = try Scratch(), recur = try Scratch()
        defer { for scratch in [python, recur] { try? FileManager.default.removeItem(atPath: scratch.path) } }
        let expected = try CPython.run(python.substitute(template))
        var harness = Harness()
        let got = harness.runLikePython(recur.substitute(template))
        return (recur.normalise(got), python.normalise(expected))
    }
}
