import ArgumentParser
import Jupyter
import RecurKernel

/// `recur kernel -f CONNECTION_FILE`: the process a Jupyter frontend starts.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run the Jupyter kernel on the sockets of a connection file."
    )

    @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The kernel's connection file.")
    var connectionFile: String

    func run() throws {
        let connection = try ConnectionInfo(path: connectionFile)
        let server = try KernelServer(
            connection: connection, kernelInfo: KernelIdentity.kernelInfo,
            log: { StandardError.write("recur kernel: " + $0) })
        let interrupts = InterruptSignal(control: server.control)
        _ = try server.run(interpreter: RecurInterpreter())
        interrupts.cancel()
    }
}
