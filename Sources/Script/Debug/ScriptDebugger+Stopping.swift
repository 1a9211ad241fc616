/// The statement hook: where the interpreter, with a client attached, records its frame,
/// checks breakpoints and stepping, and stops.
extension ScriptDebugger {
    /// Called before each statement while a client is attached.
    package func reached(line: Int, scope: Scope, interpreter: Interpreter) throws(ScriptError) {
        guard isAttached else { return }
        let depth = interpreter.callDepth
        let unit = interpreter.frameUnit
        inspector.record(depth: depth, frame: .init(unit: unit, function: interpreter.frameName, line: line, scope: scope))
        if hasJobs { serveJobs(interpreter) }
        var reason: DebugStopReason?
        switch takeMode() {
        case .running: break
        case .pausing: reason = .pause
        case .stepIn: reason = .step
        case .stepOver(let start): if depth <= start { reason = .step }
        case .stepOut(let start): if depth < start { reason = .step }
        }
        var hitIDs: [Int] = []
        if reason == nil, let path = inspector.path(of: unit) {
            let candidates = locked { breakpoints(at: line, path: path) }
            for state in candidates where shouldStop(at: state, scope: scope, interpreter: interpreter) {
                hitIDs.append(state.breakpoint.id)
            }
            if !hitIDs.isEmpty { reason = .breakpoint }
        }
        guard let reason else { return }
        try stop(reason, breakpointIDs: hitIDs, depth: depth, interpreter: interpreter)
    }

    /// Evaluates a breakpoint's condition in the frame, then counts the hit.
    private func shouldStop(at state: BreakpointState, scope: Scope, interpreter: Interpreter) -> Bool {
        if let condition = state.breakpoint.condition {
            switch inspector.evaluate(condition, in: scope, interpreter: interpreter) {
            case .success(let value):
                // A condition that cannot be tested for truth stops, as a failing one does.
                let holds = interpreter.withoutDebugger { () throws(ScriptError) in try interpreter.truth(value) }
                if case .success(false) = holds { return false }
                if case .failure(let error) = holds {
                    emit(.output("Error while evaluating the condition '\(condition)': \(inspector.describe(error, interpreter))\n"))
                }
            case .failure(let failure):
                emit(.output("Error while evaluating the condition '\(condition)': \(failure.message)\n"))
            }
        }
        let hits = locked { () -> Int in
            state.hits += 1
            return state.hits
        }
        return state.hit?.holds(after: hits) ?? true
    }

    /// Stops at the statement about to run until the client resumes; an interrupt while
    /// stopped raises KeyboardInterrupt in the paused cell.
    private func stop(_ reason: DebugStopReason, breakpointIDs: [Int], depth: Int,
                      interpreter: Interpreter) throws(ScriptError) {
        setMode(.running)
        inspector.beginStop()
        emit(.stopped(reason, breakpointIDs: breakpointIDs))
        let resume = waitWhilePaused(interpreter)
        inspector.endStop()
        emit(.continued)
        switch resume {
        case nil:
            if interpreter.host.interruptRequested { throw ScriptError(.keyboardInterrupt, "") }
        case .proceed?: break
        case .stepIn?: setMode(.stepIn)
        case .stepOver?: setMode(.stepOver(depth: depth))
        case .stepOut?: setMode(.stepOut(depth: depth))
        }
    }
}

extension Interpreter {
    /// The statement hook's entry: one load and branch when no client is attached.
    @inline(__always)
    func debugStatement(_ line: Int, in scope: Scope) throws(ScriptError) {
        if let debugger { try debugger.reached(line: line, scope: scope, interpreter: self) }
    }

    /// Runs `body` with the statement hook off (a condition, an expression evaluated for
    /// the client: they must not stop at breakpoints themselves).
    func withoutDebugger<T>(_ body: () throws(ScriptError) -> T) -> Result<T, ScriptError> {
        let saved = debugger, savedLine = frameLine, savedDepth = callDepth
        debugger = nil
        defer {
            debugger = saved
            frameLine = savedLine
            callDepth = savedDepth
        }
        do {
            return .success(try body())
        } catch {
            return .failure(error)
        }
    }
}
