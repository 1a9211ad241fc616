import Dispatch

extension RecurrentKernel {
    /// Fills every layer's `states[1...T]` from `states[0]` (h0). Stacked layers of enough work
    /// run as a wavefront: layer l processes a chunk of steps as soon as layer l-1 has finished
    /// it, each layer on its own thread, synchronised once per chunk.
    static func forward(
        _ states: StatesBuffer, x: UnsafePointer<Float>, weights: [LayerValues], nonlinearity: Nonlinearity,
        steps: Int, batch: Int, inputSize: Int, hidden: Int
    ) {
        let bh = batch * hidden
        let slab = (steps + 1) * bh
        let chunk = 8
        let chunks = (steps + chunk - 1) / chunk
        let source = InputBuffer(base: x)
        // Wide layers form W_hh^T once per sequence, so each step is an untransposed product
        // that OpenBLAS serves with its small-matrix kernels as column blocks (measured 25-35%
        // faster on 32x256x256 steps); narrow ones let BLAS read W_hh transposed instead of
        // copying it on every call (an RNNCell-sized step is cheaper than the copy).
        let transposed: [[Float]]? = hidden >= BLAS.columnBlockWidth
            ? weights.map { Kernels.permute(.float32($0.whh), Shape([hidden, hidden]), [1, 0]).floats } : nil
        let runLayer: @Sendable (Int, Int, Int) -> Void = { l, first, last in
            let layerStates = states.base + l * slab
            let input = l == 0 ? source.base : UnsafePointer(states.base + (l - 1) * slab + bh)
            forwardSteps(
                input, l == 0 ? inputSize : hidden, weights[l], transposed?[l], layerStates,
                first, last, batch, hidden, nonlinearity)
        }
        guard weights.count > 1, chunks > 1, steps * batch * hidden * hidden >= concurrentWork else {
            for l in 0..<weights.count { runLayer(l, 0, steps) }
            return
        }
        // Layer l waits on finished[l - 1] once per chunk; layer 0 never waits, so the
        // wavefront completes even when the pool runs the layers one after another.
        let finished = (0..<weights.count).map { _ in DispatchSemaphore(value: 0) }
        let group = DispatchGroup()
        let layerLoop: @Sendable (Int) -> Void = { l in
            for c in 0..<chunks {
                if l > 0 { finished[l - 1].wait() }
                runLayer(l, c * chunk, min(steps, (c + 1) * chunk))
                finished[l].signal()
            }
        }
        for l in 1..<weights.count {
            DispatchQueue.global().async(group: group) { layerLoop(l) }
        }
        layerLoop(0)
        group.wait()
    }

    /// Steps `first..<last` of one layer: their input projections as one product (b_ih
    /// pre-filled), then per step the hidden side `h W_hh^T + b_hh` (`whhT` when formed, else
    /// BLAS reads W_hh transposed) added to the step's projection and the nonlinearity in
    /// place: PyTorch's association, `act(linear_ih(x) + linear_hh(h))`.
    static func forwardSteps(
        _ x: UnsafePointer<Float>, _ inputSize: Int, _ layer: LayerValues, _ whhT: [Float]?,
        _ states: UnsafeMutablePointer<Float>, _ first: Int, _ last: Int, _ batch: Int, _ hidden: Int,
        _ act: Nonlinearity
    ) {
        let bh = batch * hidden
        let rows = (last - first) * batch
        let out = states + (first + 1) * bh
        fillRows(out, rows: rows, hidden: hidden, bias: layer.biasIH)
        layer.wih.withUnsafeBufferPointer { pw in
            guard let w = pw.baseAddress else { return }
            BLAS.gemm(
                x + first * batch * inputSize, transposeA: false, w, transposeB: true, out,
                m: rows, n: hidden, k: inputSize, beta: layer.biasIH == nil ? 0 : 1)
        }
        (whhT ?? layer.whh).withUnsafeBufferPointer { pw in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: bh) { scratch in
                guard let w = pw.baseAddress, let hiddenSide = scratch.baseAddress else { return }
                for t in first..<last {
                    let current = states + (t + 1) * bh
                    fillRows(hiddenSide, rows: batch, hidden: hidden, bias: layer.biasHH)
                    BLAS.gemm(
                        states + t * bh, transposeA: false, w, transposeB: whhT == nil, hiddenSide,
                        m: batch, n: hidden, k: hidden, beta: layer.biasHH == nil ? 0 : 1)
                    for i in 0..<bh { current[i] += hiddenSide[i] }
                    switch act {
                    case .tanh: VectorMath.apply(VectorMath.tanh, current, count: bh)
                    case .relu: for i in 0..<bh where current[i] < 0 { current[i] = 0 }
                    }
                }
            }
        }
    }

    /// Copies `bias` into each of `rows` rows (a product's C before `beta = 1`); nothing without one.
    static func fillRows(_ out: UnsafeMutablePointer<Float>, rows: Int, hidden: Int, bias: [Float]?) {
        guard let bias else { return }
        bias.withUnsafeBufferPointer { pb in
            guard let b = pb.baseAddress else { return }
            for r in 0..<rows { (out + r * hidden).update(from: b, count: hidden) }
        }
    }
}
