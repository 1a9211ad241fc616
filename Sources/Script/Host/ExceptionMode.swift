/// How much of a traceback the kernel shows: IPython's `%xmode`.
public enum ExceptionMode: String, CaseIterable, Sendable {
    /// Python's layout: one source line per frame.
    case plain = "Plain"
    /// Numbered source lines around each frame's, with an arrow (IPython's default).
    case context = "Context"
    /// Context, with the values of each function's parameters.
    case verbose = "Verbose"
    /// Only the exception line.
    case minimal = "Minimal"

    /// The mode `%xmode` without an argument switches to, in IPython's order.
    var next: ExceptionMode {
        switch self {
        case .plain: .context
        case .context: .verbose
        case .verbose: .minimal
        case .minimal: .plain
        }
    }
}

/// Who reads a session's tracebacks.
public enum TracebackStyle: Sendable, Equatable {
    /// CPython's text (`recur run`, as `python script.py` prints it).
    case python
    /// IPython's layout in the `%xmode` chosen, with ANSI colours when `colors`.
    case ipython(colors: Bool)
}

extension Interpreter {
    /// `%xmode [mode]`: IPython's modes, named in any case; no argument takes the next one.
    func switchExceptionMode(_ argument: String) throws(ScriptError) {
        if argument.isEmpty {
            exceptionMode = exceptionMode.next
        } else if let mode = ExceptionMode.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) {
            exceptionMode = mode
        } else {
            let modes = ExceptionMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw ScriptError(.usageError, "%xmode: unrecognized mode '\(argument)': Recur provides \(modes)")
        }
        host.write("Exception reporting mode: \(exceptionMode.rawValue)\n", to: .stdout)
    }
}
