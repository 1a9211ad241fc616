import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct ShapeTracingTests {
    @Test func shapesMagicTracesLayerCallsWhileOn() {
        let session = Session()
        let host = RecordingHost()
        let cells = [
            "import torch\nrnn = torch.nn.RNN(4, 2)\ncell = torch.nn.RNNCell(4, 2)\nx = torch.zeros(5, 1, 4)\nh = torch.zeros(1, 1, 2)",
            "%shapes on",
            "out, hn = rnn(x, h)\nh1 = cell(torch.zeros(1, 4), torch.zeros(1, 2))",
            "%shapes off",
            "out, hn = rnn(x, h)",
            "%shapes",
        ]
        for (i, cell) in cells.enumerated() {
            if case .failure(let failure) = session.execute(cell, cellName: "In[\(i + 1)]", host: host) {
                Issue.record("cell \(i + 1) failed: \(failure.name): \(failure.message)")
            }
        }
        #expect(host.stdout == """
            RNN(4, 2): input (5, 1, 4), h_0 (1, 1, 2) -> output (5, 1, 2), h_n (1, 1, 2)
            RNNCell(4, 2): input (1, 4), hidden (1, 2) -> h' (1, 2)
            Shape tracing is off.

            """)
    }

    @Test func scriptModuleCallIsTracedAfterTheLayersItCalls() {
        let session = Session()
        let host = RecordingHost()
        let cells = [
            """
            import torch
            class Model(torch.nn.Module):
                def __init__(self):
                    super().__init__()
                    self.emb = torch.nn.Embedding(4, 3)
                    self.rnn = torch.nn.RNN(3, 2, batch_first=True)
                def forward(self, x, scale=1):
                    out, hn = self.rnn(self.emb(x))
                    return out, hn
            net = Model()
            x = torch.LongTensor([[1, 0, 2]])
            """,
            "%shapes on\nout, hn = net(x, scale=2)\n%shapes off\nout, hn = net(x)",
        ]
        for (i, cell) in cells.enumerated() {
            if case .failure(let failure) = session.execute(cell, cellName: "In[\(i + 1)]", host: host) {
                Issue.record("cell \(i + 1) failed: \(failure.name): \(failure.message)")
            }
        }
        #expect(host.stdout == """
            Embedding(4, 3): input (1, 3) -> output (1, 3, 3)
            RNN(3, 2, batch_first=True): input (1, 3, 3) -> output (1, 3, 2), h_n (1, 1, 2)
            Model: input (1, 3) -> output (1, 3, 2), output1 (1, 1, 2)

            """)
    }

    @Test func badArgumentIsAUsageError() {
        let outcome = Session().execute("%shapes maybe", cellName: "In[1]", host: RecordingHost())
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a UsageError")
            return
        }
        #expect(failure.name == "UsageError")
    }
}
