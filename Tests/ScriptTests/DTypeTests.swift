import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// The differential suite of tools/fixtures/dtypes.py: creation and conversion in every dtype,
/// type promotion for every pair of operands across the binary operators, integer overflow,
/// printing of every dtype and print options, float64 random streams (bit for bit, through
/// `tolist()`), float64 gradients and mixed-dtype errors, each run by PyTorch and here and
/// compared as the text a cell shows.
@Suite struct DTypeTests {
    static let otherDTypes = "Recur provides float32, float64, int64, int32, uint8 and bool; other dtypes raise NotImplementedError naming them"

    /// Cases Recur does not match, by a fragment of their code, with the reason. Each must
    /// still fail (a case that starts passing is taken off this list).
    static let excluded: [DifferentialFixture.Exclusion] = [
        ("dtype=torch.int16)", otherDTypes), ("dtype=torch.float16)", otherDTypes), (".half()", otherDTypes),
        (".short()", otherDTypes),
    ]

    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try DifferentialFixture.load("dtypes.json")
        #expect(cases.count > 2000)
        DifferentialFixture.replay(cases, excluded: Self.excluded, label: "dtypes")
    }
}
