/// What a generator's body did when resumed: yielded a value, or finished with a return value.
package enum GeneratorStep {
    case yielded(Value)
    case returned(Value)
}

/// The code behind a generator: a suspended generator-function call or a generator expression.
package protocol GeneratorBody: AnyObject {
    /// Runs until the next `yield`. `sending` is the value the suspended `yield` evaluates to;
    /// `throwing` is raised there instead (`throw()`, `close()`).
    func resume(sending: Value, throwing: ScriptError?, interpreter: Interpreter) throws(ScriptError) -> GeneratorStep
}

/// A Python generator object: `next`, `send`, `throw`, `close`, and the iterator protocol.
package final class GeneratorObject: DeclaredObject, ValueIterator {
    private enum State {
        case created, suspended, running, finished
    }

    package let name: String
    package let qualifiedName: String
    private let body: GeneratorBody
    private var state = State.created
    /// What the body returned (the value of `yield from` over this generator).
    private(set) var returnValue: Value = .none

    init(name: String, qualifiedName: String, body: GeneratorBody) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.body = body
    }

    package var typeName: String { "generator" }

    /// Resumes the body; `.returned` once it has finished (every later call too).
    package func resume(sending value: Value, throwing error: ScriptError?, interpreter: Interpreter) throws(ScriptError) -> GeneratorStep {
        switch state {
        case .running: throw .valueError("generator already executing")
        case .finished:
            if let error { throw error }
            return .returned(.none)
        case .created:
            if !value.isNone && error == nil {
                throw .typeError("can't send non-None value to a just-started generator")
            }
        case .suspended:
            break
        }
        state = .running
        interpreter.iteratorDepth += 1
        defer { interpreter.iteratorDepth -= 1 }
        do throws(ScriptError) {
            if interpreter.iteratorDepth > Interpreter.maxIteratorNesting {
                throw ScriptError(.recursionError, "maximum recursion depth exceeded while iterating")
            }
            let step = try body.resume(sending: value, throwing: error, interpreter: interpreter)
            switch step {
            case .yielded: state = .suspended
            case .returned(let result):
                state = .finished
                returnValue = result
            }
            return step
        } catch {
            state = .finished
            // PEP 479: a StopIteration escaping the body would end the caller's loop silently.
            if interpreter.isStopIteration(error) {
                var replacement = ScriptError(.runtimeError, "generator raised StopIteration")
                replacement.traceback = error.traceback
                throw replacement
            }
            throw error
        }
    }

    package func next(interpreter: Interpreter) throws(ScriptError) -> Value? {
        if case .yielded(let value) = try resume(sending: .none, throwing: nil, interpreter: interpreter) { return value }
        return nil
    }

    /// `send(value)`: the next yielded value, or `StopIteration` carrying the return value.
    package func send(_ value: Value, throwing error: ScriptError? = nil, interpreter: Interpreter) throws(ScriptError) -> Value {
        switch try resume(sending: value, throwing: error, interpreter: interpreter) {
        case .yielded(let item): return item
        case .returned(let result): throw interpreter.stopIteration(result)
        }
    }

    /// `close()`: raises `GeneratorExit` at the suspended `yield` so `finally` blocks run.
    package func close(interpreter: Interpreter) throws(ScriptError) {
        switch state {
        case .created, .finished:
            state = .finished
            return
        case .running:
            throw .valueError("generator already executing")
        case .suspended:
            break
        }
        do throws(ScriptError) {
            if case .yielded = try resume(sending: .none, throwing: ScriptError(.generatorExit, ""), interpreter: interpreter) {
                throw ScriptError(.runtimeError, "generator ignored GeneratorExit")
            }
        } catch where interpreter.exception(error, matches: interpreter.types.exception(.generatorExit))
                    || interpreter.isStopIteration(error) {
            return
        }
    }

    package func makeIterator(interpreter: Interpreter) throws(ScriptError) -> (any ValueIterator)? { self }

    package static let declaration = NativeType<GeneratorObject>(properties: [
        NativeProperty("__name__") { g, _ throws(ScriptError) in .str(g.name) },
        NativeProperty("__qualname__") { g, _ throws(ScriptError) in .str(g.qualifiedName) },
        NativeProperty("gi_running") { g, _ throws(ScriptError) in
            if case .running = g.state { return .bool(true) }
            return .bool(false)
        },
    ], methods: [
        NativeMethod("__iter__", "()", .slotWrapper, doc: "Implement iter(self).") { g, _, _ throws(ScriptError) in .object(g) },
        NativeMethod("__next__", "()", .slotWrapper, doc: "Implement next(self).") { g, _, interpreter throws(ScriptError) in
            try g.send(.none, interpreter: interpreter)
        },
        NativeMethod("close", "()", .noArguments, doc: "close() -> raise GeneratorExit inside generator.") { g, _, interpreter throws(ScriptError) in
            try g.close(interpreter: interpreter)
            return .none
        },
        NativeMethod("send", "(arg, /)", .singleArgument,
                     doc: "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.") { g, a, interpreter throws(ScriptError) in
            try g.send(a.required(0), interpreter: interpreter)
        },
        NativeMethod("throw", "(typ, val=None, tb=None, /)", .clinic,
                     doc: "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.") {
            g, a, interpreter throws(ScriptError) in
            let error = try interpreter.errorToRaise(a.required(0), value: a[1])
            return try g.send(.none, throwing: error, interpreter: interpreter)
        },
    ])

    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "<generator object \(qualifiedName) at \(addressText(of: self))>"
    }
}

extension Interpreter {
    /// `StopIteration(value)`, as a finished generator raises it.
    func stopIteration(_ value: Value) -> ScriptError {
        if value.isNone { return ScriptError(.stopIteration, "") }
        let instance = InstanceObject(type: types.exception(.stopIteration))
        instance.attributes["args"] = .tuple([value])
        instance.attributes["value"] = value
        return ScriptError(instance: instance)
    }

    /// The error that `raise`/`throw()` raises for an exception class or instance.
    package func errorToRaise(_ value: Value, value argument: Value? = nil) throws(ScriptError) -> ScriptError {
        var exception = value
        if case .type(let type) = value, type.exceptionKind != nil {
            let arguments = argument.map { (a) -> [Value] in a.isNone ? [] : [a] } ?? []
            exception = try call(value, Arguments(arguments))
        }
        guard case .instance(let instance) = exception, instance.type.exceptionKind != nil else {
            throw .typeError("exceptions must derive from BaseException")
        }
        return ScriptError(instance: instance)
    }
}

/// A generator expression: `(element for target in iterable if condition ...)`, evaluated
/// one item at a time. The first iterable is evaluated where the expression stands (Python's
/// rule); the others each time their clause starts over.
package final class ExpressionGenerator: GeneratorBody {
    private let element: Expr
    private let clauses: [ComprehensionClause]
    private let scope: Scope
    /// The module scope where the expression stands (it may be consumed from another module).
    private let globals: Scope
    /// The iterator of each clause entered so far, outermost first.
    private var iterators: [any ValueIterator]

    init(element: Expr, clauses: [ComprehensionClause], first: any ValueIterator, scope: Scope, globals: Scope) {
        self.element = element
        self.clauses = clauses
        self.scope = scope
        self.globals = globals
        iterators = [first]
    }

    package func resume(sending: Value, throwing error: ScriptError?, interpreter: Interpreter) throws(ScriptError) -> GeneratorStep {
        let savedGlobals = interpreter.globals
        interpreter.globals = globals
        defer { interpreter.globals = savedGlobals }
        if let error {
            iterators.removeAll()
            throw error
        }
        while let depth = iterators.indices.last {
            guard let item = try iterators[depth].next(interpreter: interpreter) else {
                iterators.removeLast()
                continue
            }
            let clause = clauses[depth]
            try interpreter.assign(clause.target, item, in: scope)
            var keep = true
            for condition in clause.conditions where try !interpreter.truth(try interpreter.evaluate(condition, in: scope)) {
                keep = false
                break
            }
            guard keep else {
                try interpreter.checkInterrupt()
                continue
            }
            if depth == clauses.count - 1 { return .yielded(try interpreter.evaluate(element, in: scope)) }
            iterators.append(try interpreter.makeIterator(try interpreter.evaluate(clauses[depth + 1].iterable, in: scope)))
        }
        return .returned(.none)
    }
}
