/// Evaluates Recur script over a workspace. One interpreter serves one session; it is not
/// shared across threads.
package final class Interpreter {
    static let recursionLimit = 1000
    /// The most items a list, tuple or string may be built with in one operation; past it
    /// Recur raises MemoryError instead of exhausting the machine.
    static let maxContainerLength = 10_000_000
    /// How deeply lazy iterators (`map` of `map` of ...) may nest.
    static let maxIteratorNesting = 10_000

    package let workspace: Workspace
    package var host: any ScriptHost
    package private(set) var builtins: [String: Value] = [:]
    /// Builtins by symbol number (what name lookup reads).
    private var builtinSlots: [Value?] = []
    package let symbols: SymbolTable
    let symbolsID: ObjectIdentifier
    package let types: BuiltinTypes
    /// Python call depth, bounded by `recursionLimit`.
    package var callDepth = 0
    /// Nesting of reprs/comparisons of containers (self-referencing lists, deep nests).
    package var reprDepth = 0
    /// The containers whose repr is being made: one met again inside itself shows as `[...]`.
    var reprInProgress: Set<ObjectIdentifier> = []
    /// Nesting of lazy iterators pulling from each other.
    package var iteratorDepth = 0
    /// Where execution is: the line of the innermost frame; its unit and name come from the
    /// running function, or from `outerUnit` outside any function (so entering a frame
    /// saves and restores three fields, not five).
    package var frameLine = 0
    /// The code running outside any function: the cell, the file, or `eval` input.
    package var outerUnit: SourceUnit
    var frameUnit: SourceUnit { frameFunction?.unit ?? outerUnit }
    var frameName: String { frameFunction?.definition.name ?? "<module>" }
    /// The receiver and function of the running method (for `super()`, which reads the
    /// function's defining class only when it is called: the class is held weakly, and
    /// loading a weak reference on every call would cost more than the rest of the frame).
    var frameSelf: Value?
    package var frameFunction: FunctionObject?
    /// The exceptions being handled by the `except` clauses running, innermost last: as
    /// caught (for a bare `raise`) and as a chained traceback shows them, ending in the frame
    /// that caught them (for `raise ... from e`).
    package var handling: [(error: ScriptError, chained: ScriptError)] = []
    /// The value a `%time expr` line produced (shown as the cell's result when last).
    package var magicResult: Value?
    /// The cells run so far, for `%history` and `%load`.
    package var inputHistory = InputHistory()
    /// `%xmode`'s setting, read when a failure is rendered.
    package var exceptionMode = ExceptionMode.context
    /// The attached debugger during a cell run with a client attached; nil otherwise, so the
    /// statement hook costs one load and branch.
    package var debugger: ScriptDebugger?
    /// The workspace's `%shapes` switch once `shapeTracing` has made it (library state is
    /// never removed, so the reference stays valid), read at every layer call.
    var knownShapeTracing: ShapeTracing?
    /// `...`: one object, as CPython's singleton (`... is ...`).
    package let ellipsis: Value = .object(EllipsisObject())
    /// The scope of the code calling a builtin that reads it (`eval`, `exec`); taken (and
    /// cleared) by that builtin.
    var callerScope: Scope?
    /// The cycle collector of the thread the interpreter runs on (set when code starts).
    package var collector = CycleCollector.current
    /// Code point offsets of the long non-ASCII texts indexed last (`text[i]`, `len(text)`).
    let codePointTables = CodePointTables()

    package init(workspace: Workspace, host: any ScriptHost) {
        self.workspace = workspace
        self.globals = workspace.globals
        self.host = host
        self.types = BuiltinTypes()
        self.outerUnit = SourceUnit(name: "<unknown>", source: "")
        symbols = workspace.symbols
        symbolsID = ObjectIdentifier(workspace.symbols)
        for (name, value) in makeBuiltins() { defineBuiltin(name, value) }
        for builtin in workspace.library.builtins { defineBuiltin(builtin.name, builtin.make()) }
        defineBuiltin("Ellipsis", ellipsis)
    }

    /// The running code's module scope: the workspace's, or a module's run from a file
    /// while its code or its functions run.
    package var globals: Scope

    /// Throws KeyboardInterrupt when the frontend asked to stop.
    /// Also where long loops and call chains let the cycle collector run.
    @inline(__always)
    package func checkInterrupt() throws(ScriptError) {
        if host.interruptRequested { throw ScriptError(.keyboardInterrupt, "") }
        collector.collectIfDue()
    }

    /// The symbol number of a name reference (cached in the reference after first use).
    @inline(__always)
    package func symbol(_ ref: NameRef) -> Int {
        if ref.table == symbolsID { return ref.symbol }
        let id = symbols.intern(ref.text)
        ref.symbol = id
        ref.table = symbolsID
        return id
    }

    /// Reads a name where the resolver said it lives.
    @inline(__always)
    package func lookup(_ ref: NameRef, in scope: Scope) throws(ScriptError) -> Value {
        switch ref.resolution {
        case .local(let slot):
            if let value = scope.locals[slot] { return value }
            throw unboundLocal(ref.text)
        case .cell(let index):
            if let value = scope.cells[index].value { return value }
            throw unboundCell(ref.text, index: index, in: scope)
        case .global:
            return try lookupGlobal(symbol(ref))
        case .dynamic:
            return try lookup(symbol: symbol(ref), name: ref.text, in: scope)
        }
    }

    package func lookup(_ name: String, in scope: Scope) throws(ScriptError) -> Value {
        try lookup(symbol: symbols.intern(name), name: name, in: scope)
    }

    /// Reads a name by name: module code, class bodies, and code parsed while running.
    package func lookup(symbol id: Int, name: String, in scope: Scope) throws(ScriptError) -> Value {
        switch scope.kind {
        case .module:
            break
        case .classBody:
            if let value = try classNamespaceValue(id, in: scope) { return value }
            if case .cell(let index)? = scope.code?.resolution(of: name), let value = scope.cells[index].value {
                return value
            }
        case .function:
            if let resolution = scope.code?.resolution(of: name) {
                switch resolution {
                case .local(let slot):
                    if let value = scope.locals[slot] { return value }
                    throw unboundLocal(name)
                case .cell(let index):
                    if let value = scope.cells[index].value { return value }
                    throw unboundCell(name, index: index, in: scope)
                case .global, .dynamic: break
                }
            }
            if let value = scope.named(id) { return value }
        }
        return try lookupGlobal(id)
    }

    @inline(__always)
    func lookupGlobal(_ id: Int) throws(ScriptError) -> Value {
        if let value = globals.local(id) { return value }
        if id < builtinSlots.count, let value = builtinSlots[id] { return value }
        throw ScriptError(.nameError, "name '\(symbols.name(id))' is not defined")
    }

    private func unboundLocal(_ name: String) -> ScriptError {
        ScriptError(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
    }

    private func unboundCell(_ name: String, index: Int, in scope: Scope) -> ScriptError {
        if let code = scope.code, index >= code.cellNames.count {
            return ScriptError(.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
        }
        return unboundLocal(name)
    }

    /// Binds a name where the resolver said it lives.
    @inline(__always)
    package func bind(_ ref: NameRef, _ value: Value, in scope: Scope) throws(ScriptError) {
        switch ref.resolution {
        case .local(let slot): scope.locals[slot] = value
        case .cell(let index): scope.cells[index].value = value
        case .global: globals.setLocal(symbol(ref), value)
        case .dynamic: try bind(symbol: symbol(ref), name: ref.text, value, in: scope)
        }
    }

    package func bind(_ name: String, _ value: Value, in scope: Scope) throws(ScriptError) {
        try bind(symbol: symbols.intern(name), name: name, value, in: scope)
    }

    /// Binds a name by name (def, class, import and except targets; module code).
    package func bind(symbol id: Int, name: String, _ value: Value, in scope: Scope) throws(ScriptError) {
        switch scope.kind {
        case .module:
            globals.setLocal(id, value)
        case .classBody:
            if case .global? = scope.code?.resolution(of: name) {
                globals.setLocal(id, value)
            } else {
                try setClassNamespaceValue(id, value, in: scope)
            }
        case .function:
            switch scope.code?.resolution(of: name) {
            case .local(let slot)?: scope.locals[slot] = value
            case .cell(let index)?: scope.cells[index].value = value
            case .global?: globals.setLocal(id, value)
            case .dynamic?, nil: scope.setNamed(id, value)
            }
        }
    }

    /// Removes a binding by name when there is one (`except ... as name` ends).
    func unbindName(_ name: String, in scope: Scope) {
        let id = symbols.intern(name)
        switch scope.kind {
        case .module: _ = globals.removeLocal(id)
        case .classBody: _ = removeClassNamespaceValue(id, in: scope)
        case .function:
            switch scope.code?.resolution(of: name) {
            case .local(let slot)?: scope.locals[slot] = nil
            case .cell(let index)?: scope.cells[index].value = nil
            case .global?: _ = globals.removeLocal(id)
            case .dynamic?, nil: _ = scope.removeNamed(id)
            }
        }
    }

    package func unbind(_ ref: NameRef, in scope: Scope) throws(ScriptError) {
        let present: Bool
        switch ref.resolution {
        case .local(let slot):
            present = scope.locals[slot] != nil
            scope.locals[slot] = nil
        case .cell(let index):
            present = scope.cells[index].value != nil
            scope.cells[index].value = nil
        case .global:
            present = globals.removeLocal(symbol(ref))
        case .dynamic:
            switch scope.kind {
            case .module: present = globals.removeLocal(symbol(ref))
            case .classBody: present = removeClassNamespaceValue(symbol(ref), in: scope)
            case .function: present = scope.removeNamed(symbol(ref))
            }
        }
        if !present {
            switch ref.resolution {
            case .local, .cell: throw unboundLocal(ref.text)
            case .global, .dynamic: throw ScriptError(.nameError, "name '\(ref.text)' is not defined")
            }
        }
    }

    /// Adds (or replaces) a builtin name; library bridges use it for `help`-like helpers.
    package func defineBuiltin(_ name: String, _ value: Value) {
        builtins[name] = value
        let id = symbols.intern(name)
        if id >= builtinSlots.count { builtinSlots.append(contentsOf: repeatElement(nil, count: id - builtinSlots.count + 1)) }
        builtinSlots[id] = value
    }

    /// The type object of any value (for `type()`, `isinstance` and method lookup).
    package func typeObject(of value: Value) -> TypeObject {
        switch value {
        case .none: types.noneType
        case .bool: types.bool
        case .int: types.int
        case .float: types.float
        case .str: types.str
        case .list: types.list
        case .tuple: types.tuple
        case .dict: types.dict
        case .set(let set): set.isFrozen ? types.frozenset : types.set
        case .function: types.function
        case .builtin: types.builtinFunction
        case .boundMethod: types.method
        case .type(let type): type.metaclass ?? types.type
        case .instance(let instance): instance.type
        case .module: types.module
        // `globals()` and `obj.__dict__` are dicts to isinstance and type().
        case .object(let object): object is NamespaceDict ? types.dict : types.native(named: object.typeName)
        }
    }
}
