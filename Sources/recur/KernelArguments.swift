/// What `recur kernel` was started with: its connection file and the options frontends add.
///
/// Launchers append their own arguments to the kernelspec's (`jupyter run FILE` passes the
/// files to run, nbgrader and papermill pass IPython options such as
/// `--HistoryManager.hist_file=:memory:`). ipykernel accepts anything; so does Recur, with a
/// warning for what it does not use, rather than refusing to start.
struct KernelArguments: Equatable {
    /// The connection file (`-f FILE`, `--connection-file FILE`, or `=FILE`).
    var connectionFile: String
    /// Whether the cells may go to the history file (IPython's history options turn it off).
    var persistentHistory = true
    /// Arguments given that Recur does not use, in order.
    var ignored: [String] = []

    /// IPython options that keep the history of this kernel in memory, as they ask IPython to.
    static let memoryHistoryOptions: Set<String> = [
        "--HistoryManager.hist_file=:memory:", "--HistoryManager.enabled=False",
        "--HistoryManager.enabled=false", "--HistoryManager.enabled=0",
    ]

    /// Just a connection file.
    init(connectionFile: String) {
        self.connectionFile = connectionFile
    }

    /// Parses the arguments after `kernel`; nil when there is no connection file (ArgumentParser
    /// then reports what is wrong).
    init?(_ arguments: ArraySlice<String>) {
        var file: String?
        var rest: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "-f" || argument == "--connection-file" {
                let next = arguments.index(after: index)
                guard next < arguments.endIndex else { return nil }
                file = arguments[next]
                index = arguments.index(after: next)
                continue
            }
            if let value = Self.inlineValue(argument) {
                file = value
            } else {
                rest.append(argument)
            }
            index = arguments.index(after: index)
        }
        guard let file, !file.isEmpty else { return nil }
        connectionFile = file
        for argument in rest {
            if Self.memoryHistoryOptions.contains(argument) {
                persistentHistory = false
            } else {
                ignored.append(argument)
            }
        }
    }

    private static func inlineValue(_ argument: String) -> String? {
        for prefix in ["-f=", "--connection-file="] where argument.hasPrefix(prefix) {
            return String(argument.dropFirst(prefix.count))
        }
        return nil
    }
}
