import Foundation

/// Runs a program with the machine's `python3`, the reference the language tests compare with.
enum CPython {
    struct Run: Equatable {
        var stdout: String
        /// The last line of stderr: the exception (`ValueError: ...`), or empty.
        var error: String
    }

    static func run(_ program: String) throws -> Run {
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
        let lines = String(decoding: stderr, as: UTF8.self).split(separator: "\n")
        return Run(stdout: String(decoding: stdout, as: UTF8.self), error: lines.last.map(String.init) ?? "")
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
            return CPython.Run(stdout: printed, error: failure.message.isEmpty ? failure.name : "\(failure.name): \(failure.message)")
        }
    }
}
