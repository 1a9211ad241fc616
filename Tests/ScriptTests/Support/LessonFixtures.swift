import FoundationEssentials
import Glibc
@testable import ScriptLibrary
@testable import ScriptSession

/// The lesson's PyTorch reference runs (tools/fixtures/generate.py writes them beside the
/// Tensors tests) and the lesson's programs as Recur files.
enum LessonFixtures {
    struct Index: Decodable {
        let lesson: [String: LessonCase]
    }

    struct LessonCase: Decodable {
        let losses: [Double]
        let predictions: [String]
        let repr: String?
    }

    static let testsDirectory: String = {
        let file = #filePath
        let support = file[..<(file.lastIndex(of: "/") ?? file.endIndex)]
        return String(support[..<(support.lastIndex(of: "/") ?? support.endIndex)])
    }()

    static var fixturesDirectory: String {
        let tests = testsDirectory[..<(testsDirectory.lastIndex(of: "/") ?? testsDirectory.endIndex)]
        return tests + "/TensorsTests/Fixtures"
    }

    static var weightsPath: String { fixturesDirectory + "/lesson.safetensors" }

    static func lesson(_ name: String) throws -> LessonCase {
        let bytes = try readFile(fixturesDirectory + "/fixtures.json")
        let index = try JSONDecoder().decode(Index.self, from: Data(bytes))
        guard let entry = index.lesson[name] else { throw FixtureError.missing(name) }
        return entry
    }

    static func program(_ name: String) throws -> String {
        String(decoding: try readFile(testsDirectory + "/Programs/\(name).recur"), as: UTF8.self)
    }

    enum FixtureError: Error {
        case missing(String)
        case unreadable(String)
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = fopen(path, "rb") else { throw FixtureError.unreadable(path) }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, handle)
            bytes.append(contentsOf: buffer[0..<n])
            if n < buffer.count { break }
        }
        return bytes
    }

    /// Each printed epoch line as (predicted string, loss).
    static func epochs(in output: String) -> [(prediction: String, loss: Double)] {
        output.split(separator: "\n").compactMap { line -> (String, Double)? in
            guard let comma = line.firstRange(of: ", Epoch ["), let lossRange = line.firstRange(of: "loss=") else { return nil }
            let head = line[..<comma.lowerBound]
            guard let colon = head.lastIndex(of: ":") else { return nil }
            let prediction = head[head.index(after: colon)...].trimmingCharacters()
            guard let loss = Double(line[lossRange.upperBound...]) else { return nil }
            return (prediction, loss)
        }
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
