import ArgumentParser
import RecurKernel

@main
struct Recur: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recur",
        abstract: "A Jupyter kernel for learning recurrent neural networks.",
        version: KernelIdentity.implementationVersion,
        subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self, BenchCommand.self, OperationsCommand.self]
    )

    /// Starts `recur kernel -f FILE` without ArgumentParser (see `KernelCommand.runDirectly`).
    static func main() {
        if KernelCommand.runDirectly(CommandLine.arguments) { return }
        main(nil)
    }
}
