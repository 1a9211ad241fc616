import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// `collections.Counter` and `defaultdict`, each program run by Recur and by CPython.
@Suite struct CollectionsTests {
    static let programs: [String] = [
        """
        from collections import Counter
        c = Counter('abracadabra')
        print(c, len(c), c['a'], c['z'], 'z' in c, 'a' in c)
        print(c.most_common(), c.most_common(2), c.most_common(0))
        c.update('zzz')
        c.update({'a': 10})
        c.subtract(b=5)
        print(c, c.total(), sorted(c.elements()))
        print(next(Counter(a=10**12).elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
        print(Counter(), Counter(a=2, b=1), Counter({'x': 1, 'y': 3}), bool(Counter()))
        words = 'the cat and the hat and the bat'.split()
        counts = Counter(words)
        for word, n in counts.most_common(3):
            print(word, n)
        print(sorted(counts), list(counts.keys()), list(counts.values()), counts.get('zebra'), counts.get('the'))
        """,
        """
        from collections import Counter
        a, b = Counter(a=3, b=1, c=0), Counter(a=1, b=2, d=4)
        print(a + b, a - b, a | b, a & b, b - a)
        c = a.copy()
        c['e'] = 7
        print(c, a, c == a, Counter('ab') == Counter('ba'), Counter('ab') == {'a': 1, 'b': 1})
        print(type(c).__name__, isinstance(c, Counter), repr(Counter))
        del c['e']
        del c['never']
        print(c, dict(c), dict(Counter('aab'), z=1))
        plain = {'q': 0}
        plain.update(c)
        print(plain)
        """,
        """
        from collections import defaultdict
        d = defaultdict(list)
        for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
            d[word[0]].append(word)
        print(d, len(d), dict(d.items()) == {'a': ['apple', 'avocado'], 'b': ['banana', 'blueberry'], 'c': ['cherry']})
        counts = defaultdict(int)
        for ch in 'mississippi':
            counts[ch] += 1
        print(counts, counts.default_factory, sorted(counts.items()))
        print(defaultdict(lambda: 'n/a')['x'], defaultdict(None, {'k': 1}), 'x' in counts)
        nested = defaultdict(lambda: defaultdict(int))
        nested['a']['b'] += 2
        print(nested['a']['b'], len(nested), counts.get('zz'), counts.pop('m'), list(counts))
        """,
        """
        from collections import OrderedDict as O
        o = O([('a', 1), ('b', 2), ('c', 3)])
        o.move_to_end('a')
        print(o)
        o.move_to_end('c', last=False)
        print(o, list(o), list(o.items()), len(o))
        print(o.popitem(), o.popitem(last=False), o, O(), O(x=1) == O(x=1), O(a=1, b=2) == O(b=2, a=1), O(a=1, b=2) == {'b': 2, 'a': 1})
        o['z'] = 26
        del o['b']
        print(o, o.get('q'), 'z' in o, dict(o), o.copy())
        for k, v in O(zip('xyz', range(3))).items():
            print(k, v)
        """,
        "from collections import OrderedDict\nOrderedDict(a=1).move_to_end('zz')",
        "from collections import OrderedDict\nOrderedDict().popitem()",
        "from collections import OrderedDict\nOrderedDict()['q']",
        "from collections import defaultdict\nd = defaultdict(None)\nd['missing']",
        "from collections import defaultdict\ndefaultdict(3)",
        "from collections import defaultdict\nd = defaultdict(list, a=[1])\ndel d['a']\nprint(d)\ndel d['a']",
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let program = CollectionsTests.programs[index]
        var harness = Harness()
        let expected = try CPython.run(program)
        #expect(harness.runLikePython(program) == expected, "program \(index):\n\(program)")
    }
}
