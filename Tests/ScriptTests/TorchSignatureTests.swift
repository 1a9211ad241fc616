import Testing
@testable import Script

/// The keyword tables generated from PyTorch's stubs (tools/signatures/generate.py) against
/// what Recur implements: every method has PyTorch's entry, and every keyword Recur reads is
/// one PyTorch declares.
@Suite struct TorchSignatureTests {
    @Test func everyMethodHasPyTorchsSignature() {
        for method in TensorMethod.allCases {
            #expect(TorchSignature.methods[method.rawValue] != nil, "no generated signature for Tensor.\(method.rawValue)")
        }
    }

    @Test func implementedKeywordsArePyTorchs() {
        for method in TensorMethod.allCases {
            guard let signature = TorchSignature.methods[method.rawValue] else { continue }
            let extra = method.implementedKeywords.subtracting(signature.keywords)
            #expect(extra.isEmpty, "Tensor.\(method.rawValue) reads keywords PyTorch does not declare: \(extra.sorted())")
        }
    }

    @Test func forwardedFunctionsHaveSignatures() {
        for name in TorchSignature.functions.keys {
            #expect(TensorMethod.named[name] != nil || name == "where", "torch.\(name) forwards to no Tensor method")
        }
        #expect(TorchSignature.functions.count > 30)
    }

    @Test func keywordsPyTorchAcceptsButRecurLacksAreRefused() {
        var h = Harness()
        _ = h.run("import torch\nx = torch.arange(6.).view(2, 3)")
        #expect(h.error("x.softmax(1, dtype=torch.float32)") == "NotImplementedError: softmax(): the argument 'dtype' is not supported in Recur")
        #expect(h.error("x.tanh(1)")?.hasPrefix("TypeError: ") == true)
    }
}
