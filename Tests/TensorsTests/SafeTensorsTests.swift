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
