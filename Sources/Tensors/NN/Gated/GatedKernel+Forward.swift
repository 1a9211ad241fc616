import Dispatch

extension GatedKernel {
    /// Fills every layer's tape from its initial states. The first layer's input projections
    /// are one product over all steps. A stack of enough work then runs as a wavefront, as
    /// `RecurrentKernel.forward` does: layer l runs a chunk of steps as soon as layer l-1 has
    /// finished the steps it reads, each layer on its own thread with its products on that
    /// thread. A layer above the first projects its input in the row blocks one product over
    /// all steps would be computed in (`BLAS.interruptibleBlockRows`), each once the rows
    /// below exist, so every value is the same bit for bit as without the wavefront
    /// (`wavefront: false`, one layer after another).
    static func forward(
        _ kind: GatedKind, input: FloatBuffer, weights: [GatedValues], tape: [GatedLayerTape], size: GatedSize, wavefront: Bool = true
    ) {
        let (steps, batch, hidden) = (size.steps, size.batch, size.hidden)
        let count = weights.count
        let total = steps * batch
        guard count > 0 else { return }
        let below: @Sendable (Int) -> UnsafePointer<Float> = { l in
            l == 0 ? UnsafePointer(input.base) : UnsafePointer(tape[l - 1].states.base + batch * hidden)
        }
        project(kind, input: below(0), inputSize: size.inputSize, weights: weights[0], tape: tape[0], rows: 0..<total, size: size)
        let chunk = 8
        let chunks = (steps + chunk - 1) / chunk
        guard wavefront, count > 1, chunks > 1, steps * batch * kind.gates * hidden * hidden >= RecurrentKernel.concurrentWork,
            let blockRows = BLAS.interruptibleBlockRows(m: total, n: kind.gates * hidden, k: hidden)
        else {
            for l in 0..<count {
                if l > 0 { project(kind, input: below(l), inputSize: hidden, weights: weights[l], tape: tape[l], rows: 0..<total, size: size) }
                recur(kind, weights: weights[l], tape: tape[l], steps: 0, steps, size: size)
            }
            return
        }
        // Layer l - 1 signals finished[l - 1] once per chunk; layer 0 never waits, so the
        // wavefront completes even when the pool runs the layers one after another.
        let finished = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        let group = DispatchGroup()
        let layerLoop: @Sendable (Int) -> Void = { l in
            var ready = 0  // steps of layer l - 1 known to be finished
            var projected = 0  // rows of this layer's input projected
            for c in 0..<chunks {
                let (first, last) = (c * chunk, min(steps, (c + 1) * chunk))
                while l > 0 && projected < last * batch {
                    let end = min(projected + blockRows, total)
                    while ready * batch < end {
                        finished[l - 1].wait()
                        ready = min(steps, ready + chunk)
                    }
                    project(
                        kind, input: below(l), inputSize: hidden, weights: weights[l], tape: tape[l], rows: projected..<end, size: size,
                        concurrent: false)
                    projected = end
                }
                recur(kind, weights: weights[l], tape: tape[l], steps: first, last, size: size, concurrent: false)
                finished[l].signal()
            }
        }
        for l in 1..<count {
            DispatchQueue.global().async(group: group) { layerLoop(l) }
        }
        layerLoop(0)
        group.wait()
    }
}
