import FoundationEssentials
import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// The lesson's programs with `torch.manual_seed(777)` and the weights their layers draw
/// print exactly what PyTorch prints (tools/fixtures/random_lesson.py).
@Suite struct SeededLessonTests {
    struct Reference: Decodable {
        let seed_line: String
        let programs: [String: String]
    }

    static func reference() throws -> Reference {
        let bytes = try LessonFixtures.readFile(LessonFixtures.fixturesDirectory + "/seeded_lesson.json")
        return try JSONDecoder().decode(Reference.self, from: Data(bytes))
    }

    @Test(arguments: ["rnncell", "rnn", "embedding", "char_lstm", "char_gru", "random_usage"])
    func printsPyTorchsText(_ name: String) throws {
        let reference = try Self.reference()
        var lines = try LessonFixtures.program(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex(of: "import torch"))
        lines.insert(reference.seed_line, at: index + 1)
        var h = Harness()
        let output = h.output(lines.joined(separator: "\n"))
        let expected = try #require(reference.programs[name])
        #expect(expected.count > 200)
        // Every program, the RNNCell one included (its five-term loss now adds up in
        // PyTorch's order), prints PyTorch's text character for character.
        #expect(output == expected)
    }
}
