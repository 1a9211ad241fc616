import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// The lesson's three programs, as written, train to PyTorch's numbers from PyTorch's
/// initial weights (loaded through safetensors right after the model is built).
@Suite struct LessonProgramTests {
    /// The program with a weight-loading line after `net = Model(...)`; `prefix` maps the
    /// fixture's names (`rnncell/weight_ih`) to the model's (`rnncell.weight_ih`).
    func program(_ name: String, fixturePrefix: String, modelPrefix: String) throws -> String {
        let source = try LessonFixtures.program(name)
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("net = Model(") }) else {
            Issue.record("no model construction in \(name)")
            return source
        }
        lines.insert(contentsOf: [
            "from safetensors.torch import load_file",
            "net.load_state_dict({'\(modelPrefix)' + k[len('\(fixturePrefix)'):]: v for k, v in load_file('\(LessonFixtures.weightsPath)').items() if k.startswith('\(fixturePrefix)')})",
        ], at: index + 1)
        return lines.joined(separator: "\n")
    }

    func check(_ output: String, against reference: LessonFixtures.LessonCase) {
        let epochs = LessonFixtures.epochs(in: output)
        #expect(epochs.count == 15)
        #expect(epochs.map(\.prediction) == reference.predictions)
        for (epoch, expected) in zip(epochs, reference.losses) {
            #expect(abs(epoch.loss - expected) <= 1e-4, "loss \(epoch.loss) vs PyTorch \(expected)")
        }
    }

    func run(_ source: String, cells: Bool) -> (String, [ExecutionOutcome]) {
        let session = Session()
        let host = RecordingHost()
        var outcomes: [ExecutionOutcome] = []
        if cells {
            // Split where a top-level comment starts a section, as a student would.
            var chunks: [[Substring]] = [[]]
            for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("# ") && !(chunks.last?.isEmpty ?? true) { chunks.append([]) }
                chunks[chunks.count - 1].append(line)
            }
            for (n, chunk) in chunks.enumerated() {
                outcomes.append(session.execute(chunk.joined(separator: "\n"), cellName: "Cell In[\(n + 1)]", host: host))
            }
        } else {
            outcomes.append(session.execute(source, cellName: "lesson.recur", host: host))
        }
        return (host.stdout, outcomes)
    }

    @Test(arguments: [("rnncell", "rnncell/", "rnncell."), ("rnn", "rnn/", "rnn."), ("embedding", "embedding/", "")], [false, true])
    func trainsLikePyTorch(_ program: (String, String, String), asCells: Bool) throws {
        let source = try self.program(program.0, fixturePrefix: program.1, modelPrefix: program.2)
        let (output, outcomes) = run(source, cells: asCells)
        for outcome in outcomes {
            if case .failure(let failure) = outcome { Issue.record("\(failure.traceback.joined(separator: "\n"))") }
        }
        check(output, against: try LessonFixtures.lesson(program.0))
    }

    @Test func theEmbeddingModelPrintsAndNamesItsParametersAsPyTorch() throws {
        var h = Harness()
        _ = h.run(try LessonFixtures.program("embedding"))
        #expect(h.result("print(net)") == nil)
        #expect(h.host.stdout.hasSuffix(try #require(LessonFixtures.lesson("embedding").repr) + "\n"))
        #expect(h.output("print(list(net.state_dict().keys()))")
                == "['emb.weight', 'rnn.weight_ih_l0', 'rnn.weight_hh_l0', 'rnn.bias_ih_l0', 'rnn.bias_hh_l0', 'rnn.weight_ih_l1', 'rnn.weight_hh_l1', 'rnn.bias_ih_l1', 'rnn.bias_hh_l1', 'fc.weight', 'fc.bias']\n")
    }
}

/// The lesson's two usage snippets (random inputs): they run as written and print the shapes
/// and `grad_fn`s PyTorch prints.
@Suite struct LessonUsageTests {
    @Test func rnnCellUsagePrintsShapesPerStep() throws {
        var h = Harness()
        let output = h.output(try LessonFixtures.program("rnncell_usage"))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0 == "Input size:  torch.Size([1, 4])" }.count == 3)
        #expect(lines.filter { $0 == "outputs size:  torch.Size([1, 2])" }.count == 3)
        #expect(lines.first == "==================== 0 ====================")
        #expect(lines.filter { $0.hasSuffix("grad_fn=<TanhBackward0>)") }.count == 3)
    }

    @Test func rnnUsagePrintsOutputAndHidden() throws {
        var h = Harness()
        let output = h.output(try LessonFixtures.program("rnn_usage"))
        #expect(output.contains("Output size:  torch.Size([3, 1, 2])\n"))
        #expect(output.contains("Hidden size:  torch.Size([1, 1, 2])\n"))
        #expect(output.contains("Output:  tensor([[["))
        #expect(output.contains("Hidden:  tensor([[["))
    }
}
