/// `tanh` or `relu`, the recurrent nonlinearity (`nonlinearity=`).
public enum Nonlinearity: String, Sendable {
    /// The default.
    case tanh
    /// Rectified linear.
    case relu
}

/// One recurrent layer's parameters.
struct RecurrentWeights {
    let weightIH: Tensor
    let weightHH: Tensor
    let biasIH: Tensor?
    let biasHH: Tensor?
    /// An LSTM's projection `weight_hr` (proj_size, hidden), or nil.
    var weightHR: Tensor? = nil

    var tensors: [Tensor] {
        [weightIH, weightHH] + (biasIH.map { [$0] } ?? []) + (biasHH.map { [$0] } ?? []) + (weightHR.map { [$0] } ?? [])
    }
}

/// One layer's parameter values, read once per call.
struct LayerValues: Sendable {
    let wih: [Float]
    let whh: [Float]
    let biasIH: [Float]?
    let biasHH: [Float]?
}

/// The states buffer shared with the threads of a wavefront (valid while `run` waits for them).
struct StatesBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
}

/// A read-only input shared the same way.
struct InputBuffer: @unchecked Sendable {
    let base: UnsafePointer<Float>
}

/// The fused Elman recurrence over all time steps and layers: one GEMM for every step's input
/// projection, one GEMM per step for the recurrence, weight gradients as GEMMs over all steps,
/// and no allocation inside the time loop.
enum RecurrentKernel {
    /// Runs the layers over time-major `x` (T*B*I values in (T, B, I) order, any shape) from
    /// `h0` (L*B*H values, any shape) or zeros; gradients come back in the operands' shapes. The result
    /// holds the top layer's outputs (T*B*H values) followed, when `appendFinal`, by each
    /// layer's last state (L*B*H values); it is recorded as one node named `name`.
    static func run(
        x: Tensor, h0: Tensor?, layers: [RecurrentWeights], nonlinearity: Nonlinearity,
        steps: Int, batch: Int, inputSize: Int, hidden: Int, appendFinal: Bool, resultShape: Shape, name: String
    ) -> Tensor {
        let bh = batch * hidden
        let slab = (steps + 1) * bh
        let h0Values = h0?.floats
        // Every slot but the initial states is overwritten before it is read.
        var states = makeFloats(layers.count * slab) { _ in }
        let xValues = x.floats
        let weights = layers.map { LayerValues(
                wih: $0.weightIH.floats, whh: $0.weightHH.floats, biasIH: $0.biasIH?.floats, biasHH: $0.biasHH?.floats) }
        states.withUnsafeMutableBufferPointer { ps in
            guard let s = ps.baseAddress else { return }
            for l in 0..<layers.count {
                let layerStates = s + l * slab
                if let h0Values {
                    for i in 0..<bh { layerStates[i] = h0Values[l * bh + i] }
                } else {
                    layerStates.update(repeating: 0, count: bh)
                }
            }
            xValues.withUnsafeBufferPointer { px in
                guard let xp = px.baseAddress else { return }
                forward(StatesBuffer(base: s), x: xp, weights: weights, nonlinearity: nonlinearity, steps: steps, batch: batch, inputSize: inputSize, hidden: hidden)
            }
        }
        let top = (layers.count - 1) * slab + bh
        let resultCount = steps * bh + (appendFinal ? layers.count * bh : 0)
        let result = states.withUnsafeBufferPointer { ps in
            makeFloats(resultCount) { out in
                guard let s = ps.baseAddress, let o = out.baseAddress else { return }
                o.update(from: s + top, count: steps * bh)
                if appendFinal {
                    for l in 0..<layers.count {
                        (o + steps * bh + l * bh).update(from: s + l * slab + steps * bh, count: bh)
                    }
                }
            }
        }
        let inputs = [x] + (h0.map { [$0] } ?? []) + layers.flatMap(\.tensors)
        let xShape = x.shape
        let h0Shape = h0?.shape
        let needInputGrad = x.requiresGradFlag
        let frozenStates = states
        return Tensor(shape: resultShape, floats: result).recording(name, inputs) { g in
            backward(
                g.floats, states: frozenStates, x: xValues, xShape: xShape, inputSize: inputSize, weights: weights,
                layers: layers, h0Shape: h0Shape, needInputGrad: needInputGrad, nonlinearity: nonlinearity, steps: steps, batch: batch, hidden: hidden,
                appendFinal: appendFinal)
        }
    }

    /// Recurrent work (multiply-adds per layer) from which layers run as a wavefront on two
    /// threads and weight gradients overlap the next layer's backward pass.
    static let concurrentWork = 1 << 20

    static func combinedBias(_ layer: RecurrentWeights) -> [Float]? {
        guard let bih = layer.biasIH?.floats else { return layer.biasHH?.floats }
        guard let bhh = layer.biasHH?.floats else { return bih }
        return Kernels.add(bih, bhh)
    }
}
