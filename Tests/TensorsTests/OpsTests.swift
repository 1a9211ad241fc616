import Testing
@testable import Tensors

/// Each op of tools/fixtures/generate.py, written with the Swift API.
let opTable: [String: @Sendable ([Tensor]) throws(TensorError) -> Tensor] = [
    "add": { x throws(TensorError) in try x[0] + x[1] },
    "add_bcast": { x throws(TensorError) in try x[0] + x[1] },
    "sub": { x throws(TensorError) in try x[0] - x[1] },
    "mul": { x throws(TensorError) in try x[0] * x[1] },
    "mul_reuse": { x throws(TensorError) in try x[0] * x[0] * x[0] + x[0] },
    "div": { x throws(TensorError) in try x[0] / x[1] },
    "add_scalar": { x throws(TensorError) in try x[0].arithmetic(.add, scalar: .float(2.5)) },
    "sub_scalar": { x throws(TensorError) in try x[0].arithmetic(.sub, scalar: .int(2)) },
    "rsub_scalar": { x throws(TensorError) in try x[0].reversedArithmetic(.sub, scalar: .int(1)) },
    "mul_scalar": { x throws(TensorError) in try x[0].arithmetic(.mul, scalar: .int(3)) },
    "div_scalar": { x throws(TensorError) in try x[0].arithmetic(.div, scalar: .int(4)) },
    "rdiv_scalar": { x throws(TensorError) in try x[0].reversedArithmetic(.div, scalar: .int(2)) },
    "neg": { x throws(TensorError) in try x[0].neg() },
    "pow2": { x throws(TensorError) in try x[0].pow(.int(2)) },
    "pow3": { x throws(TensorError) in try x[0].pow(.int(3)) },
    "mm": { x throws(TensorError) in try x[0].matmul(x[1]) },
    "mv": { x throws(TensorError) in try x[0].matmul(x[1]) },
    "vm": { x throws(TensorError) in try x[0].matmul(x[1]) },
    "dot": { x throws(TensorError) in try x[0].matmul(x[1]) },
    "matmul_nd2": { x throws(TensorError) in try x[0].matmul(x[1]) },
    "bmm": { x throws(TensorError) in try x[0].matmul(x[1]) },
    "bmm_bcast": { x throws(TensorError) in try x[0].matmul(x[1]) },
    "view": { x throws(TensorError) in try x[0].view([3, -1]) },
    "reshape": { x throws(TensorError) in try x[0].reshape([-1]) },
    "flatten": { x throws(TensorError) in try x[0].flatten() },
    "unsqueeze": { x throws(TensorError) in try x[0].unsqueeze(1) },
    "squeeze": { x throws(TensorError) in try x[0].squeeze() },
    "squeeze_dim": { x throws(TensorError) in try x[0].squeeze(1) },
    "t": { x throws(TensorError) in try x[0].t() },
    "transpose": { x throws(TensorError) in try x[0].transpose(0, 2) },
    "permute": { x throws(TensorError) in try x[0].permute([2, 0, 1]) },
    "expand": { x throws(TensorError) in try x[0].expand([2, 3, 4]) },
    "select": { x throws(TensorError) in try x[0].subscript([.index(1)]) },
    "select_dim1": { x throws(TensorError) in try x[0].subscript([.slice(start: nil, end: nil, step: nil), .index(-1)]) },
    "slice": { x throws(TensorError) in try x[0].subscript([.slice(start: 1, end: 4, step: nil)]) },
    "slice_step": { x throws(TensorError) in try x[0].subscript([.slice(start: nil, end: nil, step: nil), .slice(start: 1, end: nil, step: 2)]) },
    "index_tensor": { x throws(TensorError) in try x[0].subscript([.tensor(x[1])]) },
    "cat0": { x throws(TensorError) in try Tensor.cat([x[0], x[1]]) },
    "cat1": { x throws(TensorError) in try Tensor.cat([x[0], x[1]], dim: 1) },
    "stack0": { x throws(TensorError) in try Tensor.stack([x[0], x[1]]) },
    "stack1": { x throws(TensorError) in try Tensor.stack([x[0], x[1]], dim: 1) },
    "sum": { x throws(TensorError) in x[0].sum() },
    "sum_dim": { x throws(TensorError) in try x[0].sum(dim: 1) },
    "sum_keepdim": { x throws(TensorError) in try x[0].sum(dim: -1, keepDim: true) },
    "mean": { x throws(TensorError) in try x[0].mean() },
    "mean_dim": { x throws(TensorError) in try x[0].mean(dim: 0) },
    "max_all": { x throws(TensorError) in try x[0].max() },
    "max_dim": { x throws(TensorError) in try x[0].max(dim: 1).values },
    "max_dim_indices": { x throws(TensorError) in try x[0].max(dim: 1).indices },
    "min_dim": { x throws(TensorError) in try x[0].min(dim: 0).values },
    "argmax": { x throws(TensorError) in try x[0].argmax(dim: 1) },
    "argmax_all": { x throws(TensorError) in try x[0].argmax() },
    "tanh": { x throws(TensorError) in x[0].tanh() },
    "tanh_wide": { x throws(TensorError) in x[0].tanh() },
    "relu": { x throws(TensorError) in try x[0].relu() },
    "sigmoid": { x throws(TensorError) in x[0].sigmoid() },
    "exp": { x throws(TensorError) in x[0].exp() },
    "log": { x throws(TensorError) in x[0].log() },
    "sqrt": { x throws(TensorError) in x[0].sqrt() },
    "abs": { x throws(TensorError) in try x[0].abs() },
    "softmax": { x throws(TensorError) in try x[0].softmax(dim: 1) },
    "softmax_dim0": { x throws(TensorError) in try Functional.softmax(x[0], dim: 0) },
    "log_softmax": { x throws(TensorError) in try x[0].logSoftmax(dim: 1) },
    "log_softmax_large": { x throws(TensorError) in try Functional.logSoftmax(x[0], dim: -1) },
    "cross_entropy": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1]) },
    "cross_entropy_sum": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], reduction: .sum) },
    "cross_entropy_none": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], reduction: .none) },
    "cross_entropy_ignore": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1]) },
    "cross_entropy_ignore3": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], ignoreIndex: 3) },
    "cross_entropy_unbatched": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1]) },
    "mse": { x throws(TensorError) in try Functional.mseLoss(x[0], target: x[1]) },
    "mse_sum": { x throws(TensorError) in try Functional.mseLoss(x[0], target: x[1], reduction: .sum) },
    "mse_none": { x throws(TensorError) in try Functional.mseLoss(x[0], target: x[1], reduction: .none) },
    "linear": { x throws(TensorError) in try Functional.linear(x[0], weight: x[1], bias: x[2]) },
    "linear_3d": { x throws(TensorError) in try Functional.linear(x[0], weight: x[1], bias: x[2]) },
    "linear_1d": { x throws(TensorError) in try Functional.linear(x[0], weight: x[1], bias: x[2]) },
    "linear_nobias": { x throws(TensorError) in try Functional.linear(x[0], weight: x[1], bias: nil) },
    "embedding": { x throws(TensorError) in try Functional.embedding(x[0], weight: x[1]) },
    "one_hot": { x throws(TensorError) in try Functional.oneHot(x[0], numClasses: 4) },
    "eq": { x throws(TensorError) in try x[0].compare(.eq, x[1]) },
    "gt": { x throws(TensorError) in try x[0].compare(.gt, x[1]) },
    "eq_sum": { x throws(TensorError) in try x[0].compare(.eq, x[1]).sum() },
    "clone": { x throws(TensorError) in x[0].clone() },
    "chain": { x throws(TensorError) in
        let p = try x[0].matmul(x[1])
        return try (p.tanh().arithmetic(.mul, scalar: .int(2)) - p).sum(dim: 0)
    },
    "reuse_diamond": { x throws(TensorError) in
        let e = x[0].exp()
        return try e * e + e.sum()
    },
    "cross_entropy_ignore_sum": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], ignoreIndex: 3, reduction: .sum) },
    "cross_entropy_ignore_none": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], ignoreIndex: 3, reduction: .none) },
    "cross_entropy_all_ignored": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1]) },
    "max_dim_ties": { x throws(TensorError) in try x[0].max(dim: 1).values },
    "max_dim_ties_indices": { x throws(TensorError) in try x[0].max(dim: 1).indices },
    "min_dim_ties_indices": { x throws(TensorError) in try x[0].min(dim: 1).indices },
    "argmax_ties": { x throws(TensorError) in try x[0].argmax(dim: 1) },
    "argmax_all_ties": { x throws(TensorError) in try x[0].argmax() },
    "max_all_ties": { x throws(TensorError) in try x[0].max() },
    "one_hot_infer": { x throws(TensorError) in try Functional.oneHot(x[0]) },
    "one_hot_2d": { x throws(TensorError) in try Functional.oneHot(x[0], numClasses: 3) },
    "arange_int": { _ throws(TensorError) in try Tensor.arange(end: .int(4)) },
    "arange_float_step": { _ throws(TensorError) in try Tensor.arange(start: .int(0), end: .int(1), step: .float(0.1)) },
    "arange_negative_step": { _ throws(TensorError) in try Tensor.arange(start: .int(5), end: .int(1), step: .float(-1.5)) },
    "eye": { _ throws(TensorError) in try Tensor.eye(3) },
    "eye_rect": { _ throws(TensorError) in try Tensor.eye(2, 3) },
    "full_int": { _ throws(TensorError) in try Tensor.full([2, 3], value: .int(7)) },
    "full_float": { _ throws(TensorError) in try Tensor.full([2], value: .float(1.5)) },
    "ones_int": { _ throws(TensorError) in try Tensor.ones([2, 2], dtype: .int64) },
    "tensor_mixed": { _ throws(TensorError) in try Tensor(.list([.list([.int(1), .int(2)]), .list([.int(3), .float(4.5)])])) },
    "cross_entropy_3d": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1]) },
    "cross_entropy_3d_none": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], reduction: .none) },
    "cross_entropy_4d_none": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], reduction: .none) },
    "cross_entropy_4d_ignore_sum": { x throws(TensorError) in try Functional.crossEntropy(x[0], target: x[1], ignoreIndex: 1, reduction: .sum) },
    "nll_loss_3d": { x throws(TensorError) in try Functional.nllLoss(x[0].logSoftmax(dim: 1), target: x[1]) },
]

@Suite struct OpsTests {
    @Test func everyFixtureOpHasASwiftCounterpart() throws {
        let index = try Fixtures.index()
        #expect(Set(index.ops.keys) == Set(opTable.keys))
    }

    @Test(arguments: opTable.keys.sorted())
    func forwardBackwardAndReprMatchPyTorch(_ name: String) throws {
        let index = try Fixtures.index()
        let data = try Fixtures.tensors("ops.safetensors")
        let spec = try #require(index.ops[name])
        let op = try #require(opTable[name])
        var inputs: [Tensor] = []
        for k in 0..<spec.inputs {
            let t = try data.require("\(name)/in\(k)")
            if t.dtype == .float32 { try t.setRequiresGrad() }
            inputs.append(t)
        }
        let out = try op(inputs)
        let expected = try data.require("\(name)/out")
        #expect(out.dtype == expected.dtype, "\(name) dtype")
        if out.dtype == .float32 {
            expectClose(out, expected, name)
        } else {
            #expect(out.shape == expected.shape)
            #expect(out.int64s == expected.int64s, "\(name) values")
        }
        #expect(out.gradFnName == spec.grad_fn, "\(name) grad_fn")
        // The repr is checked on PyTorch's own values: recomputed values may round differently
        // in the fourth decimal.
        let shown = expected.detach()
        if let fn = out.gradFnName { shown.gradFn = GradNode(name: fn, inputs: [], outputShape: shown.shape, backward: { _ in [] }) }
        #expect(shown.description == spec.repr, "\(name) repr")
        guard let grads = spec.grads else { return }
        try out.backward(gradient: data.require("\(name)/seed"))
        for k in 0..<spec.inputs {
            if grads.contains(k) {
                expectClose(inputs[k].grad, try data.require("\(name)/grad\(k)"), "\(name) grad\(k)")
            } else {
                #expect(inputs[k].grad == nil, "\(name) input \(k) should get no grad")
            }
        }
    }
}
