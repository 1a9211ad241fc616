import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// The differential suite of tools/fixtures/float64.py: module conversion to and from
/// float64, layers, activations, losses, recurrent cells and layers (every option) and
/// optimizers in float64, forward and backward, and PyTorch's errors when dtypes mix.
///
/// Values come through `tolist()`, so the text holds every bit. The text outside numbers
/// (dtypes, shapes, `grad_fn` names, errors) must match exactly; each number must match
/// within `relativeTolerance`, because PyTorch's wheel multiplies with MKL's dgemm and sums
/// with ATen's vectorised reductions, whose rounding OpenBLAS's dgemm and Recur's loops do
/// not reproduce in the last bits (differences of a few units in the last place, grown by
/// the recurrences and optimizer steps). The exact matches are counted and printed.
@Suite struct Float64Tests {
    static let relativeTolerance = 1e-9

    /// Cases Recur does not match, by a fragment of their code, with the reason.
    static let excluded: [DifferentialFixture.Exclusion] = []

    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try DifferentialFixture.load("float64.json")
        #expect(cases.count > 150)
        var exact = 0, near = 0, worst = 0.0
        for testCase in cases {
            let got = DifferentialFixture.actual(testCase) ?? ""
            if let reason = DifferentialFixture.exclusion(of: testCase, in: Self.excluded) {
                #expect(got != testCase.expected, "case \(testCase.id) now matches PyTorch; remove its exclusion (\(reason))")
                continue
            }
            guard let expected = testCase.expected else { continue }
            if got == expected {
                exact += 1
                continue
            }
            let deviation = NumberedText.deviation(got, expected)
            #expect(deviation.map { $0 <= Self.relativeTolerance } ?? false,
                    "case \(testCase.id) [\(testCase.group)]:\n\(testCase.code)\nexpected: \(expected)\ngot: \(got)")
            if let deviation, deviation <= Self.relativeTolerance {
                near += 1
                worst = max(worst, deviation)
            }
        }
        print("float64: \(exact) of \(cases.count) cases match PyTorch exactly, \(near) within \(Self.relativeTolerance) (largest relative difference \(worst))")
    }

    @Test func toleranceIsNotVacuous() {
        #expect(NumberedText.deviation("[1.0, 2.5]", "[1.0, 2.5000000000001]") != nil)
        #expect(NumberedText.deviation("[1.0, 2.5]", "[1.0, 2.6]").map { $0 > Self.relativeTolerance } ?? false)
        #expect(NumberedText.deviation("(torch.float64, [1.0])", "(torch.float32, [1.0])") == nil)
        #expect(NumberedText.deviation("[1.0, 2.5]", "[1.0, 2.5, 3.0]") == nil)
        #expect(NumberedText.deviation("[1.0, 2.5]", "[1.0,\n 2.5]") == 0)
        #expect(NumberedText.deviation("[1.0, 2.5]", "[1.0; 2.5]") == nil)
    }
}

/// A text split into its numbers and the text between them.
enum NumberedText {
    /// The largest relative difference between the numbers of two texts that agree outside
    /// their numbers, or nil when the texts differ elsewhere (or in how many numbers they hold).
    static func deviation(_ a: String, _ b: String) -> Double? {
        let (textA, numbersA) = split(a)
        let (textB, numbersB) = split(b)
        // A cell shows IPython's pretty text, which breaks a long list where its width says:
        // numbers of other lengths move the breaks, so whitespace does not count.
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        guard squeezed(textA) == squeezed(textB), numbersA.count == numbersB.count else { return nil }
        var worst = 0.0
        for (x, y) in zip(numbersA, numbersB) where x != y {
            let scale = max(abs(x), abs(y), 1e-300)
            worst = max(worst, abs(x - y) / scale)
        }
        return worst
    }

    /// The text with every number replaced by `#`, and the numbers. A number starts at a digit
    /// not preceded by a letter, digit or underscore (so `float64` and `l0` stay text).
    static func split(_ text: String) -> (String, [Double]) {
        let chars = Array(text)
        var skeleton = ""
        var numbers: [Double] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let previous: Character? = i > 0 ? chars[i - 1] : nil
            let startsNumber = c.isNumber && !(previous.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ?? false)
            guard startsNumber else {
                skeleton.append(c)
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "e"
                || ((chars[j] == "-" || chars[j] == "+") && j > i && chars[j - 1] == "e") {
                j += 1
            }
            var token = String(chars[i..<j])
            // A minus sign belongs to the number.
            if skeleton.hasSuffix("-") {
                skeleton.removeLast()
                token = "-" + token
            }
            if let value = Double(token) {
                numbers.append(value)
                skeleton.append("#")
            } else {
                skeleton += token
            }
            i = j
        }
        return (skeleton, numbers)
    }
}
