/// A fixed-size float buffer that a gated pass fills and its backward closure reads. Held
/// by reference, so the forward and backward passes work on raw pointers without copying
/// or nesting `withUnsafe...` scopes; freed with the last reference. The threads of a
/// wavefront share buffers, each writing only its own layer's while the caller waits.
final class FloatBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
    let count: Int

    /// Uninitialised storage for `count` floats (the caller writes every element it reads).
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
    }

    /// `count` zeros.
    convenience init(zeros count: Int) {
        self.init(count: count)
        base.initialize(repeating: 0, count: count)
    }

    /// A copy of `values`.
    convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { p in
            if let source = p.baseAddress { base.initialize(from: source, count: values.count) }
        }
    }

    deinit { base.deallocate() }

    /// Elements `start..<start + length` as an array.
    func array(from start: Int = 0, count length: Int) -> [Float] {
        makeFloats(length) { out in
            if let o = out.baseAddress { o.update(from: base + start, count: length) }
        }
    }
}
