import Tensors

/// Character models with the recurrent options tutorials use, on the shapes of
/// `char_h256_b32_t64`: a bidirectional LSTM with dropout, a GRU over packed sequences of
/// different lengths, and a stacked LSTM with dropout.
extension TrainingCase {
    static func recurrentVariants(_ g: Generator) throws(TensorError) -> [TrainingCase] {
        [try bidirectionalLSTM(g), try packedGRU(g), try dropoutLSTM(g)]
    }

    /// Embedding(64, 64), 2-layer bidirectional LSTM hidden 256 with dropout 0.3
    /// (batch_first), Linear(512, 64), Adam.
    static func bidirectionalLSTM(_ g: Generator) throws(TensorError) -> TrainingCase {
        let emb = try Embedding(numEmbeddings: 64, embeddingDim: 64, generator: g)
        let lstm = try LSTM(inputSize: 64, hiddenSize: 256, numLayers: 2, batchFirst: true,
                            options: RecurrentOptions(dropout: 0.3, bidirectional: true), generator: g)
        let fc = try Linear(inFeatures: 512, outFeatures: 64, generator: g)
        let (inputs, targets) = try charBatch(g)
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(emb.parameters() + lstm.parameters() + fc.parameters(), lr: 0.001)
        return TrainingCase(name: "char_lstm_bidir_dropout_h256_b32_t64", iterations: 20) { () throws(TensorError) in
            optimizer.zeroGrad()
            let (x, _, _) = try lstm(emb(inputs))
            let loss = try criterion(fc(x).view([-1, 64]), targets)
            try loss.backward()
            optimizer.step()
        }
    }

    /// Embedding(64, 64), 2-layer GRU hidden 256 with dropout 0.3 over 32 sequences of 33 to
    /// 64 steps, packed (unsorted) and padded back, Linear(256, 64), Adam.
    static func packedGRU(_ g: Generator) throws(TensorError) -> TrainingCase {
        let emb = try Embedding(numEmbeddings: 64, embeddingDim: 64, generator: g)
        let gru = try GRU(inputSize: 64, hiddenSize: 256, numLayers: 2, batchFirst: true,
                          options: RecurrentOptions(dropout: 0.3), generator: g)
        let fc = try Linear(inFeatures: 256, outFeatures: 64, generator: g)
        let (inputs, targets) = try charBatch(g)
        let lengths = (0..<32).map { 64 - ($0 * 7) % 32 }
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(emb.parameters() + gru.parameters() + fc.parameters(), lr: 0.001)
        return TrainingCase(name: "char_gru_packed_dropout_h256_b32_t64", iterations: 20) { () throws(TensorError) in
            optimizer.zeroGrad()
            let packed = try PackedSequence(padded: emb(inputs), lengths: lengths, batchFirst: true, enforceSorted: false)
            let result = try gru(packed: packed, h0: nil, c0: nil)
            let (x, _) = try result.output.padded(batchFirst: true, paddingValue: 0, totalLength: 64)
            let loss = try criterion(fc(x).view([-1, 64]), targets)
            try loss.backward()
            optimizer.step()
        }
    }

    /// Embedding(64, 64), 2-layer LSTM hidden 256 with dropout 0.3 (batch_first),
    /// Linear(256, 64), Adam.
    static func dropoutLSTM(_ g: Generator) throws(TensorError) -> TrainingCase {
        let emb = try Embedding(numEmbeddings: 64, embeddingDim: 64, generator: g)
        let lstm = try LSTM(inputSize: 64, hiddenSize: 256, numLayers: 2, batchFirst: true,
                            options: RecurrentOptions(dropout: 0.3), generator: g)
        let fc = try Linear(inFeatures: 256, outFeatures: 64, generator: g)
        let (inputs, targets) = try charBatch(g)
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(emb.parameters() + lstm.parameters() + fc.parameters(), lr: 0.001)
        return TrainingCase(name: "char_lstm_dropout_h256_b32_t64", iterations: 20) { () throws(TensorError) in
            optimizer.zeroGrad()
            let (x, _, _) = try lstm(emb(inputs))
            let loss = try criterion(fc(x).view([-1, 64]), targets)
            try loss.backward()
            optimizer.step()
        }
    }

    /// 32 sequences of 64 character indices and their 2048 targets.
    static func charBatch(_ g: Generator) throws(TensorError) -> (Tensor, Tensor) {
        (try Tensor.randint(low: 0, high: 64, [32, 64], generator: g), try Tensor.randint(low: 0, high: 64, [32 * 64], generator: g))
    }
}
