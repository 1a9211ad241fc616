extension Interpreter {
    /// Calls any callable value.
    package func call(_ callee: Value, _ arguments: Arguments) throws(ScriptError) -> Value {
        switch callee {
        case .function(let function):
            return try callFunction(function, arguments)
        case .builtin(let builtin):
            return try builtin.body(self, arguments)
        case .boundMethod(let method):
            if case .function(let function) = method.function {
                return try callFunction(function, receiver: method.receiver, arguments)
            }
            var bound = arguments
            bound.positional.insert(method.receiver, at: 0)
            return try call(method.function, bound)
        case .type(let type):
            return try instantiate(type, arguments)
        case .instance(let instance):
            if let base = instance.type.libraryBase,
               let result = try base.call(instance, arguments, interpreter: self) {
                return result
            }
            if let method = instance.type.lookup("__call__") {
                return try callBound(method, receiver: callee, arguments)
            }
        case .object(let object):
            if let result = try object.call(arguments, interpreter: self) { return result }
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .module:
            break
        }
        throw .typeError("'\(callee.typeName)' object is not callable")
    }

    /// Calls a function found on a class with `receiver` as its first argument.
    package func callBound(_ function: Value, receiver: Value, _ arguments: Arguments) throws(ScriptError) -> Value {
        switch function {
        case .function(let function):
            return try callFunction(function, receiver: receiver, arguments)
        case .builtin:
            var bound = arguments
            bound.positional.insert(receiver, at: 0)
            return try call(function, bound)
        case .object(let object):
            if let descriptor = object as? DescriptorObject {
                return try call(try descriptor.resolve(receiver: receiver, interpreter: self), arguments)
            }
            return try call(function, arguments)
        case .none, .bool, .int, .float, .str, .list, .tuple, .dict, .set, .boundMethod, .type, .instance, .module:
            return try call(function, arguments)
        }
    }

    /// `receiver.name(arguments)` without building a bound method.
    package func callMethod(_ receiver: Value, _ name: String, _ arguments: Arguments) throws(ScriptError) -> Value {
        switch receiver {
        case .instance(let instance):
            if let own = instance.attributes[name] { return try call(own, arguments) }
            if let method = instance.type.lookup(name) { return try callBound(method, receiver: receiver, arguments) }
        case .module(let module):
            if let member = module.member(name, symbols: symbols) { return try call(member, arguments) }
        case .object(let object):
            if let result = try object.callMethod(name, arguments, interpreter: self) { return result }
            if let member = try object.attribute(name, interpreter: self) { return try call(member, arguments) }
        case .str, .list, .dict, .tuple, .set, .int, .float, .bool:
            if case .builtin(let method)? = typeObject(of: receiver).namespace[name] {
                if let body = method.methodBody { return try body(self, receiver, arguments) }
                var bound = arguments
                bound.positional.insert(receiver, at: 0)
                return try method.body(self, bound)
            }
        case .none, .function, .builtin, .boundMethod, .type:
            break
        }
        return try call(try attribute(receiver, name), arguments)
    }

    /// Runs a user function; a method's `receiver` comes before the positional arguments (so
    /// binding `self` needs no new argument array).
    func callFunction(_ function: FunctionObject, receiver: Value? = nil, _ arguments: Arguments) throws(ScriptError) -> Value {
        try checkInterrupt()
        let definition = function.definition
        let scope = Scope(function: definition.code, captured: function.captured)
        try bindParameters(function, receiver: receiver, arguments, into: scope)
        if definition.isGenerator {
            let frame = GeneratorFrame(function: function, scope: scope, receiver: receiver ?? arguments.positional.first)
            return .object(GeneratorObject(name: definition.name, qualifiedName: function.qualifiedName, body: frame))
        }
        return try inFrame(of: function, receiver: receiver ?? arguments.positional.first, scope: scope) { () throws(ScriptError) -> Value in
            if case .returned(let value) = try execute(definition.body, in: scope) { return value }
            return .none
        }
    }

    /// `f(a, b)` for a plain function given positional arguments only (the common call): the
    /// arguments go straight into the new frame's slots, without an argument list. Nil when
    /// the call needs the general path (checked before anything is evaluated).
    func callDirect(_ function: FunctionObject, receiver bound: Value? = nil, _ arguments: [Expr],
                    in scope: Scope) throws(ScriptError) -> Value? {
        let definition = function.definition
        let shift = bound == nil ? 0 : 1
        guard definition.isSimple, !definition.isGenerator, arguments.count + shift <= definition.parameters.count else {
            return nil
        }
        // A missing argument: the general path words the error.
        for i in (arguments.count + shift)..<definition.parameters.count where function.defaults[i] == nil { return nil }
        let code = definition.code
        var frame = Scope.frame(for: code, captured: function.captured)
        var receiver = bound
        if code.parametersInSlotOrder {
            let locals = frame.locals
            if let bound { locals[0] = bound }
            for i in arguments.indices {
                let value = try evaluate(arguments[i], in: scope)
                if i + shift == 0 { receiver = value }
                locals[i + shift] = value
            }
        } else {
            if let bound { setParameter(0, bound, of: definition, in: frame) }
            for i in arguments.indices {
                let value = try evaluate(arguments[i], in: scope)
                if i + shift == 0 { receiver = value }
                setParameter(i + shift, value, of: definition, in: frame)
            }
        }
        for i in (arguments.count + shift)..<definition.parameters.count {
            if let value = function.defaults[i] { setParameter(i, value, of: definition, in: frame) }
        }
        try checkInterrupt()
        let result = try inFrame(of: function, receiver: receiver, scope: frame) { () throws(ScriptError) -> Value in
            if case .returned(let value) = try execute(definition.body, in: frame) { return value }
            return .none
        }
        Scope.recycle(&frame)
        return result
    }

    /// Runs `body` as a Python frame of `function`: counted against the recursion limit, named
    /// in tracebacks, and seen by `super()`.
    func inFrame<R>(of function: FunctionObject, receiver: Value?, scope: Scope,
                    _ body: () throws(ScriptError) -> R) throws(ScriptError) -> R {
        if callDepth >= Interpreter.recursionLimit {
            throw ScriptError(.recursionError, "maximum recursion depth exceeded")
        }
        let savedLine = frameLine, savedSelf = frameSelf, savedFunction = frameFunction
        // Only a call crossing modules (a helper module's function, or back) switches globals.
        let target = function.globals ?? workspace.globals
        let savedGlobals: Scope? = target === globals ? nil : globals
        if savedGlobals != nil { globals = target }
        callDepth += 1
        frameLine = function.definition.line
        frameFunction = function
        frameSelf = receiver
        defer {
            callDepth -= 1
            frameLine = savedLine
            frameSelf = savedSelf
            frameFunction = savedFunction
            if let savedGlobals { globals = savedGlobals }
        }
        do {
            return try body()
        } catch {
            var error = error
            error.traceback.insert(
                TraceFrame(unit: frameUnit, line: frameLine, function: frameName, definition: function.definition,
                           arguments: parameterValues(of: function.definition, in: scope)),
                at: 0)
            throw error
        }
    }

    /// The values a frame's parameters hold, for a traceback.
    private func parameterValues(of definition: FunctionDefinition, in scope: Scope) -> [(name: String, value: Value?)] {
        let targets = definition.code.parameterTargets
        return definition.parameters.indices.map { i in
            let value: Value?
            switch i < targets.count ? targets[i] : .dynamic {
            case .local(let slot): value = slot < scope.locals.count ? scope.locals[slot] : nil
            case .cell(let index): value = index < scope.cells.count ? scope.cells[index].value : nil
            case .global, .dynamic: value = nil
            }
            return (definition.parameters[i].name, value)
        }
    }

    func bindParameters(_ function: FunctionObject, receiver: Value?, _ arguments: Arguments, into scope: Scope) throws(ScriptError) {
        let definition = function.definition
        let shift = receiver == nil ? 0 : 1
        let given = arguments.positional.count + shift
        if definition.isSimple && arguments.keywords.isEmpty && given <= definition.parameters.count {
            var complete = true
            for i in given..<definition.parameters.count where function.defaults[i] == nil {
                complete = false
            }
            if complete {
                // Fresh scope: every parameter is a new binding, in order.
                for i in definition.parameterNames.indices {
                    let value: Value
                    if i < shift, let receiver {
                        value = receiver
                    } else if i < given {
                        value = arguments.positional[i - shift]
                    } else {
                        value = function.defaults[i] ?? .none
                    }
                    setParameter(i, value, of: definition, in: scope)
                }
                return
            }
        }
        if let receiver {
            var bound = arguments
            bound.positional.insert(receiver, at: 0)
            return try bindParameters(function, receiver: nil, bound, into: scope)
        }
        let parameters = definition.parameters
        let bound = try ParameterBinding.bind(arguments, names: definition.parameterTexts, kinds: definition.parameterKinds,
                                            hasDefault: { function.defaults[$0] != nil }, name: function.qualifiedName)
        for (i, parameter) in parameters.enumerated() {
            switch parameter.kind {
            case .varPositional:
                setParameter(i, .tuple(bound.extra), of: definition, in: scope)
            case .varKeyword:
                let keywordDict = DictObject()
                for (keyword, value) in bound.keywords { try keywordDict.set(.str(keyword), value) }
                setParameter(i, .dict(keywordDict), of: definition, in: scope)
            case .positionalOnly, .normal, .keywordOnly:
                setParameter(i, bound.values[i] ?? function.defaults[i] ?? .none, of: definition, in: scope)
            }
        }
    }

    /// Stores parameter `i` where the resolver put it (a slot, or a cell inner functions share).
    @inline(__always)
    private func setParameter(_ i: Int, _ value: Value, of definition: FunctionDefinition, in scope: Scope) {
        switch definition.code.parameterTargets[i] {
        case .local(let slot): scope.locals[slot] = value
        case .cell(let index): scope.cells[index].value = value
        case .global: globals.setLocal(symbols.intern(definition.parameters[i].name), value)
        case .dynamic: scope.setNamed(symbols.intern(definition.parameters[i].name), value)
        }
    }
}
