import Tensors

/// The in-place samplers and sampling methods of `Tensor` (`uniform_`, `normal_`, `random_`,
/// `bernoulli_`, `exponential_`, `bernoulli`, `multinomial`), each taking `generator=`.
extension Tensor {
    static let randomMethodNames = ["bernoulli", "bernoulli_", "exponential_", "multinomial", "normal_", "random_", "uniform_"]

    /// The sampling method `name`, or nil when `name` is not one.
    func randomMethod(_ name: String, _ a: Arguments, interpreter: Interpreter) throws(ScriptError) -> Value? {
        func number(_ index: Int, _ key: String, _ fallback: Double) throws(ScriptError) -> Double {
            try interpreter.doubleArgument(a.value(index, key), key) ?? fallback
        }
        func inPlace(_ keys: [String], _ body: (Generator) throws(TensorError) -> Void) throws(ScriptError) -> Value {
            try a.expect(name, 0...keys.count, keywords: keys + ["generator"])
            let g = try interpreter.generator(a)
            try tensorCall { () throws(TensorError) in try body(g) }
            return .object(self)
        }
        switch name {
        case "uniform_":
            let (from, to) = (try number(0, "from", 0), try number(1, "to", 1))
            return try inPlace(["from", "to"]) { (g) throws(TensorError) in try self.uniform(from: from, to: to, generator: g) }
        case "normal_":
            let (mean, std) = (try number(0, "mean", 0), try number(1, "std", 1))
            return try inPlace(["mean", "std"]) { (g) throws(TensorError) in try self.normal(mean: mean, std: std, generator: g) }
        case "exponential_":
            let lambda = try number(0, "lambd", 1)
            return try inPlace(["lambd"]) { (g) throws(TensorError) in try self.exponential(lambda: lambda, generator: g) }
        case "random_":
            // random_(), random_(to), random_(from, to)
            let bounds = try a.positional.map { (v) throws(ScriptError) in Int64(try interpreter.indexValue(v)) }
            let keywordFrom = try interpreter.intArgument(a.keyword("from"), "from").map(Int64.init)
            let keywordTo = try interpreter.intArgument(a.keyword("to"), "to").map(Int64.init)
            let from = bounds.count == 2 ? bounds[0] : keywordFrom
            let to = bounds.count == 2 ? bounds[1] : (bounds.first ?? keywordTo)
            return try inPlace(["from", "to"]) { (g) throws(TensorError) in
                try self.random(from: to == nil ? nil : (from ?? 0), to: to, generator: g)
            }
        case "bernoulli_":
            let p = a.value(0, "p") ?? .float(0.5)
            if case .object(let object) = p, let probabilities = object as? Tensor {
                return try inPlace(["p"]) { (g) throws(TensorError) in try self.bernoulli(probabilities: probabilities, generator: g) }
            }
            let probability = try number(0, "p", 0.5)
            return try inPlace(["p"]) { (g) throws(TensorError) in try self.bernoulli(probability: probability, generator: g) }
        case "bernoulli":
            try a.expect(name, 0...1, keywords: ["p", "generator"])
            let g = try interpreter.generator(a)
            if let p = try interpreter.doubleArgument(a.value(0, "p"), "p") {
                let t = zerosLike()
                try tensorCall { () throws(TensorError) in try t.bernoulli(probability: p, generator: g) }
                return interpreter.wrap(t)
            }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try self.bernoulliSample(generator: g) })
        case "multinomial":
            try a.expect(name, 1...2, keywords: ["num_samples", "replacement", "generator"])
            return try TorchRandom.multinomial(self, a, interpreter)
        default:
            return nil
        }
    }
}
