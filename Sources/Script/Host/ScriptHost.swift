import Rendering
/// The two output streams a cell writes to.
public enum OutputStreamName: String, Sendable {
    case stdout
    case stderr
}

/// Raised by a host that cannot read input (the frontend does not allow stdin).
public struct InputUnavailable: Error, Sendable {
    /// Creates the error.
    public init() {}
}

/// How a host answers `exit()` / `quit()`.
public enum ExitHandling: Sendable {
    /// The cell runs to its end and the host ends the session afterwards (IPython's kernel:
    /// an `ask_exit` payload on the reply).
    case afterCell
    /// `SystemExit` is raised at once, as in a Python script.
    case raiseSystemExit
}

/// What Recur script needs from whoever runs it: output, display, paging, input and
/// the interrupt flag. The kernel implements it over Jupyter messages; `recur run`
/// over the process's streams.
public protocol ScriptHost: AnyObject {
    /// Writes text to stdout or stderr.
    func write(_ text: String, to stream: OutputStreamName)
    /// Shows a rich value (`display_data`), or updates the display with `displayID`.
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool)
    /// Clears the cell's output.
    func clearOutput(wait: Bool)
    /// Opens the pager (`help(x)`, `x?`).
    func page(_ bundle: MimeBundle)
    /// `input(prompt)`; throws when the frontend does not allow stdin.
    func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String
    /// Polled at every loop iteration and call; must be cheap (an atomic load).
    var interruptRequested: Bool { get }
    /// `exit()` / `quit()` (`keep_kernel=True` asks a kernel to close its frontend only).
    func requestExit(keepKernel: Bool) -> ExitHandling
    /// Sends on whatever output the host holds back (`print(..., flush=True)`,
    /// `sys.stdout.flush()`, the end of a cell).
    func flush()
    /// `print(..., file=stream, flush=True)` and `stream.flush()`: sends on what `stream`
    /// holds back. CPython flushes that stream only; a host that keeps both streams in one
    /// ordered queue (a notebook's) may send both.
    func flush(_ stream: OutputStreamName)
    /// The frontend's comms (ipywidgets); nil where there is no frontend (`recur run`).
    var comms: (any ScriptComms)? { get }
    /// `%load`: puts `text` into the next input cell (replacing this cell's input when
    /// `replace`), as IPython's `set_next_input` payload does. Returns false where there is
    /// no next input (`recur run`).
    func setNextInput(_ text: String, replace: Bool) -> Bool
}

extension ScriptHost {
    /// Hosts that hold nothing back have nothing to flush.
    public func flush() {}

    /// Hosts with one queue flush it whichever stream asks.
    public func flush(_ stream: OutputStreamName) { flush() }

    /// Hosts without a frontend have no comms.
    public var comms: (any ScriptComms)? { nil }

    /// Hosts without a frontend have no next input to fill.
    public func setNextInput(_ text: String, replace: Bool) -> Bool { false }

    /// Hosts that end nothing themselves let `SystemExit` end the run.
    public func requestExit(keepKernel: Bool) -> ExitHandling { .raiseSystemExit }
}

/// A host that discards everything (used for side-effect-free evaluation).
package final class SilentHost: ScriptHost {
    package init() {}
    package func write(_ text: String, to stream: OutputStreamName) {}
    package func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {}
    package func clearOutput(wait: Bool) {}
    package func page(_ bundle: MimeBundle) {}
    package func readInput(prompt: String, password: Bool) throws(InputUnavailable) -> String { throw InputUnavailable() }
    package var interruptRequested: Bool { false }
}
