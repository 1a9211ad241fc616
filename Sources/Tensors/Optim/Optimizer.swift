/// What `torch.optim` optimizers share: the parameters they update, `zero_grad()`, `step()`.
public protocol Optimizer: AnyObject {
    /// The parameters updated by `step()`.
    var parameters: [Tensor] { get }
    /// The learning rate (settable, as `param_groups[0]["lr"]`).
    var learningRate: Double { get set }
    /// Applies one update from the current gradients; parameters without a grad are skipped.
    func step()
    /// A parameter's state as PyTorch's `state_dict()` lists it: `step` a 0-d float32
    /// tensor, the others in the parameter's shape and dtype; empty when it has none yet.
    func state(of parameter: Tensor) -> [(name: String, values: Tensor)]
    /// Replaces a parameter's state with entries `state(of:)` named (`load_state_dict`);
    /// no entries clear it.
    func setState(of parameter: Tensor, _ entries: [String: Tensor]) throws(TensorError)
}

extension Optimizer {
    /// The entry `name` of a state being loaded, which must have `count` values, in `T`.
    func stateEntry<T: FloatElement>(_ entries: [String: Tensor], _ name: String, count: Int) throws(TensorError) -> [T] {
        guard let values = entries[name] else { throw .value("state entry '\(name)' is missing") }
        guard values.count == count else {
            throw .value("loaded state entry '\(name)' has \(values.count) values, the parameter \(count)")
        }
        return T.values(of: values)
    }

    /// A loaded `step` entry as a count.
    func stepEntry(_ entries: [String: Tensor]) throws(TensorError) -> Int {
        let value = (try stateEntry(entries, "step", count: 1) as [Double])[0]
        guard value >= 0, value < 1e9 else { throw .value("loaded state has an invalid step \(value)") }
        return Int(value)
    }

    /// A state entry in `parameter`'s shape.
    func stateTensor<T: FloatElement>(_ values: [T], like parameter: Tensor) -> Tensor {
        Tensor(shape: parameter.shape, values: values)
    }

    /// The `step` entry: a 0-d float32 tensor, as PyTorch keeps it whatever the parameters' dtype.
    func stepTensor(_ step: Int) -> Tensor { Tensor(scalar: Float(step)) }
}

extension Optimizer {
    /// Clears every parameter's gradient (`zero_grad(set_to_none)`): sets them to None, or
    /// zeroes them in place when `setToNone` is false.
    public func zeroGrad(setToNone: Bool = true) {
        for p in parameters { p.clearGrad(setToNone: setToNone) }
    }
}
