import FoundationEssentials
import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// A differential fixture written by a script under tools/fixtures: short programs PyTorch ran,
/// each with the repr of its last expression or its error as `TypeName: message`, replayed
/// here through Recur and compared as the text a cell shows.
enum DifferentialFixture {
    struct File: Decodable {
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

    /// A case Recur does not match, found by a fragment of its code, with the reason.
    typealias Exclusion = (fragment: String, reason: String)

    static func load(_ name: String) throws -> [Case] {
        let bytes = try LessonFixtures.readFile(LessonFixtures.fixturesDirectory + "/" + name)
        return try JSONDecoder().decode(File.self, from: Data(bytes)).cases
    }

    static func exclusion(of testCase: Case, in excluded: [Exclusion]) -> String? {
        excluded.first { testCase.code.contains($0.fragment) }?.reason
    }

    /// What Recur shows for the case's last line, in a fresh session.
    static func actual(_ testCase: Case) -> String? {
        var h = Harness()
        return h.result(testCase.code)
    }

    /// Expects every case to match PyTorch, and every excluded case still to differ (an
    /// exclusion that starts passing is to be removed); prints the tally under `label`.
    static func replay(_ cases: [Case], excluded: [Exclusion], label: String) {
        var passed = 0
        var excludedCount = 0
        for testCase in cases {
            let got = actual(testCase)
            if let reason = exclusion(of: testCase, in: excluded) {
                excludedCount += 1
                #expect(got != testCase.expected, "case \(testCase.id) now matches PyTorch; remove its exclusion (\(reason))")
                continue
            }
            #expect(got == testCase.expected, "case \(testCase.id) [\(testCase.group)]:\n\(testCase.code)")
            if got == testCase.expected { passed += 1 }
        }
        print("\(label): \(passed) of \(cases.count) cases match PyTorch, \(excludedCount) excluded")
    }
}
