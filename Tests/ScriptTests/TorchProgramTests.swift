import FoundationEssentials
import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Each program in TorchPrograms/ run by Recur prints what PyTorch printed for it
/// (tools/fixtures/torch_programs.py records PyTorch's output beside the program).
@Suite struct TorchProgramTests {
    static let directory = LessonFixtures.testsDirectory + "/TorchPrograms"

    static let names: [String] = {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test func everyProgramHasItsReference() throws {
        #expect(!TorchProgramTests.names.isEmpty)
        for name in TorchProgramTests.names {
            #expect(FileManager.default.fileExists(atPath: "\(TorchProgramTests.directory)/\(name).expected"), "\(name)")
        }
    }

    @Test(arguments: names)
    func printsWhatPyTorchPrints(_ name: String) throws {
        let program = String(decoding: try LessonFixtures.readFile("\(TorchProgramTests.directory)/\(name).py"), as: UTF8.self)
        let expected = String(decoding: try LessonFixtures.readFile("\(TorchProgramTests.directory)/\(name).expected"), as: UTF8.self)
        var harness = Harness()
        let run = harness.runLikePython(program)
        let actual = run.stdout + (run.error.isEmpty ? "" : "--- error\n\(run.error)\n")
        #expect(actual == expected, "\(name)")
    }
}
