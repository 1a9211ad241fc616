import Tensors
import Script

/// What a `DataLoader` was made with; iteration runs in-process whatever `num_workers` says,
/// with PyTorch's draws from the generator so seeded shuffles give PyTorch's order.
package final class DataLoaderState {
    let dataset: Value
    /// nil: no batching (`batch_size=None`), each sample passed through as it is.
    let batchSize: Int?
    let shuffle: Bool
    let sampler: Value?
    package let dropLast: Bool
    let collateFn: Value?
    package let generator: TorchGeneratorObject?
    let workerInitFn: Value?
    let numWorkers: Int
    let isIterable: Bool

    private init(dataset: Value, batchSize: Int?, shuffle: Bool, sampler: Value?, dropLast: Bool, collateFn: Value?,
                 generator: TorchGeneratorObject?, workerInitFn: Value?, numWorkers: Int, isIterable: Bool) {
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.sampler = sampler
        self.dropLast = dropLast
        self.collateFn = collateFn
        self.generator = generator
        self.workerInitFn = workerInitFn
        self.numWorkers = numWorkers
        self.isIterable = isIterable
    }

    static let parameterNames = ["dataset", "batch_size", "shuffle", "sampler", "batch_sampler", "num_workers", "collate_fn",
                                 "pin_memory", "drop_last", "timeout", "worker_init_fn", "multiprocessing_context", "generator"]
    static let keywordOnly = ["prefetch_factor", "persistent_workers", "pin_memory_device", "in_order"]

    package static func of(_ instance: InstanceObject) throws(ScriptError) -> DataLoaderState {
        guard let state = instance.native as? DataLoaderState else {
            throw .attributeError("'\(instance.type.name)' object has no attribute '_index_sampler' (DataLoader.__init__() was not called)")
        }
        return state
    }

    /// `DataLoader.__init__(self, dataset, batch_size=1, shuffle=None, ...)`.
    package static func initialize(_ a: Arguments, _ interpreter: Interpreter) throws(ScriptError) -> Value {
        guard case .instance(let instance)? = a.positional.first else { throw .typeError("DataLoader.__init__() needs an instance") }
        let passed = Array(a.positional.dropFirst())
        guard passed.count <= parameterNames.count else {
            throw .typeError("DataLoader.__init__() takes from 2 to 14 positional arguments but \(passed.count + 1) were given")
        }
        var values: [String: Value] = [:]
        for (name, value) in zip(parameterNames, passed) { values[name] = value }
        for entry in a.keywords {
            guard parameterNames.contains(entry.name) || keywordOnly.contains(entry.name) else {
                throw .typeError("DataLoader.__init__() got an unexpected keyword argument '\(entry.name)'")
            }
            if values[entry.name] != nil { throw .typeError("DataLoader.__init__() got multiple values for argument '\(entry.name)'") }
            values[entry.name] = entry.value
        }
        guard let dataset = values["dataset"] else {
            throw .typeError("DataLoader.__init__() missing 1 required positional argument: 'dataset'")
        }
        func given(_ name: String) -> Value? { values[name].flatMap { $0.isNone ? nil : $0 } }
        let numWorkers = try interpreter.intArgument(given("num_workers"), "num_workers") ?? 0
        if numWorkers < 0 {
            throw .valueError("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.")
        }
        if numWorkers == 0, given("prefetch_factor") != nil {
            throw .valueError("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing, otherwise set prefetch_factor to None.")
        }
        if numWorkers == 0, try interpreter.boolArgument(values["persistent_workers"], default: false) {
            throw .valueError("persistent_workers option needs num_workers > 0")
        }
        if given("batch_sampler") != nil {
            throw ScriptError(.notImplementedError, "DataLoader(batch_sampler=...) is not provided by Recur; use batch_size=, shuffle=, sampler= and drop_last=")
        }
        let shuffle = try interpreter.boolArgument(values["shuffle"], default: false)
        let sampler = given("sampler")
        let isIterable = interpreter.typeObject(of: dataset).isSubtype(of: interpreter.torchData.iterableDataset)
        if isIterable {
            if shuffle { throw .valueError("DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=True") }
            if let sampler { throw .valueError("DataLoader with IterableDataset: expected unspecified sampler option, but got sampler=\(try interpreter.repr(sampler))") }
        }
        if sampler != nil && shuffle { throw .valueError("sampler option is mutually exclusive with shuffle") }
        if shuffle && sampler == nil && !isIterable {
            let n = try interpreter.length(dataset)
            if n <= 0 { throw .valueError("num_samples should be a positive integer value, but got num_samples=\(n)") }
        }
        var batchSize: Int?
        switch values["batch_size"] {
        case nil: batchSize = 1
        case .none?: batchSize = nil
        case let value?:
            let size = try? interpreter.indexValue(value)
            guard let size, size > 0, case .int = value else {
                throw .valueError("batch_size should be a positive integer value, but got batch_size=\(try interpreter.repr(value))")
            }
            batchSize = size
        }
        let dropLast = try interpreter.boolArgument(values["drop_last"], default: false)
        if batchSize == nil && dropLast {
            throw .valueError("batch_size=None option disables auto-batching and is mutually exclusive with drop_last")
        }
        var generator: TorchGeneratorObject?
        if let value = given("generator") {
            guard case .object(let object) = value, let g = object as? TorchGeneratorObject else {
                throw .typeError("generator must be torch.Generator, not \(value.typeName)")
            }
            generator = g
        }
        instance.native = DataLoaderState(dataset: dataset, batchSize: batchSize, shuffle: shuffle, sampler: sampler, dropLast: dropLast,
                                          collateFn: given("collate_fn"), generator: generator, workerInitFn: given("worker_init_fn"),
                                          numWorkers: numWorkers, isIterable: isIterable)
        instance.attributes["dataset"] = dataset
        instance.attributes["batch_size"] = batchSize.map { Value.int($0) } ?? Value.none
        instance.attributes["drop_last"] = .bool(dropLast)
        instance.attributes["num_workers"] = .int(numWorkers)
        instance.attributes["collate_fn"] = values["collate_fn"] ?? Value.none
        instance.attributes["generator"] = generator.map { Value.object($0) } ?? Value.none
        return .none
    }

    /// `len(loader)`: the number of batches an epoch yields.
    func batchCount(_ interpreter: Interpreter) throws(ScriptError) -> Int {
        let samples = try interpreter.length(sampler ?? dataset)
        guard let batchSize else { return samples }
        return samples / batchSize + (dropLast || samples % batchSize == 0 ? 0 : 1)
    }

    /// One epoch: `iter(loader)`.
    func iterator(_ interpreter: Interpreter) throws(ScriptError) -> Value {
        // PyTorch's iterator draws a base seed for its workers first, with or without them.
        let source = generator?.generator ?? interpreter.torch.generator
        _ = try Self.drawSeed(source)
        if numWorkers > 0, let workerInitFn {
            for worker in 0..<numWorkers { _ = try interpreter.call(workerInitFn, Arguments([.int(worker)])) }
        }
        let samples: () throws(ScriptError) -> any ValueIterator = isIterable
            ? { [dataset] () throws(ScriptError) in try interpreter.makeIterator(dataset) }
            : { [self] () throws(ScriptError) in try self.indexIterator(interpreter) }
        var pending: (any ValueIterator)?
        var finished = false
        let step = ClosureIterator { [self] interpreter throws(ScriptError) -> Value? in
            if finished { return nil }
            if pending == nil { pending = try samples() }
            guard let pending else { return nil }
            var batch: [Value] = []
            while batch.count < (batchSize ?? 1), let next = try pending.next(interpreter: interpreter) {
                batch.append(isIterable ? next : try interpreter.item(dataset, next))
            }
            if batch.isEmpty || (dropLast && batch.count < (batchSize ?? 1)) {
                finished = true
                return nil
            }
            guard batchSize != nil else { return batch[0] }
            if let collateFn { return try interpreter.call(collateFn, Arguments([.list(ListObject(batch))])) }
            return try DataCollation.collate(.list(ListObject(batch)), interpreter)
        }
        return .object(IteratorObject("_SingleProcessDataLoaderIter", step))
    }

    /// The sample indices of an epoch, as PyTorch's samplers give them.
    private func indexIterator(_ interpreter: Interpreter) throws(ScriptError) -> any ValueIterator {
        if let sampler { return try interpreter.makeIterator(sampler) }
        let n = try interpreter.length(dataset)
        guard shuffle else { return DataSamplers.counting(to: n) }
        return try DataSamplers.randomOrder(n, count: n, generator: generator, interpreter)
    }

    /// `torch.empty((), dtype=torch.int64).random_(generator=g).item()`.
    static func drawSeed(_ generator: Generator) throws(ScriptError) -> Int64 {
        try tensorCall { () throws(TensorError) in
            let cell = try Tensor.zeros([], dtype: .int64)
            try cell.random(generator: generator)
            return cell.int64s.first ?? 0
        }
    }
}
