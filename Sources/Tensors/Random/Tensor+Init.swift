import Glibc

/// `torch.nn.init`: PyTorch's formulas, computed in double as Python computes them, then
/// the same in-place samplers, so a seeded model gets PyTorch's exact parameters.
extension Tensor {
    /// The nonlinearities `calculate_gain` knows.
    public enum GainFunction: Sendable, Equatable {
        /// linear, conv*, sigmoid: 1
        case identity
        /// 5/3
        case tanh
        /// sqrt(2)
        case relu
        /// sqrt(2 / (1 + slope^2)); PyTorch's default slope is 0.01
        case leakyRelu(slope: Double)
        /// 3/4
        case selu
    }

    /// `nn.init.calculate_gain`.
    public static func gain(_ nonlinearity: GainFunction) -> Double {
        switch nonlinearity {
        case .identity: 1
        case .tanh: 5.0 / 3
        case .relu: 2.0.squareRoot()
        case .leakyRelu(let slope): (2.0 / (1 + Glibc.pow(slope, 2))).squareRoot()
        case .selu: 3.0 / 4
        }
    }

    /// (fan_in, fan_out) as `_calculate_fan_in_and_fan_out` counts them.
    public func fans() throws(TensorError) -> (fanIn: Int, fanOut: Int) {
        guard rank >= 2 else {
            throw .value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = shape.dims.dropFirst(2).reduce(1, *)
        return (shape.dims[1] * receptive, shape.dims[0] * receptive)
    }

    /// `kaiming_uniform_(tensor, a, mode="fan_in" or "fan_out", nonlinearity)`.
    public func kaimingUniform(_ nonlinearity: GainFunction, fanOut: Bool = false, generator: Generator) throws(TensorError) {
        if count == 0 { return }
        let (fanIn, fanOutCount) = try fans()
        let std = Tensor.gain(nonlinearity) / Double(fanOut ? fanOutCount : fanIn).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform(from: -bound, to: bound, generator: generator)
    }

    /// `kaiming_normal_(tensor, a, mode, nonlinearity)`.
    public func kaimingNormal(_ nonlinearity: GainFunction, fanOut: Bool = false, generator: Generator) throws(TensorError) {
        if count == 0 { return }
        let (fanIn, fanOutCount) = try fans()
        let std = Tensor.gain(nonlinearity) / Double(fanOut ? fanOutCount : fanIn).squareRoot()
        try normal(mean: 0, std: std, generator: generator)
    }

    /// `xavier_uniform_(tensor, gain)`.
    public func xavierUniform(gain: Double = 1, generator: Generator) throws(TensorError) {
        let (fanIn, fanOut) = try fans()
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform(from: -bound, to: bound, generator: generator)
    }

    /// `xavier_normal_(tensor, gain)`.
    public func xavierNormal(gain: Double = 1, generator: Generator) throws(TensorError) {
        let (fanIn, fanOut) = try fans()
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        try normal(mean: 0, std: std, generator: generator)
    }

    /// A parameter of the given shape in the default dtype filled by `initialise` (layers'
    /// `reset_parameters`; under `set_default_dtype(torch.float64)` the draws are float64's).
    static func initialised(_ dims: [Int], _ initialise: (Tensor) throws(TensorError) -> Void) throws(TensorError) -> Tensor {
        let values = try zeros(dims)
        try initialise(values)
        return .parameter(dims, values.storage)
    }

    /// A parameter drawn from U(-bound, bound), bound computed in double.
    static func uniformParameter(_ dims: [Int], bound: Double, generator: Generator) throws(TensorError) -> Tensor {
        try initialised(dims) { (t) throws(TensorError) in try t.uniform(from: -bound, to: bound, generator: generator) }
    }

    /// 1/sqrt(n) as `1 / math.sqrt(n) if n > 0 else 0` computes it.
    static func inverseSquareRoot(_ n: Int) -> Double {
        n > 0 ? 1 / Double(n).squareRoot() : 0
    }
}
