/// `torch.multinomial`: PyTorch's two CPU algorithms, so the same seed picks the same indices.
extension Tensor {
    /// `numSamples` category indices per row of a 1-D or 2-D tensor of weights.
    ///
    /// Without replacement (or for one sample) PyTorch divides the weights by exponential
    /// noise and takes the largest (the Gumbel trick); with replacement it draws a double
    /// uniform per sample and binary-searches the normalised cumulative weights.
    public func multinomial(_ numSamples: Int, replacement: Bool = false, generator: Generator) throws(TensorError) -> Tensor {
        guard dtype == .float32 else {
            throw .runtime("multinomial only supports floating-point dtypes for input, got: \(Tensor.typeName(dtype))")
        }
        guard rank == 1 || rank == 2 else { throw .runtime("prob_dist must be 1 or 2 dim") }
        let categories = shape.dims[rank - 1]
        let rows = rank == 2 ? shape.dims[0] : 1
        guard numSamples > 0 else { throw .runtime("cannot sample n_sample <= 0 samples") }
        guard replacement || numSamples <= categories else {
            throw .runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        guard categories <= 1 << 24 else { throw .runtime("number of categories cannot exceed 2^24") }
        let weights = floats
        let resultDims = rank == 2 ? [rows, numSamples] : [numSamples]
        _ = try Shape.checkedCount(resultDims)
        var result = [Int64]()
        result.reserveCapacity(rows * numSamples)
        if !replacement || numSamples == 1 {
            guard weights.allSatisfy({ $0 >= 0 && $0 < .infinity }) else {
                throw .runtime("probability tensor contains either `inf`, `nan` or element < 0")
            }
            for r in 0..<rows where weights[(r * categories)..<((r + 1) * categories)].reduce(0, +) == 0 {
                throw .runtime("invalid multinomial distribution (sum of probabilities <= 0)")
            }
            // q ~ Exp(1) for every weight in row-major order, then the top indices of w / q.
            let noise = (0..<weights.count).map { _ in Float(generator.exponentialDouble(lambda: 1)) }
            for r in 0..<rows {
                let base = r * categories
                let keys = (0..<categories).map { weights[base + $0] / noise[base + $0] }
                result += Tensor.topIndices(keys, count: numSamples)
            }
        } else {
            for r in 0..<rows {
                let row = Array(weights[(r * categories)..<((r + 1) * categories)])
                result += try Tensor.sampleWithReplacement(row, numSamples, generator: generator)
            }
        }
        return Tensor(shape: Shape(resultDims), storage: .int64(result))
    }

    /// Indices of the `count` largest keys, largest first; NaN counts as largest and ties
    /// keep the lower index first, as `topk` and `argmax` order them on CPU.
    static func topIndices(_ keys: [Float], count: Int) -> [Int64] {
        func before(_ a: Int, _ b: Int) -> Bool {
            let x = keys[a], y = keys[b]
            if x.isNaN != y.isNaN { return x.isNaN }
            if x != y && !x.isNaN { return x > y }
            return a < b
        }
        return (0..<keys.count).sorted(by: before).prefix(count).map { Int64($0) }
    }

    /// One row of PyTorch's with-replacement sampler (float cumulative sums, double uniforms).
    static func sampleWithReplacement(_ weights: [Float], _ numSamples: Int, generator: Generator) throws(TensorError) -> [Int64] {
        var cumulative = [Float](repeating: 0, count: weights.count)
        var sum: Float = 0
        for (j, value) in weights.enumerated() {
            guard value >= 0 else { throw .runtime("invalid multinomial distribution (encountering probability entry < 0)") }
            guard value.isFinite else {
                throw .runtime("invalid multinomial distribution (encountering probability entry = infinity or NaN)")
            }
            sum += value
            cumulative[j] = sum
        }
        guard sum > 0 else { throw .runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
        for j in cumulative.indices { cumulative[j] /= sum }
        cumulative[cumulative.count - 1] = 1
        var samples = [Int64]()
        samples.reserveCapacity(numSamples)
        for _ in 0..<numSamples {
            let u = generator.uniformDouble()
            var left = 0, right = cumulative.count
            while right - left > 0 {
                let mid = left + (right - left) / 2
                if Double(cumulative[mid]) < u { left = mid + 1 } else { right = mid }
            }
            samples.append(Int64(left))
        }
        return samples
    }
}
