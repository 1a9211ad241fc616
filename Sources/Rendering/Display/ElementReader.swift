import Tensors

/// Reads a tensor's elements as doubles whatever its dtype, from one flat copy.
package struct ElementReader {
    private enum Values {
        case float([Float])
        case double([Double])
        case int([Int64])
        case bool([Bool])
    }
    private let values: Values

    package init(_ tensor: Tensor) {
        switch tensor.dtype {
        case .float32: values = .float(tensor.floats)
        case .float64: values = .double(tensor.doubles)
        case .int64, .int32, .uint8: values = .int(tensor.int64s)
        case .bool: values = .bool(tensor.bools)
        }
    }

    package func value(_ offset: Int) -> Double {
        switch values {
        case .float(let v): return offset < v.count ? Double(v[offset]) : .nan
        case .double(let v): return offset < v.count ? v[offset] : .nan
        case .int(let v): return offset < v.count ? Double(v[offset]) : .nan
        case .bool(let v): return offset < v.count ? (v[offset] ? 1 : 0) : .nan
        }
    }
}
