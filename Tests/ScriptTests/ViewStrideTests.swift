import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// The differential suite of tools/fixtures/view_strides.py: the strides, contiguity and
/// storage offset of every view-making operation over sources of many layouts (0-d, 0-size
/// and size-1 dimensions, permuted, sliced, stepped, expanded), whether `contiguous()` copies
/// and whether the result shares storage, each run by PyTorch and here and compared as the
/// text a cell shows.
@Suite struct ViewStrideTests {
    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try DifferentialFixture.load("view_strides.json")
        #expect(cases.count > 3400)
        DifferentialFixture.replay(cases, excluded: [], label: "view strides")
    }
}
