/// What every layer shares, as `torch.nn.Module` provides it: parameters, state dicts,
/// train/eval mode and PyTorch's repr.
public protocol Module: AnyObject, CustomStringConvertible {
    /// The PyTorch class name (`Linear`, `RNN`).
    var typeName: String { get }
    /// This module's own parameters, in PyTorch's registration order.
    var ownParameters: [(name: String, tensor: Tensor)] { get }
    /// Child modules in registration order (`Sequential` uses "0", "1", ...).
    var children: [(name: String, module: any Module)] { get }
    /// This module's own buffers (`register_buffer`), in registration order; a nil tensor is
    /// a buffer registered as None, and only persistent ones are in the state dict.
    var ownBuffers: [(name: String, tensor: Tensor?, persistent: Bool)] { get }
    /// The text between the parentheses of the repr (`extra_repr()`).
    var extraRepr: String { get }
    /// Whether the module is in training mode (`training`).
    var isTraining: Bool { get set }
    /// Calls the module on positional tensors; layers returning a pair (RNN) return two.
    func forward(_ inputs: [Tensor]) throws(TensorError) -> [Tensor]
    /// `forward` for the common call of one tensor or two (input and hidden state, input and
    /// target) that returns one, without building arrays; nil when the module takes another
    /// form, and the caller then uses `forward`.
    func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor?
    /// A new module of the same type, settings and training mode whose parameters, buffers
    /// and children are what `copier` gives for this one's (`copy.copy`, `copy.deepcopy`).
    func copy(_ copier: any ModuleCopier) throws(TensorError) -> any Module
}

/// What `loadStateDict(strict: false)` reports, as PyTorch's `_IncompatibleKeys`.
public struct IncompatibleKeys: Sendable, Hashable {
    /// Parameter names the module has but the state dict lacks.
    public var missingKeys: [String]
    /// Names in the state dict the module does not have.
    public var unexpectedKeys: [String]
}

extension Module {
    /// None: the built-in layers hold no buffers.
    public var ownBuffers: [(name: String, tensor: Tensor?, persistent: Bool)] { [] }

    /// Every buffer that is not None with its dotted name, depth first, each module and each
    /// tensor once (`named_buffers()`); `persistentOnly` keeps those a state dict holds.
    public func namedBuffers(persistentOnly: Bool = false) -> [(name: String, tensor: Tensor)] {
        var modules = Set<ObjectIdentifier>()
        var tensors = Set<ObjectIdentifier>()
        var result: [(name: String, tensor: Tensor)] = []
        func visit(_ module: any Module, _ prefix: String) {
            guard modules.insert(ObjectIdentifier(module)).inserted else { return }
            for (name, tensor, persistent) in module.ownBuffers where persistent || !persistentOnly {
                guard let tensor, tensors.insert(ObjectIdentifier(tensor)).inserted else { continue }
                result.append((prefix + name, tensor))
            }
            for (name, child) in module.children { visit(child, prefix + name + ".") }
        }
        visit(self, "")
        return result
    }

    /// Nil: the module only takes the general `forward`.
    public func forward(_ first: Tensor, _ second: Tensor?) throws(TensorError) -> Tensor? { nil }

    /// Every parameter with its dotted name, depth first (`named_parameters()`): each module
    /// and each parameter once, as PyTorch's memo makes it (a module stored in itself too).
    public func namedParameters() -> [(name: String, tensor: Tensor)] {
        var modules = Set<ObjectIdentifier>()
        var tensors = Set<ObjectIdentifier>()
        var result: [(name: String, tensor: Tensor)] = []
        var pending: [(prefix: String, module: any Module)] = [("", self)]
        while !pending.isEmpty {
            let (prefix, module) = pending.removeFirst()
            guard modules.insert(ObjectIdentifier(module)).inserted else { continue }
            for (name, tensor) in module.ownParameters where tensors.insert(ObjectIdentifier(tensor)).inserted {
                result.append((prefix + name, tensor))
            }
            pending.insert(contentsOf: module.children.map { (prefix + $0.name + ".", $0.module) }, at: 0)
        }
        return result
    }

    /// Whether the module is among its own descendants (stored in itself, or in a child): the
    /// walks PyTorch does without a memo (`state_dict()`, printing, `train()`) then recurse
    /// without end, and Recur raises the `RecursionError` PyTorch ends with.
    public var containsCycle: Bool {
        var onPath = Set<ObjectIdentifier>()
        func visit(_ module: any Module) -> Bool {
            guard onPath.insert(ObjectIdentifier(module)).inserted else { return true }
            defer { onPath.remove(ObjectIdentifier(module)) }
            return module.children.contains { visit($0.module) }
        }
        return visit(self)
    }

    /// Every parameter (`parameters()`).
    public func parameters() -> [Tensor] { namedParameters().map(\.tensor) }

    /// Detached parameter values by name (`state_dict()`): a parameter shared by two modules
    /// appears under both names, as in PyTorch. The caller checks `containsCycle` first.
    public func stateDict(keepVars: Bool = false) -> [(name: String, tensor: Tensor)] {
        var result = ownParameters.map { ($0.name, keepVars ? $0.tensor : $0.tensor.detach()) }
        for (name, tensor, persistent) in ownBuffers where persistent {
            if let tensor { result.append((name, keepVars ? tensor : tensor.detach())) }
        }
        for (name, child) in children {
            result += child.stateDict(keepVars: keepVars).map { (name + "." + $0.0, $0.1) }
        }
        return result
    }

    /// Copies values into the parameters by name (`load_state_dict(state_dict, strict=True)`).
    /// Strict loading fails on missing or unexpected keys; shape mismatches always fail.
    @discardableResult
    public func loadStateDict(_ entries: [(name: String, tensor: Tensor)], strict: Bool = true) throws(TensorError) -> IncompatibleKeys {
        let parameterCount = namedParameters().count
        let own = namedParameters() + namedBuffers(persistentOnly: true)
        var given: [String: Tensor] = [:]
        for (name, tensor) in entries { given[name] = tensor }
        let ownNames = Set(own.map(\.name))
        let missing = own.map(\.name).filter { given[$0] == nil }
        let unexpected = entries.map(\.name).filter { !ownNames.contains($0) }
        var problems: [String] = []
        for (name, tensor) in own {
            guard let source = given[name] else { continue }
            if source.shape != tensor.shape {
                problems.append("size mismatch for \(name): copying a param with shape \(source.shape) from checkpoint, the shape in current model is \(tensor.shape).")
            }
        }
        if strict {
            if !unexpected.isEmpty {
                problems.insert("Unexpected key(s) in state_dict: " + unexpected.map { "\"\($0)\"" }.joined(separator: ", ") + ". ", at: 0)
            }
            if !missing.isEmpty {
                problems.insert("Missing key(s) in state_dict: " + missing.map { "\"\($0)\"" }.joined(separator: ", ") + ". ", at: 0)
            }
        }
        guard problems.isEmpty else { throw .loadStateDict(module: typeName, problems: problems) }
        for (index, (name, tensor)) in own.enumerated() {
            guard let source = given[name] else { continue }
            // Parameters are float32; a buffer keeps its own dtype, as `copy_` converts.
            tensor.overwrite(with: index < parameterCount ? .float32(source.floats) : source.storage.converted(to: tensor.dtype))
        }
        return IncompatibleKeys(missingKeys: missing, unexpectedKeys: unexpected)
    }

    /// Sets training mode on this module and its children (`train(mode)`).
    public func train(_ mode: Bool = true) {
        isTraining = mode
        for (_, child) in children { child.train(mode) }
    }

    /// Sets evaluation mode (`eval()`).
    public func eval() { train(false) }

    /// Clears every parameter's gradient (`zero_grad(set_to_none)`): sets them to None, or
    /// zeroes them in place when `setToNone` is false.
    public func zeroGrad(setToNone: Bool = true) {
        for p in parameters() { p.clearGrad(setToNone: setToNone) }
    }

    /// PyTorch's module repr: `Linear(in_features=4, out_features=2, bias=True)` or a
    /// multi-line listing of children.
    public var description: String {
        let kids = children
        if kids.isEmpty { return typeName + "(" + extraRepr + ")" }
        var lines: [String] = []
        if !extraRepr.isEmpty { lines.append(extraRepr) }
        for (name, child) in kids {
            let text = child.description.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }
                .joined(separator: "\n")
            lines.append("(\(name)): " + text)
        }
        return typeName + "(\n  " + lines.joined(separator: "\n  ") + "\n)"
    }
}

extension Tensor {
    /// A parameter: a leaf that requires grad and prints as `Parameter containing:`.
    static func parameter(_ dims: [Int], _ values: [Float]) -> Tensor {
        parameter(dims, .float32(values))
    }

    /// A parameter holding `storage` in its dtype.
    static func parameter(_ dims: [Int], _ storage: TensorStorage) -> Tensor {
        let t = Tensor(shape: Shape(dims), storage: storage, requiresGrad: true)
        t.isParameter = true
        return t
    }

    static func expectCount(_ inputs: [Tensor], _ range: ClosedRange<Int>, _ name: String) throws(TensorError) {
        guard range.contains(inputs.count) else {
            throw .type("\(name).forward() takes from \(range.lowerBound) to \(range.upperBound) positional arguments but \(inputs.count) were given")
        }
    }
}
