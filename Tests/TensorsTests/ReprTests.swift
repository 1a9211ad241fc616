import Testing
@testable import Tensors

@Suite struct ReprTests {
    @Test func tensorReprsMatchPyTorch() throws {
        let index = try Fixtures.index()
        let data = try Fixtures.tensors("reprs.safetensors")
        #expect(Set(data.keys) == Set(index.reprs.keys))
        for (name, expected) in index.reprs {
            let t = try data.require(name)
            switch name {
            case "requires_grad":
                try t.setRequiresGrad()
            case "parameter":
                t.isParameter = true
                try t.setRequiresGrad()
            case "grad_fn_wrap":
                t.gradFn = GradNode(name: "MulBackward0", inputs: [], outputShape: t.shape, backward: { _ in [] })
            default:
                break
            }
            #expect(t.description == expected, "\(name)")
        }
    }

    @Test func reprOfComputedTensorsCarriesGradFn() throws {
        let w = try Tensor(floats: [0.1, 0.2], shape: Shape([1, 2]))
        try w.setRequiresGrad()
        let y = try w.arithmetic(.mul, scalar: .int(1))
        #expect(y.description == "tensor([[0.1000, 0.2000]], grad_fn=<MulBackward0>)")
        let z = GradMode.withoutGrad { y.detach() }
        #expect(z.description == "tensor([[0.1000, 0.2000]])")
    }
}
