import Testing
import Tensors
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct TorchSurfaceTests {
    @Test func importFormsBindTheModules() {
        var h = Harness()
        #expect(h.result("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom torch import nn as nn2, optim\nimport sys, math\nfrom safetensors.torch import save_file, load_file\n(nn is torch.nn, nn2 is nn, optim is torch.optim, F is torch.nn.functional)") == "(True, True, True, True)")
        #expect(h.result("torch.nn.Linear.__name__, torch.cuda.is_available(), torch.device('cpu')") == "('Linear', False, device(type='cpu'))")
        #expect(h.error("import tensorflow")?.hasPrefix("ModuleNotFoundError: No module named 'tensorflow'") == true)
        #expect(h.error("import torch.vision") == "ModuleNotFoundError: No module named 'torch.vision'")
    }

    @Test func unavailableLayersAndExportImportButRefuseToRun() {
        var h = Harness()
        _ = h.run("import torch\nimport torch.nn as nn\nimport torch.onnx\nclass T(nn.Transformer):\n    def __init__(self):\n        super().__init__(d_model=4)")
        #expect(h.result("issubclass(T, nn.Module), nn.TransformerEncoderLayer.__name__") == "(True, 'TransformerEncoderLayer')")
        #expect(h.error("T()")?.hasPrefix("NotImplementedError: nn.Transformer is not available in Recur") == true)
        #expect(h.error("nn.MultiheadAttention(4, 2)")?.hasPrefix("NotImplementedError: nn.MultiheadAttention is not available in Recur") == true)
        #expect(h.error("torch.onnx.export(T, None, 'm.onnx')")?.hasPrefix("NotImplementedError: torch.onnx.export is not available in Recur") == true)
    }

    @Test func outArgumentsOfAnotherShapeAreRefusedNotResized() {
        var h = Harness()
        _ = h.run("import torch\nx = torch.ones(2, 3)\ne = torch.empty(0)")
        #expect(h.error("torch.add(x, x, out=e)")?.hasPrefix("NotImplementedError: add(out=...): Recur writes into an out tensor of the result's shape") == true)
        #expect(h.result("e.shape") == "torch.Size([0])")
        #expect(h.error("torch.sort(x, out=e)")?.hasPrefix("NotImplementedError: sort(out=...) is supported in Recur only for functions returning one tensor") == true)
    }

    @Test func tensorsPrintAsTheTensorsLibraryPrintsThem() throws {
        var h = Harness()
        _ = h.run("import torch\nx = torch.Tensor([[1, 0, 0, 0], [0, 1, 0, 0]]).view(-1, 1, 4)\nl = torch.LongTensor([3, 1, 2])")
        let x = try Tensor(.list([.list([.int(1), .int(0), .int(0), .int(0)]), .list([.int(0), .int(1), .int(0), .int(0)])]), dtype: .float32).view([-1, 1, 4])
        #expect(h.result("x") == x.description)
        #expect(h.result("l") == (try Tensor(.list([.int(3), .int(1), .int(2)]), dtype: .int64)).description)
        #expect(h.result("x.shape") == "torch.Size([2, 1, 4])")
        #expect(h.result("x.size(), x.size(0), x.size(-1), x.numel(), x.dim(), x.dtype, l.dtype") == "(torch.Size([2, 1, 4]), 2, 4, 8, 3, torch.float32, torch.int64)")
        #expect(h.result("x.shape == (2, 1, 4), x.shape[1:], len(x), list(x.shape)") == "(True, torch.Size([1, 4]), 2, [2, 1, 4])")
    }

    @Test func allcloseAndEqualCompareWholeTensors() {
        var h = Harness()
        _ = h.run("import torch\na = torch.tensor([1.0, 2.0, float('inf')])\nb = torch.tensor([1.0, 2.1, float('inf')])\nn = torch.tensor([float('nan'), 1.0])")
        #expect(h.result("torch.allclose(a, a + 1e-7), torch.allclose(a, b), a.allclose(b, atol=0.2)") == "(True, False, True)")
        #expect(h.result("torch.allclose(n, n), torch.allclose(n, n, equal_nan=True), torch.allclose(torch.ones(2, 3), torch.ones(3))") == "(False, True, True)")
        #expect(h.result("torch.equal(torch.tensor([1, 2]), torch.tensor([1.0, 2.0])), torch.equal(torch.ones(2, 1), torch.ones(2)), torch.tensor([1, 2]).equal(torch.tensor([1, 3]))") == "(True, False, False)")
        #expect(h.error("torch.allclose(torch.ones(2), torch.ones(3))")?.hasPrefix("RuntimeError: The size of tensor a (2) must match the size of tensor b (3)") == true)
    }

    @Test func tensorMethodsAndIteration() {
        var h = Harness()
        _ = h.run("import torch\nlabels = torch.LongTensor([3, 1, 2, 3, 2])\nidx2char = ['e', 'h', 'l', 'o']")
        #expect(h.result("''.join([idx2char[x] for x in labels])") == "'ohlol'")
        #expect(h.result("''.join([idx2char[x] for x in labels.data.numpy()])") == "'ohlol'")
        #expect(h.result("labels.tolist(), labels[0].item(), labels.view(-1, 1).shape, labels.float().dtype, labels.long().dtype") == "([3, 1, 2, 3, 2], 3, torch.Size([5, 1]), torch.float32, torch.int64)")
        #expect(h.result("[t.shape for t in torch.zeros(3, 2)]") == "[torch.Size([2]), torch.Size([2]), torch.Size([2])]")
        #expect(h.result("v, i = torch.Tensor([[0, 5, 1], [7, 2, 3]]).max(dim=1)\ni.tolist(), v.tolist()") == "([1, 0], [5.0, 7.0])")
        #expect(h.result("torch.Tensor([[0, 5, 1], [7, 2, 3]]).argmax(dim=1).tolist()") == "[1, 0]")
        #expect(h.result("m = torch.zeros(2, 3)\nm[0, 1] = 4\nm[1] = 2\nm.tolist()") == "[[0.0, 4.0, 0.0], [2.0, 2.0, 2.0]]")
        #expect(h.result("(torch.ones(2, 2) * 3 + 1 - torch.ones(2, 2) / 2).tolist()") == "[[3.5, 3.5], [3.5, 3.5]]")
        #expect(h.result("(2 * torch.ones(2) @ torch.ones(2)).item(), (-torch.ones(1)).item(), (torch.ones(3) ** 2).sum().item()") == "(4.0, -1.0, 3.0)")
        #expect(h.result("torch.arange(0, 6).view(2, 3)[:, 1:].tolist(), torch.arange(4)[-1].item()") == "([[1, 2], [4, 5]], 3)")
        #expect(h.result("x = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\ny.backward()\nx.grad.tolist(), x.requires_grad, y.grad_fn is not None, x.is_leaf") == "([2.0, 2.0], True, True, True)")
        #expect(h.result("with torch.no_grad():\n    z = x * 2\nz.requires_grad, (x * 2).requires_grad") == "(False, True)")
        #expect(h.result("float(torch.ones(1)), int(torch.LongTensor([7])), bool(torch.zeros(1))") == "(1.0, 7, False)")
        #expect(h.result("torch.zeros(2).to(torch.device('cpu')).cpu().shape, torch.zeros(1).to('cpu').dtype") == "(torch.Size([2]), torch.float32)")
    }

    @Test func layersLossesAndOptimizers() {
        var h = Harness()
        _ = h.run("""
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        cell = nn.RNNCell(input_size=4, hidden_size=2)
        rnn = nn.RNN(4, 2, num_layers=2)
        seq = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
        crit = nn.CrossEntropyLoss()
        """)
        #expect(h.result("rnn") == "RNN(4, 2, num_layers=2)")
        #expect(h.result("cell(torch.zeros(1, 4), torch.zeros(1, 2)).shape") == "torch.Size([1, 2])")
        #expect(h.result("out, hidden = rnn(torch.zeros(3, 1, 4), torch.zeros(2, 1, 2))\nout.shape, hidden.shape") == "(torch.Size([3, 1, 2]), torch.Size([2, 1, 2]))")
        #expect(h.result("seq(torch.zeros(5, 4)).shape, len(seq), type(seq[1]).__name__") == "(torch.Size([5, 2]), 3, 'Tanh')")
        #expect(h.output("print([name for name, p in rnn.named_parameters()])") == "['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1']\n")
        #expect(h.result("list(seq.state_dict().keys())") == "['0.weight', '0.bias', '2.weight', '2.bias']")
        #expect(h.result("cell.weight_ih.shape, cell.hidden_size, isinstance(cell, nn.RNNCell), isinstance(cell, nn.Module)") == "(torch.Size([2, 4]), 2, True, True)")
        #expect(h.result("loss = crit(torch.zeros(2, 4), torch.LongTensor([0, 3]))\nloss.shape, loss.requires_grad") == "(torch.Size([]), False)")
        let trained = h.result("""
        opt = torch.optim.SGD(seq.parameters(), lr=0.5)
        x = torch.randn(8, 4)
        y = torch.LongTensor([0, 1, 0, 1, 0, 1, 0, 1])
        first = None
        for step in range(20):
            opt.zero_grad()
            loss = crit(seq(x), y)
            if first is None:
                first = loss.item()
            loss.backward()
            opt.step()
        loss.item() < first
        """)
        #expect(trained == "True")
        #expect(h.result("seq.train() is seq, seq.eval().training, seq.training") == "(True, False, False)")
        #expect(h.result("torch.optim.SGD(seq.parameters(), lr=0.1, momentum=0.9)") == """
        SGD (
        Parameter Group 0
            dampening: 0
            differentiable: False
            foreach: None
            fused: None
            lr: 0.1
            maximize: False
            momentum: 0.9
            nesterov: False
            weight_decay: 0
        )
        """)
        #expect(h.result("o = torch.optim.Adam(seq.parameters(), lr=0.1)\no.param_groups[0]['lr'] = 0.01\no.param_groups[0]['lr']") == "0.01")
        #expect(h.error("torch.save(seq, 'never-written.pt')")?.hasPrefix("NotImplementedError: torch.save cannot save a whole module (Sequential)") == true)
    }

    @Test func moduleSubclassesRegisterWhatIsAssignedToSelf() {
        var h = Harness()
        _ = h.run("""
        import torch
        class Net(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.emb = torch.nn.Embedding(4, 3)
                self.note = 'not a module'
                self.inner = Inner()
                self.fc = torch.nn.Linear(3, 2)
            def forward(self, x):
                return self.fc(self.inner(self.emb(x)))
        class Inner(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.scale = torch.nn.Parameter(torch.ones(3))
            def forward(self, x):
                return x * self.scale
        net = Net()
        """)
        #expect(h.result("[k for k in net.state_dict()]") == "['emb.weight', 'inner.scale', 'fc.weight', 'fc.bias']")
        #expect(h.result("len(list(net.parameters())), net(torch.LongTensor([[0, 1, 2]])).shape") == "(4, torch.Size([1, 3, 2]))")
        #expect(h.result("net") == "Net(\n  (emb): Embedding(4, 3)\n  (inner): Inner()\n  (fc): Linear(in_features=3, out_features=2, bias=True)\n)")
        #expect(h.result("net.load_state_dict(net.state_dict())") == "<All keys matched successfully>")
        #expect(h.result("s = torch.nn.Sequential(Inner(), torch.nn.Tanh())\ns(torch.zeros(1, 3)).shape") == "torch.Size([1, 3])")
        #expect(h.error("class Bad(torch.nn.Module):\n    pass\nBad()(1)") == "NotImplementedError: Module [Bad] is missing the required \"forward\" function")
        // Tensors are values themselves: the same tensor is the same object, as in PyTorch.
        #expect(h.result("(net.fc.weight is net.fc.weight, net.inner.scale is net.inner.scale, net.fc.weight is net.fc.bias)") == "(True, True, False)")
        #expect(h.result("p = torch.nn.Parameter(torch.ones(2))\n(p.requires_grad, p.is_leaf, torch.nn.Parameter(torch.ones(2), requires_grad=False).requires_grad)") == "(True, True, False)")
        #expect(h.result("p") == "Parameter containing:\ntensor([1., 1.], requires_grad=True)")
    }

    @Test func safetensorsRoundTripThroughAFile() {
        var h = Harness()
        let path = "/tmp/recur-script-test-\(UInt32.random(in: 0...UInt32.max)).safetensors"
        #expect(h.result("""
        import torch
        from safetensors.torch import save_file, load_file
        lin = torch.nn.Linear(3, 2)
        save_file(lin.state_dict(), '\(path)')
        other = torch.nn.Linear(3, 2)
        other.load_state_dict(load_file('\(path)'))
        bool((other.weight == lin.weight).all()), sorted(load_file('\(path)').keys())
        """) == "(True, ['bias', 'weight'])")
        #expect(h.error("load_file('/nonexistent/x.safetensors')")?.hasPrefix("OSError") == true)
    }

    @Test func tensorErrorsUsePyTorchsText() {
        var h = Harness()
        _ = h.run("import torch")
        #expect(h.error("torch.zeros(2, 3) @ torch.zeros(2, 3)") == "RuntimeError: mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")
        #expect(h.error("torch.zeros(6).view(4, -1)") == "RuntimeError: shape '[4, -1]' is invalid for input of size 6")
        #expect(h.error("torch.zeros(3)[5]") == "IndexError: index 5 is out of bounds for dimension 0 with size 3")
        #expect(h.error("torch.zeros(2) + torch.zeros(3)") == "RuntimeError: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0")
        #expect(h.error("if torch.zeros(2): pass") == "RuntimeError: Boolean value of Tensor with more than one value is ambiguous")
        #expect(h.error("['a'][torch.zeros(1)]") == "TypeError: only integer tensors of a single element can be converted to an index")
        #expect(h.error("torch.zeros(2).cuda()") == "AssertionError: Torch not compiled with CUDA enabled")
        #expect(h.error("torch.zeros(-2)") == "RuntimeError: Trying to create tensor with negative dimension -2: [-2]")
        #expect(h.error("torch.nn.RNN(4)") == "TypeError: RNN.__init__() missing 1 required positional argument: 'hidden_size'")
    }
}
