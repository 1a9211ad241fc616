/// What ATen's cascade sum accumulates in: one element, or a 32-byte `Vectorized` register.
/// Lane-wise `+` rounds exactly as the vector instruction does.
protocol SumLanes {
    associatedtype Element: FloatElement, SumLanes where Element.Element == Element
    /// The number of elements one accumulator holds.
    static var width: Int { get }
    static var zero: Self { get }
    /// `width` elements read from `p` on (no alignment needed).
    static func load(_ p: UnsafePointer<Element>) -> Self
    static func + (a: Self, b: Self) -> Self
    /// The element in lane `lane`.
    func lane(_ lane: Int) -> Element
}

extension Float: SumLanes {
    static var width: Int { 1 }
    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Float { p.pointee }
    @inline(__always) func lane(_ lane: Int) -> Float { self }
}

extension Double: SumLanes {
    static var width: Int { 1 }
    @inline(__always) static func load(_ p: UnsafePointer<Double>) -> Double { p.pointee }
    @inline(__always) func lane(_ lane: Int) -> Double { self }
}

extension SIMD8: SumLanes where Scalar: FloatElement & SumLanes, Scalar.Element == Scalar {
    typealias Element = Scalar
    static var width: Int { 8 }
    @inline(__always) static func load(_ p: UnsafePointer<Scalar>) -> Self { UnsafeRawPointer(p).loadUnaligned(as: Self.self) }
    @inline(__always) func lane(_ lane: Int) -> Scalar { self[lane] }
}

extension SIMD4: SumLanes where Scalar: FloatElement & SumLanes, Scalar.Element == Scalar {
    typealias Element = Scalar
    static var width: Int { 4 }
    @inline(__always) static func load(_ p: UnsafePointer<Scalar>) -> Self { UnsafeRawPointer(p).loadUnaligned(as: Self.self) }
    @inline(__always) func lane(_ lane: Int) -> Scalar { self[lane] }
}
