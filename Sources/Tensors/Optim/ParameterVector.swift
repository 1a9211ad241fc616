/// `torch.nn.utils.clip_grad_value_(parameters, clip_value)`: clamps every gradient element
/// into [-clipValue, clipValue] in place.
public func clipGradValue(_ parameters: [Tensor], clipValue: Double) {
    for grad in parameters.compactMap(\.grad) {
        switch grad.dtype {
        case .float64: clamp(grad, Double(clipValue))
        case .float32: clamp(grad, Float(clipValue))
        case .int64, .int32, .uint8, .bool: continue
        }
    }
}

private func clamp<T: FloatElement>(_ grad: Tensor, _ bound: T) {
    grad.mutateValues { (values: inout [T]) in
        for i in values.indices { values[i] = Swift.min(Swift.max(values[i], -bound), bound) }
    }
}

/// `torch.nn.utils.parameters_to_vector(parameters)`: every parameter flattened and joined
/// (`CatBackward0`, so gradients reach the parameters).
public func parametersToVector(_ parameters: [Tensor]) throws(TensorError) -> Tensor {
    guard !parameters.isEmpty else { throw .runtime("torch.cat(): expected a non-empty list of Tensors") }
    var pieces: [Tensor] = []
    for p in parameters { pieces.append(try p.reshape([-1])) }
    return try Tensor.cat(pieces, dim: 0)
}

/// `torch.nn.utils.vector_to_parameters(vec, parameters)`: copies consecutive slices of
/// `vector` into the parameters' elements (as assigning `param.data`, outside autograd).
public func vectorToParameters(_ vector: Tensor, _ parameters: [Tensor]) throws(TensorError) {
    let values = vector.storage
    var offset = 0
    for p in parameters {
        let n = p.count
        guard offset + n <= values.count else {
            throw .runtime("shape '\(p.shape.listDescription)' is invalid for input of size \(Swift.max(values.count - offset, 0))")
        }
        p.overwrite(with: values.range(offset, count: n))
        offset += n
    }
}
