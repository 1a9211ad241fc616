import FoundationEssentials
import Testing
@testable import Tensors

/// The PyTorch reference data written by tools/fixtures/generate.py.
struct Fixtures {
    struct Index: Decodable {
        let ops: [String: OpCase]
        let layers: [String: LayerCase]
        let optimizers: [String: OptimizerCase]
        let lesson: [String: LessonCase]
        let reprs: [String: String]
        let module_reprs: [String: String]
        let errors: [String: ErrorCase]
        let twice: [String]
    }

    struct OpCase: Decodable {
        let inputs: Int
        let grad_fn: String?
        let repr: String
        let grads: [Int]?
    }

    struct LayerArgs: Decodable {
        let in_features: Int?
        let out_features: Int?
        let bias: Bool?
        let num_embeddings: Int?
        let embedding_dim: Int?
        let input_size: Int?
        let hidden_size: Int?
        let num_layers: Int?
        let nonlinearity: String?
        let batch_first: Bool?
    }

    struct LayerCase: Decodable {
        let type: String
        let args: LayerArgs
        let inputs: Int
        let outputs: Int
        let grad_fns: [String?]
        let repr: String
        let parameters: [NamedShape]
    }

    /// A `[name, [dims]]` pair of `named_parameters()`, in PyTorch's order.
    struct NamedShape: Decodable {
        let name: String
        let dims: [Int]

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            name = try pair.decode(String.self)
            dims = try pair.decode([Int].self)
        }
    }

    struct OptimizerArgs: Decodable {
        let lr: Double?
        let momentum: Double?
        let dampening: Double?
        let weight_decay: Double?
        let nesterov: Bool?
        let betas: [Double]?
        let eps: Double?
    }

    struct OptimizerCase: Decodable {
        let type: String
        let args: OptimizerArgs
        let steps: Int
    }

    struct LessonCase: Decodable {
        let losses: [Double]
        let predictions: [String]
        let repr: String?
    }

    struct ErrorCase: Decodable {
        let type: String
        let message: String
    }

    static let directory: String = {
        let file = #filePath
        let support = file[..<(file.lastIndex(of: "/") ?? file.endIndex)]
        let tests = support[..<(support.lastIndex(of: "/") ?? support.endIndex)]
        return tests + "/Fixtures"
    }()

    static func index() throws -> Index {
        let bytes = try readBytes(directory + "/fixtures.json")
        return try JSONDecoder().decode(Index.self, from: Data(bytes))
    }

    /// Named tensors of one safetensors fixture file.
    static func tensors(_ file: String) throws -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        for (name, tensor) in try SafeTensors.load(path: directory + "/" + file) { result[name] = tensor }
        return result
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        try SafeTensors.readFile(path: path)
    }
}

enum FixtureError: Error {
    case missing(String)
}

extension [String: Tensor] {
    /// The fixture tensor `name`, failing the test if it is absent.
    func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Tensor {
        try #require(self[name], "fixture tensor \(name) missing", sourceLocation: sourceLocation)
    }
}

/// Expects equal shapes and values within `rtol`/`atol` (the `torch.allclose` rule).
func expectClose(
    _ actual: Tensor?, _ expected: Tensor?, rtol: Double = 1e-4, atol: Double = 1e-5, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual, let expected else {
        Issue.record("\(label): missing tensor (actual \(actual == nil ? "nil" : "present"), expected \(expected == nil ? "nil" : "present"))", sourceLocation: sourceLocation)
        return
    }
    #expect(actual.shape == expected.shape, "\(label): shape", sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    let a = actual.floats
    let b = expected.floats
    var worst = 0.0
    var worstIndex = -1
    for i in 0..<a.count {
        let diff = abs(Double(a[i]) - Double(b[i]))
        let excess = diff - (atol + rtol * abs(Double(b[i])))
        if excess > worst || (a[i].isNaN != b[i].isNaN) {
            worst = max(excess, 1)
            worstIndex = i
        }
    }
    #expect(worstIndex < 0, "\(label): element \(worstIndex) is \(worstIndex >= 0 ? a[worstIndex] : 0), expected \(worstIndex >= 0 ? b[worstIndex] : 0)", sourceLocation: sourceLocation)
}

/// Runs `body`, which must throw a TensorError; returns it (nil and a recorded issue otherwise).
func expectTensorError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(TensorError) -> Void) -> TensorError? {
    do {
        try body()
        Issue.record("expected a TensorError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
