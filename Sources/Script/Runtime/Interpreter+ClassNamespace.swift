/// A class body's names, as CPython's LOAD_NAME / STORE_NAME / DELETE_NAME reach them: in the
/// body's own namespace, or through the mapping a metaclass's `__prepare__` returned.
extension Interpreter {
    /// The body's binding of `id`, or nil when it has none (the lookup goes on to globals).
    func classNamespaceValue(_ id: Int, in scope: Scope) throws(ScriptError) -> Value? {
        guard let mapping = scope.mapping else { return scope.named(id) }
        do {
            return try item(mapping, .str(symbols.name(id)))
        } catch where exception(error, matches: types.exception(.keyError)) {
            return nil
        }
    }

    func setClassNamespaceValue(_ id: Int, _ value: Value, in scope: Scope) throws(ScriptError) {
        guard let mapping = scope.mapping else { return scope.setNamed(id, value) }
        try setItem(mapping, .str(symbols.name(id)), value)
    }

    /// Removes the body's binding of `id`; false when there was none. As CPython's
    /// DELETE_NAME, any failure of the mapping's `__delitem__` reads as an unbound name.
    func removeClassNamespaceValue(_ id: Int, in scope: Scope) -> Bool {
        guard let mapping = scope.mapping else { return scope.removeNamed(id) }
        do {
            try deleteItem(mapping, .str(symbols.name(id)))
            return true
        } catch {
            return false
        }
    }
}

extension [Stmt] {
    /// Whether an annotated assignment is among these statements or the blocks inside them
    /// (not inside nested functions and classes): CPython then sets up `__annotations__` as
    /// the body starts.
    var containsAnnotation: Bool {
        contains { statement in
            switch statement.kind {
            case .annotatedAssign: true
            case .if(let branches, let orElse): branches.contains { $0.body.containsAnnotation } || orElse.containsAnnotation
            case .while(_, let body, let orElse), .for(_, _, let body, let orElse):
                body.containsAnnotation || orElse.containsAnnotation
            case .with(_, let body): body.containsAnnotation
            case .try(let body, let handlers, let orElse, let finally):
                body.containsAnnotation || handlers.contains { $0.body.containsAnnotation } || orElse.containsAnnotation
                    || finally.containsAnnotation
            case .expression, .assign, .augmentedAssign, .delete, .pass, .break, .continue, .return, .raise, .global,
                 .nonlocal, .assert, .import, .fromImport, .functionDef, .classDef, .magic, .yield:
                false
            }
        }
    }
}
