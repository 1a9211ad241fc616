import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// The differential suite of tools/fixtures/losses.py: the element-wise losses over every
/// pair of operand dtypes (float32, float64, int64, int32, uint8, bool), each reduction,
/// broadcast targets and the nn classes, and `weight=` of `l1_loss`, `mse_loss` and
/// `huber_loss`: the result's dtype, `grad_fn` and values as hex floats, the gradients after a
/// backward pass, or PyTorch's error, each run by PyTorch and here and compared as text.
@Suite struct LossFixtureTests {
    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try DifferentialFixture.load("losses.json")
        #expect(cases.count > 950)
        DifferentialFixture.replay(cases, excluded: [], label: "losses")
    }
}
