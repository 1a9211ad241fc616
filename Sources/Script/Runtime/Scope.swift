/// A namespace: the workspace's globals, a function call's locals, or a class body.
/// Variables are indexed by symbol number: the module scope keeps a dense slot array;
/// other scopes, which hold a handful of names, keep parallel arrays searched linearly.
final class Scope {
    /// Module scope: the value of each symbol, or nil when unbound.
    private(set) var slots: [Value?] = []
    /// Other scopes: bound symbols and their values (one array: one allocation per call).
    private var bindings: [(id: Int, value: Value)] = []
    /// The enclosing function scope (closures), or nil when free names resolve to the module.
    let parent: Scope?
    let isModule: Bool
    /// Symbols declared `global` / `nonlocal` in this function.
    var globalNames: Set<Int> = []
    var nonlocalNames: Set<Int> = []
    /// A class body: functions defined in it do not see its names (Python's rule).
    var isClassBody = false

    init(parent: Scope?, capacity: Int = 0) {
        self.parent = parent
        self.isModule = false
        bindings.reserveCapacity(capacity)
    }

    /// A module scope.
    init(module: Void) {
        parent = nil
        isModule = true
    }

    @inline(__always)
    func local(_ id: Int) -> Value? {
        if isModule { return id < slots.count ? slots[id] : nil }
        for binding in bindings where binding.id == id { return binding.value }
        return nil
    }

    @inline(__always)
    func setLocal(_ id: Int, _ value: Value) {
        if isModule {
            if id >= slots.count { slots.append(contentsOf: repeatElement(nil, count: id - slots.count + 1)) }
            slots[id] = value
            return
        }
        for i in bindings.indices where bindings[i].id == id {
            bindings[i].value = value
            return
        }
        bindings.append((id, value))
    }

    /// Binds `id`, known not to be bound here yet (a parameter of a fresh call scope).
    @inline(__always)
    func bindFresh(_ id: Int, _ value: Value) {
        if isModule {
            setLocal(id, value)
        } else {
            bindings.append((id, value))
        }
    }

    /// Unbinds `id`; false when it was not bound here.
    func removeLocal(_ id: Int) -> Bool {
        if isModule {
            guard id < slots.count, slots[id] != nil else { return false }
            slots[id] = nil
            return true
        }
        guard let i = bindings.firstIndex(where: { $0.id == id }) else { return false }
        bindings.remove(at: i)
        return true
    }

    /// Every binding, in slot or binding order.
    var entries: [(id: Int, value: Value)] {
        if isModule { return slots.enumerated().compactMap { i, v in v.map { (i, $0) } } }
        return bindings
    }

    func removeAll() {
        slots.removeAll()
        bindings.removeAll()
    }
}
