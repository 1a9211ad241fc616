import Tensors
import Script

/// `torch`'s sampling functions, seeding and generators, drawn from the workspace's default
/// generator or a `generator=` argument, with PyTorch's streams.
package enum TorchRandom {
    static func fill(_ interpreter: Interpreter, _ ns: inout [String: Value]) {
        var table: [String: Value] = [:]
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping BuiltinFunction.Body) {
            table[name] = .builtin(BuiltinFunction(name, signature: "torch." + signature, doc: doc, body))
        }
        let creationKeywords = ["dtype", "requires_grad", "device", "generator", "out", "layout", "pin_memory"]
        for name in ["rand", "randn"] {
            add(name, "\(name)(*size, *, generator=None, dtype=None, requires_grad=False)", name == "randn"
                ? "Returns a tensor of samples from the standard normal distribution (PyTorch's stream for the same seed)."
                : "Returns a tensor of samples from the uniform distribution on [0, 1) (PyTorch's stream for the same seed).") { interpreter, a throws(ScriptError) in
                try a.expect(name, 0...Int.max, keywords: creationKeywords)
                let dims = try interpreter.dims(a.positional)
                let dtype = try interpreter.dtype(a.keyword("dtype")) ?? DefaultDType.current
                let t = try tensorCall { () throws(TensorError) in try Tensor.zeros(dims, dtype: dtype) }
                try fillSample(name, t, interpreter, a)
                return try interpreter.finishCreation(t, a)
            }
        }
        for name in ["rand_like", "randn_like"] {
            add(name, "\(name)(input, *, dtype=None, requires_grad=False)", "Like \(name.dropLast(5)) with the shape of input.") { interpreter, a throws(ScriptError) in
                try a.expect(name, 1...1, keywords: ["dtype", "requires_grad", "device", "layout", "memory_format"])
                let input = try interpreter.tensor(a.positional[0])
                let dtype = try interpreter.dtype(a.keyword("dtype")) ?? input.dtype
                let t = try tensorCall { () throws(TensorError) in try Tensor.zeros(input.shape.dims, dtype: dtype) }
                try fillSample(String(name.dropLast(5)), t, interpreter, a)
                return try interpreter.finishCreation(t, a)
            }
        }
        // PyTorch's `empty` leaves memory uninitialised; Recur's holds zeros, which the
        // in-place samplers and nn.init then overwrite.
        add("empty", "empty(*size, dtype=None, requires_grad=False)", "Returns a tensor of the given shape to be filled (zeros in Recur).") { interpreter, a throws(ScriptError) in
            try a.expect("empty", 0...Int.max, keywords: ["dtype", "requires_grad", "device", "layout", "pin_memory", "memory_format", "out"])
            let dims = try interpreter.dims(a.positional)
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? DefaultDType.current
            return try interpreter.finishCreation(try tensorCall { () throws(TensorError) in try Tensor.zeros(dims, dtype: dtype) }, a)
        }
        add("empty_like", "empty_like(input, dtype=None)", "A tensor of input's shape to be filled (zeros in Recur).") { interpreter, a throws(ScriptError) in
            try a.expect("empty_like", 1...1, keywords: ["dtype", "requires_grad", "device", "layout", "memory_format"])
            let input = try interpreter.tensor(a.positional[0])
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? input.dtype
            return try interpreter.finishCreation(input.emptyLike(dtype: dtype), a)
        }
        add("randint", "randint(low=0, high, size, *, generator=None, dtype=torch.int64)", "Returns a tensor of random integers in [low, high).") { interpreter, a throws(ScriptError) in
            try a.expect("randint", 1...3, keywords: ["low", "high", "size"] + creationKeywords)
            var values = a.positional
            if let low = a.keyword("low") { values.insert(low, at: 0) }
            if let high = a.keyword("high") { values.append(high) }
            if let size = a.keyword("size") { values.append(size) }
            guard values.count == 2 || values.count == 3 else {
                throw .typeError("randint() received an invalid combination of arguments - expected (int low, int high, tuple of ints size) or (int high, tuple of ints size)")
            }
            if values.count == 2 { values.insert(.int(0), at: 0) }
            let low = try interpreter.indexValue(values[0]), high = try interpreter.indexValue(values[1])
            let dims = try interpreter.dims([values[2]])
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? .int64
            let g = try interpreter.generator(a)
            let t = try tensorCall { () throws(TensorError) in try Tensor.randint(low: Int64(low), high: Int64(high), dims, dtype: dtype, generator: g) }
            return try interpreter.finishCreation(t, a)
        }
        add("randint_like", "randint_like(input, low=0, high)", "Random integers in [low, high) with the shape and dtype of input.") { interpreter, a throws(ScriptError) in
            try a.expect("randint_like", 2...3, keywords: ["dtype", "requires_grad", "device", "layout", "memory_format"])
            let input = try interpreter.tensor(a.positional[0])
            let bounds = try a.positional.dropFirst().map { (v) throws(ScriptError) in try interpreter.indexValue(v) }
            let (low, high) = bounds.count == 2 ? (bounds[0], bounds[1]) : (0, bounds[0])
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? input.dtype
            let t = try tensorCall { () throws(TensorError) in
                try Tensor.randint(low: Int64(low), high: Int64(high), input.shape.dims, dtype: dtype, generator: interpreter.torch.generator)
            }
            return try interpreter.finishCreation(t, a)
        }
        add("randperm", "randperm(n, *, generator=None, dtype=torch.int64)", "Returns a random permutation of integers from 0 to n - 1.") { interpreter, a throws(ScriptError) in
            try a.expect("randperm", 1...1, keywords: creationKeywords)
            let n = try interpreter.indexValue(a.positional[0])
            try interpreter.checkAllocation(n)
            let dtype = try interpreter.dtype(a.keyword("dtype")) ?? .int64
            let g = try interpreter.generator(a)
            return try interpreter.finishCreation(try tensorCall { () throws(TensorError) in try Tensor.randperm(n, dtype: dtype, generator: g) }, a)
        }
        add("normal", "normal(mean, std, size=None, *, generator=None)",
            "Normal samples: (float, float, size), or elementwise means and/or stds given as tensors.") { interpreter, a throws(ScriptError) in
            try a.expect("normal", 1...3, keywords: ["mean", "std", "size"] + creationKeywords)
            return try interpreter.finishCreation(try normal(interpreter, a), a)
        }
        add("bernoulli", "bernoulli(input, p=None, *, generator=None)", "0/1 samples with the probabilities in input (or p).") { interpreter, a throws(ScriptError) in
            try a.expect("bernoulli", 1...2, keywords: ["p", "generator", "out"])
            let input = try interpreter.tensor(a.positional[0])
            let g = try interpreter.generator(a)
            if let p = try interpreter.doubleArgument(a.value(1, "p"), "p") {
                let t = input.zerosLike()
                try tensorCall { () throws(TensorError) in try t.bernoulli(probability: p, generator: g) }
                return interpreter.wrap(t)
            }
            return interpreter.wrap(try tensorCall { () throws(TensorError) in try input.bernoulliSample(generator: g) })
        }
        add("multinomial", "multinomial(input, num_samples, replacement=False, *, generator=None)",
            "Samples category indices from the weights in each row of input.") { interpreter, a throws(ScriptError) in
            try a.expect("multinomial", 2...3, keywords: ["replacement", "generator", "out"])
            let input = try interpreter.tensor(a.positional[0])
            return try multinomial(input, Arguments(Array(a.positional.dropFirst()), keywords: a.keywords), interpreter)
        }
        add("manual_seed", "manual_seed(seed)", "Seeds the default generator; the same seed gives PyTorch's numbers.") { interpreter, a throws(ScriptError) in
            try a.expect("manual_seed", 1...1)
            interpreter.torch.generator.manualSeed(try TorchGeneratorObject.seed(a.positional[0], interpreter))
            return .object(interpreter.torch.defaultGenerator)
        }
        add("initial_seed", "initial_seed()", "The seed the default generator was last seeded with.") { interpreter, a throws(ScriptError) in
            try a.expect("initial_seed", 0...0)
            return TorchGeneratorObject.pythonInt(interpreter.torch.generator.initialSeed)
        }
        add("seed", "seed()", "Seeds the default generator nondeterministically and returns the seed.") { interpreter, a throws(ScriptError) in
            try a.expect("seed", 0...0)
            return TorchGeneratorObject.pythonInt(TorchGeneratorObject.reseed(interpreter.torch.generator))
        }
        add("get_rng_state", "get_rng_state()", "The default generator's state (an int64 tensor of its 5056 bytes).") { interpreter, a throws(ScriptError) in
            try a.expect("get_rng_state", 0...0)
            return interpreter.wrap(TorchGeneratorObject.stateTensor(interpreter.torch.generator))
        }
        add("set_rng_state", "set_rng_state(new_state)", "Restores a state from get_rng_state().") { interpreter, a throws(ScriptError) in
            try a.expect("set_rng_state", 1...1)
            try TorchGeneratorObject.restore(interpreter.torch.generator, from: a.positional[0], interpreter)
            return Value.none
        }
        let constructor = BuiltinFunction("Generator", signature: "torch.Generator(device='cpu')",
                                          doc: "A random generator with PyTorch's CPU stream, seeded with 67280421310721.") { interpreter, a throws(ScriptError) in
            try a.expect("Generator", 0...1, keywords: ["device"])
            if let device = a.value(0, "device") { try DeviceObject.check(device, interpreter: interpreter) }
            return .object(TorchGeneratorObject(Generator()))
        }
        let type = TypeObject(name: "Generator", bases: [interpreter.types.object], kind: .builtin, constructor: constructor, module: "torch")
        interpreter.types.registerNative(type, forTypeName: "Generator")
        type.addMethods(of: TorchGeneratorObject.self, qualifiedName: "torch._C.Generator")
        table["Generator"] = .type(type)
        table["default_generator"] = .object(interpreter.torch.defaultGenerator)
        for (key, value) in table { ns[key] = value }
    }

    /// Fills `t` from U(0, 1) (`rand`) or N(0, 1) (`randn`).
    static func fillSample(_ name: String, _ t: Tensor, _ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) {
        let g = try interpreter.generator(a)
        try tensorCall { () throws(TensorError) in
            if name == "randn" { try t.normal(generator: g) } else { try t.uniform(generator: g) }
        }
    }

    /// `torch.normal`'s four forms, each computed as ATen does (normal_ then mul_ / add_).
    static func normal(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Tensor {
        guard let meanValue = a.value(0, "mean") else { throw .typeError("normal() missing required argument 'mean'") }
        let stdValue = a.value(1, "std") ?? .float(1)
        let g = try interpreter.generator(a)
        func tensorOrNil(_ v: Value) -> Tensor? {
            if case .object(let o) = v, let t = o as? Tensor { return t }
            return nil
        }
        let meanTensor = tensorOrNil(meanValue), stdTensor = tensorOrNil(stdValue)
        if meanTensor == nil && stdTensor == nil {
            guard let size = a.value(2, "size") else {
                throw .typeError("normal() received an invalid combination of arguments - got (float, float), but expected one of: (float mean, float std, tuple of ints size)")
            }
            let dims = try interpreter.dims([size])
            let mean = try interpreter.doubleArgument(meanValue, "mean") ?? 0, std = try interpreter.doubleArgument(stdValue, "std") ?? 1
            return try tensorCall { () throws(TensorError) in try Tensor.normal(mean: mean, std: std, dims, generator: g) }
        }
        let meanScalar = meanTensor == nil ? try interpreter.doubleArgument(meanValue, "mean") ?? 0 : 0
        let stdScalar = stdTensor == nil ? try interpreter.doubleArgument(stdValue, "std") ?? 1 : 1
        return try tensorCall { () throws(TensorError) in
            if let stdTensor, stdTensor.floats.contains(where: { $0 < 0 }) {
                throw .other(.runtimeError, "normal expects all elements of std >= 0.0")
            }
            switch (meanTensor, stdTensor) {
            case (let mean?, let std?):
                let output = try Tensor.randn(try mean.add(std).shape.dims, generator: g)
                return try output.mul(std).add(mean).detach()
            case (let mean?, nil):
                let output = try Tensor.zeros(mean.shape.dims)
                try output.normal(mean: 0, std: stdScalar, generator: g)
                return try output.add(mean).detach()
            case (nil, let std?):
                let output = try Tensor.randn(std.shape.dims, generator: g)
                return try output.mul(std).arithmetic(.add, scalar: .float(meanScalar)).detach()
            case (nil, nil):
                return try Tensor.zeros([])
            }
        }
    }

    /// `torch.multinomial(input, ...)` / `input.multinomial(...)` from the arguments after input.
    static func multinomial(_ input: Tensor, _ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard let count = a.value(0, "num_samples") else { throw .typeError("multinomial() missing required argument 'num_samples'") }
        let n = try interpreter.indexValue(count)
        let replacement = try interpreter.boolArgument(a.value(1, "replacement"), default: false)
        let g = try interpreter.generator(a)
        return interpreter.wrap(try tensorCall { () throws(TensorError) in try input.multinomial(n, replacement: replacement, generator: g) })
    }
}

extension Interpreter {
    /// The `generator=` argument, or the workspace's default generator.
    package func generator(_ a: Arguments) throws(ScriptError) -> Generator {
        guard let value = a.keyword("generator"), !value.isNone else { return torch.generator }
        guard case .object(let object) = value, let g = object as? TorchGeneratorObject else {
            throw .typeError("generator must be torch.Generator, not \(value.typeName)")
        }
        return g.generator
    }

    /// `requires_grad=` applied to a new tensor.
    func finishCreation(_ t: Tensor, _ a: Arguments) throws(ScriptError) -> Value {
        if try boolArgument(a.keyword("requires_grad"), default: false) {
            try tensorCall { () throws(TensorError) in try t.requireGradAtCreation() }
        }
        return wrap(t)
    }
}
