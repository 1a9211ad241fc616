import Foundation
import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// torch.save writes PyTorch's bytes and torch.load reads PyTorch's files, against the
/// checkpoints `tools/fixtures/torch_save.py` records with PyTorch in Checkpoints/.
@Suite struct CheckpointTests {
    struct Case: Decodable {
        let program: String
        let load_only: Bool
    }

    static let directory = LessonFixtures.testsDirectory + "/Checkpoints"

    static let cases: [String: Case] = {
        guard let data = FileManager.default.contents(atPath: directory + "/cases.json"),
              let decoded = try? JSONDecoder().decode([String: Case].self, from: data) else { return [:] }
        return decoded
    }()

    static let names = cases.keys.sorted()
    static let savedNames = names.filter { cases[$0]?.load_only == false }

    @Test func fixturesArePresent() {
        #expect(CheckpointTests.names.count >= 19)
        for name in CheckpointTests.names {
            #expect(FileManager.default.fileExists(atPath: "\(CheckpointTests.directory)/\(name).pt"), "\(name)")
            #expect(FileManager.default.fileExists(atPath: "\(CheckpointTests.directory)/\(name).expected"), "\(name)")
        }
    }

    /// The file with the 20 random digits that start `.data/serialization_id` (PyTorch
    /// draws them per file) and the two copies of that record's CRC zeroed.
    static func withoutRandomDigits(_ bytes: [UInt8]) -> [UInt8]? {
        func find(_ marker: [UInt8], from: Int = 0) -> Int? {
            guard bytes.count >= marker.count + from else { return nil }
            for start in from...(bytes.count - marker.count) where bytes[start..<(start + marker.count)].elementsEqual(marker) { return start }
            return nil
        }
        let name = Array("/.data/serialization_id".utf8)
        guard let local = find(name + Array("FB".utf8)) else { return nil }
        let lengthAt = local + name.count + 2
        let data = lengthAt + 2 + (Int(bytes[lengthAt]) | Int(bytes[lengthAt + 1]) << 8)
        guard data + 48 <= bytes.count, bytes.count >= 22 else { return nil }
        var masked = bytes
        masked.replaceSubrange(data..<(data + 20), with: [UInt8](repeating: 0x30, count: 20))
        masked.replaceSubrange((data + 44)..<(data + 48), with: [0, 0, 0, 0])
        // The central directory (from the end record): the same record's CRC.
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        let end = bytes.count - 22
        var at = u16(end + 16) | u16(end + 18) << 16
        for _ in 0..<u16(end + 10) {
            guard at + 46 <= bytes.count else { return nil }
            let nameLength = u16(at + 28)
            guard at + 46 + nameLength <= bytes.count else { return nil }
            if bytes[(at + 46)..<(at + 46 + nameLength)].elementsEqual(bytes[(local - nameLength + name.count)..<(local + name.count)]) {
                masked.replaceSubrange((at + 16)..<(at + 20), with: [0, 0, 0, 0])
            }
            at += 46 + nameLength + u16(at + 30) + u16(at + 32)
        }
        return masked
    }

    @Test(arguments: savedNames)
    func savesPyTorchsBytes(_ name: String) throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        let program = try #require(CheckpointTests.cases[name]).program
        var harness = Harness()
        let run = harness.runLikePython("import torch\n" + program + "\ntorch.save(obj, '\(scratch.path)/\(name).pt')\n")
        #expect(run.error == "", "\(name)")
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(scratch.path)/\(name).pt")))
        let expected = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(CheckpointTests.directory)/\(name).pt")))
        let mine = try #require(CheckpointTests.withoutRandomDigits(written))
        let theirs = try #require(CheckpointTests.withoutRandomDigits(expected))
        #expect(mine.count == theirs.count, "\(name)")
        // The first differing offset, rather than two whole files, when they differ.
        let firstDifference = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil, "\(name)")
    }

    @Test(arguments: names)
    func loadsWhatPyTorchLoads(_ name: String) throws {
        let expected = String(decoding: try LessonFixtures.readFile("\(CheckpointTests.directory)/\(name).expected"), as: UTF8.self)
        var harness = Harness()
        let run = harness.runLikePython("import torch\nprint(torch.load('\(CheckpointTests.directory)/\(name).pt'))\n")
        let actual = run.stdout + (run.error.isEmpty ? "" : run.error + "\n")
        #expect(actual == expected, "\(name)")
    }

    @Test func savedFilesLoadBack() {
        var harness = Harness()
        let run = harness.runLikePython("""
            import torch, io
            base = torch.arange(6.).view(2, 3)
            buf = io.BytesIO()
            torch.save({'base': base, 'row': base[1], 'n': 3}, buf)
            buf.seek(0)
            back = torch.load(buf, map_location='cpu')
            back['row'][0] = 100.
            print(back['base'].tolist(), back['n'])
            buf.seek(0)
            print(torch.load(buf, map_location=lambda storage, loc: storage)['row'].tolist())
            buf.seek(0)
            print(torch.load(buf, map_location={'cpu': 'cpu'}, weights_only=True)['base'].shape)
            """)
        #expect(run.error == "")
        #expect(run.stdout == "[[0.0, 1.0, 2.0], [100.0, 4.0, 5.0]] 3\n[3.0, 4.0, 5.0]\ntorch.Size([2, 3])\n")
    }

    @Test func refusalsNameWhatWorks() {
        var harness = Harness()
        let module = harness.runLikePython("import torch\ntorch.save(torch.nn.Linear(2, 2), 'never.pt')")
        #expect(module.error.hasPrefix("NotImplementedError: torch.save cannot save a whole module (Linear)"))
        #expect(module.error.contains("torch.save(model.state_dict(), f)"))
        let cuda = harness.runLikePython("import torch, io\nb = io.BytesIO()\ntorch.save(torch.ones(1), b)\nb.seek(0)\ntorch.load(b, map_location='cuda')")
        #expect(cuda.error.hasPrefix("RuntimeError: Attempting to deserialize object on a CUDA device"))
        let garbage = harness.runLikePython("import torch, io\ntorch.load(io.BytesIO(b'hello world'))")
        // PyTorch unpickles a file that is not a zip archive: 'h' is BINGET 101, absent from the memo.
        #expect(garbage.error == "KeyError: 101")
    }

    /// Truncated and corrupted checkpoints end in a Python error, never a crash.
    @Test func damagedFilesRaise() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(CheckpointTests.directory)/views.pt")))
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        var harness = Harness()
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<40 {
            var damaged = bytes
            if trial < 20 {
                damaged = Array(bytes.prefix(bytes.count * trial / 20))
            } else {
                // Flip bytes inside data.pkl (stored uncompressed at 64), fixing nothing else.
                for _ in 0..<3 { damaged[64 + Int.random(in: 0..<150, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator) }
            }
            let path = "\(scratch.path)/d\(trial).pt"
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let outcome = harness.run("import torch\ntry:\n    torch.load('\(path)')\nexcept Exception as e:\n    pass\n")
            if case .failure(let failure) = outcome { Issue.record("trial \(trial): \(failure.name): \(failure.message)") }
        }
    }
}

extension CheckpointTests {
    /// A state dict PyTorch saved (an OrderedDict) loads into a Recur module.
    @Test func pyTorchStateDictLoadsIntoAModule() {
        var harness = Harness()
        let run = harness.runLikePython("""
            import torch
            torch.manual_seed(1)
            m = torch.nn.Linear(3, 2)
            print(m.load_state_dict(torch.load('\(CheckpointTests.directory)/linear_state_dict.pt')))
            torch.manual_seed(0)
            print(torch.equal(m.weight, torch.nn.Linear(3, 2).weight))
            """)
        #expect(run.error == "")
        #expect(run.stdout == "<All keys matched successfully>\nTrue\n")
    }
}

extension CheckpointTests {
    /// A checkpoint holding `pickle` as its data.pkl, written to a new file.
    static func archive(_ pickle: [UInt8], in scratch: Scratch, named name: String) throws -> String {
        var writer = TorchArchiveWriter(archiveName: "archive")
        try writer.write("data.pkl", pickle)
        let path = "\(scratch.path)/\(name).pt"
        try Data(try writer.finish()).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Pickles that would run code are refused with PyTorch's texts; hostile shapes end in a
    /// Python error or load, never crash.
    @Test func hostilePicklesAreRefused() throws {
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch.path) }
        func le32(_ n: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) } }
        let proto: [UInt8] = [0x80, 2]
        let call: (String) -> [UInt8] = { global in proto + Array("c\(global)\n".utf8) + [0x58] + le32(2) + Array("ls".utf8) + [0x85, 0x52, 0x2E] }
        // A list nested 100000 deep through the memo: each level gets the previous list back.
        var deep = proto + [0x5D, 0x72] + le32(0)
        for level in 1..<100_000 { deep += [0x6A] + le32(level - 1) + [0x5D, 0x72] + le32(level) + [0x61] }
        deep += [0x6A] + le32(0) + [0x2E]
        let cases: [(String, [UInt8], String)] = [
            ("blocked", call("os\nsystem"), "Trying to load unsupported GLOBAL os.system whose module os is blocked."),
            ("eval", call("builtins\neval"), "GLOBAL eval was not an allowed global by default."),
            ("marks", proto + [UInt8](repeating: 0x28, count: 100_000) + [0x2E], "_pickle.UnpicklingError: Weights only load failed."),
            ("string", proto + [0x58] + le32(0x7FFF_FFFF) + Array("abc.".utf8), "pickle data was truncated"),
            ("deep", deep, "list 1"),
        ]
        var harness = Harness()
        for (name, pickle, expected) in cases {
            let path = try CheckpointTests.archive(pickle, in: scratch, named: name)
            let run = harness.runLikePython("import torch\nr = torch.load('\(path)')\nprint(type(r).__name__, len(r))\ndel r\n")
            let shown = run.error.isEmpty ? run.stdout : run.error
            #expect(shown.contains(expected), "\(name): \(shown.prefix(300))")
        }
    }
}
