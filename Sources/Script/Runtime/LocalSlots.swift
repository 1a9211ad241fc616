/// A frame's local variables: a fixed buffer the frame owns, read and written in place (no
/// copy-on-write check or reallocation on a call's hot path). Slots come from the resolver,
/// so an index is always in range; one past the end reads as unbound and is not written.
package struct LocalSlots {
    private let base: UnsafeMutablePointer<Value?>
    package let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    package var indices: Range<Int> { 0..<count }

    package subscript(_ i: Int) -> Value? {
        @inline(__always) get { i < count ? base[i] : nil }
        @inline(__always) nonmutating set { if i < count { base[i] = newValue } }
    }

    /// Unbinds every slot.
    func clear() {
        for i in 0..<count { base[i] = nil }
    }

    /// Frees the buffer when its frame dies, each value iteratively (a deep structure held
    /// only by a local is released without recursion).
    func free() {
        for i in 0..<count { DeferredRelease.release(&base[i]) }
        base.deinitialize(count: count)
        base.deallocate()
    }
}
