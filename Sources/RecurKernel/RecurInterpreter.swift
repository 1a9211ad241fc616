import Jupyter
import Script

/// Recur script served over Jupyter: the `Interpreter` the kernel runs, backed by one
/// Script `Session` (the workspace of variables, models and the RNG).
public final class RecurInterpreter: Interpreter {
    private let loader: SessionLoader

    /// Creates an interpreter; its workspace is built on a background thread meanwhile the
    /// kernel binds its sockets and answers `kernel_info`, and is waited for at first use.
    public init() {
        loader = SessionLoader()
    }

    private var session: Session { loader.session }

    /// Runs one cell as `Cell In[n]`.
    public func execute(_ request: ExecuteRequest, publisher: any OutputPublisher) -> ExecuteOutcome {
        let host = PublisherHost(publisher)
        let outcome = ExecuteOutcome(
            capped: session.execute(request.code, cellName: "Cell In[\(request.executionCount)]", host: host))
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
        let result = session.complete(code, cursor: cursor)
        return Jupyter.Completion(matches: result.matches, cursorStart: result.start, cursorEnd: result.end)
    }

    /// Describes the name under the cursor.
    public func inspect(code: String, cursor: Int, detailLevel: Int) -> DisplayBundle? {
        session.inspect(code, cursor: cursor, detailLevel: detailLevel).map(DisplayBundle.init)
    }

    /// Code longer than this is answered `unknown` by `isComplete`: nobody types it at a
    /// prompt, and tokenizing megabytes would hold up the shell for seconds.
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
