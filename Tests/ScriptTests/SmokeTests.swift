import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct SmokeTests {
    @Test func evaluatesArithmetic() {
        var h = Harness()
        #expect(h.result("1 + 2 * 3") == "7")
        #expect(h.result("7 // -2, 7 % -2, -7 // 2, -7 % 2") == "(-4, -1, -4, 1)")
        #expect(h.result("0.1 + 0.2") == "0.30000000000000004")
        #expect(h.result("1e16, 1e-5, 123.0, 1/3") == "(1e+16, 1e-05, 123.0, 0.3333333333333333)")
    }

    @Test func runsTheLessonDataPreparation() {
        var h = Harness()
        let out = h.output("""
        idx2char = ['e', 'h', 'l', 'o']
        x_data = [1, 0, 2, 2, 3]
        one_hot_lookup = [[1, 0, 0, 0],
                          [0, 1, 0, 0],
                          [0, 0, 1, 0],
                          [0, 0, 0, 1]]
        x_one_hot = [one_hot_lookup[x] for x in x_data]
        print(x_one_hot)
        print('Predicted: ', ''.join([idx2char[x] for x in x_data]), end='')
        print(', Epoch [%d/15] loss=%.4f' % (0 + 1, 1.23456))
        """)
        #expect(out == "[[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1]]\nPredicted:  hello, Epoch [1/15] loss=1.2346\n")
    }
}
