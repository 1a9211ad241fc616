import Testing
@testable import Tensors

@Suite struct SafeTensorsTests {
    @Test func roundTripKeepsNamesShapesAndDtypes() throws {
        let a = try Tensor(floats: [1.5, -2, 3e-8, 4], shape: Shape([2, 2]))
        let b = try Tensor(int64s: [1, -5, Int64.max], shape: Shape([3]))
        let c = try Tensor(bools: [true, false], shape: Shape([2]))
        let bytes = try SafeTensors.encode([("w", a), ("idx", b), ("mask", c)], metadata: ["format": "pt"])
        #expect(bytes.count % 8 == (8 + 16 + 24 + 2) % 8)
        let decoded = try SafeTensors.decode(bytes)
        let byName = Dictionary(uniqueKeysWithValues: decoded.map { ($0.name, $0.tensor) })
        #expect(byName["w"]?.floats == a.floats)
        #expect(byName["w"]?.shape == a.shape)
        #expect(byName["idx"]?.int64s == b.int64s)
        #expect(byName["idx"]?.dtype == .int64)
        #expect(byName["mask"]?.bools == [true, false])
    }

    @Test func readsFilesWrittenByPyTorch() throws {
        let data = try Fixtures.tensors("lesson.safetensors")
        #expect(data["rnn/weight_ih_l0"]?.shape == Shape([4, 4]))
        #expect(data["embedding/emb.weight"]?.shape == Shape([4, 10]))
    }

    /// Byte-identical output means PyTorch's `safetensors.torch.load_file` reads what Recur
    /// writes exactly as it reads its own files.
    @Test func writesTheBytesSafetensorsWrites() throws {
        let bytes = try Fixtures.readBytes(Fixtures.directory + "/roundtrip.safetensors")
        let decoded = try SafeTensors.decode(bytes)
        #expect(decoded.map(\.name).sorted() == ["bias", "labels", "mask", "scalar", "weight"])
        #expect(try SafeTensors.encode(decoded, metadata: ["format": "pt"]) == bytes)
    }

    @Test func corruptInputIsATypedError() {
        #expect(throws: TensorError.self) { try SafeTensors.decode([1, 2, 3]) }
        #expect(throws: TensorError.self) { try SafeTensors.decode([200, 0, 0, 0, 0, 0, 0, 0, 123]) }
        let header = Array("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,4]}}".utf8)
        var bytes: [UInt8] = [UInt8(header.count), 0, 0, 0, 0, 0, 0, 0] + header
        bytes += [0, 0, 0, 0]
        #expect(throws: TensorError.self) { try SafeTensors.decode(bytes) }
        #expect(throws: TensorError.self) { try SafeTensors.load(path: "/nonexistent/recur.safetensors") }
    }
}

@Suite struct RobustnessTests {
    @Test func hugeOrHostileSizesAreTypedErrors() throws {
        #expect(throws: TensorError.self) { try Tensor.zeros([1 << 40, 1 << 40]) }
        #expect(throws: TensorError.self) { try Tensor.ones([-1]) }
        #expect(throws: TensorError.self) { try Tensor.eye(1 << 20) }
        #expect(throws: TensorError.self) { try Tensor.arange(end: .float(1e300)) }
        #expect(throws: TensorError.self) { try Tensor.zeros([2, 3]).view([1 << 40, 1 << 40]) }
        #expect(throws: TensorError.self) { try Tensor.zeros([1]).expand([1 << 40, 1 << 40]) }
        #expect(throws: TensorError.self) { try Linear(inFeatures: 1 << 30, outFeatures: 1 << 30, generator: Generator()) }
        // The widest range PyTorch accepts (2^64 - 1 values) draws without overflowing.
        #expect(try Tensor.randint(low: .min, high: .max, [2], generator: Generator()).count == 2)
        let header = Array("{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,16]}}".utf8)
        var bytes: [UInt8] = [UInt8(header.count), 0, 0, 0, 0, 0, 0, 0] + header
        bytes += [UInt8](repeating: 0, count: 16)
        #expect(throws: TensorError.self) { try SafeTensors.decode(bytes) }
    }

    @Test func integerValuesSurviveExactly() throws {
        let big = try Tensor(.list([.int(Int64.max), .int(-3)]))
        #expect(big.int64s == [Int64.max, -3])
        let p = try Tensor(int64s: [3], shape: Shape([1])).pow(.int(1 << 40))
        #expect(p.dtype == .int64)
        let nan = try Tensor(.list([.float(.nan), .float(1e30)]), dtype: .int64)
        #expect(nan.int64s.count == 2)
    }
}
