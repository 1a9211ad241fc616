/// A generator function's call, run up to each `yield` and resumed from there.
///
/// Recur evaluates the syntax tree directly, so a generator cannot keep its Swift stack
/// between `yield`s. Instead, suspending unwinds to the generator's caller and records, for
/// each statement on the way out, where it stood (`Suspension`); resuming walks back down
/// that record. Only statements that contain a `yield` need this (the parser marks them);
/// everything else runs on the interpreter's ordinary path.
package final class GeneratorFrame: GeneratorBody {
    package let function: FunctionObject
    let scope: Scope
    package let receiver: Value?
    private var suspension: Suspension?
    private var started = false
    /// The value `yield` produced on the way out, and what the caller sends back in.
    private var yielded: Value = .none
    private var sent: Value = .none
    private var thrown: ScriptError?

    init(function: FunctionObject, scope: Scope, receiver: Value?) {
        self.function = function
        self.scope = scope
        self.receiver = receiver
    }

    package func resume(sending value: Value, throwing error: ScriptError?, interpreter: Interpreter) throws(ScriptError) -> GeneratorStep {
        if !started {
            started = true
            if let error { throw error }
        }
        sent = value
        thrown = error
        let outcome = try interpreter.inFrame(of: function, receiver: receiver, scope: scope) { () throws(ScriptError) -> BlockOutcome in
            try runBlock(function.definition.body, from: suspension, interpreter)
        }
        switch outcome {
        case .suspend(let point):
            suspension = point
            return .yielded(yielded)
        case .flow(let flow):
            suspension = nil
            if case .returned(let result) = flow { return .returned(result) }
            return .returned(.none)
        }
    }

    private func runBlock(_ body: [Stmt], from resume: Suspension?, _ interpreter: Interpreter) throws(ScriptError) -> BlockOutcome {
        var i = resume?.index ?? 0
        var state = resume?.state
        while i < body.count {
            let statement = body[i]
            let outcome: StepOutcome
            if statement.containsYield {
                interpreter.frameLine = statement.line
                outcome = try run(statement, resuming: state, interpreter)
            } else {
                outcome = .flow(try interpreter.execute(statement, in: scope))
            }
            state = nil
            switch outcome {
            case .suspend(let point): return .suspend(Suspension(index: i, state: point))
            case .flow(.normal): i += 1
            case .flow(let flow): return .flow(flow)
            }
        }
        return .flow(.normal)
    }

    private func run(_ statement: Stmt, resuming resume: SuspendedStatement?, _ interpreter: Interpreter) throws(ScriptError) -> StepOutcome {
        switch statement.kind {
        case .yield(let targets, let value, let delegating):
            return try runYield(targets, value, delegating: delegating, resume, interpreter)
        case .if(let branches, let orElse):
            if case .branch(let k, let point)? = resume {
                let body = k < branches.count ? branches[k].body : orElse
                return wrap(try runBlock(body, from: point, interpreter)) { .branch(k, $0) }
            }
            for (k, branch) in branches.enumerated() where try interpreter.truth(try interpreter.evaluate(branch.test, in: scope)) {
                return wrap(try runBlock(branch.body, from: nil, interpreter)) { .branch(k, $0) }
            }
            return wrap(try runBlock(orElse, from: nil, interpreter)) { .branch(branches.count, $0) }
        case .while(let test, let body, let orElse):
            var point: Suspension?
            if case .loop(let loop)? = resume {
                switch loop {
                case .body(let inner, _): point = inner
                case .orElse(let inner): return wrap(try runBlock(orElse, from: inner, interpreter)) { .loop(.orElse($0)) }
                }
            }
            while true {
                if point == nil {
                    guard try loopTest(test, interpreter) else { break }
                }
                let outcome = try runBlock(body, from: point, interpreter)
                point = nil
                switch outcome {
                case .suspend(let inner): return .suspend(.loop(.body(inner, iterator: nil)))
                case .flow(.normal), .flow(.continueLoop): try interpreter.checkInterrupt()
                case .flow(.breakLoop): return .flow(.normal)
                case .flow(.returned(let value)): return .flow(.returned(value))
                }
            }
            return wrap(try runBlock(orElse, from: nil, interpreter)) { .loop(.orElse($0)) }
        case .for(let target, let iterable, let body, let orElse):
            var point: Suspension?
            let iterator: any ValueIterator
            if case .loop(let loop)? = resume {
                switch loop {
                case .body(let inner, let saved?):
                    point = inner
                    iterator = saved
                case .body(_, nil):
                    throw .runtimeError("generator resumed in an inconsistent state")
                case .orElse(let inner): return wrap(try runBlock(orElse, from: inner, interpreter)) { .loop(.orElse($0)) }
                }
            } else {
                iterator = try interpreter.makeIterator(try interpreter.evaluate(iterable, in: scope))
            }
            while true {
                if point == nil {
                    guard let item = try iterator.next(interpreter: interpreter) else { break }
                    try interpreter.assign(target, item, in: scope)
                }
                let outcome = try runBlock(body, from: point, interpreter)
                point = nil
                switch outcome {
                case .suspend(let inner): return .suspend(.loop(.body(inner, iterator: iterator)))
                case .flow(.normal), .flow(.continueLoop): try interpreter.checkInterrupt()
                case .flow(.breakLoop): return .flow(.normal)
                case .flow(.returned(let value)): return .flow(.returned(value))
                }
            }
            return wrap(try runBlock(orElse, from: nil, interpreter)) { .loop(.orElse($0)) }
        case .try(let body, let handlers, let orElse, let finally):
            var phase = TryPoint.body(nil)
            if case .try(let saved)? = resume { phase = saved }
            return try runTry(body, handlers, orElse, finally, phase, interpreter)
        case .with(let items, let body):
            return try runWith(items, body, resume, interpreter)
        case .expression, .assign, .augmentedAssign, .annotatedAssign, .delete, .pass, .break, .continue, .return,
             .raise, .global, .nonlocal, .assert, .import, .fromImport, .functionDef, .classDef, .magic:
            return .flow(try interpreter.execute(statement, in: scope))
        }
    }

    private func loopTest(_ test: Expr, _ interpreter: Interpreter) throws(ScriptError) -> Bool {
        try interpreter.truth(try interpreter.evaluate(test, in: scope))
    }

    private func wrap(_ outcome: BlockOutcome, _ make: (Suspension) -> SuspendedStatement) -> StepOutcome {
        switch outcome {
        case .suspend(let point): .suspend(make(point))
        case .flow(let flow): .flow(flow)
        }
    }

    private func runYield(_ targets: [Expr], _ value: Expr?, delegating: Bool, _ resume: SuspendedStatement?,
                          _ interpreter: Interpreter) throws(ScriptError) -> StepOutcome {
        let received: Value
        if case .yield(let point)? = resume {
            let error = thrown
            thrown = nil
            switch point {
            case .waiting:
                if let error { throw error }
                received = sent
            case .delegating(let source):
                guard let result = try delegate(to: source, sending: sent, throwing: error, interpreter) else {
                    return .suspend(.yield(.delegating(source)))
                }
                received = result
            }
        } else {
            let result = try value.map { (e) throws(ScriptError) in try interpreter.evaluate(e, in: scope) } ?? .none
            if !delegating {
                yielded = result
                return .suspend(.yield(.waiting))
            }
            let source: DelegateSource
            if case .object(let object) = result, let generator = object as? GeneratorObject {
                source = .generator(generator)
            } else {
                source = .iterator(try interpreter.makeIterator(result))
            }
            guard let value = try delegate(to: source, sending: .none, throwing: nil, interpreter) else {
                return .suspend(.yield(.delegating(source)))
            }
            received = value
        }
        for target in targets { try interpreter.assign(target, received, in: scope) }
        return .flow(.normal)
    }

    /// One step of `yield from`: nil after the delegate yielded (stored in `yielded`), or the
    /// delegate's return value once it finished.
    private func delegate(to source: DelegateSource, sending value: Value, throwing error: ScriptError?,
                          _ interpreter: Interpreter) throws(ScriptError) -> Value? {
        let step: GeneratorStep
        switch source {
        case .generator(let generator):
            if let error, interpreter.exception(error, matches: interpreter.types.exception(.generatorExit)) {
                try generator.close(interpreter: interpreter)
                throw error
            }
            step = try generator.resume(sending: value, throwing: error, interpreter: interpreter)
        case .iterator(let iterator):
            if let error { throw error }
            if !value.isNone { throw .attributeError("'iterator' object has no attribute 'send'") }
            step = try iterator.next(interpreter: interpreter).map { GeneratorStep.yielded($0) } ?? .returned(.none)
        }
        switch step {
        case .yielded(let item):
            yielded = item
            return nil
        case .returned(let result):
            return result
        }
    }

    private func runTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt],
                        _ start: TryPoint, _ interpreter: Interpreter) throws(ScriptError) -> StepOutcome {
        var phase = start
        while true {
            switch phase {
            case .body(let point):
                do {
                    switch try runBlock(body, from: point, interpreter) {
                    case .suspend(let inner): return .suspend(.try(.body(inner)))
                    case .flow(.normal): phase = .orElse(nil)
                    case .flow(let flow): phase = .finally(.success(flow), nil)
                    }
                } catch {
                    do {
                        if let k = try interpreter.matchingHandlerIndex(error, handlers, in: scope) {
                            let held = interpreter.caught(error)
                            interpreter.recordTraceback(held, interpreter.contextual(held))
                            if let name = handlers[k].name {
                                try interpreter.bind(name, .instance(interpreter.exceptionObject(held)), in: scope)
                            }
                            phase = .handler(k, held, nil)
                        } else {
                            phase = .finally(.failure(error), nil)
                        }
                    } catch {
                        phase = .finally(.failure(error), nil)
                    }
                }
            case .handler(let k, let handled, let point):
                interpreter.handling.append((handled, interpreter.contextual(handled)))
                do {
                    let outcome = try runBlock(handlers[k].body, from: point, interpreter)
                    interpreter.handling.removeLast()
                    switch outcome {
                    case .suspend(let inner): return .suspend(.try(.handler(k, handled, inner)))
                    case .flow(let flow): phase = .finally(.success(flow), nil)
                    }
                } catch {
                    interpreter.handling.removeLast()
                    phase = .finally(.failure(interpreter.chaining(error, to: interpreter.contextual(handled))), nil)
                }
            case .orElse(let point):
                do {
                    switch try runBlock(orElse, from: point, interpreter) {
                    case .suspend(let inner): return .suspend(.try(.orElse(inner)))
                    case .flow(let flow): phase = .finally(.success(flow), nil)
                    }
                } catch {
                    phase = .finally(.failure(error), nil)
                }
            case .finally(let pending, let point):
                let outcome: BlockOutcome
                do {
                    outcome = try runBlock(finally, from: point, interpreter)
                } catch {
                    if case .failure(let failed) = pending { throw interpreter.chaining(error, to: interpreter.contextual(failed)) }
                    throw error
                }
                switch outcome {
                case .suspend(let inner): return .suspend(.try(.finally(pending, inner)))
                case .flow(.normal): return .flow(try pending.get())
                case .flow(let flow): return .flow(flow)
                }
            }
        }
    }

    private func runWith(_ items: [(context: Expr, target: Expr?)], _ body: [Stmt], _ resume: SuspendedStatement?,
                         _ interpreter: Interpreter) throws(ScriptError) -> StepOutcome {
        var managers: [Value] = []
        var point: Suspension?
        if case .with(let saved, let inner)? = resume {
            managers = saved
            point = inner
        } else {
            do {
                for item in items {
                    let manager = try interpreter.evaluate(item.context, in: scope)
                    let entered = try interpreter.enterContext(manager)
                    managers.append(manager)
                    if let target = item.target { try interpreter.assign(target, entered, in: scope) }
                }
            } catch {
                try interpreter.exitContexts(managers, raising: error)
                return .flow(.normal)
            }
        }
        let outcome: BlockOutcome
        do {
            outcome = try runBlock(body, from: point, interpreter)
        } catch {
            try interpreter.exitContexts(managers, raising: error)
            return .flow(.normal)
        }
        switch outcome {
        case .suspend(let inner): return .suspend(.with(managers, inner))
        case .flow(let flow):
            try interpreter.exitContexts(managers, raising: nil)
            return .flow(flow)
        }
    }
}

/// Where a suspended generator stopped inside one block: the statement, and where that
/// statement itself stopped.
package final class Suspension {
    package let index: Int
    package let state: SuspendedStatement
    init(index: Int, state: SuspendedStatement) {
        self.index = index
        self.state = state
    }
}

/// The resumable state of one statement that contains a `yield`.
package enum SuspendedStatement {
    case yield(YieldPoint)
    /// Inside branch `k` of an `if` (`branches.count` is the `else` block).
    case branch(Int, Suspension)
    case loop(LoopPoint)
    case `try`(TryPoint)
    /// Inside a `with` body, holding the managers to exit.
    case with([Value], Suspension)
}

package enum YieldPoint {
    /// At a plain `yield`, waiting for `next()` or `send()`.
    case waiting
    /// In `yield from`, passing calls through to the delegate.
    case delegating(DelegateSource)
}

package enum DelegateSource {
    case generator(GeneratorObject)
    case iterator(any ValueIterator)
}

package enum LoopPoint {
    /// In the body; a `for` loop keeps its iterator.
    case body(Suspension, iterator: (any ValueIterator)?)
    case orElse(Suspension)
}

package enum TryPoint {
    case body(Suspension?)
    case handler(Int, ScriptError, Suspension?)
    case orElse(Suspension?)
    /// Running `finally`, then ending as `pending` says (unless `finally` itself leaves).
    case finally(Result<Flow, ScriptError>, Suspension?)
}

package enum StepOutcome {
    case flow(Flow)
    case suspend(SuspendedStatement)
}

package enum BlockOutcome {
    case flow(Flow)
    case suspend(Suspension)
}
