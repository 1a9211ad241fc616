import Testing
@testable import ScriptLibrary
@testable import ScriptSession

/// `json`, each program run by Recur and by CPython (files in a new directory, `{DIR}`).
@Suite struct JSONTests {
    static let programs: [String] = [
        """
        import json
        data = {'name': 'Zoë', 'n': [1, 2.5, -0.0, 1e20, 1e-7, True, None], 'nested': {'b': [], 'a': {}}, 't': (1, 'x'), 3: 'int key', 2.5: 'f', None: 0, False: 1}
        print(json.dumps(data))
        print(json.dumps(data, indent=2))
        print(json.dumps(data, indent=0))
        print(json.dumps(data, indent='\\t', ensure_ascii=False))
        print(json.dumps({'b': 1, 'a': [1, {'d': 2, 'c': 3}]}, sort_keys=True, indent=4))
        print(json.dumps([1, 2], separators=(',', ':')), json.dumps({'a': 1}, separators=(';', '=')))
        print(json.dumps('tab\\tquote"back\\\\slash\\n\\x01\\x7f é € 😀'), json.dumps('é😀', ensure_ascii=False))
        print(json.dumps(float('nan')), json.dumps([float('inf'), -float('inf')]), json.dumps(12345678901234567890123))
        """,
        """
        import json
        text = '{"a": [1, 2.0, -3e2, 0.5E-1, true, false, null], "b": {"c": "\\\\u00e9\\\\n\\\\ud83d\\\\ude00\\\\/"}, "a": "dup", "big": 123456789012345678901234567890, "nan": NaN, "inf": -Infinity}'
        value = json.loads(text)
        print(value)
        print(json.loads('  [] '), json.loads('{}'), json.loads('"x"'), json.loads('-0'), json.loads(' 1.5 '), json.loads('\\n[\\n1\\n]'))
        print(json.loads(json.dumps({'k': [1, 'two', None]})) == {'k': [1, 'two', None]})
        """,
        """
        import json
        for s in ['', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"a\\\\qb"', '"a\\nb"', '1 2', '{1:2}', '["\\\\u12"]',
                  '  \\n  [tru]', '-', '01', '1.', '1e', '[', '{"a":', '{', '{"a"', '[1', '"\\\\']:
            try:
                print(repr(json.loads(s)))
            except ValueError as e:
                print(repr(s), e)
        try:
            json.loads('nope')
        except json.JSONDecodeError as e:
            print('caught', e)
        """,
        "import json\njson.dumps({1, 2})",
        "import json\njson.dumps({(1, 2): 3})",
        "import json\njson.dumps(float('nan'), allow_nan=False)",
        "import json\njson.dumps({'b': 1, 2: 3}, sort_keys=True)",
        "import json\nx = []\nx.append(x)\njson.dumps(x)",
        "import json\njson.loads(3)",
        "import json\nx = []\nfor i in range(5000):\n    x = [x]\njson.dumps(x)",
        "import json\njson.loads('[' * 5000 + ']' * 5000)",
        "import json\njson.loads('{\"a\":' * 5000 + '1' + '}' * 5000)",
        """
        import json
        record = {'vocab': ['a', 'b'], 'hidden': 128, 'lr': 0.001}
        with open('{DIR}/config.json', 'w') as f:
            json.dump(record, f, indent=2)
        print(open('{DIR}/config.json').read())
        with open('{DIR}/config.json') as f:
            print(json.load(f) == record)
        """,
    ]

    @Test(arguments: programs.indices)
    func matchesCPython(_ index: Int) throws {
        let template = JSONTests.programs[index]
        let run = try Scratch.runBoth(template)
        #expect(run.recur == run.python, "program \(index):\n\(template)")
    }
}
