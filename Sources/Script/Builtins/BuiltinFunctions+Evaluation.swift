extension BuiltinFunctions {
    /// `eval` and `exec`: source text run in the scope of the code that called them.
    static func addEvaluation(_ table: inout [String: Value]) {
        table["eval"] = .builtin(BuiltinFunction(
            "eval", signature: "eval(source, globals=None, locals=None, /)",
            doc: "Evaluate the given source in the context of globals and locals.", readsCallerScope: true
        ) { interpreter, a throws(ScriptError) in
            let (source, scope) = try evaluationInput("eval", a, interpreter)
            // As CPython, leading spaces and tabs are not an indentation error here.
            let text = String(source.drop { $0 == " " || $0 == "\t" })
            let expression: Expr
            do throws(SyntaxError) {
                expression = try Parser.parseExpression(text)
            } catch {
                throw ScriptError(syntax: error, unit: "<string>")
            }
            return try interpreter.runningSource(text) { () throws(ScriptError) in try interpreter.evaluate(expression, in: scope) }
        })
        table["exec"] = .builtin(BuiltinFunction(
            "exec", signature: "exec(source, globals=None, locals=None, /)",
            doc: "Execute the given source in the context of globals and locals.", readsCallerScope: true
        ) { interpreter, a throws(ScriptError) in
            let (source, scope) = try evaluationInput("exec", a, interpreter)
            let statements: [Stmt]
            do throws(SyntaxError) {
                statements = try Parser.parse(source)
            } catch {
                throw ScriptError(syntax: error, unit: "<string>")
            }
            return try interpreter.runningSource(source) { () throws(ScriptError) in
                _ = try interpreter.execute(statements, in: scope)
                return .none
            }
        })
    }

    /// The source string and the scope to run it in: the caller's (the workspace's when
    /// called indirectly, as `map(eval, ...)`).
    private static func evaluationInput(_ name: String, _ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> (String, Scope) {
        let scope = interpreter.callerScope ?? interpreter.globals
        interpreter.callerScope = nil
        try a.expect(name, 1...3)
        for given in a.positional.dropFirst() where !given.isNone {
            throw ScriptError(.notImplementedError, "\(name)() with a globals or locals mapping is not supported in Recur; it runs in the caller's scope")
        }
        guard case .str(let source) = a.positional[0] else {
            if name == "eval" { throw .typeError("eval() arg 1 must be a string, bytes or code object") }
            throw .typeError("exec() arg 1 must be a string, bytes or code object")
        }
        return (source, scope)
    }
}

extension Interpreter {
    /// Runs code parsed from `source` as CPython runs `eval`/`exec` input: its frame is
    /// `File "<string>"`.
    func runningSource<R>(_ source: String, _ body: () throws(ScriptError) -> R) throws(ScriptError) -> R {
        // Source that evaluates itself (`s = "eval(s)"`) recurses like calls do.
        if callDepth >= Interpreter.recursionLimit {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded")
        }
        callDepth += 1
        defer { callDepth -= 1 }
        let savedUnit = outerUnit, savedLine = frameLine, savedFunction = frameFunction
        outerUnit = SourceUnit(name: "File \"<string>\"", source: source)
        frameLine = 1
        frameFunction = nil
        defer {
            outerUnit = savedUnit
            frameLine = savedLine
            frameFunction = savedFunction
        }
        do {
            return try body()
        } catch {
            var error = error
            error.traceback.insert(TraceFrame(unit: frameUnit, line: frameLine, function: frameName), at: 0)
            throw error
        }
    }
}

extension ScriptError {
    /// A syntax error in source parsed while running, as CPython words it:
    /// `invalid syntax (<string>, line 1)`.
    init(syntax error: SyntaxError, unit: String) {
        let kind: ExceptionKind = switch error.kind {
        case .syntax: .syntaxError
        case .indentation: .indentationError
        }
        self.init(kind, "\(error.message) (\(unit), line \(error.location.line))")
    }
}
