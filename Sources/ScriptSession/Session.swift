import Tensors
import Rendering
import Script
import ScriptLibrary

/// A Recur script session: one workspace of variables, modules and library state that
/// cells run against, with completion and inspection over it.
public final class Session {
    private var workspace: Workspace
    var interpreter: Interpreter
    private let library: ModuleLibrary
    private let symbols = SymbolTable()
    /// Every call into the interpreter runs on this thread's stack (see `LargeStack`).
    private let stack = LargeStack()
    /// The workspace's autograd switch (`torch.set_grad_enabled`), kept between cells.
    private var gradEnabled = true
    /// `torch.set_default_dtype`'s setting, kept between cells as the grad mode is.
    private var defaultDType = DType.float32
    /// `torch.set_printoptions`'s settings.
    private var printOptions = PrintOptions()
    /// How failures are rendered: CPython's text unless the host asks for IPython's.
    public var tracebackStyle = TracebackStyle.python
    /// The session's debugger (see docs/KERNEL.md, "Debugger").
    public let debugger: ScriptDebugger

    /// Creates a session with a fresh workspace and the standard modules.
    public convenience init() {
        self.init(library: .recur)
    }

    /// Creates a session debugged through `debugger` (made before the session, so that
    /// another thread can hold it while the session is built).
    public convenience init(debugger: ScriptDebugger) {
        self.init(library: .recur, debugger: debugger)
    }

    init(library: ModuleLibrary, debugger: ScriptDebugger = ScriptDebugger()) {
        self.library = library
        self.debugger = debugger
        workspace = Workspace(library: library, symbols: symbols)
        interpreter = Interpreter(workspace: workspace, host: SilentHost())
        ExitAutocall.install(in: interpreter)
        debugger.setIdleRunner { [weak self] job in
            guard let self else { return }
            self.inSession { job(self.interpreter) }
        }
    }

    /// How a cell's output reaches its host.
    public enum OutputHandling: Sendable {
        /// Capped at 1 MiB per cell and coalesced into a few writes a second (a notebook).
        case notebook
        /// Everything, as it is written (a batch run writing to a file or a pipe).
        case direct
    }

    /// `recur run PATH ARGS`: `sys.argv` is `[path] + arguments` and modules next to the
    /// script are importable (`sys.path[0]` is its directory, as in CPython).
    public func setScript(path: String, arguments: [String]) {
        workspace.argv = [path] + arguments
        workspace.scriptDirectory = SourceModule.absoluteDirectory(of: path)
    }

    /// Runs one cell; `cellName` names the cell in tracebacks (e.g. "Cell In[3]").
    /// `historyLine`: the cell's execution count when it goes into the input history that
    /// `%history` and `%load` read (nil: it does not, as with `store_history=False`).
    public func execute(
        _ code: String, cellName: String, host: any ScriptHost, output: OutputHandling = .notebook,
        historyLine: Int? = nil
    ) -> ExecutionOutcome {
        if historyLine != nil { interpreter.inputHistory.record(input: code) }
        let outcome = debugger.runningCell { inSession { runCell(code, cellName: cellName, host: host, output: output) } }
        if let historyLine, case .success(let result?) = outcome {
            interpreter.inputHistory.record(output: result.plainText, line: historyLine)
        }
        return outcome
    }

    /// Runs `body` on the worker with the session's grad mode in force (keeping what the code
    /// left it at), and with long tensor operations (large matrix products) asking the cell's
    /// host whether to stop, as the interpreter does at every loop iteration and call.
    func inSession<T>(_ body: () -> T) -> T {
        stack.run {
            GradMode.isEnabled = gradEnabled
            DefaultDType.current = defaultDType
            PrintOptions.current = printOptions
            defer {
                gradEnabled = GradMode.isEnabled
                defaultDType = DefaultDType.current
                printOptions = PrintOptions.current
            }
            let interpreter = self.interpreter
            interpreter.commBridge.render = { [unowned self] error in self.failure(error, unit: nil) }
            return RunningInterpreter.with(interpreter) {
                Cancellation.whileRunning({ interpreter.host.interruptRequested }, body)
            }
        }
    }

    /// For `user_expressions`: evaluates one expression without touching history, with a
    /// cell's output cap and frame state (so a traceback names `<expression>, line 1`).
    public func evaluate(expression: String, host: any ScriptHost) -> ExecutionOutcome {
        inSession {
            let unit = SourceUnit(name: "<expression>", source: expression)
            interpreter.host = LimitedHost(host)
            defer { interpreter.host = SilentHost() }
            defer { interpreter.host.flush() }
            do {
                let expr = try Parser.parseExpression(expression)
                startFrame(unit, line: 1)
                let value = try interpreter.evaluate(expr, in: workspace.globals)
                return .success(result: try bundle(for: value))
            } catch let error as SyntaxError {
                return .failure(syntaxFailure(error, source: expression, cellName: unit.name))
            } catch let error as ScriptError {
                return .failure(failure(error, unit: unit))
            } catch {
                return .failure(ScriptFailure(name: "Error", message: "\(error)", traceback: []))
            }
        }
    }

    /// Completion at `cursor` (in Unicode scalars); the result's range is in scalars too.
    public func complete(_ code: String, cursor: Int) -> CompletionResult {
        stack.run { Completer(interpreter: interpreter).complete(code, cursor: cursor) }
    }

    /// Inspection at `cursor`: a signature and doc for builtins, type/shape/value for variables.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
        stack.run { Completer(interpreter: interpreter).inspect(code, cursor: cursor, detailLevel: detailLevel) }
    }

    /// Whether `code` is ready to run, needs more lines, or cannot parse.
    public func isComplete(_ code: String) -> Completeness {
        Completeness.of(code)
    }

    /// Forgets everything: a fresh workspace, as after a kernel restart.
    public func reset() {
        let old = workspace
        // Values may nest deeply; freeing them recurses, so do it on the large stack.
        stack.run { old.reset() }
        gradEnabled = true
        defaultDType = .float32
        printOptions = PrintOptions()
        workspace = Workspace(library: library, symbols: symbols)
        workspace.argv = old.argv
        workspace.scriptDirectory = old.scriptDirectory
        let mode = interpreter.exceptionMode
        interpreter = Interpreter(workspace: workspace, host: SilentHost())
        interpreter.exceptionMode = mode
        ExitAutocall.install(in: interpreter)
    }

    deinit {
        // Only code run on the worker can have built values deep enough to need its stack.
        guard stack.isStarted else { return }
        let old = workspace
        stack.run { old.reset() }
    }

    private func runCell(
        _ code: String, cellName: String, host: any ScriptHost, output: OutputHandling
    ) -> ExecutionOutcome {
        switch output {
        case .notebook: interpreter.host = LimitedHost(host)
        case .direct: interpreter.host = host
        }
        interpreter.collector = CycleCollector.current
        defer { interpreter.collector.collectIfDue() }
        defer { interpreter.host = SilentHost() }
        defer { interpreter.host.flush() }
        defer { PyplotModule.flush(interpreter) }
        var source = code
        var cellMagic: String?
        if code.hasPrefix("%%") {
            let firstLine = code.prefix { $0 != "\n" }
            cellMagic = String(firstLine.dropFirst(2)).trimmingSpaces
            source = String(repeating: " ", count: 0) + "\n" + code.dropFirst(firstLine.count + (firstLine.count < code.count ? 1 : 0))
        }
        let unit = SourceUnit(name: cellName, source: source)
        // Kept even without a client: a function defined before the debugger was attached
        // still stops at breakpoints set in its cell.
        unit.cellCode = code
        if debugger.isAttached {
            debugger.cellStarting()
            interpreter.debugger = debugger
        }
        defer {
            interpreter.debugger = nil
            debugger.inspector.reset()
        }
        if let magic = cellMagic, magic == "writefile" || magic.hasPrefix("writefile ") {
            // The body is text, not code: written before anything parses it.
            startFrame(unit, line: 0)
            do throws(ScriptError) {
                try interpreter.writeFileMagic(String(magic.dropFirst(9)).trimmingSpaces, body: String(source.dropFirst()))
                return .success(result: nil)
            } catch {
                return .failure(failure(error, unit: unit))
            }
        }
        let statements: [Stmt]
        do {
            statements = try Parser.parse(source)
        } catch {
            return .failure(syntaxFailure(error, source: source, cellName: cellName))
        }
        startFrame(unit, line: 0)
        do throws(ScriptError) {
            var value: Value?
            switch cellMagic {
            case nil:
                value = try runCalling(statements)
            case "time"?:
                value = try interpreter.timed { () throws(ScriptError) -> Value? in
                    try runCalling(statements)
                }
            case let magic? where magic == "capture" || magic.hasPrefix("capture "):
                try interpreter.captureCell(String(magic.dropFirst(7)).trimmingSpaces) { () throws(ScriptError) in
                    _ = try runCalling(statements)
                }
            case let magic? where magic == "timeit" || magic.hasPrefix("timeit "):
                try interpreter.timeit(String(magic.dropFirst(6)).trimmingSpaces, body: statements, in: workspace.globals)
            case .some(let name):
                let magic = name.split(separator: " ").first.map(String.init) ?? name
                throw ScriptError(.usageError, "Cell magic `%%\(magic)` not found.")
            }
            if let value, !endsWithSemicolon(source) {
                return .success(result: try bundle(for: value))
            }
            return .success(result: nil)
        } catch {
            return .failure(failure(error, unit: unit))
        }
    }

    /// The interpreter's state at the top of a cell or expression: nothing left over from an
    /// earlier one that was interrupted or failed deep inside calls.
    func startFrame(_ unit: SourceUnit, line: Int) {
        interpreter.outerUnit = unit
        interpreter.frameFunction = nil
        interpreter.frameLine = line
        interpreter.callDepth = 0
        interpreter.reprDepth = 0
        interpreter.iteratorDepth = 0
        interpreter.magicResult = nil
    }

    /// Runs a cell's statements for the value of its last expression, calling `exit` / `quit`
    /// where a line holds only the name, as IPython's autocall does (when the name is still
    /// the builtin).
    private func runCalling(_ statements: [Stmt]) throws(ScriptError) -> Value? {
        var rest = statements[...]
        while let bare = rest.firstIndex(where: ExitAutocall.isBareName) {
            _ = try interpreter.runForResult(Array(rest[..<bare]), in: workspace.globals)
            let value = try interpreter.runForResult([rest[bare]], in: workspace.globals)
            if let value, case .object(let object) = value, object is ExitAutocall {
                _ = try interpreter.call(value, Arguments())
                if bare == rest.indices.last { return nil }
            } else if bare == rest.indices.last {
                return value
            }
            rest = rest[(bare + 1)...]
        }
        return try interpreter.runForResult(Array(rest), in: workspace.globals)
    }

    private func bundle(for value: Value) throws(ScriptError) -> MimeBundle? {
        if value.isNone { return nil }
        return try interpreter.displayBundle(for: value)
    }

    private func endsWithSemicolon(_ source: String) -> Bool {
        let lines = source.split(separator: "\n")
        guard let last = lines.last(where: { !$0.trimmingSpaces.isEmpty && !$0.trimmingSpaces.hasPrefix("#") }) else {
            return false
        }
        return last.trimmingSpaces.hasSuffix(";")
    }

    private func syntaxFailure(_ error: SyntaxError, source: String, cellName: String) -> ScriptFailure {
        let traceback = switch tracebackStyle {
        case .python: SyntaxErrorRenderer.lines(for: error, source: source, cellName: cellName)
        case .ipython: ipythonRenderer.syntaxError(error, source: source, cellName: cellName)
        }
        return ScriptFailure(name: error.kind.rawValue, message: error.message, traceback: traceback)
    }

    /// `unit`: the cell or expression around the error (nil for a callback, which has none).
    func failure(_ error: ScriptError, unit: SourceUnit?) -> ScriptFailure {
        let (qualifiedName, message) = interpreter.describe(error)
        // The error's `ename` is the bare class name, as ipykernel sends it; only CPython's
        // last traceback line qualifies a class of another module (`utils.DataError`).
        var name = qualifiedName
        if case .instance(let instance) = error.payload { name = instance.type.name }
        var outermost = error
        if let unit {
            outermost.traceback.insert(TraceFrame(unit: unit, line: interpreter.frameLine, function: "<module>"), at: 0)
        }
        let isExit = interpreter.exception(error, matches: interpreter.types.exception(.systemExit))
        let exceptions = chain(outermost, seen: [])
        let traceback: [String]
        switch tracebackStyle {
        case .python:
            traceback = exceptions.flatMap { exception in
                TracebackRenderer.lines(exception.frames, name: exception.name, message: exception.message)
                    + (exception.link.map { ["", $0.text, ""] } ?? [])
            }
        case .ipython:
            traceback = isExit && !exceptions.isEmpty
                ? ipythonRenderer.exitLines(exceptions[exceptions.count - 1]) : ipythonRenderer.lines(exceptions)
        }
        return ScriptFailure(name: name, qualifiedName: qualifiedName, message: message, traceback: traceback,
                             exitStatus: isExit ? interpreter.exitStatus(of: error) : nil)
    }

    private var ipythonRenderer: IPythonTraceback {
        let interpreter = self.interpreter
        let colors = if case .ipython(let colors) = tracebackStyle { colors } else { false }
        return IPythonTraceback(
            mode: interpreter.exceptionMode, paint: ANSIPainter(enabled: colors),
            repr: { value in (try? interpreter.repr(value)) ?? "<unprintable object>" })
    }

    /// `error` after its cause or context, oldest first, as CPython prints a chain.
    private func chain(_ error: ScriptError, seen: [ObjectIdentifier]) -> [ChainedException] {
        var (name, message) = interpreter.describe(error)
        // IPython names an exception class by its bare name; CPython qualifies one of another
        // module (`utils.DataError`).
        if case .ipython = tracebackStyle, case .instance(let instance) = error.payload { name = instance.type.name }
        let own = [ChainedException(name: name, message: message, frames: error.traceback)]
        var seen = seen
        if case .instance(let instance) = error.payload {
            // A chain that loops back (an exception re-raised as its own context) ends there.
            if seen.contains(ObjectIdentifier(instance)) { return own }
            seen.append(ObjectIdentifier(instance))
        }
        guard seen.count < 100 else { return own }
        let earlier: (ScriptError, ChainLink)? =
            if let cause = error.cause { (cause.error, .cause) }
            else if let context = error.context, !error.suppressContext { (context.error, .context) }
            else { nil }
        guard let (previous, link) = earlier else { return own }
        var exceptions = chain(previous, seen: seen)
        exceptions[exceptions.count - 1].link = link
        return exceptions + own
    }
}

/// Renders runtime tracebacks: Python's layout, naming the cell and line of each frame.
enum TracebackRenderer {
    static func lines(_ frames: [TraceFrame], name: String, message: String) -> [String] {
        var lines = ["Traceback (most recent call last):"]
        var repeats = 0
        for (i, frame) in frames.enumerated() {
            // Like Python, show a frame repeated by recursion three times, then count the rest.
            if i > 0, frames[i - 1].unit === frame.unit, frames[i - 1].line == frame.line,
               frames[i - 1].function == frame.function {
                repeats += 1
            } else {
                if repeats > 2 { lines.append("  [Previous line repeated \(repeats - 2) more times]") }
                repeats = 0
            }
            if repeats > 2 { continue }
            lines.append("  \(frame.unit.name), line \(frame.line), in \(frame.function)")
            if let text = frame.unit.line(frame.line)?.trimmingSpaces, !text.isEmpty {
                lines.append("    " + text)
            }
        }
        if repeats > 2 { lines.append("  [Previous line repeated \(repeats - 2) more times]") }
        lines.append(message.isEmpty ? name : "\(name): \(message)")
        return lines
    }
}
