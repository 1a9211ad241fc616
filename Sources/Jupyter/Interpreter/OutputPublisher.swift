/// What a running cell can do besides returning a value: the server's side of execution.
public protocol OutputPublisher: AnyObject {
    /// Writes text to the cell's stdout or stderr (a `stream` message).
    func write(_ text: String, to stream: OutputStream)

    /// Shows a bundle (`display_data`), or replaces an earlier one with the same
    /// `displayID` (`update_display_data` when `isUpdate`).
    func display(_ bundle: DisplayBundle, displayID: String?, isUpdate: Bool)

    /// Clears the cell's output, now or (when `wait`) just before the next output.
    func clearOutput(wait: Bool)

    /// Shows text in the frontend's pager (a `page` payload on the execute reply).
    func page(_ bundle: DisplayBundle)

    /// `exit` / `quit` in a cell: an `ask_exit` payload on the reply, as IPython sends; the
    /// frontend decides whether to close (the kernel runs on, as ipykernel's does).
    func askExit(keepKernel: Bool)

    /// `%load`: the code for the next input cell (a `set_next_input` payload on the reply).
    func setNextInput(_ text: String, replace: Bool)

    /// Asks the frontend for a line of input (`input()`).
    func readInput(prompt: String, password: Bool) throws(InputError) -> String

    /// Whether the user asked to interrupt; cheap enough to poll at every loop iteration.
    var interruptRequested: Bool { get }

    /// The frontend's comms, when the server speaks them (nil: code cannot open comms).
    var comms: (any CommChannel)? { get }
}

extension OutputPublisher {
    /// A publisher that is not a kernel's (a test's recorder) has no frontend to open comms with.
    public var comms: (any CommChannel)? { nil }
}

/// The cell's standard output streams.
public enum OutputStream: String, Sendable {
    /// Standard output.
    case stdout
    /// Standard error.
    case stderr
}

/// Why `readInput` produced no line.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The frontend sent `allow_stdin: false` (e.g. nbclient, papermill).
    case notAllowed
    /// The user interrupted while the kernel waited for input.
    case interrupted
    /// The kernel is shutting down.
    case shuttingDown

    /// A message fit for the error the language raises.
    public var description: String {
        switch self {
        case .notAllowed: return "input() is not available: this frontend does not support input requests"
        case .interrupted: return "interrupted while waiting for input"
        case .shuttingDown: return "the kernel is shutting down"
        }
    }
}
