import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// `t.grad = g` checks `g` as PyTorch does: an optimizer step must never meet a gradient of
/// another size or type.
@Suite struct GradAssignmentTests {
    @Test func mismatchedGradientsAreRefused() {
        var h = Harness()
        _ = h.run("import torch\np = torch.ones(3, requires_grad=True)\nopt = torch.optim.SGD([p], lr=0.5, momentum=0.9)")
        #expect(h.error("p.grad = torch.ones(1)") == "RuntimeError: attempting to assign a gradient of size '[1]' to a tensor of size '[3]'. Please ensure that the gradient and the tensor are the same size")
        #expect(h.error("p.grad = torch.ones(3, dtype=torch.long)")?.hasPrefix("RuntimeError: attempting to assign a gradient with dtype 'long int' to a tensor with grad_dtype 'Float'.") == true)
        #expect(h.result("p.grad is None") == "True")
        #expect(h.result("p.grad = torch.ones(3)\nopt.step()\np.tolist()") == "[0.5, 0.5, 0.5]")
    }
}
