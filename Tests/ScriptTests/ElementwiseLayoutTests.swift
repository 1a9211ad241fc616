import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// The differential suite of tools/fixtures/elementwise_layout.py: the memory layout PyTorch's
/// TensorIterator gives element-wise results (unary, binary, comparison, where/clamp,
/// `empty_like`/`zeros_like`/`clone`) over permuted, transposed, sliced, expanded and
/// size-1-dimension operands, seen through `stride()`, `is_contiguous()`, `view(-1)` and the
/// values, each run by PyTorch and here and compared as the text a cell shows.
@Suite struct ElementwiseLayoutTests {
    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try DifferentialFixture.load("elementwise_layout.json")
        #expect(cases.count > 790)
        DifferentialFixture.replay(cases, excluded: [], label: "elementwise layout")
    }
}
