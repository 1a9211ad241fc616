import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// `random` against CPython run live: the same program prints the same numbers.
@Suite struct RandomModuleTests {
    static let program = """
    import random
    for s in [0, 1, 42, -7, 2**40 + 3, -2**62 * 2, 2**64, 3**100, -(7**60), "hello", "", "ünïcode ✓", 3.5, -2.25, 1e300, 0.1, True]:
        random.seed(s)
        print(repr(s), random.random(), random.randint(1, 100), random.randrange(0, 100, 7), random.getrandbits(40), random.getrandbits(7))
    print(random.getrandbits(64), random.getrandbits(100), random.getrandbits(0), random.getrandbits(32))
    random.seed(5)
    x = list(range(20))
    random.shuffle(x)
    print(x)
    print(random.sample(range(100), 10), random.sample(range(1000), 30), random.sample("abcdefgh", 3), random.sample(["a", "b"], counts=[3, 2], k=4))
    print(random.choice("abc"), random.choice([1, 2, 3]), random.choice((7, 8)), random.choices("abc", k=5))
    print(random.choices([1, 2, 3], weights=[1, 5, 2], k=6), random.choices("xy", cum_weights=[1, 3], k=4), random.choices(range(5), [0.5] * 5))
    print(random.uniform(2, 5), random.uniform(-1.5, 0.5), random.gauss(), random.gauss(1, 2), random.gauss(), random.gauss(0.5))
    print(random.normalvariate(0, 1), random.normalvariate(3, 0.5), random.normalvariate())
    state = random.getstate()
    a = [random.random() for _ in range(700)]
    random.setstate(state)
    print(a == [random.random() for _ in range(700)], state[0], state[2], state[1][-1], len(state[1]))
    random.gauss()
    state = random.getstate()
    print(state[2], state[1][-1], state[1][:3])
    r = random.Random(12)
    print(r.random(), r.randint(0, 9), r.choice([4, 5, 6]), r.gauss(), r.getstate()[1][-1])
    r.seed("seed")
    print(r.random(), random.Random().getstate()[0])
    print(random.randrange(10), random.randrange(5, -5, -2), random.randrange(-3, 3), random.randint(-10, -5))
    for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(0, 10, 0),
                lambda: random.choice([]), lambda: random.sample(range(3), 4), lambda: random.choices('ab', [0, 0]),
                lambda: random.sample({1, 2}, 1), lambda: random.seed([1]), lambda: random.getrandbits(-1)]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
    """

    @Test func matchesCPython() throws {
        let expected = try LivePython.output(of: Self.program)
        #expect(expected.split(separator: "\n").count > 20)
        var h = Harness()
        let output = h.output(Self.program)
        let ours = output.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(ours.count == theirs.count)
        for (a, b) in zip(ours, theirs) { #expect(a == b) }
    }
}
