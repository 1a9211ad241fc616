import FoundationEssentials
import Testing
@testable import Tensors

/// float32 and float64 `sum` and `mean` against PyTorch bit for bit (tools/fixtures/sums.py):
/// contiguous and strided inputs, whole tensors and dimensions, for every CPU capability.
@Suite struct SumFixtureTests {
    struct ViewStep: Decodable {
        let op: String
        let args: [Int]
    }

    struct Case: Decodable {
        let seed: UInt64
        let shape: [Int]
        let dtype: String
        let view: [ViewStep]
        let op: String
        let dims: [Int]?
        let keepdim: Bool
        let strides: [Int]
        let result_shape: [Int]
        let result: [String]
    }

    /// A capability's cases, or the name of the capability whose cases it shares.
    enum Section: Decodable {
        case cases([Case])
        case same(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) { self = .same(name) } else { self = .cases(try container.decode([Case].self)) }
        }
    }

    struct File: Decodable {
        let sections: [String: Section]
        /// Sums past PyTorch's grain, by intra-op thread count.
        let threads: [String: [Case]]
    }

    static func sections() throws -> [String: [Case]] {
        let bytes = try Fixtures.readBytes(Fixtures.directory + "/sums.json")
        let file = try JSONDecoder().decode(File.self, from: Data(bytes))
        var result: [String: [Case]] = [:]
        for (name, section) in file.sections {
            switch section {
            case .cases(let cases): result[name] = cases
            case .same(let other):
                if case .cases(let cases)? = file.sections[other] { result[name] = cases }
            }
        }
        return result
    }

    /// The generator's inputs: signed integers of the dtype's precision times 2^-31...2^-16.
    static func values(seed: UInt64, count: Int, double: Bool) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let exponent = Int((state >> 20) & 15) - 31
            let mantissa = double ? Int64(state >> 11) - (1 << 52) : Int64(state >> 40) - (1 << 23)
            return Double(mantissa) * Double(sign: .plus, exponent: exponent - (double ? 29 : 0), significand: 1)
        }
    }

    static func input(_ c: Case) throws -> Tensor {
        let v = values(seed: c.seed, count: c.shape.reduce(1, *), double: c.dtype == "float64")
        var t = c.dtype == "float64"
            ? try Tensor(doubles: v, shape: Shape(c.shape))
            : try Tensor(floats: v.map { Float($0) }, shape: Shape(c.shape))
        for step in c.view {
            let a = step.args
            switch step.op {
            case "transpose": t = try t.transpose(a[0], a[1])
            case "permute": t = try t.permute(a)
            case "slice": t = try t.slice(dim: a[0], start: a[1], end: a[2], step: a[3])
            case "narrow": t = try t.narrow(dim: a[0], start: a[1], length: a[2])
            case "expand": t = try t.expand(a)
            default: throw TensorError.runtime("no Swift counterpart for view step \(step.op)")
            }
        }
        return t
    }

    /// The expected values as float64 (float32 results are exact in it).
    static func expected(_ c: Case) -> [Double] { c.result.map { Double($0) ?? .nan } }

    static func bits(_ values: [Double], _ dtype: String) -> [UInt64] {
        dtype == "float64" ? values.map(\.bitPattern) : values.map { UInt64(Float($0).bitPattern) }
    }

    @Test func theFixtureCoversEveryCapability() throws {
        let sections = try Self.sections()
        for name in ["avx512", "avx2", "default"] { #expect((sections[name]?.count ?? 0) > 1000, "\(name)") }
    }

    /// The sums depend on the input's strides: the views must lay elements out as PyTorch's
    /// (size-1 dimensions included).
    @Test func theViewsHavePyTorchsStrides() throws {
        for c in try Self.sections()[VectorMath.capability] ?? [] {
            let x = try Self.input(c)
            #expect(x.strides == c.strides, "\(c.shape) \(c.view.map(\.op))")
        }
    }

    /// Every capability's section (they are PyTorch's 32-byte vector build), through `sum`,
    /// `mean` and their dimension forms.
    @Test(arguments: ["avx512", "avx2", "default"])
    func bitForBitWithPyTorch(_ capability: String) throws {
        try Self.check(try Self.sections()[capability] ?? [])
    }

    static func large() throws -> [String: [Case]] {
        let bytes = try Fixtures.readBytes(Fixtures.directory + "/sums.json")
        return try JSONDecoder().decode(File.self, from: Data(bytes)).threads
    }

    /// Sums past the grain, which PyTorch divides between its intra-op threads: the same
    /// partition and combination for two threads (PyTorch's default on two cores) and three.
    @Test(arguments: [2, 3])
    func largeSumsBitForBitWithPyTorch(_ threads: Int) throws {
        let cases = try Self.large()[String(threads)] ?? []
        #expect(cases.count > 100)
        let previous = IntraOpThreads.current
        IntraOpThreads.current = threads
        defer { IntraOpThreads.current = previous }
        try Self.check(cases)
    }

    /// The large cases are PyTorch's threaded results: the one-thread sum differs from them.
    @Test func largeSumsDependOnTheThreadCount() throws {
        let cases = try Self.large()["2"] ?? []
        let previous = IntraOpThreads.current
        IntraOpThreads.current = 1
        defer { IntraOpThreads.current = previous }
        var differing = 0
        for c in cases where try Self.bits(Self.reduce(c).doubles, c.dtype) != Self.bits(Self.expected(c), c.dtype) { differing += 1 }
        #expect(differing > 20)
    }

    static func reduce(_ c: Case) throws -> Tensor {
        let x = try input(c)
        return switch (c.op, c.dims) {
        case ("sum", nil): x.sum()
        case ("mean", nil): try x.mean()
        case ("sum", let dims?): try x.sum(dims: dims, keepDim: c.keepdim)
        default: try x.mean(dims: c.dims ?? [], keepDim: c.keepdim)
        }
    }

    static func check(_ cases: [Case]) throws {
        for c in cases {
            let x = try Self.input(c)
            #expect(x.strides == c.strides, "\(c.shape) \(c.view.map(\.op))")
            let y = try reduce(c)
            #expect(y.shape.dims == c.result_shape, "\(c.op) \(c.shape) \(c.view.map(\.op)) \(c.dims ?? [])")
            #expect(Self.bits(y.doubles, c.dtype) == Self.bits(Self.expected(c), c.dtype),
                    "\(c.dtype) \(c.op) \(c.shape) \(c.view.map(\.op)) dims \(c.dims.map(\.description) ?? "all") keepdim \(c.keepdim)")
        }
    }
}
