import FoundationEssentials
@testable import ScriptLibrary
@testable import ScriptSession

/// The character models of tools/fixtures/gated.py (Embedding + 2-layer batch_first LSTM or
/// GRU + Linear, 15 epochs of Adam from PyTorch's initial weights).
enum GatedProgramFixtures {
    struct Index: Decodable {
        let lesson: [String: CharModelCase]
    }

    struct CharModelCase: Decodable {
        let losses: [Double]
        let predictions: [String]
        let repr: String
        let keys: [String]
    }

    static var weightsPath: String { LessonFixtures.fixturesDirectory + "/gated.safetensors" }

    static func model(_ name: String) throws -> CharModelCase {
        let bytes = try LessonFixtures.readFile(LessonFixtures.fixturesDirectory + "/gated.json")
        let index = try JSONDecoder().decode(Index.self, from: Data(bytes))
        guard let entry = index.lesson[name] else { throw LessonFixtures.FixtureError.missing(name) }
        return entry
    }

    /// The program with PyTorch's weights loaded right after `net = CharModel()`.
    static func program(_ name: String) throws -> String {
        let source = try LessonFixtures.program(name)
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("net = CharModel(") }) else {
            throw LessonFixtures.FixtureError.missing("model construction in \(name)")
        }
        lines.insert(contentsOf: [
            "from safetensors.torch import load_file",
            "net.load_state_dict({k[len('\(name)/'):]: v for k, v in load_file('\(weightsPath)').items() if k.startswith('\(name)/')})",
        ], at: index + 1)
        return lines.joined(separator: "\n")
    }
}
