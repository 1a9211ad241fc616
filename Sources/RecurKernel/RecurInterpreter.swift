import Jupyter
import Script
import ScriptSession

/// Recur script served over Jupyter: the `Interpreter` the kernel runs, backed by one
/// Script `Session` (the workspace of variables, models and the RNG).
public final class RecurInterpreter: Jupyter.Interpreter {
    private let loader: SessionLoader

    /// Creates an interpreter; its workspace is built on a background thread meanwhile the
    /// kernel binds its sockets and answers `kernel_info`, and is waited for at first use.
    /// `colors`: IPython's ANSI colours in tracebacks (frontends render them; `NO_COLOR`
    /// in the kernel's environment turns them off).
    public init(colors: Bool = true) {
        loader = SessionLoader(tracebackStyle: .ipython(colors: colors))
        debugTarget = RecurDebugTarget(loader.debugger)
    }

    private var session: Session { loader.session }

    /// The session's debugger, for the control thread.
    public let debugTarget: (any DebugTarget)?

    /// Runs one cell as `Cell In[n]`.
    public func execute(_ request: ExecuteRequest, publisher: any OutputPublisher) -> ExecuteOutcome {
        let host = PublisherHost(publisher)
        let outcome = ExecuteOutcome(
            capped: session.execute(
                request.code, cellName: "Cell In[\(request.executionCount)]", host: host,
                historyLine: request.storeHistory ? request.executionCount : nil))
        // Script reports any refused input() as "no input requests"; when the refusal was an
        // interrupt during the wait, the cell was interrupted.
        if host.inputWasInterrupted, case .failure(let error) = outcome, error.name != "KeyboardInterrupt" {
            return .failure(
                ExecutionError(
                    name: "KeyboardInterrupt", value: "",
                    traceback: error.traceback.dropLast() + ["KeyboardInterrupt"]))
        }
        return outcome
    }

    /// Evaluates one user expression.
    public func evaluate(expression: String, publisher: any OutputPublisher) -> ExecuteOutcome {
        ExecuteOutcome(capped: session.evaluate(expression: expression, host: PublisherHost(publisher)))
    }

    /// Completes at a Unicode-scalar cursor.
    public func complete(code: String, cursor: Int) -> Jupyter.Completion {
        let (line, offset) = Self.cursorLine(code, cursor: cursor)
        let result = session.complete(line, cursor: cursor - offset)
        return Jupyter.Completion(
            matches: result.matches, cursorStart: result.start + offset, cursorEnd: result.end + offset)
    }

    /// Describes the name under the cursor.
    public func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle? {
        let (line, offset) = Self.cursorLine(code, cursor: cursor)
        return session.inspect(line, cursor: cursor - offset, detailLevel: detailLevel).map(DisplayBundle.init)
    }

    /// Code over `completenessLimit` is cut to the line holding the cursor (and its offset in
    /// scalars) before completion or inspection look at it: a name is on one line, and reading
    /// megabytes would hold up the shell for seconds.
    static func cursorLine(_ code: String, cursor: Int) -> (line: String, offset: Int) {
        guard code.utf8.count > completenessLimit else { return (code, 0) }
        let scalars = code.unicodeScalars
        let cursorIndex = scalars.index(scalars.startIndex, offsetBy: cursor, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let start = scalars[..<cursorIndex].lastIndex(of: "\n").map { scalars.index(after: $0) } ?? scalars.startIndex
        let end = scalars[cursorIndex...].firstIndex(of: "\n") ?? scalars.endIndex
        return (String(scalars[start..<end]), scalars.distance(from: scalars.startIndex, to: start))
    }

    /// Code longer than this is answered `unknown` by `isComplete`, and cut to the cursor's
    /// line for completion and inspection: nobody types it at a prompt, and tokenizing
    /// megabytes would hold up the shell for seconds.
    static let completenessLimit = 256 << 10

    /// Says whether a cell can run as typed.
    public func isComplete(code: String) -> CodeCompleteness {
        guard code.utf8.count <= Self.completenessLimit else { return .unknown }
        switch session.isComplete(code) {
        case .complete: return .complete
        case .incomplete(let indent): return .incomplete(indent: indent)
        case .invalid: return .invalid
        }
    }

    /// Runs a frontend's comm message through the workspace's comm handler (ipywidgets').
    public func receiveComm(_ event: CommEvent, publisher: any OutputPublisher) -> Bool {
        session.receiveComm(ScriptCommEvent(event), host: PublisherHost(publisher))
    }

    /// Nothing to do: the process ends after shutdown, and a restart is a new process
    /// with a new workspace.
    public func shutdown(restart: Bool) {}
}

extension ExecuteOutcome {
    /// The outcome with its value capped (see `ResultCap`).
    init(capped outcome: ExecutionOutcome) {
        switch outcome {
        case .success(let result):
            self = .success(result: result.map { DisplayBundle(ResultCap.apply($0)) })
        case .failure(let failure):
            self = .failure(
                ExecutionError(name: failure.name, value: failure.message, traceback: failure.traceback))
        }
    }
}
