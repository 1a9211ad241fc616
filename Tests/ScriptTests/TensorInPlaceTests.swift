import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// `t op= value` on a tensor updates that tensor in place, as PyTorch's `__iadd__` family
/// does: every name bound to it sees the change, and a parameter stays the model's leaf.
@Suite struct TensorInPlaceTests {
    @Test func manualGradientStepUpdatesTheLeafItself() {
        var h = Harness()
        _ = h.run("""
        import torch
        w = torch.tensor([1.0, -2.0], requires_grad=True)
        alias = w
        (w * w).sum().backward()
        with torch.no_grad():
            w -= 0.25 * w.grad
        """)
        #expect(h.result("alias is w, w.requires_grad, w.is_leaf, w.tolist()") == "(True, True, True, [0.5, -1.0])")
        #expect(h.result("w.grad.zero_()\n(w * w).sum().backward()\nw.grad.tolist()") == "[1.0, -2.0]")
    }

    @Test func parameterLoopUpdatesTheModule() {
        var h = Harness()
        _ = h.run("""
        import torch
        import torch.nn as nn
        lin = nn.Linear(2, 1)
        before = lin.weight.clone()
        lin(torch.ones(1, 2)).sum().backward()
        with torch.no_grad():
            for p in lin.parameters():
                p -= 0.5 * p.grad
        """)
        #expect(h.result("(lin.weight == before - 0.5).all().item(), lin.weight.requires_grad") == "(True, True)")
    }

    @Test func plainTensorsAreUpdatedForEveryName() {
        var h = Harness()
        _ = h.run("import torch\nt = torch.tensor([1, 2])\nu = t\nt += 1\nf = torch.tensor([1.0, 2.0])\ng = f\nf *= 2")
        #expect(h.result("u.tolist(), u is t, g.tolist(), g is f") == "([2, 3], True, [2.0, 4.0], True)")
    }

    @Test func rejectsWhatPyTorchRejects() {
        var h = Harness()
        _ = h.run("import torch\nleaf = torch.ones(2, requires_grad=True)\nn = torch.tensor([1, 2])\nr = torch.ones(2)")
        #expect(h.error("leaf += 1") == "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.")
        #expect(h.error("n /= 2") == "RuntimeError: result type Float can't be cast to the desired output type Long")
        #expect(h.error("r += torch.ones(2, 2)") == "RuntimeError: output with shape [2] doesn't match the broadcast shape [2, 2]")
        // A non-leaf is recorded as an out-of-place step, so the graph stays right.
        #expect(h.result("y = leaf * 2\ny += 1\ny.sum().backward()\nleaf.grad.tolist(), y.tolist()") == "([2.0, 2.0], [3.0, 3.0])")
        #expect(h.result("total = torch.zeros(2)\ntotal += leaf * 3\ntotal.sum().backward()\nleaf.grad.tolist(), total.requires_grad") == "([5.0, 5.0], True)")
    }
}

/// `p.data` writes bypass autograd, as in PyTorch (the classic `p.data -= lr * p.grad` step).
@Suite struct TensorDataAssignmentTests {
    @Test func dataStepOutsideNoGradUpdatesTheLeaf() {
        var h = Harness()
        _ = h.run("import torch\np = torch.tensor([1.0, 2.0], requires_grad=True)\n(p * p).sum().backward()")
        #expect(h.result("p.data -= 0.25 * p.grad\np.tolist(), p.requires_grad, p.is_leaf") == "([0.5, 1.0], True, True)")
        #expect(h.result("p.data = torch.tensor([3.0, 4.0])\np.tolist(), p.requires_grad") == "([3.0, 4.0], True)")
    }
}
