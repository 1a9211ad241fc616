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
            let declared = TensorOperation.named[name]?.isFunction == true
            #expect(TensorMethod.named[name] != nil || declared || name == "where", "torch.\(name) forwards to no Tensor method")
        }
        #expect(TorchSignature.functions.count > 30)
    }

    @Test func declaredOperationsReadOnlyPyTorchsParameters() {
        for operation in TensorOperations.all {
            let tables = (operation.isMethod ? [TorchSignature.methods[operation.name]] : [])
                + (operation.isFunction ? [TorchSignature.functions[operation.name]] : [])
            for table in tables {
                guard let table else {
                    Issue.record("no generated signature for \(operation.name): run tools/signatures/generate.py")
                    continue
                }
                let extra = Set(operation.parameters + operation.keywordOnly).subtracting(table.keywords)
                #expect(extra.isEmpty, "\(operation.name) reads parameters PyTorch does not declare: \(extra.sorted())")
            }
        }
    }

    @Test func keywordsPyTorchAcceptsButRecurLacksAreRefused() {
        var h = Harness()
        _ = h.run("import torch\nx = torch.arange(6.).view(2, 3)")
        #expect(h.error("x.softmax(1, dtype=torch.float32)") == "NotImplementedError: softmax(): the argument 'dtype' is not supported in Recur")
        #expect(h.error("x.tanh(1)")?.hasPrefix("TypeError: ") == true)
    }
}
