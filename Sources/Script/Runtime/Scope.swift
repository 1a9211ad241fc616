/// A variable that inner functions share with the function that binds it (Python's cell):
/// closures hold cells, never their definer's whole frame.
package final class Cell {
    package var value: Value?
    package var trackingIndex = -1
    package init(_ value: Value? = nil) {
        self.value = value
        CycleCollector.current.track(self)
    }
    deinit {
        CycleCollector.current.untrack(self)
        DeferredRelease.release(&value)
    }
}

/// Where a block's variables live while it runs: the workspace's globals (module scope), a
/// function call's frame, or a class body being executed.
package final class Scope {
    package enum Kind {
        case module, function, classBody
    }

    deinit { locals.free() }

    package let kind: Kind
    /// What the resolver worked out for the block (nil for the module scope).
    package let code: CodeScope?
    /// Module scope: the value of each global, by symbol number (nil when unbound).
    private(set) var slots: [Value?] = []
    /// Function frames: the local slots the resolver assigned.
    package let locals: LocalSlots
    /// The frame's cells: its own shared variables, then the ones captured from outside.
    package var cells: [Cell]
    /// Class bodies (and names that code parsed at run time binds in a frame): by symbol.
    private(set) var namespace: [(id: Int, value: Value)] = []
    /// A class body whose metaclass's `__prepare__` gave something other than a plain dict:
    /// its names are read, bound and deleted through that mapping's `__getitem__`,
    /// `__setitem__` and `__delitem__` (`Interpreter+ClassNamespace.swift`).
    package var mapping: Value?

    /// The module scope.
    init(module: Void) {
        kind = .module
        code = nil
        locals = LocalSlots(count: 0)
        cells = []
    }

    /// A call's frame for `code`, given the cells its function captured.
    init(function code: CodeScope, captured: [Cell]) {
        kind = .function
        self.code = code
        locals = LocalSlots(count: code.localCount)
        var cells: [Cell] = []
        let own = code.cellNames.count
        if own + captured.count > 0 {
            cells.reserveCapacity(own + captured.count)
            for _ in 0..<own { cells.append(Cell()) }
            cells.append(contentsOf: captured)
        }
        self.cells = cells
    }

    /// A frame for a call of `code`: the block's spare frame when it has one.
    @inline(__always)
    package static func frame(for code: CodeScope, captured: [Cell]) -> Scope {
        if let spare = code.spareFrame {
            code.spareFrame = nil
            return spare
        }
        return Scope(function: code, captured: captured)
    }

    /// Offers a frame whose call has returned to its block for the next call: kept only when
    /// nothing else refers to it (`frame` is then the only reference), emptied first.
    @inline(__always)
    static func recycle(_ frame: inout Scope) {
        guard let code = frame.code, code.recyclesFrames, code.spareFrame == nil,
              isKnownUniquelyReferenced(&frame) else { return }
        frame.locals.clear()
        if !frame.namespace.isEmpty { frame.namespace.removeAll() }
        code.spareFrame = frame
    }

    /// A class body's scope.
    init(classBody code: CodeScope, captured: [Cell]) {
        kind = .classBody
        self.code = code
        locals = LocalSlots(count: 0)
        cells = captured
    }

    // MARK: Globals (module scope, by symbol)

    @inline(__always)
    package func local(_ id: Int) -> Value? {
        id < slots.count ? slots[id] : nil
    }

    @inline(__always)
    func setLocal(_ id: Int, _ value: Value) {
        if id >= slots.count { slots.append(contentsOf: repeatElement(nil, count: id - slots.count + 1)) }
        slots[id] = value
    }

    /// Unbinds global `id`; false when it was not bound.
    func removeLocal(_ id: Int) -> Bool {
        guard id < slots.count, slots[id] != nil else { return false }
        slots[id] = nil
        return true
    }

    /// Every bound global, in symbol order.
    package var entries: [(id: Int, value: Value)] {
        slots.enumerated().compactMap { i, v in v.map { (i, $0) } }
    }

    // MARK: Names bound by name (class bodies)

    var namedEntries: [(id: Int, value: Value)] { namespace }

    package func named(_ id: Int) -> Value? {
        for entry in namespace where entry.id == id { return entry.value }
        return nil
    }

    func setNamed(_ id: Int, _ value: Value) {
        for i in namespace.indices where namespace[i].id == id {
            namespace[i].value = value
            return
        }
        namespace.append((id, value))
    }

    func removeNamed(_ id: Int) -> Bool {
        guard let i = namespace.firstIndex(where: { $0.id == id }) else { return false }
        namespace.remove(at: i)
        return true
    }

    package func removeAll() {
        slots.removeAll()
        locals.clear()
        cells.removeAll()
        namespace.removeAll()
    }
}
