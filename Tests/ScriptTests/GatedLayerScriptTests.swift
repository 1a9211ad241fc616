import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// `nn.LSTM`, `nn.GRU`, `nn.LSTMCell` and `nn.GRUCell` in Recur script: construction, PyTorch's
/// call forms and results, attributes, errors, shape tracing, completion and inspection, and
/// character models that train to PyTorch's numbers.
@Suite struct GatedLayerScriptTests {
    static let setup = """
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        lstm = nn.LSTM(4, 3, num_layers=2, batch_first=True)
        gru = nn.GRU(4, 3)
        lcell = nn.LSTMCell(4, 3)
        gcell = nn.GRUCell(4, 3, bias=False)
        """

    @Test func layersPrintAndExposeTheirConfigurationAsPyTorch() {
        var h = Harness()
        _ = h.run(Self.setup)
        #expect(h.result("lstm") == "LSTM(4, 3, num_layers=2, batch_first=True)")
        #expect(h.result("gru, lcell, gcell") == "(GRU(4, 3), LSTMCell(4, 3), GRUCell(4, 3, bias=False))")
        #expect(h.result("nn.LSTM(4, 8, num_layers=2, batch_first=True)") == "LSTM(4, 8, num_layers=2, batch_first=True)")
        #expect(h.result("lstm.input_size, lstm.hidden_size, lstm.num_layers, lstm.batch_first, lstm.bias") == "(4, 3, 2, True, True)")
        #expect(h.result("gcell.input_size, gcell.hidden_size, gcell.bias, gru.batch_first") == "(4, 3, False, False)")
        #expect(h.output("print([(n, tuple(p.shape)) for n, p in lstm.named_parameters()][:4])")
                == "[('weight_ih_l0', (12, 4)), ('weight_hh_l0', (12, 3)), ('bias_ih_l0', (12,)), ('bias_hh_l0', (12,))]\n")
        #expect(h.output("print((list(gru.state_dict().keys()), [tuple(p.shape) for p in gru.parameters()]))")
                == "(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'], [(9, 4), (9, 3), (9,), (9,)])\n")
        #expect(h.result("list(gcell.state_dict().keys()), lcell.weight_ih.shape") == "(['weight_ih', 'weight_hh'], torch.Size([12, 4]))")
        #expect(h.result("isinstance(lstm, nn.LSTM), isinstance(gru, nn.Module), type(lcell).__name__") == "(True, True, 'LSTMCell')")
    }

    @Test func callsTakeAndReturnPyTorchsForms() {
        var h = Harness()
        _ = h.run(Self.setup)
        #expect(h.result("out, (hn, cn) = lstm(torch.zeros(2, 5, 4))\nout.shape, hn.shape, cn.shape")
                == "(torch.Size([2, 5, 3]), torch.Size([2, 2, 3]), torch.Size([2, 2, 3]))")
        #expect(h.result("out.grad_fn.name(), hn.grad_fn.name(), cn.grad_fn.name()") == "('TransposeBackward0', 'StackBackward0', 'StackBackward0')")
        #expect(h.result("out2, state = lstm(torch.zeros(2, 5, 4), (hn, cn))\ntype(state).__name__, len(state)") == "('tuple', 2)")
        #expect(h.result("out3, _ = lstm(torch.zeros(5, 4), hx=[torch.zeros(2, 3), torch.zeros(2, 3)])\nout3.shape") == "torch.Size([5, 3])")
        #expect(h.result("o, hn = gru(torch.zeros(5, 2, 4), torch.zeros(1, 2, 3))\no.grad_fn.name(), hn.shape") == "('StackBackward0', torch.Size([1, 2, 3]))")
        #expect(h.result("o, hn = gru(input=torch.zeros(5, 4))\no.shape, hn.shape") == "(torch.Size([5, 3]), torch.Size([1, 3]))")
        #expect(h.result("h1, c1 = lcell(torch.zeros(2, 4))\nh1, c1 = lcell(torch.zeros(2, 4), (h1, c1))\nh1.grad_fn.name(), c1.grad_fn.name()") == "('MulBackward0', 'AddBackward0')")
        #expect(h.result("gcell(torch.zeros(4)).grad_fn.name(), gcell(torch.zeros(2, 4), torch.zeros(2, 3)).shape") == "('SqueezeBackward1', torch.Size([2, 3]))")
        #expect(h.result("loss = lstm(torch.ones(1, 2, 4))[0].sum()\nloss.backward()\nlstm.weight_hh_l1.grad.shape") == "torch.Size([12, 3])")
    }

    @Test func wrongArgumentsRaisePyTorchsErrors() {
        var h = Harness()
        _ = h.run(Self.setup)
        #expect(h.error("lstm(torch.zeros(2, 5, 3))") == "RuntimeError: input.size(-1) must be equal to input_size. Expected 4, got 3")
        #expect(h.error("lstm(torch.zeros(2, 5, 4), (torch.zeros(2, 2, 2), torch.zeros(2, 2, 3)))") == "RuntimeError: Expected hidden[0] size (2, 2, 3), got [2, 2, 2]")
        #expect(h.error("lstm(torch.zeros(2, 5, 4), torch.zeros(1, 2, 3))") == "TypeError: lstm(): argument 'hx' must be tuple of Tensors, not Tensor")
        #expect(h.error("lstm(torch.zeros(2, 5, 4), (torch.zeros(2, 2, 3),))") == "IndexError: tuple index out of range")
        #expect(h.error("lstm(torch.zeros(2, 5, 4), torch.zeros(2, 2, 3), torch.zeros(2, 2, 3))") == "TypeError: LSTM.forward() takes from 2 to 3 positional arguments but 4 were given")
        #expect(h.error("lstm(torch.zeros(2, 5, 4), h_0=None)") == "TypeError: LSTM.forward() got an unexpected keyword argument 'h_0'")
        #expect(h.error("lcell(torch.zeros(2, 4), torch.zeros(2, 3))") == "TypeError: lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors, not Tensor")
        #expect(h.error("lcell(torch.zeros(2, 4), (torch.zeros(2, 3), torch.zeros(2, 3), torch.zeros(2, 3)))") == "RuntimeError: lstm_cell expects two hidden states")
        #expect(h.error("gru(torch.zeros(5, 2, 4), (torch.zeros(1, 2, 3),))") == "AttributeError: 'tuple' object has no attribute 'dim'")
        #expect(h.error("gru(torch.zeros(5, 2, 4), torch.zeros(2, 3))") == "RuntimeError: For batched 3-D input, hx should also be 3-D but got 2-D tensor")
        #expect(h.error("gcell(torch.zeros(2, 3))") == "RuntimeError: input has inconsistent input_size: got 3 expected 4")
        #expect(h.error("nn.LSTM(4, 3, proj_size=3)") == "ValueError: proj_size has to be smaller than hidden_size")
        #expect(h.error("nn.GRU(4, 3, nonlinearity='relu')") == "TypeError: GRU.__init__() got an unexpected keyword argument 'nonlinearity'")
        #expect(h.error("nn.LSTMCell(4)") == "TypeError: LSTMCell.__init__() missing 1 required positional argument: 'hidden_size'")
        #expect(h.error("nn.LSTM(4, 10 ** 9, num_layers=10 ** 9)")?.contains("DefaultCPUAllocator: can't allocate memory") == true)
        #expect(h.result("nn.LSTM(4, 3, dropout=0, bidirectional=False, proj_size=0)") == "LSTM(4, 3)")
    }

    @Test func shapesMagicNamesTheStates() {
        var h = Harness()
        _ = h.run(Self.setup)
        let output = h.output("%shapes on\nout, (hn, cn) = lstm(torch.zeros(2, 5, 4))\nh1, c1 = lcell(torch.zeros(4))\no, hn = gru(torch.zeros(5, 1, 4))\nh2 = gcell(torch.zeros(1, 4), torch.zeros(1, 3))\n%shapes off")
        #expect(output == """
            LSTM(4, 3, num_layers=2, batch_first=True): input (2, 5, 4) -> output (2, 5, 3), h_n (2, 2, 3), c_n (2, 2, 3)
            LSTMCell(4, 3): input (4,) -> h_1 (3,), c_1 (3,)
            GRU(4, 3): input (5, 1, 4) -> output (5, 1, 3), h_n (1, 1, 3)
            GRUCell(4, 3, bias=False): input (1, 4), hidden (1, 3) -> h' (1, 3)

            """)
    }

    @Test func completionAndInspectionKnowTheLayers() throws {
        let s = Session()
        _ = s.execute(Self.setup, cellName: "Cell In[1]", host: RecordingHost())
        let layers = s.complete("torch.nn.L", cursor: 10).matches
        #expect(layers.contains("LSTM") && layers.contains("LSTMCell") && layers.contains("Linear"))
        #expect(s.complete("nn.GR", cursor: 5).matches == ["GRU", "GRUCell"])
        let attributes = s.complete("lstm.", cursor: 5).matches
        #expect(attributes.contains("weight_hh_l1") && attributes.contains("num_layers") && attributes.contains("parameters"))
        let doc = try #require(s.inspect("nn.LSTM", cursor: 7, detailLevel: 0))
        #expect(doc.plainText.contains("LSTM(input_size, hidden_size") && doc.plainText.contains("(output, (h_n, c_n))"))
    }

    @Test(arguments: ["char_lstm", "char_gru"], [false, true])
    func characterModelTrainsLikePyTorch(_ name: String, asCells: Bool) throws {
        let source = try GatedProgramFixtures.program(name)
        let reference = try GatedProgramFixtures.model(name)
        var h = Harness()
        if asCells {
            var chunks: [[Substring]] = [[]]
            for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("# ") && !(chunks.last?.isEmpty ?? true) { chunks.append([]) }
                chunks[chunks.count - 1].append(line)
            }
            for chunk in chunks { expectSuccess(h.run(chunk.joined(separator: "\n"))) }
        } else {
            expectSuccess(h.run(source))
        }
        let epochs = LessonFixtures.epochs(in: h.host.stdout)
        #expect(epochs.count == 15)
        #expect(epochs.map(\.prediction) == reference.predictions)
        #expect(epochs.last?.prediction == "ohlol")
        for (epoch, expected) in zip(epochs, reference.losses) {
            #expect(abs(epoch.loss - expected) <= 1e-4, "loss \(epoch.loss) vs PyTorch \(expected)")
        }
        #expect(h.output("print(list(net.state_dict().keys()))") == "[" + reference.keys.map { "'\($0)'" }.joined(separator: ", ") + "]\n")
        #expect(h.output("print(net)") == reference.repr + "\n")
    }

    func expectSuccess(_ outcome: ExecutionOutcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if case .failure(let failure) = outcome {
            Issue.record("\(failure.traceback.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }
}
