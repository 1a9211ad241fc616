import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// A linear layer over zero input features still has one output row per input row (the
/// bias), as in PyTorch; the result used to hold no elements for its shape.
@Suite struct LinearEmptyFeatureTests {
    @Test func zeroFeaturesGiveTheBiasPerRow() {
        var h = Harness()
        _ = h.run("import torch\nimport torch.nn as nn\nlin = nn.Linear(0, 2)\ny = lin(torch.zeros(4, 0))\ny.sum().backward()")
        #expect(h.result("y.shape, (y == lin.bias.expand(4, 2)).all().item(), y.numel(), len(y.tolist())") == "(torch.Size([4, 2]), True, 8, 4)")
        #expect(h.result("lin.bias.grad.tolist(), lin.weight.grad.shape") == "([4.0, 4.0], torch.Size([2, 0]))")
        #expect(h.result("(lin(torch.zeros(0)) == lin.bias).all().item()") == "True")
    }
}
