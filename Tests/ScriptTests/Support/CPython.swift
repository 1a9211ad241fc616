import Foundation
@testable import ScriptLibrary
@testable import ScriptSession

/// Runs a program with the machine's `python3`, the reference the language tests compare with.
enum CPython {
    struct Run: Equatable {
        var stdout: String
        /// The last line of stderr: the exception (`ValueError: ...`), or empty.
        var error: String
    }

    static func run(_ program: String) throws -> Run {
        let (stdout, stderr) = try execute(program)
        let lines = stderr.split(separator: "\n")
        return Run(stdout: stdout, error: lines.last.map(String.init) ?? "")
    }

    /// The whole of stderr (a traceback, say).
    static func runCapturingStderr(_ program: String) throws -> String {
        try execute(program).stderr
    }

    private static func execute(_ program: String) throws -> (stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

extension Harness {
    /// Runs `program` as one cell: what it printed, and its failure as `Name: message`.
    mutating func runLikePython(_ program: String) -> CPython.Run {
        let before = host.stdout.count
        let outcome = run(program)
        let printed = String(host.stdout.dropFirst(before))
        switch outcome {
        case .success: return CPython.Run(stdout: printed, error: "")
        case .failure(let failure):
            let name = failure.qualifiedName
            return CPython.Run(stdout: printed, error: failure.message.isEmpty ? name : "\(name): \(failure.message)")
        }
    }
}
