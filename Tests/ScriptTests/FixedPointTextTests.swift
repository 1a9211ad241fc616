import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

/// The exact fixed-point path must print what the C library prints (CPython's rounding) for
/// every value and precision it accepts.
@Suite struct FixedPointTextTests {
    static func samples() -> [Double] {
        var bits = SeededGenerator(state: 42)
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-5, 5e-5, 0.00005, 0.99995, 9.99995,
                                2.1859, 3.3423, 7.5668, 1e15, 1e16, 1e17, 9007199254740992, 9007199254740994, 4.5e18, 9.2e18, 1.8e19, 3e19,
                                Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, 1 / 3, 2 / 3, 0.1, 0.7]
        for _ in 0..<3000 {
            // Ordinary magnitudes: a random significand scaled by 2^-40 ... 2^70.
            let exponent = Int(bits.next() % 110) - 40
            let significand = Double(bits.next() >> 11) / Double(1 << 53) + 0.5
            let sign: Double = bits.next() & 1 == 0 ? 1 : -1
            values.append(sign * Double(sign: .plus, exponent: exponent, significand: significand))
        }
        for _ in 0..<1000 {
            // Exact ties at some precision: k / 2^n.
            let n = Int(bits.next() % 20) + 1
            values.append(Double(Int(bits.next() % 100_000)) / Double(1 << n))
        }
        for _ in 0..<1000 {
            let value = Double(bitPattern: bits.next())
            if value.isFinite { values.append(value) }
        }
        return values
    }

    @Test func matchesTheCLibraryForEveryPrecision() {
        var mismatches: [String] = []
        var handled = 0
        for value in Self.samples() {
            for precision in 0...FixedPointText.maxPrecision {
                for alternate in [false, true] where precision == 0 || !alternate {
                    guard let text = FixedPointText.format(value, precision: precision, alternate: alternate) else { continue }
                    handled += 1
                    let reference = formatDoubleWithC(value, "f", precision: precision, alternate: alternate)
                    if text != reference && mismatches.count < 10 {
                        mismatches.append("\(value) %.\(precision)f: \(text) vs \(reference)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(handled > 50_000)
    }

    @Test func leavesWhatItCannotSayToTheCLibrary() {
        #expect(FixedPointText.format(.infinity, precision: 4, alternate: false) == nil)
        #expect(FixedPointText.format(.nan, precision: 4, alternate: false) == nil)
        #expect(FixedPointText.format(1e300, precision: 4, alternate: false) == nil)
        #expect(FixedPointText.format(1.5, precision: 20, alternate: false) == nil)
        #expect(formatDouble(1e300, "f", precision: 2) == formatDoubleWithC(1e300, "f", precision: 2))
        #expect(formatDouble(-.infinity, "F", precision: 2) == formatDoubleWithC(-.infinity, "F", precision: 2))
    }
}
