/// Evaluates Recur script over a workspace. One interpreter serves one session; it is not
/// shared across threads.
final class Interpreter {
    static let recursionLimit = 1000
    /// The most items a list, tuple or string may be built with in one operation; past it
    /// Recur raises MemoryError instead of exhausting the machine.
    static let maxContainerLength = 10_000_000
    /// How deeply lazy iterators (`map` of `map` of ...) may nest.
    static let maxIteratorNesting = 10_000

    let workspace: Workspace
    var host: any ScriptHost
    private(set) var builtins: [String: Value] = [:]
    /// Builtins by symbol number (what name lookup reads).
    private var builtinSlots: [Value?] = []
    let symbols: SymbolTable
    let symbolsID: ObjectIdentifier
    let types: BuiltinTypes
    /// Python call depth, bounded by `recursionLimit`.
    var callDepth = 0
    /// Nesting of reprs/comparisons of containers (self-referencing lists, deep nests).
    var reprDepth = 0
    /// Nesting of lazy iterators pulling from each other.
    var iteratorDepth = 0
    /// Where execution is: the unit, line and function of the innermost frame.
    var frameUnit: SourceUnit
    var frameLine = 0
    var frameName = "<module>"
    /// The receiver and function of the running method (for `super()`, which reads the
    /// function's defining class only when it is called: the class is held weakly, and
    /// loading a weak reference on every call would cost more than the rest of the frame).
    var frameSelf: Value?
    var frameFunction: FunctionObject?
    /// The exception being handled by the innermost `except` (for a bare `raise`).
    var handling: [ScriptError] = []
    /// The value a `%time expr` line produced (shown as the cell's result when last).
    var magicResult: Value?
    /// The workspace's `%shapes` switch once `shapeTracing` has made it (library state is
    /// never removed, so the reference stays valid), read at every layer call.
    var knownShapeTracing: ShapeTracing?

    init(workspace: Workspace, host: any ScriptHost) {
        self.workspace = workspace
        self.host = host
        self.types = BuiltinTypes()
        self.frameUnit = SourceUnit(name: "<unknown>", source: "")
        symbols = workspace.symbols
        symbolsID = ObjectIdentifier(workspace.symbols)
        for (name, value) in makeBuiltins() { defineBuiltin(name, value) }
    }

    var globals: Scope { workspace.globals }

    /// Throws KeyboardInterrupt when the frontend asked to stop.
    @inline(__always)
    func checkInterrupt() throws(ScriptError) {
        if host.interruptRequested { throw ScriptError(.keyboardInterrupt, "") }
    }

    /// The symbol number of a name reference (cached in the reference after first use).
    @inline(__always)
    func symbol(_ ref: NameRef) -> Int {
        if ref.table == symbolsID { return ref.symbol }
        let id = symbols.intern(ref.text)
        ref.symbol = id
        ref.table = symbolsID
        return id
    }

    /// Resolves a name: locals, enclosing functions, globals, builtins.
    @inline(__always)
    func lookup(_ ref: NameRef, in scope: Scope) throws(ScriptError) -> Value {
        try lookup(symbol: symbol(ref), in: scope)
    }

    func lookup(_ name: String, in scope: Scope) throws(ScriptError) -> Value {
        try lookup(symbol: symbols.intern(name), in: scope)
    }

    func lookup(symbol id: Int, in scope: Scope) throws(ScriptError) -> Value {
        var current: Scope? = scope
        while let s = current, !s.isModule {
            if let value = s.local(id) { return value }
            current = s.parent
        }
        if let value = globals.local(id) { return value }
        if id < builtinSlots.count, let value = builtinSlots[id] { return value }
        throw ScriptError(.nameError, "name '\(symbols.name(id))' is not defined")
    }

    /// Binds a name in `scope`, honouring `global` and `nonlocal` declarations.
    @inline(__always)
    func bind(symbol id: Int, _ value: Value, in scope: Scope) {
        if scope.globalNames.isEmpty && scope.nonlocalNames.isEmpty {
            scope.setLocal(id, value)
            return
        }
        if scope.globalNames.contains(id) {
            globals.setLocal(id, value)
        } else if scope.nonlocalNames.contains(id) {
            var current = scope.parent
            while let s = current, !s.isModule {
                if s.local(id) != nil {
                    s.setLocal(id, value)
                    return
                }
                current = s.parent
            }
            scope.setLocal(id, value)
        } else {
            scope.setLocal(id, value)
        }
    }

    @inline(__always)
    func bind(_ ref: NameRef, _ value: Value, in scope: Scope) {
        bind(symbol: symbol(ref), value, in: scope)
    }

    func bind(_ name: String, _ value: Value, in scope: Scope) {
        bind(symbol: symbols.intern(name), value, in: scope)
    }

    func unbind(_ ref: NameRef, in scope: Scope) throws(ScriptError) {
        let id = symbol(ref)
        let target = scope.globalNames.contains(id) ? globals : scope
        guard target.removeLocal(id) else {
            throw ScriptError(.nameError, "name '\(ref.text)' is not defined")
        }
    }

    /// Adds (or replaces) a builtin name; library bridges use it for `help`-like helpers.
    func defineBuiltin(_ name: String, _ value: Value) {
        builtins[name] = value
        let id = symbols.intern(name)
        if id >= builtinSlots.count { builtinSlots.append(contentsOf: repeatElement(nil, count: id - builtinSlots.count + 1)) }
        builtinSlots[id] = value
    }

    /// The type object of any value (for `type()`, `isinstance` and method lookup).
    func typeObject(of value: Value) -> TypeObject {
        switch value {
        case .none: types.noneType
        case .bool: types.bool
        case .int: types.int
        case .float: types.float
        case .str: types.str
        case .list: types.list
        case .tuple: types.tuple
        case .dict: types.dict
        case .set: types.set
        case .function: types.function
        case .builtin: types.builtinFunction
        case .boundMethod: types.method
        case .type: types.type
        case .instance(let instance): instance.type
        case .module: types.module
        case .object(let object): types.native(named: object.typeName)
        }
    }
}
