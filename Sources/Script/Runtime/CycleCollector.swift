import Glibc

/// Script objects that can take part in reference cycles: lists, dicts, instances, cells and
/// functions. They register with their thread's collector when made and leave it when freed.
package protocol CycleTracked: AnyObject {
    /// The object's place in its collector's registry.
    var trackingIndex: Int { get set }
    /// Calls `visit` for every reference the object holds strongly (each reference once).
    func visitReferences(_ visit: (CycleEdge) -> Void)
    /// Drops everything the object holds, breaking the cycles it is in (it is garbage).
    func clearReferences()
}

/// Finds and frees reference cycles among script objects (Python's `gc.collect()`), with
/// CPython's algorithm over Swift's reference counts: an object whose count is not fully
/// explained by references from other tracked objects is reachable from outside; everything
/// reachable from those objects survives; the rest is garbage held only by cycles.
///
/// Any doubt is resolved towards keeping objects: references through values the collector
/// does not track (tuples, native objects, frames) count as outside references, and a count
/// that comes out negative (a reference counted twice) aborts the collection.
package final class CycleCollector {
    private var objects: [Unmanaged<AnyObject>] = []
    /// The registry size past which the next automatic collection runs (as CPython collects
    /// after a number of allocations): it grows with what survived the last one.
    private(set) var threshold = 700
    package var isEnabled = true

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { if let collector = $0 { Unmanaged<AnyObject>.fromOpaque(collector).release() } }
        return key
    }()

    /// The collector of the current thread (script objects never change threads).
    package static var current: CycleCollector {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<CycleCollector>.fromOpaque(existing).takeUnretainedValue()
        }
        let made = CycleCollector()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    package var count: Int { objects.count }

    func track(_ object: some CycleTracked) {
        object.trackingIndex = objects.count
        objects.append(Unmanaged.passUnretained(object))
    }

    func untrack(_ object: some CycleTracked) {
        let index = object.trackingIndex
        guard index >= 0, index < objects.count, objects[index].toOpaque() == Unmanaged.passUnretained(object).toOpaque() else {
            return
        }
        let last = objects.removeLast()
        if index < objects.count {
            objects[index] = last
            (last.takeUnretainedValue() as? any CycleTracked)?.trackingIndex = index
        }
        object.trackingIndex = -1
    }

    /// Collects when enough objects appeared since the last collection.
    @inline(__always)
    package func collectIfDue() {
        if objects.count > threshold && isEnabled { collect() }
    }

    /// Frees the objects held only by cycles; returns how many there were.
    @discardableResult
    func collect() -> Int {
        defer { threshold = objects.count + max(700, objects.count / 4) }
        let count = objects.count
        var position: [ObjectIdentifier: Int] = [:]
        position.reserveCapacity(count)
        var tracked: [any CycleTracked] = []
        tracked.reserveCapacity(count + 1)
        for object in objects {
            guard let item = object.takeUnretainedValue() as? any CycleTracked else { continue }
            position[ObjectIdentifier(item)] = tracked.count
            tracked.append(item)
        }
        // The strong references each object has (less the one `tracked` holds), then less the
        // ones from other tracked objects. A probe held only by `tracked` is counted along
        // the same code path, so whatever the optimiser adds to a count while reading it
        // (a debug build retains the temporary, a release build may not) cancels out.
        tracked.append(Probe())
        var external = tracked.map { CycleCollector.strongCount($0) }
        let offset = external.removeLast() - 1
        tracked.removeLast()
        guard offset >= 0 else { return 0 }
        for index in external.indices { external[index] -= offset + 1 }
        for item in tracked {
            item.visitReferences { edge in
                if let id = edge.trackedIdentity, let target = position[id] { external[target] -= 1 }
            }
        }
        if external.contains(where: { $0 < 0 }) { return 0 }
        // Everything reachable from an object with outside references survives.
        var reachable = external.map { $0 > 0 }
        var stack = reachable.indices.filter { reachable[$0] }
        while let next = stack.popLast() {
            tracked[next].visitReferences { edge in
                CycleCollector.forEachTracked(in: edge) { id in
                    if let target = position[id], !reachable[target] {
                        reachable[target] = true
                        stack.append(target)
                    }
                }
            }
        }
        let garbage = tracked.indices.filter { !reachable[$0] }.map { tracked[$0] }
        tracked.removeAll()
        for item in garbage { item.clearReferences() }
        return garbage.count
    }

    /// Tracked objects an edge leads to, looking through tuples (which are plain values).
    private static func forEachTracked(in edge: CycleEdge, _ body: (ObjectIdentifier) -> Void) {
        if let id = edge.trackedIdentity { body(id) }
        if case .value(.tuple(let items)) = edge {
            for item in items { forEachTracked(in: .value(item), body) }
        }
    }

    @inline(never)
    private static func strongCount(_ object: any CycleTracked) -> Int {
        Int(_getRetainCount(object))
    }

    /// An object held exactly once, to measure what reading a count adds to it.
    private final class Probe: CycleTracked {
        package var trackingIndex = -1
        func visitReferences(_ visit: (CycleEdge) -> Void) {}
        func clearReferences() {}
    }
}

/// A strong reference from a tracked object: a script value, or a closure's cell.
package enum CycleEdge {
    case value(Value)
    case cell(Cell)

    var trackedIdentity: ObjectIdentifier? {
        switch self {
        case .value(let value): value.trackedIdentity
        case .cell(let cell): ObjectIdentifier(cell)
        }
    }
}

extension Value {
    /// The identity of a tracked object this value refers to directly.
    var trackedIdentity: ObjectIdentifier? {
        switch self {
        case .list(let o): ObjectIdentifier(o)
        case .dict(let o): ObjectIdentifier(o)
        case .instance(let o): ObjectIdentifier(o)
        case .function(let o): ObjectIdentifier(o)
        case .none, .bool, .int, .float, .str, .tuple, .set, .builtin, .boundMethod, .type, .module, .object: nil
        }
    }
}

extension ListObject: CycleTracked {
    package func visitReferences(_ visit: (CycleEdge) -> Void) {
        for item in items { visit(.value(item)) }
    }
    package func clearReferences() { items = [] }
}

extension DictObject: CycleTracked {
    package func visitReferences(_ visit: (CycleEdge) -> Void) {
        // Keys are held twice: in the key list and in the hash index.
        for key in keys {
            visit(.value(key))
            visit(.value(key))
        }
        for value in values { visit(.value(value)) }
    }
    package func clearReferences() { removeAll() }
}

extension InstanceObject: CycleTracked {
    package func visitReferences(_ visit: (CycleEdge) -> Void) {
        for value in attributes.values { visit(.value(value)) }
        if let payload { visit(.value(payload)) }
        (native as? InstanceNative)?.visitReferences(visit)
    }
    package func clearReferences() {
        attributes = [:]
        payload = nil
        (native as? InstanceNative)?.clearReferences()
    }
}

extension Cell: CycleTracked {
    package func visitReferences(_ visit: (CycleEdge) -> Void) {
        if let value { visit(.value(value)) }
    }
    package func clearReferences() { value = nil }
}

extension FunctionObject: CycleTracked {
    package func visitReferences(_ visit: (CycleEdge) -> Void) {
        for value in defaults { if let value { visit(.value(value)) } }
        for cell in captured { visit(.cell(cell)) }
        for value in attributes.values { visit(.value(value)) }
    }
    package func clearReferences() {
        defaults = []
        captured = []
        attributes = [:]
    }
}
