import FoundationEssentials
import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Each program in NumPyPrograms/ run by Recur prints, line by line, what NumPy printed for it
/// (tools/fixtures/numpy_cases.py writes the programs and records NumPy's output). Lines named
/// in known_differences.txt (`program:line`) are strict expected differences: one that starts
/// to agree fails until it is removed from the list.
@Suite struct NumPyProgramTests {
    static let directory = LessonFixtures.testsDirectory + "/NumPyPrograms"

    static let names: [String] = {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    static let knownDifferences: Set<String> = {
        guard let data = try? LessonFixtures.readFile("\(directory)/known_differences.txt") else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
    }()

    @Test func everyProgramHasItsReference() throws {
        #expect(NumPyProgramTests.names.count >= 3)
        for name in NumPyProgramTests.names {
            #expect(FileManager.default.fileExists(atPath: "\(NumPyProgramTests.directory)/\(name).expected"), "\(name)")
        }
    }

    @Test(arguments: names)
    func printsWhatNumPyPrints(_ name: String) throws {
        let program = String(decoding: try LessonFixtures.readFile("\(NumPyProgramTests.directory)/\(name).py"), as: UTF8.self)
        let expected = String(decoding: try LessonFixtures.readFile("\(NumPyProgramTests.directory)/\(name).expected"), as: UTF8.self)
        var harness = Harness()
        let run = harness.runLikePython(program)
        let actual = run.stdout + (run.error.isEmpty ? "" : "--- error\n\(run.error)\n")
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(actualLines.count == expectedLines.count, "\(name): line count")
        for (k, line) in expectedLines.enumerated() {
            let got = k < actualLines.count ? actualLines[k] : ""
            let key = "\(name):\(k + 1)"
            if NumPyProgramTests.knownDifferences.contains(key) {
                #expect(got != line, "\(key) now agrees with NumPy: remove it from known_differences.txt")
            } else {
                #expect(got == line, "\(key)")
            }
        }
    }
}
