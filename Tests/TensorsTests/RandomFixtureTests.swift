import Testing
@testable import Tensors

/// Every sampler against PyTorch's CPU generator, bit for bit, replaying the fixture's call
/// sequences on one stream per seed.
@Suite struct RandomFixtureTests {


    static func dtype(_ name: String?) -> DType {
        switch name {
        case "int64": .int64
        case "bool": .bool
        default: .float32
        }
    }

    /// Replays one fixture call (the same names as the script's `run`).
    static func run(_ call: RandomFixtures.Call, _ g: Generator) throws -> Tensor {
        let a = call.second
        let shape = a["shape"]?.ints ?? []
        switch call.first {
        case "rand": return try Tensor.rand(shape, generator: g)
        case "randn": return try Tensor.randn(shape, generator: g)
        case "normal": return try Tensor.normal(mean: a["mean"]?.double ?? 0, std: a["std"]?.double ?? 1, shape, generator: g)
        case "randint":
            return try Tensor.randint(low: a["low"]?.int64 ?? 0, high: a["high"]?.int64 ?? 0, shape, dtype: dtype(a["dtype"]?.string), generator: g)
        case "randperm": return try Tensor.randperm(a["n"]?.int ?? 0, generator: g)
        case "uniform_":
            let t = try Tensor.zeros(shape)
            try t.uniform(from: a["from"]?.double ?? 0, to: a["to"]?.double ?? 1, generator: g)
            return t
        case "normal_":
            let t = try Tensor.zeros(shape)
            try t.normal(mean: a["mean"]?.double ?? 0, std: a["std"]?.double ?? 1, generator: g)
            return t
        case "exponential_":
            let t = try Tensor.zeros(shape)
            try t.exponential(lambda: a["lambda"]?.double ?? 1, generator: g)
            return t
        case "random_":
            let t = try Tensor.zeros(shape, dtype: dtype(a["dtype"]?.string))
            try t.random(from: a["from"]?.int64, to: a["to"]?.int64, generator: g)
            return t
        case "bernoulli_":
            let t = try Tensor.zeros(shape, dtype: dtype(a["dtype"]?.string))
            try t.bernoulli(probability: a["p"]?.double ?? 0, generator: g)
            return t
        case "bernoulli":
            return try Tensor(try #require(a["p"]).nested, dtype: .float32).bernoulliSample(generator: g)
        case "multinomial":
            let weights = try Tensor(try #require(a["weights"]).nested, dtype: .float32)
            return try weights.multinomial(a["n"]?.int ?? 0, replacement: a["replacement"]?.bool ?? false, generator: g)
        case "dropout":
            let count = shape.reduce(1, *)
            let input = try Tensor(floats: (1...count).map(Float.init), shape: Shape(shape))
            return try Functional.dropout(input, p: a["p"]?.double ?? 0.5, generator: g)
        case "state":
            return try Tensor(int64s: g.state.map(Int64.init), shape: Shape([Generator.stateByteCount]))
        default:
            throw FixtureError.missing(call.first)
        }
    }

    static func replay(_ stream: RandomFixtures.Stream) throws {
        let g = Generator(seed: UInt64(bitPattern: stream.seed))
        if let initial = stream.initial_seed { #expect(g.initialSeed == initial) }
        for (call, expected) in zip(stream.calls, stream.results) {
            let actual = try run(call, g)
            if call.first == "state" {
                #expect(actual.int64s == expected.values, "seed \(stream.seed): state")
            } else {
                #expect(expected.matches(actual), "seed \(stream.seed): \(call.first) \(call.second) gave \(actual.shape) \(actual.dtype)")
            }
        }
    }

    @Test func everySamplerMatchesPyTorch() throws {
        let fixtures = try RandomFixtures.load()
        #expect(fixtures.streams.count >= 4)
        for stream in fixtures.streams { try Self.replay(stream) }
    }

    @Test func millionsOfNormalsMatchPyTorch() throws {
        let cases = try RandomFixtures.load().large
        #expect(cases.count == 2)
        for c in cases {
            let g = Generator(seed: c.seed)
            #expect(RandomFixtures.checksum(try Tensor.randn([1_000_003], generator: g).floats) == c.randn)
            #expect(RandomFixtures.checksum(try Tensor.rand([1_000_000], generator: g).floats) == c.rand)
            #expect(RandomFixtures.checksum(try Tensor.randn([5], generator: g).floats) == c.after)
        }
    }

    @Test func dropoutMasksMatchPyTorch() throws {
        for stream in try RandomFixtures.load().dropouts { try Self.replay(stream) }
    }

    @Test func stateRoundTripsAndRestoresTheStream() throws {
        let fixtures = try RandomFixtures.load()
        #expect(Generator.stateByteCount == fixtures.state_size)
        #expect(Generator().initialSeed == fixtures.default_seed)
        let g = Generator(seed: 9)
        _ = try Tensor.randn([3], generator: g)   // leaves a cached normal in the state
        let saved = g.state
        let first = try Tensor.randn([5], generator: g).floats
        let other = Generator(seed: 1)
        try other.setState(saved)
        #expect(other.state == saved)
        #expect(try Tensor.randn([5], generator: other).floats == first)
        #expect(throws: TensorError.self) { try other.setState([0, 1, 2]) }
    }
}
