import Testing
@testable import Tensors

/// `torch.manual_seed(s); layer = nn.X(...)` gives PyTorch's exact parameters, and leaves the
/// generator where PyTorch leaves it.
@Suite struct LayerInitFixtureTests {
    static func make(_ c: RandomFixtures.LayerCase, _ g: Generator) throws -> [(name: String, tensor: Tensor)] {
        let a = c.args
        func int(_ key: String) -> Int { a[key]?.int ?? 0 }
        let bias = a["bias"]?.bool ?? true
        let module: any Module
        switch c.type {
        case "Linear": module = try Linear(inFeatures: int("in_features"), outFeatures: int("out_features"), bias: bias, generator: g)
        case "Embedding": module = try Embedding(numEmbeddings: int("num_embeddings"), embeddingDim: int("embedding_dim"), generator: g)
        case "RNNCell": module = try RNNCell(inputSize: int("input_size"), hiddenSize: int("hidden_size"), bias: bias, generator: g)
        case "RNN":
            module = try RNN(inputSize: int("input_size"), hiddenSize: int("hidden_size"), numLayers: a["num_layers"]?.int ?? 1, bias: bias, generator: g)
        case "LSTM":
            module = try LSTM(inputSize: int("input_size"), hiddenSize: int("hidden_size"), numLayers: a["num_layers"]?.int ?? 1, bias: bias, generator: g)
        case "GRU":
            module = try GRU(inputSize: int("input_size"), hiddenSize: int("hidden_size"), numLayers: a["num_layers"]?.int ?? 1, bias: bias, generator: g)
        case "LSTMCell": module = try LSTMCell(inputSize: int("input_size"), hiddenSize: int("hidden_size"), bias: bias, generator: g)
        case "GRUCell": module = try GRUCell(inputSize: int("input_size"), hiddenSize: int("hidden_size"), bias: bias, generator: g)
        case "init":
            guard case .array(let calls) = a["calls"] else { throw FixtureError.missing("init calls") }
            return try calls.map { call in
                guard case .array(let pair) = call, pair.count == 2, let name = pair[0].string else { throw FixtureError.missing("init call") }
                return (name, try initialise(name, pair[1], g))
            }
        default: throw FixtureError.missing(c.type)
        }
        return module.namedParameters()
    }

    /// One `nn.init` call of the fixture on a fresh tensor.
    static func initialise(_ name: String, _ a: JSONValue, _ g: Generator) throws -> Tensor {
        let t = try Tensor.zeros(a["shape"]?.ints ?? [])
        func d(_ key: String) -> Double { a[key]?.double ?? 0 }
        func gainFunction() -> Tensor.GainFunction {
            switch a["nonlinearity"]?.string {
            case "relu": .relu
            case "tanh": .tanh
            default: .leakyRelu(slope: d("a"))
            }
        }
        let fanOut = a["mode"]?.string == "fan_out"
        switch name {
        case "uniform_": try t.uniform(from: d("a"), to: d("b"), generator: g)
        case "normal_": try t.normal(mean: d("mean"), std: d("std"), generator: g)
        case "xavier_uniform_": try t.xavierUniform(gain: d("gain"), generator: g)
        case "xavier_normal_": try t.xavierNormal(gain: d("gain"), generator: g)
        case "kaiming_uniform_": try t.kaimingUniform(gainFunction(), fanOut: fanOut, generator: g)
        case "kaiming_normal_": try t.kaimingNormal(gainFunction(), fanOut: fanOut, generator: g)
        case "zeros_": try t.assign([.ellipsis], value: Tensor(scalar: Float(0)))
        case "ones_": try t.assign([.ellipsis], value: Tensor(scalar: Float(1)))
        case "constant_": try t.assign([.ellipsis], value: Tensor(scalar: Float(d("val"))))
        default: throw FixtureError.missing(name)
        }
        return t
    }

    @Test func seededLayersHavePyTorchsParameters() throws {
        let fixtures = try RandomFixtures.load()
        #expect(fixtures.layers.count > 10)
        for c in fixtures.layers {
            let g = Generator(seed: UInt64(bitPattern: c.seed))
            let parameters = try Self.make(c, g)
            #expect(parameters.map(\.name) == c.parameters.map(\.first), "\(c.type) \(c.args)")
            for (actual, expected) in zip(parameters, c.parameters) {
                #expect(expected.second.matches(actual.tensor), "seed \(c.seed) \(c.type) \(c.args): \(expected.first)")
            }
            #expect(c.after.matches(try Tensor.rand([2], generator: g)), "seed \(c.seed) \(c.type): the stream after")
        }
    }
}
