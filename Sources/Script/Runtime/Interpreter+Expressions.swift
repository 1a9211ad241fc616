extension Interpreter {
    package func evaluate(_ expr: Expr, in scope: Scope) throws(ScriptError) -> Value {
        switch expr {
        case .literal(let literal):
            switch literal {
            case .none: return .none
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .bigInt(let value): return .integer(value)
            case .float(let d): return .float(d)
            case .string(let s): return .str(s)
            case .bytes(let b): return .object(BytesObject(b))
            case .ellipsis: return ellipsis
            }
        case .name(let name):
            return try lookup(name, in: scope)
        case .attribute(let base, let name):
            return try attribute(try evaluate(base, in: scope), name)
        case .subscript(let base, let index):
            let container = try evaluate(base, in: scope)
            return try item(container, try evaluate(index, in: scope))
        case .slice(let lower, let upper, let step):
            return .object(SliceObject(
                lower: try lower.map { (e) throws(ScriptError) in try evaluate(e, in: scope) } ?? .none,
                upper: try upper.map { (e) throws(ScriptError) in try evaluate(e, in: scope) } ?? .none,
                step: try step.map { (e) throws(ScriptError) in try evaluate(e, in: scope) } ?? .none))
        case .call(let callee, let site):
            // Python's order: what is called, then its arguments.
            if case .attribute(let receiverExpr, let name) = callee {
                let receiver = try evaluate(receiverExpr, in: scope)
                // A method of a user class, not shadowed by an instance attribute: no bound
                // method and no argument list.
                if let positional = site.positional, case .instance(let instance) = receiver, instance.attributes[name] == nil {
                    let type = instance.type
                    let stamp = type.namespaceStamp
                    let member: Value?
                    if site.cachedClass === type && site.cachedStamp == stamp {
                        member = site.cachedMember
                    } else {
                        member = type.lookup(name)
                        site.cachedClass = type
                        site.cachedStamp = stamp
                        site.cachedMember = member
                    }
                    if case .function(let method)? = member, let result = try callDirect(method, receiver: receiver, positional, in: scope) {
                        return result
                    }
                }
                return try callMethod(receiver, name, try evaluateArguments(site.arguments, in: scope))
            }
            let function = try evaluate(callee, in: scope)
            if let positional = site.positional, case .function(let target) = function,
               let result = try callDirect(target, positional, in: scope) {
                return result
            }
            let evaluated = try evaluateArguments(site.arguments, in: scope)
            if case .builtin(let builtin) = function, builtin.readsCallerScope { callerScope = scope }
            return try call(function, evaluated)
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand, in: scope))
        case .binary(let op, let left, let right):
            let l = try evaluate(left, in: scope)
            return try binary(op, l, try evaluate(right, in: scope))
        case .and(let left, let right):
            let l = try evaluate(left, in: scope)
            return try truth(l) ? try evaluate(right, in: scope) : l
        case .or(let left, let right):
            let l = try evaluate(left, in: scope)
            return try truth(l) ? l : try evaluate(right, in: scope)
        case .compare(let first, let rest):
            var left = try evaluate(first, in: scope)
            for (op, rightExpr) in rest {
                let right = try evaluate(rightExpr, in: scope)
                let result = try compare(op, left, right)
                if rest.count == 1 { return result }
                if try !truth(result) { return result }
                left = right
            }
            return .bool(true)
        case .conditional(let test, let body, let orElse):
            return try truth(try evaluate(test, in: scope)) ? try evaluate(body, in: scope) : try evaluate(orElse, in: scope)
        case .lambda(let definition):
            return .function(try makeFunction(definition, in: scope))
        case .list(let items):
            return .list(ListObject(try evaluateItems(items, in: scope)))
        case .tuple(let items):
            return .tuple(try evaluateItems(items, in: scope))
        case .set(let items):
            let set = SetObject()
            for item in try evaluateItems(items, in: scope) { try set.storage.set(item, .none) }
            return .set(set)
        case .dict(let entries):
            let dict = DictObject()
            for entry in entries {
                if let keyExpr = entry.key {
                    let key = try evaluate(keyExpr, in: scope)
                    try dict.set(key, try evaluate(entry.value, in: scope))
                } else {
                    for (k, v) in try mappingItems(try evaluate(entry.value, in: scope)) { try dict.set(k, v) }
                }
            }
            return .dict(dict)
        case .starred:
            throw .typeError("can't use starred expression here")
        case .generator(let element, let clauses, let code):
            let (first, frame) = try comprehensionFrame(clauses, code, in: scope)
            let body = ExpressionGenerator(element: element, clauses: clauses, first: try makeIterator(first), scope: frame, globals: globals)
            return .object(GeneratorObject(name: "<genexpr>", qualifiedName: "<genexpr>", body: body))
        case .listComprehension(let element, let clauses, let code):
            let (first, frame) = try comprehensionFrame(clauses, code, in: scope)
            if clauses.count == 1 { return .list(ListObject(try comprehendList(element, clauses[0], first, in: frame))) }
            var results: [Value] = []
            try comprehend(clauses[...], first, in: frame) { () throws(ScriptError) in
                results.append(try evaluate(element, in: frame))
            }
            return .list(ListObject(results))
        case .setComprehension(let element, let clauses, let code):
            let set = SetObject()
            let (first, frame) = try comprehensionFrame(clauses, code, in: scope)
            try comprehend(clauses[...], first, in: frame) { () throws(ScriptError) in
                try set.storage.set(try evaluate(element, in: frame), .none)
            }
            return .set(set)
        case .dictComprehension(let key, let value, let clauses, let code):
            let dict = DictObject()
            let (first, frame) = try comprehensionFrame(clauses, code, in: scope)
            try comprehend(clauses[...], first, in: frame) { () throws(ScriptError) in
                let k = try evaluate(key, in: frame)
                try dict.set(k, try evaluate(value, in: frame))
            }
            return .dict(dict)
        case .fstring(let parts):
            return .str(try format(parts, in: scope))
        }
    }

    func evaluateItems(_ items: [Expr], in scope: Scope) throws(ScriptError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item {
                values.append(contentsOf: try iterate(try evaluate(inner, in: scope)))
            } else {
                values.append(try evaluate(item, in: scope))
            }
        }
        return values
    }

    func evaluateArguments(_ arguments: [Argument], in scope: Scope) throws(ScriptError) -> Arguments {
        var result = Arguments()
        result.positional.reserveCapacity(arguments.count)
        for argument in arguments {
            switch argument {
            case .positional(let expr): result.positional.append(try evaluate(expr, in: scope))
            case .keyword(let name, let expr): result.keywords.append((name, try evaluate(expr, in: scope)))
            case .star(let expr): result.positional.append(contentsOf: try iterate(try evaluate(expr, in: scope)))
            case .doubleStar(let expr):
                let mapping = try evaluate(expr, in: scope)
                if case .dict = mapping {} else if try attributeIfPresent(mapping, "keys") == nil {
                    throw .typeError("argument after ** must be a mapping, not \(mapping.typeName)")
                }
                for (key, value) in try mappingItems(mapping) {
                    guard case .str(let name) = key else { throw .typeError("keywords must be strings") }
                    result.keywords.append((name, value))
                }
            }
        }
        return result
    }

    /// `[element for target in iterable if ...]` with one `for` (the usual form): a plain
    /// loop, with the result sized up front when the iterable's length is known.
    /// A comprehension's first iterable, evaluated where the comprehension stands, and the
    /// frame the rest of it runs in.
    func comprehensionFrame(_ clauses: [ComprehensionClause], _ code: CodeScope,
                            in scope: Scope) throws(ScriptError) -> (Value, Scope) {
        guard let first = clauses.first else { return (.tuple([]), scope) }
        let iterable = try evaluate(first.iterable, in: scope)
        return (iterable, Scope(function: code, captured: code.freeSources.map { scope.cells[$0] }))
    }

    func comprehendList(_ element: Expr, _ clause: ComprehensionClause, _ iterable: Value,
                        in scope: Scope) throws(ScriptError) -> [Value] {
        var results: [Value] = []
        switch iterable {
        case .list(let list): results.reserveCapacity(list.items.count)
        case .tuple(let items): results.reserveCapacity(items.count)
        case .object(let object):
            // Capped: a length is a hint, and `range(10**9)` must not reserve gigabytes.
            if let count = (try? object.length(interpreter: self)) ?? nil { results.reserveCapacity(min(count, 4096)) }
        case .none, .bool, .int, .float, .str, .dict, .set, .function, .builtin, .boundMethod, .type,
             .instance, .module:
            break
        }
        let iterator = try makeIterator(iterable)
        outer: while let item = try iterator.next(interpreter: self) {
            try checkInterrupt()
            try assign(clause.target, item, in: scope)
            for condition in clause.conditions where try !truth(try evaluate(condition, in: scope)) {
                continue outer
            }
            results.append(try evaluate(element, in: scope))
        }
        return results
    }

    /// Runs `body` once per combination of the comprehension's clauses; the first clause's
    /// iterable is already evaluated.
    func comprehend(_ clauses: ArraySlice<ComprehensionClause>, _ firstIterable: Value? = nil, in scope: Scope,
                    _ body: () throws(ScriptError) -> Void) throws(ScriptError) {
        guard let clause = clauses.first else {
            try body()
            return
        }
        let iterable: Value
        if let firstIterable { iterable = firstIterable } else { iterable = try evaluate(clause.iterable, in: scope) }
        let iterator = try makeIterator(iterable)
        outer: while let item = try iterator.next(interpreter: self) {
            try checkInterrupt()
            try assign(clause.target, item, in: scope)
            for condition in clause.conditions where try !truth(try evaluate(condition, in: scope)) {
                continue outer
            }
            try comprehend(clauses.dropFirst(), in: scope, body)
        }
    }

    func makeFunction(_ definition: FunctionDefinition, in scope: Scope) throws(ScriptError) -> FunctionObject {
        var defaults: [Value?] = []
        defaults.reserveCapacity(definition.parameters.count)
        for parameter in definition.parameters {
            defaults.append(try parameter.defaultValue.map { (e) throws(ScriptError) in try evaluate(e, in: scope) })
        }
        let captured = definition.code.freeSources.map { scope.cells[$0] }
        let function = FunctionObject(definition: definition, defaults: defaults, captured: captured, unit: frameUnit)
        if scope.kind == .function, let outer = frameFunction {
            function.qualifiedName = "\(outer.qualifiedName).<locals>.\(definition.name)"
        }
        if globals !== workspace.globals { function.globals = globals }
        return function
    }
}

/// `...`
package final class EllipsisObject: ScriptObject {
    package init() {}
    package var typeName: String { "ellipsis" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String { "Ellipsis" }
}

/// A slice `start:stop:step` (what `x[a:b]` passes to indexing).
package final class SliceObject: ScriptObject {
    package let lower: Value
    package let upper: Value
    package let step: Value
    package init(lower: Value, upper: Value, step: Value) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }
    package var typeName: String { "slice" }
    package func repr(interpreter: Interpreter) throws(ScriptError) -> String {
        "slice(\(try interpreter.repr(lower)), \(try interpreter.repr(upper)), \(try interpreter.repr(step)))"
    }

    /// Python's `slice.indices(length)`.
    package func indices(length: Int, interpreter: Interpreter) throws(ScriptError) -> (start: Int, stop: Int, step: Int) {
        let step = step.isNone ? 1 : try interpreter.indexValue(self.step)
        if step == 0 { throw .valueError("slice step cannot be zero") }
        func clamp(_ value: Value, _ defaultValue: Int) throws(ScriptError) -> Int {
            if value.isNone { return defaultValue }
            var i = try interpreter.indexValue(value)
            if i < 0 { i += length }
            if step > 0 { return min(max(i, 0), length) }
            return min(max(i, -1), length - 1)
        }
        let start = try clamp(lower, step > 0 ? 0 : length - 1)
        let stop = try clamp(upper, step > 0 ? length : -1)
        return (start, stop, step)
    }

    package func positions(length: Int, interpreter: Interpreter) throws(ScriptError) -> [Int] {
        let (start, stop, step) = try indices(length: length, interpreter: interpreter)
        return Array(stride(from: start, to: stop, by: step))
    }

    package func attribute(_ name: String, interpreter: Interpreter) throws(ScriptError) -> Value? {
        switch name {
        case "start": return lower
        case "stop": return upper
        case "step": return step
        case "indices":
            return .builtin(BuiltinFunction("indices") { [self] interpreter, a throws(ScriptError) in
                try a.expect("indices", 1...1)
                let length = try interpreter.indexValue(a.positional[0])
                guard length >= 0 else { throw .valueError("length should not be negative") }
                let (start, stop, step) = try indices(length: length, interpreter: interpreter)
                return .tuple([.int(start), .int(stop), .int(step)])
            })
        default: return nil
        }
    }

    package var attributeNames: [String] { ["indices", "start", "step", "stop"] }

    package func compare(_ op: CompareOp, _ other: Value, interpreter: Interpreter) throws(ScriptError) -> Value? {
        guard op == .equal || op == .notEqual, case .object(let object) = other, let slice = object as? SliceObject else { return nil }
        let same = try interpreter.equal(.tuple([lower, upper, step]), .tuple([slice.lower, slice.upper, slice.step]))
        return .bool(op == .equal ? same : !same)
    }

    /// `slice(stop)`, `slice(start, stop[, step])`.
    package static func make(_ a: Arguments) throws(ScriptError) -> Value {
        try a.expect("slice", 1...3)
        let p = a.positional
        if p.count == 1 { return .object(SliceObject(lower: .none, upper: p[0], step: .none)) }
        return .object(SliceObject(lower: p[0], upper: p[1], step: p.count == 3 ? p[2] : .none))
    }
}
