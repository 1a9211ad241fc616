import Testing
@testable import Tensors

@Suite struct OptimizerTests {
    static let cases = ["sgd", "sgd_momentum", "sgd_all", "sgd_nesterov", "adam", "adam_default", "adam_all"]

    @Test func everyFixtureOptimizerIsCovered() throws {
        #expect(Set(try Fixtures.index().optimizers.keys) == Set(Self.cases))
    }

    @Test(arguments: cases)
    func optimizerStepsMatchPyTorch(_ name: String) throws {
        let index = try Fixtures.index()
        let data = try Fixtures.tensors("optimizers.safetensors")
        let spec = try #require(index.optimizers[name])
        let params = try (0..<2).map { k in
            let p = try data.require("\(name)/p\(k)/init").detach()
            try p.setRequiresGrad()
            return p
        }
        let a = spec.args
        let optimizer: any Optimizer
        if spec.type == "SGD" {
            optimizer = try SGD(params, lr: a.lr ?? 0.001, momentum: a.momentum ?? 0, dampening: a.dampening ?? 0, weightDecay: a.weight_decay ?? 0, nesterov: a.nesterov ?? false)
        } else {
            let betas = a.betas ?? [0.9, 0.999]
            optimizer = try Adam(params, lr: a.lr ?? 0.001, betas: (betas[0], betas[1]), eps: a.eps ?? 1e-8, weightDecay: a.weight_decay ?? 0)
        }
        for s in 0..<spec.steps {
            optimizer.zeroGrad()
            #expect(params.allSatisfy { $0.grad == nil })
            for (k, p) in params.enumerated() { p.grad = try data.require("\(name)/p\(k)/grad\(s)") }
            optimizer.step()
            for (k, p) in params.enumerated() {
                expectClose(p, try data.require("\(name)/p\(k)/step\(s)"), "\(name) p\(k) step \(s)")
            }
        }
    }

    /// Clipping above the limit, leaving gradients under it alone, and the infinity norm;
    /// each returns the norm before clipping.
    @Test(arguments: [("clip", 0.5, 2.0), ("clip_under", 100, 2), ("clip_inf", 0.5, Double.infinity)])
    func clipGradNormMatchesPyTorch(_ name: String, maxNorm: Double, normType: Double) throws {
        let data = try Fixtures.tensors("optimizers.safetensors")
        let params = try (0..<2).map { k in
            let p = try Tensor.zeros(k == 0 ? [3, 4] : [4])
            try p.setRequiresGrad()
            p.grad = try data.require("\(name)/p\(k)/grad")
            return p
        }
        let total = clipGradNorm(params, maxNorm: maxNorm, normType: normType)
        expectClose(try total.view([1]), try data.require("\(name)/total"), name)
        for (k, p) in params.enumerated() { expectClose(p.grad, try data.require("\(name)/p\(k)/clipped"), name) }
    }

    @Test func invalidArgumentsAreRejected() {
        let p = Tensor(scalar: Float(1))
        #expect(throws: TensorError.self) { try SGD([p], lr: -1) }
        #expect(throws: TensorError.self) { try SGD([p], lr: 0.1, nesterov: true) }
        #expect(throws: TensorError.self) { try Adam([p], betas: (1.5, 0.9)) }
        #expect(throws: TensorError.self) { try Adam([]) }
    }
}
