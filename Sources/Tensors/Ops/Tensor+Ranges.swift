import Glibc

extension Tensor {
    /// `steps` evenly spaced values from `start` to `end` inclusive (`linspace`), computed as
    /// PyTorch's CPU kernel does: in float32 with fused multiply-adds, from the start for the
    /// first half and from the end for the second, so both ends are exact.
    public static func linspace(_ start: Double, _ end: Double, steps: Int) throws(TensorError) -> Tensor {
        guard steps >= 0 else { throw .runtime("number of steps must be non-negative") }
        _ = try Shape.checkedCount([steps])
        let a = Float(start), b = Float(end)
        let step = steps > 1 ? (b - a) / Float(steps - 1) : 0
        let half = steps / 2
        // Fused multiply-adds, as the compiled kernel evaluates these expressions.
        let values = steps == 1 ? [a] : (0..<steps).map { i in
            i < half ? a.addingProduct(step, Float(i)) : b.addingProduct(-step, Float(steps - i - 1))
        }
        return Tensor(shape: Shape([steps]), floats: values)
    }

    /// `base` raised to `steps` evenly spaced exponents from `start` to `end` (`logspace`).
    public static func logspace(_ start: Double, _ end: Double, steps: Int, base: Double) throws(TensorError) -> Tensor {
        guard steps >= 0 else { throw .runtime("number of steps must be non-negative") }
        _ = try Shape.checkedCount([steps])
        let a = Float(start), b = Float(end), base = Float(base)
        let step = steps > 1 ? (b - a) / Float(steps - 1) : 0
        let half = steps / 2
        let values = steps == 1 ? [powf(base, a)] : (0..<steps).map { i in
            powf(base, i < half ? a.addingProduct(step, Float(i)) : b.addingProduct(-step, Float(steps - i - 1)))
        }
        return Tensor(shape: Shape([steps]), floats: values)
    }
}
