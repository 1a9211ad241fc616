import Tensors

extension Interpreter {
    package func assign(_ target: Expr, _ value: Value, in scope: Scope) throws(ScriptError) {
        switch target {
        case .name(let name):
            try bind(name, value, in: scope)
        case .attribute(let base, let name):
            try setAttribute(try evaluate(base, in: scope), name, value)
        case .subscript(let base, let index):
            let container = try evaluate(base, in: scope)
            try setItem(container, try evaluate(index, in: scope), value)
        case .tuple(let targets), .list(let targets):
            let items = try unpack(value, into: targets)
            for (t, item) in zip(targets, items) { try assign(t, item, in: scope) }
        case .starred(let inner):
            try assign(inner, value, in: scope)
        case .literal, .slice, .call, .unary, .binary, .and, .or, .compare, .conditional, .lambda, .set, .dict,
             .listComprehension, .generator, .setComprehension, .dictComprehension, .fstring:
            throw .typeError("cannot assign to expression")
        }
    }

    /// Splits `value` into one value per target (a starred target takes a list of the rest).
    /// Counts are checked before anything is bound, so a bad unpacking assigns nothing.
    func unpack(_ value: Value, into targets: [Expr]) throws(ScriptError) -> [Value] {
        let items: [Value]
        do {
            items = try iterate(value)
        } catch where error.isNotIterable {
            throw .typeError("cannot unpack non-iterable \(value.typeName) object")
        }
        let starIndex = targets.firstIndex { if case .starred = $0 { return true } else { return false } }
        guard let star = starIndex else {
            if items.count > targets.count {
                throw .valueError("too many values to unpack (expected \(targets.count))")
            }
            if items.count < targets.count {
                throw .valueError("not enough values to unpack (expected \(targets.count), got \(items.count))")
            }
            return items
        }
        let after = targets.count - star - 1
        if items.count < targets.count - 1 {
            throw .valueError("not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
        }
        var result = Array(items[..<star])
        result.append(.list(ListObject(Array(items[star..<(items.count - after)]))))
        result.append(contentsOf: items[(items.count - after)...])
        return result
    }

    func augmentedAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr, in scope: Scope) throws(ScriptError) {
        switch target {
        case .name(let name):
            let current = try evaluate(target, in: scope)
            let value = try evaluate(valueExpr, in: scope)
            try bind(name, try inPlace(op, current, value), in: scope)
        case .attribute(let baseExpr, let name):
            let base = try evaluate(baseExpr, in: scope)
            let current = try attribute(base, name)
            let value = try evaluate(valueExpr, in: scope)
            try setAttribute(base, name, try inPlace(op, current, value))
        case .subscript(let baseExpr, let indexExpr):
            let base = try evaluate(baseExpr, in: scope)
            let index = try evaluate(indexExpr, in: scope)
            let current = try item(base, index)
            let value = try evaluate(valueExpr, in: scope)
            try setItem(base, index, try inPlace(op, current, value))
        case .literal, .slice, .call, .unary, .binary, .and, .or, .compare, .conditional, .lambda, .list, .tuple,
             .set, .dict, .starred, .listComprehension, .generator, .setComprehension, .dictComprehension, .fstring:
            throw .typeError("illegal expression for augmented assignment")
        }
    }

    /// `a op= b`: lists extend and sets update in place, as in Python, and tensors update in
    /// place, as in PyTorch, and so do ndarrays, as in NumPy; everything else rebinds.
    package func inPlace(_ op: BinaryOp, _ current: Value, _ value: Value) throws(ScriptError) -> Value {
        if op == .add, case .list(let list) = current {
            let items = try iterate(value)
            try checkItems(list.items.count, items.count)
            list.items.append(contentsOf: items)
            return current
        }
        if case .set(let set) = current, !set.isFrozen, case .set(let other) = value,
           let result = try setOperation(op, set, other) {
            // `s |= t` changes the set itself: every name bound to it sees the change.
            set.storage = result.storage
            return current
        }
        if let result = try instanceInPlace(op, current, value) { return result }
        let result = try binary(op, current, value)
        if case .object(let object as InPlaceObject) = current,
           let updated = try object.inPlace(op, value, result: result, interpreter: self) {
            return updated
        }
        return result
    }

    func delete(_ target: Expr, in scope: Scope) throws(ScriptError) {
        switch target {
        case .name(let name):
            try unbind(name, in: scope)
        case .attribute(let base, let name):
            try deleteAttribute(try evaluate(base, in: scope), name)
        case .subscript(let base, let index):
            let container = try evaluate(base, in: scope)
            try deleteItem(container, try evaluate(index, in: scope))
        case .tuple(let targets), .list(let targets):
            for t in targets { try delete(t, in: scope) }
        case .literal, .slice, .call, .unary, .binary, .and, .or, .compare, .conditional, .lambda, .set, .dict,
             .starred, .listComprehension, .generator, .setComprehension, .dictComprehension, .fstring:
            throw .typeError("cannot delete expression")
        }
    }
}
