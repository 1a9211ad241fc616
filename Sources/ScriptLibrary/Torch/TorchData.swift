import Tensors
import Script

/// Fills `torch.utils.data`: the dataset classes (script classes user datasets derive from),
/// `DataLoader`, `random_split` and `default_collate`.
package enum TorchData {
    /// The classes, made once per workspace so `isinstance` holds across imports.
    package final class Types {
        let dataset: TypeObject
        let iterableDataset: TypeObject
        let chainDataset: TypeObject
        let tensorDataset: TypeObject
        package let subset: TypeObject
        let concatDataset: TypeObject
        let dataLoader: TypeObject

        init(_ interpreter: Interpreter) {
            let object = interpreter.types.object
            dataset = TorchData.makeClass("Dataset", bases: [object], module: "torch.utils.data.dataset", [
                "__getitem__": { _, _ throws(ScriptError) in
                    throw ScriptError(.notImplementedError, "Subclasses of Dataset should implement __getitem__.")
                },
                "__add__": { interpreter, a throws(ScriptError) in
                    try interpreter.instantiate(interpreter.torchData.concatDataset, Arguments([.list(ListObject(a.positional))]))
                },
            ])
            iterableDataset = TorchData.makeClass("IterableDataset", bases: [dataset], module: "torch.utils.data.dataset", [
                "__add__": { interpreter, a throws(ScriptError) in
                    try interpreter.instantiate(interpreter.torchData.chainDataset, Arguments([.list(ListObject(a.positional))]))
                },
            ])
            chainDataset = TorchData.makeClass("ChainDataset", bases: [iterableDataset], module: "torch.utils.data.dataset", [
                "__init__": TorchData.attributeInit("ChainDataset.__init__", ["datasets"]),
                "__iter__": TorchData.chainIterator,
                "__len__": { interpreter, a throws(ScriptError) in
                    let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                    var total = 0
                    for dataset in try TorchData.chained(instance, interpreter) {
                        let (sum, overflow) = total.addingReportingOverflow(try interpreter.length(dataset))
                        if overflow { throw ScriptError(.overflowError, "cannot fit 'int' into an index-sized integer") }
                        total = sum
                    }
                    return .int(total)
                },
            ])
            tensorDataset = TorchData.makeClass("TensorDataset", bases: [dataset], module: "torch.utils.data.dataset", [
                "__init__": TorchData.tensorDatasetInit,
                "__getitem__": { interpreter, a throws(ScriptError) in
                    let (instance, index) = try TorchData.receiver(a, "__getitem__", 1)
                    let tensors = try interpreter.iterate(instance.attributes["tensors"] ?? .tuple([]))
                    return .tuple(try tensors.map { (t) throws(ScriptError) in try interpreter.item(t, index[0]) })
                },
                "__len__": { interpreter, a throws(ScriptError) in
                    let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                    guard let first = try interpreter.iterate(instance.attributes["tensors"] ?? .tuple([])).first else {
                        throw ScriptError(.indexError, "tuple index out of range")
                    }
                    return .int(try TorchData.length(of: interpreter.tensor(first)))
                },
            ])
            subset = TorchData.makeClass("Subset", bases: [dataset], module: "torch.utils.data.dataset", [
                "__init__": TorchData.attributeInit("Subset.__init__", ["dataset", "indices"]),
                "__getitem__": { interpreter, a throws(ScriptError) in
                    let (instance, index) = try TorchData.receiver(a, "__getitem__", 1)
                    let dataset = instance.attributes["dataset"] ?? .none
                    let indices = instance.attributes["indices"] ?? .none
                    if case .list(let many) = index[0] {
                        let mapped = try many.items.map { (i) throws(ScriptError) in try interpreter.item(indices, i) }
                        return try interpreter.item(dataset, .list(ListObject(mapped)))
                    }
                    return try interpreter.item(dataset, try interpreter.item(indices, index[0]))
                },
                "__len__": { interpreter, a throws(ScriptError) in
                    let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                    return .int(try interpreter.length(instance.attributes["indices"] ?? .none))
                },
            ])
            concatDataset = TorchData.makeClass("ConcatDataset", bases: [dataset], module: "torch.utils.data.dataset", [
                "__init__": TorchData.concatDatasetInit,
                "__getitem__": TorchData.concatDatasetItem,
                "__len__": { interpreter, a throws(ScriptError) in
                    let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                    return try TorchData.cumulativeSizes(instance, interpreter).last.map { .int($0) } ?? .int(0)
                },
            ])
            dataLoader = TorchData.makeClass("DataLoader", bases: [object], module: "torch.utils.data.dataloader", [
                "__init__": { interpreter, a throws(ScriptError) in try DataLoaderState.initialize(a, interpreter) },
                "__iter__": { interpreter, a throws(ScriptError) in
                    let (instance, _) = try TorchData.receiver(a, "__iter__", 0)
                    return try DataLoaderState.of(instance).iterator(interpreter)
                },
                "__len__": { interpreter, a throws(ScriptError) in
                    let (instance, _) = try TorchData.receiver(a, "__len__", 0)
                    return .int(try DataLoaderState.of(instance).batchCount(interpreter))
                },
            ])
        }
    }

    static func fill(_ interpreter: Interpreter, _ module: ModuleObject) throws(ScriptError) {
        let types = interpreter.torchData
        for type in [types.dataset, types.iterableDataset, types.chainDataset, types.tensorDataset, types.subset, types.concatDataset, types.dataLoader] {
            module.namespace[type.name] = .type(type)
        }
        for type in DataSamplers.classes(interpreter) { module.namespace[type.name] = .type(type) }
        module.namespace["random_split"] = .builtin(BuiltinFunction(
            "random_split", signature: "torch.utils.data.random_split(dataset, lengths, generator=default_generator)",
            doc: "Splits a dataset into non-overlapping Subsets of the given lengths (or fractions), in a random order.") { interpreter, a throws(ScriptError) in
            try TorchData.randomSplit(a, interpreter)
        })
        module.namespace["default_collate"] = .builtin(BuiltinFunction(
            "default_collate", signature: "torch.utils.data.default_collate(batch)",
            doc: "Merges a list of samples into a batch as DataLoader does: tensors stacked, numbers made tensors, tuples and dicts collated by position and key.") { interpreter, a throws(ScriptError) in
            try a.expect("default_collate", 1...1)
            return try DataCollation.collate(a.positional[0], interpreter)
        })
    }

    /// A script class whose methods are builtins taking the instance first, so user classes
    /// derive from it and override its methods as they would a class written in Python.
    static func makeClass(_ name: String, bases: [TypeObject], module: String,
                          _ methods: [String: BuiltinFunction.Body]) -> TypeObject {
        var namespace: [String: Value] = [:]
        for (method, body) in methods {
            namespace[method] = .builtin(BuiltinFunction(method, signature: "\(name).\(method)(self, ...)", body))
        }
        return TypeObject(name: name, bases: bases, namespace: namespace, kind: .user, module: module)
    }

    /// The instance a method was called on and its other arguments (positional, or by `names`).
    static func receiver(_ a: Arguments, _ name: String, _ count: Int, names: [String] = []) throws(ScriptError) -> (InstanceObject, [Value]) {
        guard case .instance(let instance)? = a.positional.first else {
            throw .typeError("descriptor '\(name)' requires a dataset object")
        }
        var values = Array(a.positional.dropFirst())
        for entry in a.keywords {
            guard let position = names.firstIndex(of: entry.name), position == values.count else {
                throw .typeError("\(name)() got an unexpected keyword argument '\(entry.name)'")
            }
            values.append(entry.value)
        }
        guard values.count == count else {
            throw .typeError("\(name)() takes \(count + 1) positional arguments but \(values.count + 1) were given")
        }
        return (instance, values)
    }

    /// An `__init__` storing its arguments as attributes of the same names; trailing ones
    /// missing take `defaults`.
    static func attributeInit(_ qualified: String, _ names: [String], defaults: [String: Value] = [:]) -> BuiltinFunction.Body {
        { _, a throws(ScriptError) in
            let (instance, values) = try bind(a, qualified, names, defaults: defaults)
            for (name, value) in zip(names, values) { instance.attributes[name] = value }
            return .none
        }
    }

    /// The receiver and the values of `names`, positional or keyword, defaults filled in.
    static func bind(_ a: Arguments, _ qualified: String, _ names: [String],
                     defaults: [String: Value]) throws(ScriptError) -> (InstanceObject, [Value]) {
        let given = max(0, a.positional.count - 1)
        var keywords: [(name: String, value: Value)] = []
        for (position, name) in names.enumerated() where position >= given {
            if let value = a.keyword(name) ?? defaults[name] { keywords.append((name, value)) }
        }
        for entry in a.keywords where !names.contains(entry.name) { keywords.append(entry) }
        return try receiver(Arguments(a.positional, keywords: keywords), qualified, names.count, names: names)
    }

    private static func tensorDatasetInit(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        guard case .instance(let instance)? = a.positional.first else { throw .typeError("TensorDataset.__init__() needs an instance") }
        try Arguments([], keywords: a.keywords).expect("TensorDataset.__init__", 0...0)
        let tensors = Array(a.positional.dropFirst())
        let sizes = try tensors.map { (t) throws(ScriptError) in try length(of: interpreter.tensor(t)) }
        if let first = sizes.first, sizes.contains(where: { $0 != first }) {
            throw ScriptError(.assertionError, "Size mismatch between tensors")
        }
        instance.attributes["tensors"] = .tuple(tensors)
        return .none
    }

    private static func concatDatasetInit(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        let (instance, values) = try receiver(a, "ConcatDataset.__init__", 1, names: ["datasets"])
        let datasets = try interpreter.iterate(values[0])
        guard !datasets.isEmpty else { throw ScriptError(.assertionError, "datasets should not be an empty iterable") }
        let iterable = interpreter.torchData.iterableDataset
        var sizes: [Value] = []
        var total = 0
        for dataset in datasets {
            if interpreter.typeObject(of: dataset).isSubtype(of: iterable) {
                throw ScriptError(.assertionError, "ConcatDataset does not support IterableDataset")
            }
            let (sum, overflow) = total.addingReportingOverflow(try interpreter.length(dataset))
            if overflow { throw ScriptError(.overflowError, "cannot fit 'int' into an index-sized integer") }
            total = sum
            sizes.append(.int(total))
        }
        instance.attributes["datasets"] = .list(ListObject(datasets))
        instance.attributes["cumulative_sizes"] = .list(ListObject(sizes))
        return .none
    }

    /// `random_split(dataset, lengths, generator)`: lengths summing to the dataset's size, or
    /// fractions summing to 1 (floored, the remainder handed out round-robin), then one
    /// `randperm` of the whole, as PyTorch splits.
    static func randomSplit(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        try a.expect("random_split", 2...3, keywords: ["dataset", "lengths", "generator"])
        guard let dataset = a.value(0, "dataset"), let lengthsValue = a.value(1, "lengths") else {
            throw .typeError("random_split() missing 1 required positional argument: 'lengths'")
        }
        var generatorArguments = Arguments()
        if let g = a.value(2, "generator") { generatorArguments.keywords = [("generator", g)] }
        let generator = try interpreter.generator(generatorArguments)
        let given = try interpreter.iterate(lengthsValue)
        let total = try interpreter.length(dataset)
        var fractions: [Double] = []
        for value in given {
            guard let number = value.numericValue else {
                throw .typeError("unsupported operand type(s) for +: 'int' and '\(value.typeName)'")
            }
            fractions.append(number)
        }
        let sum = fractions.reduce(0, +)
        var lengths: [Int] = []
        if abs(sum - 1) <= 1e-9 * max(1, abs(sum)) && sum <= 1 {
            for (position, fraction) in fractions.enumerated() {
                if fraction < 0 || fraction > 1 { throw .valueError("Fraction at index \(position) is not between 0 and 1") }
                lengths.append(Int((Double(total) * fraction).rounded(.down)))
            }
            let remainder = total - lengths.reduce(0, +)
            if !lengths.isEmpty { for i in 0..<max(0, remainder) { lengths[i % lengths.count] += 1 } }
            for (position, length) in lengths.enumerated() where length == 0 {
                try interpreter.warn("Length of split at index \(position) is 0. This might result in an empty dataset.", category: .userWarning)
            }
        } else {
            lengths = try given.map { (v) throws(ScriptError) in try interpreter.indexValue(v) }
        }
        var lengthSum = 0
        for length in lengths {
            let (next, overflow) = lengthSum.addingReportingOverflow(length)
            lengthSum = overflow ? Int.max : next
        }
        guard lengthSum == total, lengths.allSatisfy({ $0 >= 0 }) else {
            throw .valueError("Sum of input lengths does not equal the length of the input dataset!")
        }
        let order = try tensorCall { () throws(TensorError) in try Tensor.randperm(total, generator: generator) }.int64s
        var subsets: [Value] = []
        var offset = 0
        for length in lengths {
            let indices = order[offset..<(offset + length)].map { Value.int(Int($0)) }
            subsets.append(try interpreter.instantiate(interpreter.torchData.subset, Arguments([dataset, .list(ListObject(indices))])))
            offset += length
        }
        return .list(ListObject(subsets))
    }

    /// A ChainDataset's datasets, each checked to be iterable as PyTorch asserts.
    static func chained(_ instance: InstanceObject, _ interpreter: Interpreter) throws(ScriptError) -> [Value] {
        let datasets = try interpreter.iterate(instance.attributes["datasets"] ?? .list(ListObject([])))
        for dataset in datasets where !interpreter.typeObject(of: dataset).isSubtype(of: interpreter.torchData.iterableDataset) {
            throw ScriptError(.assertionError, "ChainDataset only supports IterableDataset")
        }
        return datasets
    }

    /// `iter(chain)`: each dataset's items in turn, each dataset opened when reached.
    private static func chainIterator(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        let (instance, _) = try receiver(a, "__iter__", 0)
        var pending: [Value]?
        var current: (any ValueIterator)?
        let step = ClosureIterator { interpreter throws(ScriptError) -> Value? in
            if pending == nil { pending = try interpreter.iterate(instance.attributes["datasets"] ?? .list(ListObject([]))) }
            while true {
                if let current, let next = try current.next(interpreter: interpreter) { return next }
                guard let dataset = pending?.first else { return nil }
                pending?.removeFirst()
                if !interpreter.typeObject(of: dataset).isSubtype(of: interpreter.torchData.iterableDataset) {
                    throw ScriptError(.assertionError, "ChainDataset only supports IterableDataset")
                }
                current = try interpreter.makeIterator(dataset)
            }
        }
        return .object(IteratorObject("generator", step))
    }

    /// `tensor.size(0)`, PyTorch's error for a 0-d tensor included.
    package static func length(of tensor: Tensor) throws(ScriptError) -> Int {
        try tensorCall { () throws(TensorError) in try tensor.size(0) }
    }

    static func cumulativeSizes(_ instance: InstanceObject, _ interpreter: Interpreter) throws(ScriptError) -> [Int] {
        try interpreter.iterate(instance.attributes["cumulative_sizes"] ?? .list(ListObject([]))).map { (v) throws(ScriptError) in
            try interpreter.indexValue(v)
        }
    }

    private static func concatDatasetItem(_ interpreter: Interpreter, _ a: Arguments) throws(ScriptError) -> Value {
        let (instance, values) = try receiver(a, "__getitem__", 1)
        let sizes = try cumulativeSizes(instance, interpreter)
        let total = sizes.last ?? 0
        var index = try interpreter.indexValue(values[0])
        if index < 0 {
            if -index > total { throw .valueError("absolute value of index should not exceed dataset length") }
            index += total
        }
        // bisect_right over the cumulative sizes, as PyTorch finds the dataset.
        let which = sizes.firstIndex { $0 > index } ?? sizes.count
        let datasets = try interpreter.iterate(instance.attributes["datasets"] ?? .list(ListObject([])))
        guard which < datasets.count else { throw .indexError("list index out of range") }
        let offset = which == 0 ? index : index - sizes[which - 1]
        return try interpreter.item(datasets[which], .int(offset))
    }
}

extension Interpreter {
    /// The workspace's `torch.utils.data` classes, made on first use.
    var torchData: TorchData.Types {
        let key = ObjectIdentifier(TorchData.Types.self)
        if let types = workspace.extensions[key] as? TorchData.Types { return types }
        let types = TorchData.Types(self)
        workspace.extensions[key] = types
        return types
    }
}
