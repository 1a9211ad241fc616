import FoundationEssentials
@testable import Tensors

/// The PyTorch generator reference written by tools/fixtures/random_torch.py.
struct RandomFixtures: Decodable {
    let streams: [Stream]
    let large: [Large]
    let dropouts: [Stream]
    let layers: [LayerCase]
    let errors: [String: [String]]
    let default_seed: UInt64
    let state_size: Int

    /// Checksums of a million-element randn (plus 3, a partial last block), then rand, then a
    /// small randn, from one seeded generator.
    struct Large: Decodable {
        let seed: UInt64
        let randn: UInt64
        let rand: UInt64
        let after: UInt64
    }

    /// The fixture script's polynomial hash of float bit patterns.
    static func checksum(_ values: [Float]) -> UInt64 {
        values.reduce(UInt64(0)) { h, v in h &* 1_000_003 &+ UInt64(v.bitPattern) }
    }

    struct Stream: Decodable {
        let seed: Int64
        let initial_seed: UInt64?
        let calls: [Call]
        let results: [Encoded]
    }

    /// A two-element JSON array decoded as its parts.
    struct Pair<First: Decodable, Second: Decodable>: Decodable {
        let first: First
        let second: Second

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            first = try pair.decode(First.self)
            second = try pair.decode(Second.self)
        }
    }

    /// `[op, {arguments}]`.
    typealias Call = Pair<String, JSONValue>
    /// `[name, tensor]`.
    typealias Named = Pair<String, Encoded>

    struct LayerCase: Decodable {
        let seed: Int64
        let type: String
        let args: JSONValue
        let parameters: [Named]
        let after: Encoded
    }

    /// A tensor as dtype, shape and values (float32 as bit patterns).
    struct Encoded: Decodable {
        let dtype: String
        let shape: [Int]
        let values: [Int64]

        /// Whether `tensor` holds exactly these values.
        func matches(_ tensor: Tensor) -> Bool {
            guard tensor.shape.dims == shape else { return false }
            switch dtype {
            case "float32": return tensor.dtype == .float32 && tensor.floats.map { Int64($0.bitPattern) } == values
            case "int64": return tensor.dtype == .int64 && tensor.int64s == values
            case "bool": return tensor.dtype == .bool && tensor.bools.map { $0 ? 1 : 0 } == values
            default: return false
            }
        }
    }

    static func load() throws -> RandomFixtures {
        try JSONDecoder().decode(RandomFixtures.self, from: Data(Fixtures.readBytes(Fixtures.directory + "/random.json")))
    }
}

/// Any JSON value (the calls' argument dictionaries).
enum JSONValue: Decodable {
    case number(Double)
    case bool(Bool)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let b = try? single.decode(Bool.self) { self = .bool(b) }
        else if let d = try? single.decode(Double.self) { self = .number(d) }
        else if let s = try? single.decode(String.self) { self = .string(s) }
        else if let a = try? single.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try single.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var double: Double? { if case .number(let d) = self { d } else { nil } }
    var int: Int? { double.map { Int($0) } }
    var int64: Int64? { double.map { Int64($0) } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var ints: [Int]? { if case .array(let a) = self { a.compactMap(\.int) } else { nil } }

    /// A nested list of numbers as tensor data.
    var nested: NestedValues {
        switch self {
        case .number(let d): .float(d)
        case .bool(let b): .bool(b)
        case .array(let a): .list(a.map(\.nested))
        case .string, .object: .list([])
        }
    }
}
