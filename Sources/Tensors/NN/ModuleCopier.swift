/// What `copy.copy` and `copy.deepcopy` do with a module's parameters, buffers and children
/// while the module itself is rebuilt: a shallow copy keeps them, a deep copy copies each
/// once (the language binding keeps the memo).
public protocol ModuleCopier {
    /// The copy's tensor for `tensor` (a parameter or buffer).
    func tensor(_ tensor: Tensor) throws(TensorError) -> Tensor
    /// The copy's child for `module`.
    func module(_ module: any Module) throws(TensorError) -> any Module
}

extension ModuleCopier {
    /// `tensor(_:)` of an optional parameter (a layer built without bias).
    func tensor(_ tensor: Tensor?) throws(TensorError) -> Tensor? {
        guard let tensor else { return nil }
        return try self.tensor(tensor)
    }

    /// One layer's recurrent weights, each through `tensor(_:)`.
    func weights(_ weights: RecurrentWeights) throws(TensorError) -> RecurrentWeights {
        RecurrentWeights(weightIH: try tensor(weights.weightIH), weightHH: try tensor(weights.weightHH),
                         biasIH: try tensor(weights.biasIH), biasHH: try tensor(weights.biasHH), weightHR: try tensor(weights.weightHR))
    }

    /// Every layer's weights.
    func weights(_ layers: [RecurrentWeights]) throws(TensorError) -> [RecurrentWeights] {
        try layers.map { (w) throws(TensorError) in try weights(w) }
    }
}

extension Module {
    /// `copy` set to this module's training mode (the last step of every `copy(_:)`).
    public func inSameMode(_ copy: some Module) -> any Module {
        copy.isTraining = isTraining
        return copy
    }
}
