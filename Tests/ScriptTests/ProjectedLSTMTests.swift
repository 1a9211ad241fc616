import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// What Recur's projected LSTM does not take is refused by name (PyTorch's own behaviour is
/// checked against its output in TorchPrograms/nn_lstm_proj_size.py).
@Suite struct ProjectedLSTMTests {
    @Test func aPackedSequenceIsRefusedClearly() {
        var h = Harness()
        _ = h.run("""
            import torch
            from torch.nn.utils.rnn import pack_sequence
            m = torch.nn.LSTM(3, 4, proj_size=2)
            packed = pack_sequence([torch.ones(3, 3), torch.ones(2, 3)])
            """)
        #expect(h.error("m(packed)") == "NotImplementedError: LSTM with proj_size takes a padded tensor in Recur, not a PackedSequence")
        #expect(h.error("m(torch.ones(2, 1, 3))") == nil)
    }
}
