/// How a block finished.
package enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

extension Interpreter {
    package func execute(_ statements: [Stmt], in scope: Scope) throws(ScriptError) -> Flow {
        for statement in statements {
            let flow = try execute(statement, in: scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    package func execute(_ statement: Stmt, in scope: Scope) throws(ScriptError) -> Flow {
        frameLine = statement.line
        try debugStatement(statement.line, in: scope)
        switch statement.kind {
        case .expression(let expr):
            _ = try evaluate(expr, in: scope)
        case .assign(let targets, let value):
            let result = try evaluate(value, in: scope)
            for target in targets { try assign(target, result, in: scope) }
        case .augmentedAssign(let target, let op, let value):
            try augmentedAssign(target, op, value, in: scope)
        case .annotatedAssign(let target, let annotation, let value):
            if let value { try assign(target, try evaluate(value, in: scope), in: scope) }
            if scope.kind == .classBody, case .name(let ref) = target { try recordAnnotation(ref.text, annotation, in: scope) }
        case .delete(let targets):
            for target in targets { try delete(target, in: scope) }
        case .pass:
            break
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        case .return(let expr):
            return .returned(try expr.map { (e) throws(ScriptError) in try evaluate(e, in: scope) } ?? .none)
        case .raise(let expr, let cause):
            try raise(expr, cause: cause, in: scope)
        case .global, .nonlocal:
            // The resolver has already placed these names.
            break
        case .assert(let test, let message):
            if try !truth(try evaluate(test, in: scope)) {
                let text = try message.map { (m) throws(ScriptError) in try str(try evaluate(m, in: scope)) } ?? ""
                throw ScriptError(.assertionError, text)
            }
        case .import(let items):
            for item in items { try importModule(item, in: scope) }
        case .fromImport(let module, let names):
            try importNames(names, from: module, in: scope)
        case .if(let branches, let orElse):
            for branch in branches where try truth(try evaluate(branch.test, in: scope)) {
                return try execute(branch.body, in: scope)
            }
            return try execute(orElse, in: scope)
        case .while(let test, let body, let orElse):
            return try runWhile(test, body, orElse, in: scope)
        case .for(let target, let iterable, let body, let orElse):
            return try runFor(target, iterable, body, orElse, in: scope)
        case .with(let items, let body):
            return try runWith(items[...], body, in: scope)
        case .try(let body, let handlers, let orElse, let finally):
            return try runTry(body, handlers, orElse, finally, in: scope)
        case .functionDef(let definition, let decorators):
            var function = Value.function(try makeFunction(definition, in: scope))
            for decorator in decorators.reversed() {
                function = try call(try evaluate(decorator, in: scope), Arguments([function]))
            }
            try bind(definition.name, function, in: scope)
        case .classDef(let name, let bases, let keywords, let body, let decorators, let code):
            var cls = try makeClass(name, bases, keywords, body, code: code, in: scope)
            for decorator in decorators.reversed() {
                cls = try call(try evaluate(decorator, in: scope), Arguments([cls]))
            }
            try bind(name, cls, in: scope)
        case .magic(let text):
            try runMagic(text, in: scope)
        case .yield:
            // The parser accepts `yield` only in functions, which run it as generators.
            throw ScriptError(.syntaxError, "'yield' outside function")
        }
        return .normal
    }

    func runWhile(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], in scope: Scope) throws(ScriptError) -> Flow {
        // Interrupts are polled after each iteration, so an iteration that starts completes.
        while try truth(try evaluate(test, in: scope)) {
            switch try execute(body, in: scope) {
            case .normal, .continueLoop: try checkInterrupt()
            case .breakLoop: return .normal
            case .returned(let value): return .returned(value)
            }
        }
        return try execute(orElse, in: scope)
    }

    func runFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt],
                in scope: Scope) throws(ScriptError) -> Flow {
        let sequence = try evaluate(iterable, in: scope)
        // Ranges are by far the most common loop; count without an iterator object.
        if case .object(let object) = sequence, let range = (object as? RangeObject)?.narrow, case .name(let ref) = target {
            var i = range.start
            while range.step > 0 ? i < range.stop : i > range.stop {
                try bind(ref, .int(i), in: scope)
                switch try execute(body, in: scope) {
                case .normal, .continueLoop: try checkInterrupt()
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                }
                let (next, overflow) = i.addingReportingOverflow(range.step)
                if overflow { break }
                i = next
            }
            return try execute(orElse, in: scope)
        }
        let iterator = try makeIterator(sequence)
        while let item = try iterator.next(interpreter: self) {
            try assign(target, item, in: scope)
            switch try execute(body, in: scope) {
            case .normal, .continueLoop: try checkInterrupt()
            case .breakLoop: return .normal
            case .returned(let value): return .returned(value)
            }
        }
        return try execute(orElse, in: scope)
    }

    func runWith(_ items: ArraySlice<(context: Expr, target: Expr?)>, _ body: [Stmt],
                 in scope: Scope) throws(ScriptError) -> Flow {
        guard let first = items.first else { return try execute(body, in: scope) }
        let manager = try evaluate(first.context, in: scope)
        let rest = items.dropFirst()
        if case .object(let object) = manager {
            return try object.withContext(interpreter: self) { (entered) throws(ScriptError) -> Flow in
                if let target = first.target { try assign(target, entered, in: scope) }
                return try runWith(rest, body, in: scope)
            }
        }
        let entered = try enterContext(manager)
        let flow: Flow
        do {
            if let target = first.target { try assign(target, entered, in: scope) }
            flow = try runWith(rest, body, in: scope)
        } catch {
            try exitContexts([manager], raising: error)
            return .normal
        }
        try exitContexts([manager], raising: nil)
        return flow
    }

    func enterContext(_ manager: Value) throws(ScriptError) -> Value {
        switch manager {
        case .object(let object):
            if let value = try object.enter(interpreter: self) { return value }
        case .instance(let instance):
            if let enter = instance.type.lookup("__enter__") {
                guard instance.type.lookup("__exit__") != nil else {
                    throw .typeError("'\(manager.typeName)' object does not support the context manager protocol (missed __exit__ method)")
                }
                return try callBound(enter, receiver: manager, Arguments())
            }
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type,
             .module:
            break
        }
        throw .typeError("'\(manager.typeName)' object does not support the context manager protocol")
    }

    /// Leaves `managers` innermost first, as nested `with` blocks do. With an exception passing
    /// through, each `__exit__` receives it and may suppress it by returning a true value; the
    /// exception still pending at the end is raised.
    func exitContexts(_ managers: [Value], raising error: ScriptError?) throws(ScriptError) {
        var pending = error
        for manager in managers.reversed() {
            do {
                if try exitContext(manager, error: pending) { pending = nil }
            } catch {
                pending = error
            }
        }
        if let pending { throw pending }
    }

    /// Calls the manager's exit; true when it suppresses `error`.
    private func exitContext(_ manager: Value, error: ScriptError?) throws(ScriptError) -> Bool {
        switch manager {
        case .object(let object):
            try object.exit(interpreter: self)
        case .instance(let instance):
            guard let exit = instance.type.lookup("__exit__") else { return false }
            var arguments: [Value] = [.none, .none, .none]
            if let error {
                // As in CPython, the exception is being handled while __exit__ runs (the same
                // object as __exit__ receives).
                let held = caught(error)
                let exception = exceptionObject(held)
                arguments = [.type(exception.type), .instance(exception), .none]
                handling.append((held, contextual(held)))
            }
            defer { if error != nil { handling.removeLast() } }
            let result = try callBound(exit, receiver: manager, Arguments(arguments))
            guard error != nil else { return false }
            return try truth(result)
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .function, .builtin, .boundMethod, .type,
             .module:
            break
        }
        return false
    }

    func runTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt],
                in scope: Scope) throws(ScriptError) -> Flow {
        let outcome: Result<Flow, ScriptError>
        var failedLine = frameLine
        do {
            outcome = .success(try runTryBody(body, handlers, orElse, in: scope))
        } catch {
            outcome = .failure(error)
            failedLine = frameLine
        }
        if finally.isEmpty { return try outcome.get() }
        let finalFlow: Flow
        do {
            finalFlow = try execute(finally, in: scope)
        } catch {
            if case .failure(let pending) = outcome { throw chaining(error, to: contextual(pending)) }
            throw error
        }
        guard case .normal = finalFlow else { return finalFlow }
        // The traceback names the line that raised, not the last line of `finally`.
        if case .failure = outcome { frameLine = failedLine }
        return try outcome.get()
    }

    private func runTryBody(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt],
                            in scope: Scope) throws(ScriptError) -> Flow {
        let flow: Flow
        do {
            flow = try execute(body, in: scope)
        } catch {
            guard let handler = try matchingHandler(error, handlers, in: scope) else { throw error }
            let held = caught(error)
            let chained = contextual(held)
            recordTraceback(held, chained)
            if let name = handler.name { try bind(name, .instance(exceptionObject(held)), in: scope) }
            handling.append((held, chained))
            defer {
                handling.removeLast()
                // Python deletes the `as` name when the handler ends.
                if let name = handler.name { unbindName(name, in: scope) }
            }
            do {
                return try execute(handler.body, in: scope)
            } catch {
                throw chaining(error, to: chained)
            }
        }
        if case .normal = flow { return try execute(orElse, in: scope) }
        return flow
    }

    func matchingHandler(_ error: ScriptError, _ handlers: [ExceptHandler],
                         in scope: Scope) throws(ScriptError) -> ExceptHandler? {
        try matchingHandlerIndex(error, handlers, in: scope).map { handlers[$0] }
    }

    /// The position of the first `except` clause that catches `error`.
    func matchingHandlerIndex(_ error: ScriptError, _ handlers: [ExceptHandler],
                              in scope: Scope) throws(ScriptError) -> Int? {
        for (index, handler) in handlers.enumerated() {
            guard let typeExpr = handler.type else { return index }
            let typeValue = try evaluate(typeExpr, in: scope)
            let candidates: [Value]
            if case .tuple(let items) = typeValue { candidates = items } else { candidates = [typeValue] }
            for candidate in candidates {
                guard case .type(let type) = candidate, type.exceptionKind != nil else {
                    throw .typeError("catching classes that do not inherit from BaseException is not allowed")
                }
                if exception(error, matches: type) { return index }
            }
        }
        return nil
    }

    package func exception(_ error: ScriptError, matches type: TypeObject) -> Bool {
        switch error.payload {
        case .builtin(let kind, _):
            guard case .exception(let handlerKind) = type.kind else { return false }
            return kind.isSubkind(of: handlerKind)
        case .instance(let instance):
            return instance.type.isSubtype(of: type)
        }
    }

    package func raise(_ expr: Expr?, cause: Expr?, in scope: Scope) throws(ScriptError) {
        guard let expr else {
            guard let current = handling.last else {
                throw .runtimeError("No active exception to reraise")
            }
            throw current.error
        }
        var error = try errorToRaise(try evaluate(expr, in: scope))
        if let cause {
            let value = try evaluate(cause, in: scope)
            guard case .instance(let raised) = error.payload else { throw error }
            if value.isNone {
                raised.attributes["__cause__"] = Value.none
            } else {
                var causeError: ScriptError
                do {
                    causeError = try errorToRaise(value)
                } catch {
                    throw .typeError("exception causes must derive from BaseException")
                }
                // An exception being handled keeps the traceback it was caught with.
                if case .instance(let causeInstance) = value,
                    let handled = handling.last(where: { if case .instance(let h) = $0.error.payload { h === causeInstance } else { false } }) {
                    causeError = handled.chained
                }
                error.cause = ChainedError(causeError)
                raised.attributes["__cause__"] = .instance(exceptionObject(causeError))
            }
            error.suppressContext = true
            raised.attributes["__suppress_context__"] = .bool(true)
        }
        throw error
    }
}

extension Interpreter {
    /// `name: annotation` in a class body: recorded in the class's `__annotations__` as its
    /// source text (as under `from __future__ import annotations`), for `dataclasses`.
    func recordAnnotation(_ name: String, _ annotation: String, in scope: Scope) throws(ScriptError) {
        let id = symbols.intern("__annotations__")
        switch try classNamespaceValue(id, in: scope) {
        case .dict(let existing)?:
            try existing.set(.str(name), .str(annotation))
        case let other?:
            try setItem(other, .str(name), .str(annotation))
        case nil:
            let annotations = DictObject()
            try setClassNamespaceValue(id, .dict(annotations), in: scope)
            try annotations.set(.str(name), .str(annotation))
        }
    }
}
