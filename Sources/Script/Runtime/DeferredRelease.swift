import Glibc

/// Frees nested values without recursion. Swift releases a container's elements from its
/// deinitializer, so dropping a list nested five million deep would recurse five million
/// frames and overflow any stack. Containers instead hand their elements here; the first
/// release on a thread drains them in a loop, and releases that happen while it drains only
/// add to the queue.
package enum DeferredRelease {
    private final class Queue {
        var pending: [Value] = []
        var draining = false
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { if let queue = $0 { Unmanaged<AnyObject>.fromOpaque(queue).release() } }
        return key
    }()

    private static var queue: Queue {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<Queue>.fromOpaque(existing).takeUnretainedValue()
        }
        let made = Queue()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// Takes `values` from a dying container (leaving it empty) and frees them iteratively.
    package static func release(_ values: inout [Value]) {
        guard values.contains(where: \.holdsReferences) else { return }
        let queue = self.queue
        queue.pending.append(contentsOf: values)
        values = []
        drain(queue)
    }

    /// Frees one value from a dying object iteratively.
    package static func release(_ value: inout Value?) {
        guard value?.holdsReferences == true else { return }
        let queue = self.queue
        do {
            // Moved, not copied: a copy alive during the drain would keep the value from
            // being freed there, and it would then be freed recursively after.
            var moved: Value?
            swap(&moved, &value)
            if let held = moved { queue.pending.append(held) }
        }
        drain(queue)
    }

    private static func drain(_ queue: Queue) {
        guard !queue.draining else { return }
        queue.draining = true
        while let value = queue.pending.popLast() {
            // A tuple's elements are released with its array, recursively: hold them here
            // first, so whatever they free is queued instead.
            if case .tuple(let items) = value, items.contains(where: \.holdsReferences) {
                queue.pending.append(contentsOf: items)
            }
        }
        queue.draining = false
    }
}

extension Value {
    /// Whether freeing this value can free other script values (so can recurse).
    var holdsReferences: Bool {
        switch self {
        case .none, .bool, .int, .float, .str, .builtin, .type, .module: false
        case .list, .tuple, .dict, .set, .function, .boundMethod, .instance, .object: true
        }
    }
}
