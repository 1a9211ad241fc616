import ArgumentParser
import Glibc
import Jupyter
import RecurKernel
import Tensors

/// `recur kernel -f CONNECTION_FILE`: the process a Jupyter frontend starts.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run the Jupyter kernel on the sockets of a connection file."
    )

    @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The kernel's connection file.")
    var connectionFile: String

    func run() throws {
        try Self.serve(KernelArguments(connectionFile: connectionFile))
    }

    /// Runs the kernel when the arguments are `kernel -f FILE` and whatever a launcher adds
    /// (see `KernelArguments`), bypassing ArgumentParser: its reflection touches about 3 MiB
    /// of code and data that a kernel process would otherwise keep resident for its lifetime.
    /// Anything else (help, errors, other spellings) goes through ArgumentParser.
    static func runDirectly(_ arguments: [String]) -> Bool {
        guard arguments.count >= 3, arguments[1] == "kernel", !arguments.contains("--help"), !arguments.contains("-h"),
            let parsed = KernelArguments(arguments[2...])
        else { return false }
        do {
            try serve(parsed)
        } catch {
            StandardError.write("Error: \(error)")
            Glibc.exit(1)
        }
        return true
    }

    private static func serve(_ arguments: KernelArguments) throws {
        // Before any thread exists, so that every thread inherits the mask (see SignalWatch).
        SignalWatch.blockInterrupts()
        // A closed stderr (or any closed pipe) is an error to report, not a reason to die.
        signal(SIGPIPE, SIG_IGN)
        // The same heap settings as `recur run` and `recur bench`, so that a notebook trains at
        // the speed the benchmarks report.
        Allocator.tuneForTraining()
        for argument in arguments.ignored {
            StandardError.write("recur kernel: ignoring the argument '\(argument)' (Recur does not use it)")
        }
        let connection = try ConnectionInfo(path: arguments.connectionFile)
        let environment = ProcessInfoLite.environment()
        let writer = KernelLogWriter()
        let log: KernelLog = { writer.log($0) }
        // Watching the launcher from the start: a kernel that is slow to come up still ends
        // with the frontend that started it.
        let control = KernelControl()
        let signals = SignalWatch(control: control, environment: environment)
        defer { signals.stop() }
        let server = try KernelServer(
            connection: connection, kernelInfo: KernelIdentity.kernelInfo,
            history: arguments.persistentHistory ? HistoryFile.standard(environment: environment, log: log) : nil, control: control, log: log)
        _ = try server.run(interpreter: RecurInterpreter(colors: environment["NO_COLOR"].map(\.isEmpty) ?? true))
    }
}
