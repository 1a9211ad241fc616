import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// The keyword tables generated from PyTorch's stubs (tools/signatures/generate.py) against
/// the declared operations: every operation has PyTorch's entry, and every parameter Recur
/// reads is one PyTorch declares.
@Suite struct TorchSignatureTests {
    @Test func forwardedFunctionsHaveSignatures() {
        for name in TorchSignature.functions.keys {
            let declared = TensorOperation.named[name]?.isFunction == true
            #expect(declared || name == "where", "torch.\(name) has no declared operation")
        }
        #expect(TorchSignature.functions.count > 30)
    }

    @Test func declaredOperationsReadOnlyPyTorchsParameters() {
        for operation in TensorOperations.all {
            let tables = (operation.isMethod ? [(TorchSignature.methods[operation.name], operation.readable)] : [])
                + (operation.isFunction ? [(TorchSignature.functions[operation.name], operation.functionReadable.subtracting(["input"]))] : [])
            for (table, readable) in tables {
                guard let table else {
                    Issue.record("no generated signature for \(operation.name): run tools/signatures/generate.py")
                    continue
                }
                let extra = readable.subtracting(table.keywords)
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
