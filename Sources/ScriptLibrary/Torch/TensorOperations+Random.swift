import Tensors
import Script

/// The declarations of the in-place samplers and sampling methods (`uniform_`, `normal_`,
/// `random_`, `bernoulli_`, `exponential_`, `bernoulli`, `multinomial`), each taking `generator=`.
extension TensorOperations {
    package static func number(_ a: Arguments, _ index: Int, _ key: String, _ fallback: Double, _ interpreter: Interpreter) throws(ScriptError) -> Double {
        try interpreter.doubleArgument(a.value(index, key), key) ?? fallback
    }

    /// A sampler that fills the tensor in place from the call's generator.
    static func sampler(_ name: String, _ parameters: [String],
                        _ body: @escaping @Sendable (Interpreter, Tensor, Arguments) throws(ScriptError) -> (Generator) throws(TensorError) -> Void) -> TensorOperation {
        .on(name, .method, parameters, keywordOnly: ["generator"]) { interpreter, t, a throws(ScriptError) in
            let fill = try body(interpreter, t, a)
            let g = try interpreter.generator(a)
            try tensorCall { () throws(TensorError) in try fill(g) }
            return .object(t)
        }
    }

    static let random: [TensorOperation] = [
        sampler("uniform_", ["from", "to"]) { interpreter, t, a throws(ScriptError) in
            let (from, to) = (try number(a, 0, "from", 0, interpreter), try number(a, 1, "to", 1, interpreter))
            return { (g) throws(TensorError) in try t.uniform(from: from, to: to, generator: g) }
        },
        sampler("normal_", ["mean", "std"]) { interpreter, t, a throws(ScriptError) in
            let (mean, std) = (try number(a, 0, "mean", 0, interpreter), try number(a, 1, "std", 1, interpreter))
            return { (g) throws(TensorError) in try t.normal(mean: mean, std: std, generator: g) }
        },
        sampler("exponential_", ["lambd"]) { interpreter, t, a throws(ScriptError) in
            let lambda = try number(a, 0, "lambd", 1, interpreter)
            return { (g) throws(TensorError) in try t.exponential(lambda: lambda, generator: g) }
        },
        sampler("random_", ["from", "to"]) { interpreter, t, a throws(ScriptError) in
            // random_(), random_(to), random_(from, to)
            let bounds = try a.positional.map { (v) throws(ScriptError) in Int64(try interpreter.indexValue(v)) }
            let keywordFrom = try interpreter.intArgument(a.keyword("from"), "from").map(Int64.init)
            let keywordTo = try interpreter.intArgument(a.keyword("to"), "to").map(Int64.init)
            let from = bounds.count == 2 ? bounds[0] : keywordFrom
            let to = bounds.count == 2 ? bounds[1] : (bounds.first ?? keywordTo)
            return { (g) throws(TensorError) in try t.random(from: to == nil ? nil : (from ?? 0), to: to, generator: g) }
        },
        sampler("bernoulli_", ["p"]) { interpreter, t, a throws(ScriptError) in
            if case .object(let object)? = a.value(0, "p"), let probabilities = object as? Tensor {
                return { (g) throws(TensorError) in try t.bernoulli(probabilities: probabilities, generator: g) }
            }
            let probability = try number(a, 0, "p", 0.5, interpreter)
            return { (g) throws(TensorError) in try t.bernoulli(probability: probability, generator: g) }
        },
        .on("bernoulli", .method, ["p"], keywordOnly: ["generator"]) { interpreter, t, a throws(ScriptError) in
            let g = try interpreter.generator(a)
            if let p = try interpreter.doubleArgument(a.value(0, "p"), "p") {
                let sample = t.zerosLike()
                try tensorCall { () throws(TensorError) in try sample.bernoulli(probability: p, generator: g) }
                return .object(sample)
            }
            return .object(try tensorCall { () throws(TensorError) in try t.bernoulliSample(generator: g) })
        },
        .on("multinomial", .method, ["num_samples", "replacement"], keywordOnly: ["generator"]) { interpreter, t, a throws(ScriptError) in
            try TorchRandom.multinomial(t, a, interpreter)
        },
    ]
}
