import Tensors

/// The training shapes the README's speed table reports against PyTorch and against the
/// machine's floor: stacked character LSTM and GRU, a wide one-layer LSTM, and the
/// name classifier of PyTorch's tutorial; plus the sgemm rate that the floor divides by.
extension TrainingCase {
    static func floorCases(_ g: Generator) throws(TensorError) -> [TrainingCase] {
        [try charGated(.lstm, hidden: 256, layers: 2, batch: 32, name: "char_lstm_h256_b32_t64", g),
         try charGated(.gru, hidden: 256, layers: 2, batch: 32, name: "char_gru_h256_b32_t64", g),
         try charGated(.lstm, hidden: 512, layers: 1, batch: 64, name: "lstm_h512_b64_t64", g),
         try nameClassifier(g)]
    }

    enum GatedKind { case lstm, gru }

    /// Embedding(64, 64), a batch_first LSTM or GRU, Linear(hidden, 64), Adam; sequences of 64.
    static func charGated(_ kind: GatedKind, hidden: Int, layers: Int, batch: Int, name: String,
                          _ g: Generator) throws(TensorError) -> TrainingCase {
        let emb = try Embedding(numEmbeddings: 64, embeddingDim: 64, generator: g)
        let fc = try Linear(inFeatures: hidden, outFeatures: 64, generator: g)
        let inputs = try Tensor.randint(low: 0, high: 64, [batch, 64], generator: g)
        let targets = try Tensor.randint(low: 0, high: 64, [batch * 64], generator: g)
        let criterion = CrossEntropyLoss()
        let run: (Tensor) throws(TensorError) -> Tensor
        let parameters: [Tensor]
        switch kind {
        case .lstm:
            let lstm = try LSTM(inputSize: 64, hiddenSize: hidden, numLayers: layers, batchFirst: true, generator: g)
            run = { x throws(TensorError) in try lstm(x).output }
            parameters = lstm.parameters()
        case .gru:
            let gru = try GRU(inputSize: 64, hiddenSize: hidden, numLayers: layers, batchFirst: true, generator: g)
            run = { x throws(TensorError) in try gru(x).output }
            parameters = gru.parameters()
        }
        let optimizer = try Adam(emb.parameters() + parameters + fc.parameters(), lr: 0.001)
        return TrainingCase(name: name, iterations: 20) { () throws(TensorError) in
            optimizer.zeroGrad()
            let loss = try criterion(fc(run(emb(inputs))).view([-1, 64]), targets)
            try loss.backward()
            optimizer.step()
        }
    }

    /// PyTorch's name-classification tutorial: one name (7 one-hot letters of 57) at a time
    /// through `i2h` / `i2o` Linear layers on `cat(input, hidden)`, LogSoftmax, NLLLoss, and
    /// plain SGD with learning rate 0.005 (the tutorial's `p.data.add_(p.grad.data, alpha=-lr)`).
    static func nameClassifier(_ g: Generator) throws(TensorError) -> TrainingCase {
        let letters = 57, hidden = 128, categories = 18
        let i2h = try Linear(inFeatures: letters + hidden, outFeatures: hidden, generator: g)
        let i2o = try Linear(inFeatures: letters + hidden, outFeatures: categories, generator: g)
        let name = [28, 0, 19, 7, 4, 17, 18]  // "Cathers" in the tutorial's alphabet
        let rows = name.map { letter in NestedValues.list([.list((0..<letters).map { .int($0 == letter ? 1 : 0) })]) }
        let line = try Tensor(.list(rows), dtype: .float32)
        let steps = try (0..<name.count).map { t throws(TensorError) in try line.select(dim: 0, index: t) }
        let category = try Tensor(int64s: [5], shape: Shape([1]))
        let optimizer = try SGD(i2h.parameters() + i2o.parameters(), lr: 0.005)
        return TrainingCase(name: "name_classifier_i2h_i2o", iterations: 3000) { () throws(TensorError) in
            optimizer.zeroGrad()
            var state = try Tensor.zeros([1, hidden])
            var output: Tensor?
            for input in steps {
                let combined = try Tensor.cat([input, state], dim: 1)
                state = try i2h(combined)
                output = try i2o(combined).logSoftmax(dim: 1)
            }
            guard let output else { return }
            try Functional.nllLoss(output, target: category).backward()
            optimizer.step()
        }
    }
}

/// The single-precision matrix product rate of the BLAS Recur links (GFLOP/s), on a product
/// shaped like a character model's input projection (2048 x 256 times 256 x 1024).
enum SgemmRate {
    static let name = "sgemm_2048x256x1024"

    static func measure(_ g: Generator, repetitions: Int) throws(TensorError) -> (gflops: Double, medianMicroseconds: Double) {
        let a = try Tensor.randn([2048, 256], generator: g)
        let b = try Tensor.randn([256, 1024], generator: g)
        for _ in 0..<3 { _ = try a.matmul(b) }
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = BenchCommand.now()
            _ = try a.matmul(b)
            samples.append(BenchCommand.now() - start)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        return (2.0 * 2048 * 256 * 1024 / (median * 1e3), median)
    }
}
