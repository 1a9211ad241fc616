/// A language plugged into the kernel server (after xeus's `xinterpreter`).
///
/// The server owns sockets, headers, signing, execution counts, history, comms and the
/// stdin round trip. The interpreter only evaluates: it returns reply content and
/// publishes outputs through the `OutputPublisher` it is handed. All calls arrive on the
/// shell thread, one at a time.
public protocol Interpreter: AnyObject {
    /// Runs one cell. Outputs go through `publisher` as they happen; the cell's value comes
    /// back in the outcome and the server publishes it as `execute_result`.
    func execute(_ request: ExecuteRequest, publisher: any OutputPublisher) -> ExecuteOutcome

    /// Evaluates one of `user_expressions`, without side effects on history or counts.
    func evaluate(expression: String, publisher: any OutputPublisher) -> ExecuteOutcome

    /// Completions at `cursor` (Unicode scalar offset into `code`).
    func complete(code: String, cursor: Int) -> Completion

    /// What is known about the name at `cursor`; nil when nothing is.
    func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle?

    /// Whether `code` is ready to run as typed.
    func isComplete(code: String) -> CodeCompleteness

    /// The kernel is shutting down (and coming back when `restart`).
    func shutdown(restart: Bool)

    /// A comm message from the frontend, run as a callback with `publisher` for its output
    /// (the comm message is the parent). For `.open`, whether the language takes the comm
    /// (false: the server closes it, as for a target nobody registered).
    func receiveComm(_ event: CommEvent, publisher: any OutputPublisher) -> Bool

    /// The language's debugger, if it has one (see `DebugTarget`).
    var debugTarget: (any DebugTarget)? { get }
}

extension Interpreter {
    /// A language without comm targets takes no comm.
    public func receiveComm(_ event: CommEvent, publisher: any OutputPublisher) -> Bool { false }

    /// No debugger.
    public var debugTarget: (any DebugTarget)? { nil }
}

/// An `execute_request`, as the interpreter needs it.
public struct ExecuteRequest: Sendable, Equatable {
    /// The cell's source.
    public let code: String
    /// The execution count this cell is shown with (`In [n]`).
    public let executionCount: Int
    /// True when the frontend asked for no outputs and no history.
    public let silent: Bool
    /// Whether the frontend can answer `input()`.
    public let allowStdin: Bool
    /// Whether the cell goes into the history (`store_history`, false when silent); such a
    /// cell is `In [executionCount]`.
    public let storeHistory: Bool

    /// Creates a request.
    public init(code: String, executionCount: Int, silent: Bool, allowStdin: Bool, storeHistory: Bool = true) {
        self.code = code
        self.executionCount = executionCount
        self.silent = silent
        self.allowStdin = allowStdin
        self.storeHistory = storeHistory && !silent
    }
}

/// How a cell or expression ended.
public enum ExecuteOutcome: Sendable, Equatable {
    /// It ran; `result` is its value to display, if any.
    case success(result: DisplayBundle?)
    /// It raised an error (including `KeyboardInterrupt` after an interrupt).
    case failure(ExecutionError)
}

/// An error a cell raised, as Jupyter's `error` message and reply carry it.
public struct ExecutionError: Error, Sendable, Equatable {
    /// The error's type name (`ename`), e.g. `NameError`.
    public let name: String
    /// The message (`evalue`).
    public let value: String
    /// The rendered traceback lines.
    public let traceback: [String]

    /// Creates an error.
    public init(name: String, value: String, traceback: [String]) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }
}

/// Completion matches and the range of `code` they replace.
public struct Completion: Sendable, Equatable {
    /// Candidate texts.
    public let matches: [String]
    /// Start of the replaced range (Unicode scalars).
    public let cursorStart: Int
    /// End of the replaced range (Unicode scalars).
    public let cursorEnd: Int

    /// Creates a completion.
    public init(matches: [String], cursorStart: Int, cursorEnd: Int) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
    }
}

/// The answer to `is_complete_request`.
public enum CodeCompleteness: Sendable, Equatable {
    /// Ready to run.
    case complete
    /// Needs more lines; `indent` is the suggested indentation of the next one.
    case incomplete(indent: String)
    /// Cannot become valid by adding lines.
    case invalid
    /// The interpreter cannot tell.
    case unknown
}
