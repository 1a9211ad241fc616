import Tensors
import Script

/// `torch.utils.data`'s samplers: `Sampler` (a base for user samplers), `SequentialSampler`,
/// `RandomSampler`, `SubsetRandomSampler`, drawing from generators as PyTorch's do.
package enum DataSamplers {
    static func classes(_ interpreter: Interpreter) -> [TypeObject] {
        let module = "torch.utils.data.sampler"
        let sampler = TorchData.makeClass("Sampler", bases: [interpreter.types.object], module: module, [
            "__init__": { _, a throws(ScriptError) in
                _ = try TorchData.receiver(Arguments(Array(a.positional.prefix(1)), keywords: []), "Sampler.__init__", 0)
                guard a.positional.count <= 2, a.keywords.allSatisfy({ $0.name == "data_source" }) else {
                    throw .typeError("Sampler.__init__() takes from 1 to 2 positional arguments but \(a.positional.count) were given")
                }
                return .none
            },
        ])
        let sequential = TorchData.makeClass("SequentialSampler", bases: [sampler], module: module, [
            "__init__": TorchData.attributeInit("SequentialSampler.__init__", ["data_source"]),
            "__iter__": { interpreter, a throws(ScriptError) in
                let (instance, _) = try TorchData.receiver(a, "__iter__", 0)
                let n = try interpreter.length(instance.attributes["data_source"] ?? .none)
                return .object(IteratorObject("range_iterator", counting(to: n)))
            },
            "__len__": { interpreter, a throws(ScriptError) in
                let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                return .int(try interpreter.length(instance.attributes["data_source"] ?? .none))
            },
        ])
        let random = TorchData.makeClass("RandomSampler", bases: [sampler], module: module, [
            "__init__": randomInit,
            "__iter__": { interpreter, a throws(ScriptError) in
                let (instance, _) = try TorchData.receiver(a, "__iter__", 0)
                let n = try interpreter.length(instance.attributes["data_source"] ?? .none)
                let count = try numSamples(instance, interpreter)
                let generator = try generatorObject(instance.attributes["generator"])
                return .object(IteratorObject("generator", try randomOrder(n, count: count, generator: generator, interpreter)))
            },
            "__len__": { interpreter, a throws(ScriptError) in
                let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                return .int(try numSamples(instance, interpreter))
            },
        ])
        let subsetRandom = TorchData.makeClass("SubsetRandomSampler", bases: [sampler], module: module, [
            "__init__": TorchData.attributeInit("SubsetRandomSampler.__init__", ["indices", "generator"], defaults: ["generator": .none]),
            "__iter__": { interpreter, a throws(ScriptError) in
                let (instance, _) = try TorchData.receiver(a, "__iter__", 0)
                let indices = instance.attributes["indices"] ?? .none
                let generator = try generatorObject(instance.attributes["generator"])?.generator ?? interpreter.torch.generator
                let n = try interpreter.length(indices)
                let order = try tensorCall { () throws(TensorError) in try Tensor.randperm(n, generator: generator) }.int64s
                let picked = try order.map { (i) throws(ScriptError) in try interpreter.item(indices, .int(Int(i))) }
                return .object(IteratorObject("generator", ArrayIterator(picked)))
            },
            "__len__": { interpreter, a throws(ScriptError) in
                let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                return .int(try interpreter.length(instance.attributes["indices"] ?? .none))
            },
        ])
        return [sampler, sequential, random, subsetRandom]
    }

    private static func randomInit(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        let (instance, values) = try TorchData.bind(a, "RandomSampler.__init__", ["data_source", "replacement", "num_samples", "generator"],
                                                    defaults: ["replacement": .bool(false), "num_samples": .none, "generator": .none])
        guard case .bool(let replacement) = values[1] else {
            throw .typeError("replacement should be a boolean value, but got replacement=\(try interpreter.str(values[1]))")
        }
        if replacement {
            throw ScriptError(.notImplementedError, "RandomSampler(replacement=True) is not provided by Recur; sample indices with torch.randint")
        }
        instance.attributes["data_source"] = values[0]
        instance.attributes["replacement"] = values[1]
        instance.attributes["_num_samples"] = values[2]
        instance.attributes["generator"] = values[3]
        _ = try generatorObject(values[3])
        let count = try numSamples(instance, interpreter)
        if count <= 0 { throw .valueError("num_samples should be a positive integer value, but got num_samples=\(count)") }
        return .none
    }

    private static func numSamples(_ instance: InstanceObject, _ interpreter: Interpreter) throws(ScriptError) -> Int {
        if let given = instance.attributes["_num_samples"], !given.isNone {
            guard case .int(let count) = given else {
                throw .valueError("num_samples should be a positive integer value, but got num_samples=\(try interpreter.str(given))")
            }
            return count
        }
        return try interpreter.length(instance.attributes["data_source"] ?? .none)
    }

    /// 0, 1, ..., n - 1, made as they are asked for (a dataset's length may be huge).
    static func counting(to n: Int) -> any ValueIterator {
        var next = 0
        return ClosureIterator { _ throws(ScriptError) -> Value? in
            guard next < n else { return nil }
            defer { next += 1 }
            return .int(next)
        }
    }

    static func generatorObject(_ value: Value?) throws(ScriptError) -> TorchGeneratorObject? {
        guard let value, !value.isNone else { return nil }
        guard case .object(let object) = value, let g = object as? TorchGeneratorObject else {
            throw .typeError("generator must be torch.Generator, not \(value.typeName)")
        }
        return g
    }

    /// `RandomSampler.__iter__` without replacement: a generator of its own seeded from the
    /// default one unless given, `count / n` permutations and the head of one more, that last
    /// permutation drawn (even when empty) once the earlier ones run out.
    static func randomOrder(_ n: Int, count: Int, generator: TorchGeneratorObject?,
                            _ interpreter: Interpreter) throws(ScriptError) -> any ValueIterator {
        let permuter: Generator
        if let generator {
            permuter = generator.generator
        } else {
            permuter = Generator(seed: UInt64(bitPattern: try DataLoaderState.drawSeed(interpreter.torch.generator)))
        }
        guard n > 0 else { return ArrayIterator([]) }
        var full = count / n
        var order: [Int64] = []
        var position = 0
        var finished = false
        return ClosureIterator { _ throws(ScriptError) -> Value? in
            while position >= order.count {
                if finished { return nil }
                order = try tensorCall { () throws(TensorError) in try Tensor.randperm(n, generator: permuter) }.int64s
                position = 0
                if full > 0 {
                    full -= 1
                } else {
                    order = Array(order.prefix(count % n))
                    finished = true
                }
            }
            defer { position += 1 }
            return .int(Int(order[position]))
        }
    }
}
