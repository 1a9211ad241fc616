import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// The differential suite of tools/fixtures/view_strides.py: the strides, contiguity and
/// storage offset of every view-making operation over sources of many layouts (0-d, 0-size
/// and size-1 dimensions, permuted, sliced, stepped, expanded), whether `contiguous()` copies
/// and whether the result shares storage, each run by PyTorch and here and compared as the
/// text a cell shows.
@Suite struct ViewStrideTests {
    /// Cases Recur does not match, by a fragment of their code, with the reason. Each must
    /// still fail (a case that starts passing is taken off this list).
    static let excluded: [DifferentialFixture.Exclusion] = [
        ("a = torch.tensor(5.)\nr = a.unflatten(", "PyTorch's error for unflatten of a 0-dim tensor goes on with the C++ stack "
         + "trace of the error it wraps (addresses and build paths); Recur raises its first two lines"),
    ]

    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try DifferentialFixture.load("view_strides.json")
        #expect(cases.count > 4100)
        DifferentialFixture.replay(cases, excluded: Self.excluded, label: "view strides")
    }
}
