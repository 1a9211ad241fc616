import FoundationEssentials
import Testing

/// The differential suite of tools/fixtures/tensor_semantics.py: views and in-place writes
/// through them, indexing in reads and writes, gradients through views and indexing, and
/// invalid calls, each run by PyTorch and here, compared as the text a cell shows (the value's
/// repr, or the error as `TypeName: message`).
@Suite struct TensorSemanticsTests {
    struct Fixture: Decodable {
        let cases: [Case]
    }

    struct Case: Decodable {
        let id: Int
        let group: String
        let code: String
        let result: String?
        let error: String?

        var expected: String? { error ?? result }
    }

    /// Cases Recur does not match yet, by a fragment of their code, with the reason. Each must
    /// still fail (a case that starts passing is taken off this list).
    static let excluded: [(fragment: String, reason: String)] = [
        ("x.sum(dtype=torch.float32, foo=2)", "an unknown keyword among other keywords of an overloaded method gets the message "
         + "PyTorch gives without them; PyTorch's overload resolution reports the missing 'dim' instead"),
    ]

    static func load() throws -> [Case] {
        let bytes = try LessonFixtures.readFile(LessonFixtures.fixturesDirectory + "/tensor_semantics.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(bytes)).cases
    }

    static func exclusion(of testCase: Case) -> String? {
        excluded.first { testCase.code.contains($0.fragment) }?.reason
    }

    static func actual(_ testCase: Case) -> String? {
        var h = Harness()
        return h.result(testCase.code)
    }

    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try Self.load()
        #expect(cases.count > 1000)
        var passed = 0
        var excludedCount = 0
        for testCase in cases {
            let got = Self.actual(testCase)
            if let reason = Self.exclusion(of: testCase) {
                excludedCount += 1
                #expect(got != testCase.expected, "case \(testCase.id) now matches PyTorch; remove its exclusion (\(reason))")
                continue
            }
            #expect(got == testCase.expected, "case \(testCase.id) [\(testCase.group)]:\n\(testCase.code)")
            if got == testCase.expected { passed += 1 }
        }
        print("tensor semantics: \(passed) of \(cases.count) cases match PyTorch, \(excludedCount) excluded")
    }
}
