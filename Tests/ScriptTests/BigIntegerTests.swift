import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// Python's arbitrary-precision ints (past 64 bits), run by Recur and by CPython.
@Suite struct BigIntegerTests {
    static let programs: [String] = [
        """
        print(2 ** 100, 10 ** 30 // 7, -(2**63), abs(-2**63), 2**64 - 1, (2**64) % 1000, -(2**70) // 3, -(2**70) % 7)
        import math
        x = 1
        for i in range(1, 31): x *= i
        print(x, x == 265252859812191058636308480000000, x > 2**64, hash(2**100), {2**80: "a"}[2**80])
        print(int("123456789012345678901234567890"), int(1e20), int(-1e25), float(2**70), 2**70 / 2**69, 2**200 / 3)
        print(0xFFFFFFFFFFFFFFFF, 1 << 70, (1 << 70) >> 68, -(1 << 70) >> 3, (2**70) & (2**70 - 1), -(2**65) | 5, (2**66) ^ -1)
        print(str(2**70), repr(-2**70), f"{2**70}", 2**70 + 0.5, 3 * 2**62, (2**62) * 4 - 1)
        print(round(9e18 + 1, -19) if False else round(123456789, -3), round(15, -1), round(25, -1))
        print(sorted([2**70, 5, -2**65, 3.5]), max(2**70, 1), min(-2**90, 0), 2**70 == 2.0**70, 2**70 < float("inf"))
        print(bool(2**70), not 2**70, ~(2**70), -(-2**70), (2**70).bit_length(), divmod(2**70, 3))
        print(int("-99999999999999999999") + 1, 7 ** 40 % 13)
        try:
            print([1][2**70])
        except IndexError as e: print("IndexError", e)
        try:
            str(10 ** 5000)
        except ValueError as e: print("ValueError", str(e)[:40])
        """,
        """
        print(2 ** 1000 % 997, (3 ** 200) // (7 ** 50), -(3 ** 100) // 7, (-(3 ** 100)) % 7, 17 ** 17 * 0)
        print(hash(-1), hash(2**61 - 1), hash(2**61), hash(-2**64), int("ff", 16), int("1" * 30, 2))
        print(round(1.5, -20), round(10**18 + 5, -1), round(-25, -1), round(2**62, -18))
        print('%d' % 2**70, 2**70 * 1.0, int(2.5e30), 12345678901234567890123 // 10**10)
        print(f"{2**70:,}", f"{-2**70:x}", f"{2**70:>30}", f"{2**70:.3e}", "%x" % 2**70, format(2**64, "b")[:5], "%c" % 65)
        """,
        """
        a = 3434021516360879236; b = 3434021516360879140
        print(a == b, a - b, 2**60 + 1 == 2**60, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, {2**60: 1, 2**60 + 1: 2})
        n = float("nan")
        print(n >= 1, n <= 1, n < 1, n > 1, n == n, 1 >= n, sorted([3, 1.5, 2]), 1 == 1.0, True == 1.0, 0.1 + 0.2 == 0.3)
        print(len({1, 1.0, True}), {1: "a", 1.0: "b"}, 2**63 - 1 == float(2**63 - 1), 10**20 == 1e20)
        """,
        """
        import math
        d = {"a": 1, "b": 2}
        print(d.popitem(), d)
        s = {3}
        print(s.pop(), s)
        print("%.3s|%5.2s|" % ("abcdef", "xyz"), math.factorial(25), math.factorial(0), math.gcd(12, 18), math.gcd(2**70, 2**65 * 3), math.gcd())
        class C: pass
        c = C(); c.x = 1; delattr(c, "x"); print(hasattr(c, "x"))
        c.y = 2; print(vars(c))
        try:
            2.0 ** 10000
        except OverflowError as e: print(e)
        try:
            {}.popitem()
        except KeyError as e: print(e)
        try:
            math.factorial(-1)
        except ValueError as e: print(e)
        """,
        """
        print(2 ** 10 ** 9)
        """,
        """
        print(1 << 2 ** 40)
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let program = BigIntegerTests.programs[index]
        var harness = Harness()
        let actual = harness.runLikePython(program)
        if index < 4 {
            #expect(actual == (try CPython.run(program)), "program \(index):\n\(program)")
        } else {
            // CPython builds these (slowly, with gigabytes); Recur stops at its size limit.
            #expect(actual.error == "MemoryError", "program \(index)")
        }
    }
}
