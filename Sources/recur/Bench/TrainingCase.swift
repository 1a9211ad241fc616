import Tensors

/// One benchmarked training program: `step()` runs forward, loss, backward and the optimizer.
struct TrainingCase {
    let name: String
    let iterations: Int
    let step: () throws(TensorError) -> Void

    /// The lesson's first program: RNNCell(4, 4), per-step losses summed, Adam lr 0.1.
    static func seed1RNNCell(_ g: Generator) throws(TensorError) -> TrainingCase {
        let cell = try RNNCell(inputSize: 4, hiddenSize: 4, generator: g)
        let inputs = try lessonOneHot().view([-1, 1, 4])
        let labels = try Tensor(int64s: lessonLabels, shape: Shape([5])).view([-1, 1])
        let steps = try (0..<5).map { t throws(TensorError) in (try inputs.select(dim: 0, index: t), try labels.select(dim: 0, index: t)) }
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(cell.parameters(), lr: 0.1)
        return TrainingCase(name: "seed1_rnncell", iterations: 3000) { () throws(TensorError) in
            optimizer.zeroGrad()
            var hidden = try Tensor.zeros([1, 4])
            var loss: Tensor?
            for (input, label) in steps {
                hidden = try cell(input, hidden)
                let term = try criterion(hidden, label)
                loss = try loss.map { l throws(TensorError) in try l + term } ?? term
            }
            try loss?.backward()
            optimizer.step()
        }
    }

    /// The lesson's second program: RNN(4, 4) over the whole sequence, Adam lr 0.1.
    static func seed2RNN(_ g: Generator) throws(TensorError) -> TrainingCase {
        let rnn = try RNN(inputSize: 4, hiddenSize: 4, generator: g)
        let inputs = try lessonOneHot().view([5, 1, 4])
        let labels = try Tensor(int64s: lessonLabels, shape: Shape([5]))
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(rnn.parameters(), lr: 0.1)
        return TrainingCase(name: "seed2_rnn", iterations: 3000) { () throws(TensorError) in
            optimizer.zeroGrad()
            let (out, _) = try rnn(inputs, Tensor.zeros([1, 1, 4]))
            let loss = try criterion(out.view([-1, 4]), labels)
            try loss.backward()
            optimizer.step()
        }
    }

    /// The lesson's third program: Embedding(4, 10) + 2-layer batch_first RNN(10, 8) + Linear(8, 4).
    static func seed3Embedding(_ g: Generator) throws(TensorError) -> TrainingCase {
        let emb = try Embedding(numEmbeddings: 4, embeddingDim: 10, generator: g)
        let rnn = try RNN(inputSize: 10, hiddenSize: 8, numLayers: 2, batchFirst: true, generator: g)
        let fc = try Linear(inFeatures: 8, outFeatures: 4, generator: g)
        let inputs = try Tensor(int64s: [1, 0, 2, 2, 3], shape: Shape([1, 5]))
        let labels = try Tensor(int64s: lessonLabels, shape: Shape([5]))
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(emb.parameters() + rnn.parameters() + fc.parameters(), lr: 0.05)
        return TrainingCase(name: "seed3_embedding", iterations: 3000) { () throws(TensorError) in
            optimizer.zeroGrad()
            let (x, _) = try rnn(emb(inputs), Tensor.zeros([2, 1, 8]))
            let loss = try criterion(fc(x).view([-1, 4]), labels)
            try loss.backward()
            optimizer.step()
        }
    }

    /// A character model: Embedding(64, 64), 2-layer RNN hidden 256 (batch_first), batch 32,
    /// sequence 64, Linear(256, 64), Adam.
    static func charModel(_ g: Generator) throws(TensorError) -> TrainingCase {
        let emb = try Embedding(numEmbeddings: 64, embeddingDim: 64, generator: g)
        let rnn = try RNN(inputSize: 64, hiddenSize: 256, numLayers: 2, batchFirst: true, generator: g)
        let fc = try Linear(inFeatures: 256, outFeatures: 64, generator: g)
        let inputs = try Tensor.randint(low: 0, high: 64, [32, 64], generator: g)
        let targets = try Tensor.randint(low: 0, high: 64, [32 * 64], generator: g)
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(emb.parameters() + rnn.parameters() + fc.parameters(), lr: 0.001)
        return TrainingCase(name: "char_h256_b32_t64", iterations: 40) { () throws(TensorError) in
            optimizer.zeroGrad()
            let (x, _) = try rnn(emb(inputs))
            let loss = try criterion(fc(x).view([-1, 64]), targets)
            try loss.backward()
            optimizer.step()
        }
    }

    static let lessonLabels: [Int64] = [3, 1, 2, 3, 2]

    static func lessonOneHot() throws(TensorError) -> Tensor {
        let rows = [1, 0, 2, 2, 3].map { x in NestedValues.list((0..<4).map { .int($0 == x ? 1 : 0) }) }
        return try Tensor(.list(rows), dtype: .float32)
    }
}
