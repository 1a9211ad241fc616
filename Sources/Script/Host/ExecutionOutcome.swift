import Rendering
/// How running a cell ended.
public enum ExecutionOutcome: Sendable, Equatable {
    /// The cell ran; `result` is its last expression's value when there is one to show.
    case success(result: MimeBundle?)
    /// The cell raised an exception (or had a syntax error, or was interrupted).
    case failure(ScriptFailure)
}

/// An exception that ended a cell, as Jupyter's `error` message carries it.
public struct ScriptFailure: Error, Sendable, Equatable {
    /// The exception class name (`NameError`, `KeyboardInterrupt`, ...), bare as an error
    /// message's `ename` gives it.
    public let name: String
    /// The class name as CPython's last traceback line shows it: qualified with its module
    /// when that is not `builtins` or `__main__` (`_pickle.UnpicklingError`).
    public let qualifiedName: String
    /// The exception message (`name 'x' is not defined`).
    public let message: String
    /// The traceback lines, ending with `name: message`.
    public let traceback: [String]
    /// For `SystemExit`: the process status its code asks for, or nil when the code is not a
    /// number (a script then prints the message and ends with status 1, as Python does).
    public let exitStatus: Int32?

    /// Creates a failure.
    public init(name: String, qualifiedName: String? = nil, message: String, traceback: [String], exitStatus: Int32? = nil) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.message = message
        self.traceback = traceback
        self.exitStatus = exitStatus
    }
}

/// Completion matches and the range of the cursor's text they replace (in Unicode scalars).
public struct CompletionResult: Sendable, Equatable {
    /// Candidate texts, sorted.
    public let matches: [String]
    /// Start of the replaced range.
    public let start: Int
    /// End of the replaced range (the cursor).
    public let end: Int

    /// Creates a result.
    public init(matches: [String], start: Int, end: Int) {
        self.matches = matches
        self.start = start
        self.end = end
    }
}
