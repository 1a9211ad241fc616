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
        table["globals"] = .builtin(BuiltinFunction(
            "globals", signature: "globals()", doc: "The dictionary of the current module's global variables.", readsCallerScope: true
        ) { interpreter, a throws(ScriptError) in
            interpreter.callerScope = nil
            try a.expect("globals", 0...0)
            return .object(NamespaceDict(GlobalsStore(interpreter.globals, interpreter.symbols)))
        })
        table["locals"] = .builtin(BuiltinFunction(
            "locals", signature: "locals()", doc: "The dictionary of the current scope's local variables.", readsCallerScope: true
        ) { interpreter, a throws(ScriptError) in
            let scope = interpreter.callerScope ?? interpreter.globals
            interpreter.callerScope = nil
            try a.expect("locals", 0...0)
            return try interpreter.locals(of: scope)
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
    /// `locals()` in `scope`: the module's globals themselves at module level; elsewhere a new
    /// dict of the bound variables (CPython 3.11's snapshot), parameters and locals first.
    package func locals(of scope: Scope) throws(ScriptError) -> Value {
        let dict = DictObject()
        switch scope.kind {
        case .module:
            return .object(NamespaceDict(GlobalsStore(scope, symbols)))
        case .function:
            if let code = scope.code {
                var slotted: [(order: Int, name: String, value: Value)] = []
                for (name, resolution) in code.names {
                    switch resolution {
                    case .local(let i):
                        if i < scope.locals.count, let value = scope.locals[i] { slotted.append((i, name, value)) }
                    case .cell(let i):
                        if i < scope.cells.count, let value = scope.cells[i].value { slotted.append((code.localCount + i, name, value)) }
                    case .global, .dynamic:
                        break
                    }
                }
                for entry in slotted.sorted(by: { $0.order < $1.order }) { try dict.set(.str(entry.name), entry.value) }
            }
        case .classBody:
            break
        }
        for entry in scope.namedEntries { try dict.set(.str(symbols.name(entry.id)), entry.value) }
        return .dict(dict)
    }

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
    package init(syntax error: SyntaxError, unit: String) {
        let kind: ExceptionKind = switch error.kind {
        case .syntax: .syntaxError
        case .indentation: .indentationError
        }
        self.init(kind, "\(error.message) (\(unit), line \(error.location.line))")
    }
}
