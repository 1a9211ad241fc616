import Testing
@testable import Tensors

/// The three programs of the basic-RNN lesson, trained 15 epochs from PyTorch's initial weights.
@Suite struct LessonTests {
    static let idx2char = ["e", "h", "l", "o"]
    static let xData: [Int64] = [1, 0, 2, 2, 3]
    static let yData: [Int64] = [3, 1, 2, 3, 2]

    static func state(_ data: [String: Tensor], _ prefix: String) -> [(name: String, tensor: Tensor)] {
        data.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) }
    }

    static func oneHotInputs() throws -> Tensor {
        let rows = xData.map { x in NestedValues.list((0..<4).map { .int($0 == x ? 1 : 0) }) }
        return try Tensor(.list(rows), dtype: .float32)
    }

    static func expectLosses(_ losses: [Double], _ predictions: [String], _ expected: Fixtures.LessonCase) {
        #expect(losses.count == 15)
        for (epoch, (mine, theirs)) in zip(losses, expected.losses).enumerated() {
            #expect(abs(mine - theirs) <= 1e-5 + 1e-4 * abs(theirs), "epoch \(epoch + 1): \(mine) vs \(theirs)")
        }
        #expect(predictions == expected.predictions)
        #expect(predictions.last == "ohlol")
    }

    @Test func rnnCellProgram() throws {
        let expected = try #require(try Fixtures.index().lesson["rnncell"])
        let data = try Fixtures.tensors("lesson.safetensors")
        let cell = try RNNCell(inputSize: 4, hiddenSize: 4, generator: Generator(seed: 0))
        try cell.loadStateDict(Self.state(data, "rnncell/"))
        let inputs = try Self.oneHotInputs().view([-1, 1, 4])
        let labels = try Tensor(int64s: Self.yData, shape: Shape([5])).view([-1, 1])
        let criterion = CrossEntropyLoss()
        let optimizer = try Adam(cell.parameters(), lr: 0.1)
        var losses: [Double] = []
        var predictions: [String] = []
        for _ in 0..<15 {
            optimizer.zeroGrad()
            var hidden = try Tensor.zeros([1, 4])
            var loss: Tensor?
            var predicted = ""
            for t in 0..<5 {
                hidden = try cell(inputs.select(dim: 0, index: t), hidden)
                let term = try criterion(hidden, labels.select(dim: 0, index: t))
                loss = try loss.map { try $0 + term } ?? term
                predicted += Self.idx2char[Int(try hidden.max(dim: 1).indices.item())]
            }
            let total = try #require(loss)
            try total.backward()
            optimizer.step()
            losses.append(try total.item())
            predictions.append(predicted)
        }
        Self.expectLosses(losses, predictions, expected)
    }

    /// Programs 2 and 3: `logits` runs the model over the whole sequence, giving (5, 4).
    static func train(_ optimizer: any Optimizer, logits: () throws -> Tensor) throws -> (losses: [Double], predictions: [String]) {
        let labels = try Tensor(int64s: yData, shape: Shape([5]))
        let criterion = CrossEntropyLoss()
        var losses: [Double] = []
        var predictions: [String] = []
        for _ in 0..<15 {
            optimizer.zeroGrad()
            let outputs = try logits()
            let loss = try criterion(outputs, labels)
            try loss.backward()
            optimizer.step()
            let idx = try outputs.max(dim: 1).indices.int64s
            losses.append(try loss.item())
            predictions.append(idx.map { idx2char[Int($0)] }.joined())
        }
        return (losses, predictions)
    }

    @Test func rnnProgram() throws {
        let expected = try #require(try Fixtures.index().lesson["rnn"])
        let data = try Fixtures.tensors("lesson.safetensors")
        let rnn = try RNN(inputSize: 4, hiddenSize: 4, numLayers: 1, generator: Generator(seed: 0))
        try rnn.loadStateDict(Self.state(data, "rnn/"))
        let inputs = try Self.oneHotInputs().view([5, 1, 4])
        let (losses, predictions) = try Self.train(try Adam(rnn.parameters(), lr: 0.1)) {
            let (out, _) = try rnn(inputs, Tensor.zeros([1, 1, 4]))
            return try out.view([-1, 4])
        }
        Self.expectLosses(losses, predictions, expected)
    }

    @Test func embeddingProgram() throws {
        let expected = try #require(try Fixtures.index().lesson["embedding"])
        let data = try Fixtures.tensors("lesson.safetensors")
        let g = Generator(seed: 0)
        let emb = try Embedding(numEmbeddings: 4, embeddingDim: 10, generator: g)
        let rnn = try RNN(inputSize: 10, hiddenSize: 8, numLayers: 2, batchFirst: true, generator: g)
        let fc = try Linear(inFeatures: 8, outFeatures: 4, generator: g)
        try emb.loadStateDict(Self.state(data, "embedding/emb."))
        try rnn.loadStateDict(Self.state(data, "embedding/rnn."))
        try fc.loadStateDict(Self.state(data, "embedding/fc."))
        let inputs = try Tensor(int64s: Self.xData, shape: Shape([1, 5]))
        let optimizer = try Adam(emb.parameters() + rnn.parameters() + fc.parameters(), lr: 0.05)
        let (losses, predictions) = try Self.train(optimizer) {
            let hidden = try Tensor.zeros([2, inputs.size(0), 8])
            let (x, _) = try rnn(emb(inputs), hidden)
            return try fc(x).view([-1, 4])
        }
        Self.expectLosses(losses, predictions, expected)
    }
}
