/// `nn.ModuleList(modules)`: holds modules as children "0", "1", ... without calling them.
public final class ModuleList: Module {
    /// The modules in order.
    public var modules: [any Module]
    /// Training mode flag.
    public var isTraining = true

    /// Creates the container.
    public init(_ modules: [any Module] = []) {
        self.modules = modules
    }

    /// The same container over `copier`'s children.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(ModuleList(try modules.map { (m) throws(TensorError) in try copier.module(m) }))
    }

    /// "ModuleList"
    public var typeName: String { "ModuleList" }
    /// None of its own.
    public var ownParameters: [(name: String, tensor: Tensor)] { [] }
    /// "0", "1", ...
    public var children: [(name: String, module: any Module)] {
        modules.enumerated().map { (String($0.offset), $0.element) }
    }
    /// Empty.
    public var extraRepr: String { "" }

    /// PyTorch's `ModuleList.__repr__`: runs of modules that print alike are listed once,
    /// as `(0-2): 3 x Linear(...)`.
    public var description: String {
        let reprs = modules.map(\.description)
        guard let first = reprs.first else { return "ModuleList()" }
        var blocks: [(start: Int, end: Int, text: String)] = [(0, 0, first)]
        for (i, text) in reprs.enumerated().dropFirst() {
            if text == blocks[blocks.count - 1].text {
                blocks[blocks.count - 1].end = i
            } else {
                blocks.append((i, i, text))
            }
        }
        let lines = blocks.map { block in
            let head = block.start == block.end ? "(\(block.start)): " : "(\(block.start)-\(block.end)): \(block.end - block.start + 1) x "
            return (head + block.text).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }
                .joined(separator: "\n")
        }
        return "ModuleList(\n  " + lines.joined(separator: "\n  ") + "\n)"
    }

    /// A container is not called: PyTorch's error for a module without `forward`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        throw .other(.notImplementedError, "Module [ModuleList] is missing the required \"forward\" function")
    }
}

/// `nn.ModuleDict(modules)`: holds modules as children under string keys, in insertion order.
public final class ModuleDict: Module {
    /// The keys and modules in insertion order.
    public var entries: [(key: String, module: any Module)]
    /// Training mode flag.
    public var isTraining = true

    /// Creates the container.
    public init(_ entries: [(key: String, module: any Module)] = []) {
        self.entries = []
        for (key, module) in entries { set(key, module) }
    }

    /// Adds or replaces the module under `key` (a replaced key keeps its place, as in a dict).
    public func set(_ key: String, _ module: any Module) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].module = module
        } else {
            entries.append((key, module))
        }
    }

    /// The same container over `copier`'s children.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(ModuleDict(try entries.map { (e) throws(TensorError) in (e.key, try copier.module(e.module)) }))
    }

    /// "ModuleDict"
    public var typeName: String { "ModuleDict" }
    /// None of its own.
    public var ownParameters: [(name: String, tensor: Tensor)] { [] }
    /// The entries, by key.
    public var children: [(name: String, module: any Module)] { entries.map { ($0.key, $0.module) } }
    /// Empty.
    public var extraRepr: String { "" }

    /// A container is not called: PyTorch's error for a module without `forward`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        throw .other(.notImplementedError, "Module [ModuleDict] is missing the required \"forward\" function")
    }
}

/// `nn.ParameterList(values)`: holds parameters named "0", "1", ...
public final class ParameterList: Module {
    /// The parameters in order.
    public var values: [Tensor]
    /// Training mode flag.
    public var isTraining = true

    /// Creates the container.
    public init(_ values: [Tensor] = []) {
        self.values = values
    }

    /// The same container over `copier`'s parameters.
    public func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module {
        inSameMode(ParameterList(try values.map { (t) throws(TensorError) in try copier.tensor(t) }))
    }

    /// "ParameterList"
    public var typeName: String { "ParameterList" }
    /// "0", "1", ...
    public var ownParameters: [(name: String, tensor: Tensor)] {
        values.enumerated().map { (String($0.offset), $0.element) }
    }
    /// None.
    public var children: [(name: String, module: any Module)] { [] }
    /// One line per parameter: `(0): Parameter containing: [torch.float32 of size 2x3]`.
    public var extraRepr: String {
        values.enumerated().map { i, p in
            let size = p.shape.dims.map(String.init).joined(separator: "x")
            return "  (\(i)): \(p.isParameter ? "Parameter containing: " : "")[\(p.dtype) of size \(size)]"
        }.joined(separator: "\n")
    }

    /// PyTorch's repr: the lines of `extraRepr` inside `ParameterList(...)`, or its one line
    /// as it is (`ParameterList(  (0): ...)`, as Module.__repr__ prints a one-line extra repr).
    public var description: String {
        if values.count == 1 { return "ParameterList(" + extraRepr + ")" }
        return values.isEmpty ? "ParameterList()" : "ParameterList(\n" + extraRepr.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n)"
    }

    /// A container is not called: PyTorch's error for a module without `forward`.
    public func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor] {
        throw .other(.notImplementedError, "Module [ParameterList] is missing the required \"forward\" function")
    }
}
