import ArgumentParser
import Script
import ScriptLibrary

/// `recur operations`: the tensor operations declared as `TensorOperation`s, one per line as
/// `NAME method function` flags, for tools/signatures/generate.py.
struct OperationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operations",
        abstract: "List the declared tensor operations (name, Tensor method?, torch function?) for the signature generator.",
        shouldDisplay: false
    )

    func run() {
        for entry in TensorOperationCatalog.entries {
            print("\(entry.name) \(entry.method ? "method" : "-") \(entry.function ? "function" : "-")")
        }
    }
}
