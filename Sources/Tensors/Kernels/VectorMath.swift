import CSleef

/// PyTorch's float32 element-wise kernels (the `CSleef` target): the functions, vector width,
/// loop tails and association ATen uses on this CPU, so results agree bit for bit (tanh, which
/// PyTorch takes from MKL, is correctly rounded instead; see docs/TENSORS.md).
enum VectorMath {
    /// A kernel over `count` elements from one buffer into another (the same buffer allowed).
    typealias Unary = @convention(c) (UnsafePointer<Float>?, UnsafeMutablePointer<Float>?, Int) -> Void
    /// A kernel over two buffers of `count` elements into a third.
    typealias Binary = @convention(c) (UnsafePointer<Float>?, UnsafePointer<Float>?, UnsafeMutablePointer<Float>?, Int) -> Void
    /// A kernel over `rows` rows of `size` elements.
    typealias Rows = @convention(c) (UnsafePointer<Float>?, UnsafeMutablePointer<Float>?, Int, Int) -> Void
    /// A backward kernel over rows: gradient and output in, gradient of the input out.
    typealias RowsBackward = @convention(c) (UnsafePointer<Float>?, UnsafePointer<Float>?, UnsafeMutablePointer<Float>?, Int, Int) -> Void

    /// The ATen CPU capability these kernels follow on this CPU, as PyTorch spells it
    /// (`torch.backends.cpu.get_cpu_capability()`, lower-cased).
    static var capability: String {
        switch recur_vector_capability() {
        case 2: "avx512"
        case 1: "avx2"
        default: "default"
        }
    }

    /// `out = alpha * x + y` over `count` elements as ATen's kernels compute it on this CPU
    /// (one fused multiply-add in the AVX2 and AVX512 builds, where GCC contracts it; `out`
    /// may be `y`).
    static func scaledAdd(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        recur_scaled_add_f32(alpha, x, y, out, count)
    }

    /// `out = a * b + c` over `count` elements, fused as `scaledAdd` (`out` may be `c`).
    static func multiplyAdd(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        recur_multiply_add_f32(a, b, c, out, count)
    }

    static let tanh: Unary = recur_tanh_f32
    static let sigmoid: Unary = recur_sigmoid_f32
    static let expm1: Unary = recur_expm1_f32
    static let log1p: Unary = recur_log1p_f32
    static let logSigmoid: Unary = recur_log_sigmoid_f32
    static let tanhBackward: Binary = recur_tanh_backward_f32
    static let sigmoidBackward: Binary = recur_sigmoid_backward_f32
    static let softmaxRows: Rows = recur_softmax_rows_f32
    static let logSoftmaxRows: Rows = recur_log_softmax_rows_f32
    static let softmaxBackwardRows: RowsBackward = recur_softmax_backward_rows_f32
    static let logSoftmaxBackwardRows: RowsBackward = recur_log_softmax_backward_rows_f32

    /// `kernel` over a buffer in place.
    @inline(__always)
    static func apply(_ kernel: Unary, _ buffer: UnsafeMutablePointer<Float>, count: Int) {
        kernel(buffer, buffer, count)
    }

    /// `kernel` over an array, as a new array.
    static func map(_ kernel: Unary, _ x: [Float]) -> [Float] {
        x.withUnsafeBufferPointer { px in
            makeArray(px.count) { out in kernel(px.baseAddress, out.baseAddress, px.count) }
        }
    }

    /// `kernel` over two arrays of equal length, as a new array.
    static func zip(_ kernel: Binary, _ a: [Float], _ b: [Float]) -> [Float] {
        let n = Swift.min(a.count, b.count)
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                makeArray(n) { out in kernel(pa.baseAddress, pb.baseAddress, out.baseAddress, n) }
            }
        }
    }

    /// `kernel` over `rows` rows of `size` elements, as a new array.
    static func rows(_ kernel: Rows, _ x: [Float], rows: Int, size: Int) -> [Float] {
        x.withUnsafeBufferPointer { px in
            makeArray(rows * size) { out in kernel(px.baseAddress, out.baseAddress, rows, size) }
        }
    }

    /// A backward row kernel over the gradient and the forward output, as a new array.
    static func rowsBackward(_ kernel: RowsBackward, gradient: [Float], output: [Float], rows: Int, size: Int) -> [Float] {
        gradient.withUnsafeBufferPointer { pg in
            output.withUnsafeBufferPointer { py in
                makeArray(rows * size) { out in kernel(pg.baseAddress, py.baseAddress, out.baseAddress, rows, size) }
            }
        }
    }
}
