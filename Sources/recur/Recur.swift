import ArgumentParser
import RecurKernel

@main
struct Recur: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recur",
        abstract: "A Jupyter kernel for learning recurrent neural networks.",
        version: KernelIdentity.implementationVersion,
        subcommands: [KernelCommand.self, InstallCommand.self]
    )
}
