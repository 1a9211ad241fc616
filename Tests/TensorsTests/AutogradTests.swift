import Testing
import Glibc
@testable import Tensors

@Suite struct AutogradTests {
    static func leaf(_ values: [Float], _ dims: [Int]) throws -> Tensor {
        let t = try Tensor(floats: values, shape: Shape(dims))
        try t.setRequiresGrad()
        return t
    }

    @Test func gradientsAccumulateAcrossBackwardCalls() throws {
        let a = try Self.leaf([1, 2, 3], [3])
        try (a * a).sum().backward()
        try (a * a).sum().backward()
        #expect(a.grad?.floats == [4, 8, 12])
    }

    @Test func reusedNodeIsVisitedOnceAndGetsAllContributions() throws {
        // b is used three times; a topological sort without a visited set would either
        // double-count b's backward or run it before all contributions arrived.
        let a = try Self.leaf([0.5, -1.0], [2])
        let b = a.tanh()
        let c = try b * b + b
        let d = try (c * b).sum()
        try d.backward()
        let av = a.floats
        let expected = av.map { x -> Float in
            let t = Float(Glibc.tanh(Double(x)))
            return (3 * t * t + 2 * t) * (1 - t * t)
        }
        let grad = try #require(a.grad).floats
        for (g, e) in zip(grad, expected) { #expect(abs(g - e) < 1e-5) }
        #expect(d.topologicalOrder().count == Set(d.topologicalOrder().map(ObjectIdentifier.init)).count)
    }

    @Test func heldGradientSeesLaterAccumulation() throws {
        // PyTorch accumulates into the existing .grad in place: a reference taken after the
        // first backward sees the second one's contribution.
        let a = try Self.leaf([1, 2, 3], [3])
        try (a * a).sum().backward()
        let held = try #require(a.grad)
        let first = held.floats
        try (a * a).sum().backward()
        #expect(a.grad === held)
        #expect(held.floats == zip(first, first).map { $0 + $1 })
    }

    @Test func leavesFedTheSameGradientGetSeparateObjects() throws {
        // An addition hands one gradient object to both operands; accumulating in place into
        // one leaf must not change the other.
        let a = try Self.leaf([1, 2], [2])
        let b = try Self.leaf([3, 4], [2])
        try (a + b).sum().backward()
        #expect(a.grad !== b.grad)
        let before = try #require(b.grad).floats
        try (a * a).sum().backward()
        #expect(b.grad?.floats == before)
    }

    @Test func marksAreClearedAfterEveryPass() throws {
        let a = try Self.leaf([0.5, -1.0], [2])
        let b = a.tanh()
        let d = try (b * b).sum()
        let first = d.topologicalOrder()
        let second = d.topologicalOrder()
        #expect(first.count == second.count)
        #expect(first.allSatisfy { $0.isVisited == false && $0.pending == nil })
        try d.backward(retainGraph: true)
        #expect(first.allSatisfy { $0.isVisited == false && $0.pending == nil })
    }

    @Test func frozenParametersGetNoGradient() throws {
        let g = Generator(seed: 7)
        let cell = try RNNCell(inputSize: 3, hiddenSize: 2, generator: g)
        let linear = try Linear(inFeatures: 2, outFeatures: 2, generator: g)
        try cell.weightHH.setRequiresGrad(false)
        try linear.weight.setRequiresGrad(false)
        let x = try Tensor.randn([4, 3], generator: g)
        try linear(cell(x)).sum().backward()
        #expect(cell.weightHH.grad == nil && linear.weight.grad == nil)
        #expect(cell.weightIH.grad != nil && cell.biasHH?.grad != nil && linear.bias?.grad != nil)
    }

    @Test func detachAndNoGradStopRecording() throws {
        let a = try Self.leaf([1, 2], [2])
        let d = try a.detach() * a
        #expect(!d.detach().requiresGrad)
        let inside = try GradMode.withoutGrad { try a * a }
        #expect(!inside.requiresGrad)
        #expect(inside.gradFnName == nil)
        #expect(GradMode.isEnabled)
        try d.sum().backward()
        #expect(a.grad?.floats == [1, 2])
    }

    @Test func retainGraphAllowsSecondBackward() throws {
        let a = try Self.leaf([3], [1])
        let y = try (a * a).sum()
        try y.backward(retainGraph: true)
        try y.backward()
        #expect(a.grad?.floats == [12])
        #expect(throws: TensorError.backwardThroughFreedGraph) { try y.backward() }
    }

    @Test func backwardWithGradientOnNonScalar() throws {
        let a = try Self.leaf([1, 2], [2])
        let y = try a.arithmetic(.mul, scalar: .int(3))
        try y.backward(gradient: Tensor(floats: [1, 10], shape: Shape([2])))
        #expect(a.grad?.floats == [3, 30])
        #expect(throws: TensorError.self) { try y.backward(gradient: Tensor.ones([3])) }
    }

    @Test func leafRulesFollowPyTorch() throws {
        #expect(throws: TensorError.self) { try Tensor.zeros([2], dtype: .int64).setRequiresGrad() }
        let a = try Self.leaf([1], [1])
        let b = try a * a
        #expect(!b.isLeaf)
        #expect(throws: TensorError.self) { try b.setRequiresGrad(false) }
        #expect(throws: TensorError.self) { try a.assign([.index(0)], value: Tensor(scalar: Float(2))) }
    }

    @Test func retainGradKeepsIntermediateGradient() throws {
        let a = try Self.leaf([2], [1])
        let b = try a * a
        try b.retainGrad()
        try b.arithmetic(.mul, scalar: .int(5)).sum().backward()
        #expect(b.grad?.floats == [5])
        #expect(a.grad?.floats == [20])
    }

    @Test func assignWritesRegionInPlace() throws {
        let t = try Tensor.zeros([2, 3])
        try t.assign([.index(1), .slice(start: 1, end: nil, step: nil)], value: Tensor(scalar: Float(7)))
        #expect(t.floats == [0, 0, 0, 0, 7, 7])
    }
}

@Suite struct SecondBackwardTests {
    static let cases: [String: @Sendable (Tensor, Tensor) throws(TensorError) -> Tensor] = [
        "add_sum": { a, b throws(TensorError) in try (a + b).sum() },
        "view_mean": { a, b throws(TensorError) in try (a.view([-1]) - b.view([-1])).mean() },
        "cat_select": { a, b throws(TensorError) in try Tensor.cat([a, b]).select(dim: 0, index: 1).sum() },
    ]

    @Test func everyFixtureCaseIsCovered() throws {
        let names = try Fixtures.index().twice
        #expect(names.sorted() == Self.cases.keys.sorted())
    }

    /// PyTorch frees only saved tensors: graphs of adds, views and sums may run backward again.
    @Test(arguments: cases.keys.sorted())
    func secondBackwardAccumulatesLikePyTorch(_ name: String) throws {
        let data = try Fixtures.tensors("twice.safetensors")
        let a = try data.require("\(name)/a")
        let b = try data.require("\(name)/b")
        try a.setRequiresGrad()
        try b.setRequiresGrad()
        let op = try #require(Self.cases[name])
        let y = try op(a, b)
        try y.backward()
        try y.backward()
        expectClose(a.grad, try data.require("\(name)/grad_a"))
        expectClose(b.grad, try data.require("\(name)/grad_b"))
    }
}
