import Testing
@testable import Script
@testable import Rendering
@testable import ScriptLibrary
@testable import ScriptSession

@Suite struct EvaluatorTests {
    @Test func integersFollowPythonSemantics() {
        var h = Harness()
        #expect(h.result("(-7 // 2, -7 % 2, 7 // -2, 7 % -2, 2 ** 10, 2 ** -1, 7 / 2)") == "(-4, 1, -4, -1, 1024, 0.5, 3.5)")
        #expect(h.result("(-7.5 // 2, -7.5 % 2, 5 % 3.0, True + True, ~5, 1 << 4, 255 & 15 | 256 ^ 1)") == "(-4.0, 0.5, 2.0, 2, -6, 16, 271)")
        #expect(h.result("2 ** 64") == "18446744073709551616")
    }

    @Test func floatsPrintLikePython() {
        var h = Harness()
        #expect(h.output("print([0.1, 1.0, 1e16, 1e15, 1.5e-5, 0.0001, -0.0, 2.5e-300, 1/3, float('inf')])")
                == "[0.1, 1.0, 1e+16, 1000000000000000.0, 1.5e-05, 0.0001, -0.0, 2.5e-300, 0.3333333333333333, inf]\n")
    }

    @Test func stringsFormatThreeWays() {
        var h = Harness()
        #expect(h.result("'%d/%d loss=%.4f' % (3, 15, 1.23456)") == "'3/15 loss=1.2346'")
        #expect(h.result("'%5s|%-5s|%05.1f|%x|%r|%%' % ('a', 'b', 3.14159, 255, 'q')") == "\"    a|b    |003.1|ff|'q'|%\"")
        #expect(h.result("w = 7\nf'{3.14159:.2f}|{42:>{w}}|{\"x\"!r}|{1234567:,}|{0.25:.0%}|{{}}'") == "\"3.14|     42|'x'|1,234,567|25%|{}\"")
        #expect(h.result("'{} {:>4} {name}'.format(1, 'ab', name='n')") == "'1   ab n'")
        #expect(h.result("'%(a)s-%(b)d' % {'a': 'x', 'b': 2}") == "'x-2'")
    }

    @Test func comprehensionsAndBuiltinMethodsBindLikePython() {
        var h = Harness()
        #expect(h.result("x = [1, 2, 3]\n([x * 2 for x in x if x != 2], x, [a + b for a in 'ab' for b in 'xy'])") == "([2, 6], [1, 2, 3], ['ax', 'ay', 'bx', 'by'])")
        #expect(h.result("('-'.join([c for c in 'abc']), str.join('+', ['p', 'q']), ''.join([]), [1, 2].count(2), list.count([1, 1], 1))") == "('a-b-c', 'p+q', '', 1, 2)")
        #expect(h.error("'-'.join(['a', 3])") == "TypeError: sequence item 1: expected str instance, int found")
        #expect(h.error("[y for y in 5]") == "TypeError: 'int' object is not iterable")
    }

    @Test func percentFormattingReadsAnyText() {
        var h = Harness()
        #expect(h.result("'损失 %.2f 完%s' % (1.5, '！')") == "'损失 1.50 完！'")
        #expect(h.result("('%*d|%-*d|%.*f|100%%' % (4, 1, 3, 2, 2, 3.14159), '%(名)s=%(b)05d' % {'名': 'x', 'b': 42})") == "('   1|2  |3.14|100%', 'x=00042')")
        #expect(h.error("'%中' % 1")?.hasPrefix("ValueError: unsupported format character '中' (0x4e2d)") == true)
        #expect(h.error("'%(a' % {'a': 1}") == "ValueError: incomplete format key")
        #expect(h.error("'%d %d' % (1,)") == "TypeError: not enough arguments for format string")
        #expect(h.error("'abc %' % ()") == "ValueError: incomplete format")
    }

    @Test func stringMethods() {
        var h = Harness()
        #expect(h.result("' a b  c '.split()") == "['a', 'b', 'c']")
        #expect(h.result("'a,b,,c'.split(',')") == "['a', 'b', '', 'c']")
        #expect(h.result("'-'.join(['x', 'y']) + ' HeLLo '.strip().lower() + 'q'.upper()") == "'x-yhelloQ'")
        #expect(h.result("('hello'[1:4], 'hello'[::-1], 'hello'[-1], 'ell' in 'hello', len('中文'))") == "('ell', 'olleh', 'o', True, 2)")
        #expect(h.result("'hello'.replace('l', 'L').startswith('heL'), 'abc'.find('c'), 'aaa'.count('a')") == "(True, 2, 3)")
    }

    @Test func listsTuplesDictsSets() {
        var h = Harness()
        #expect(h.result("l = [3, 1, 2]\nl.append(5); l.extend([0]); l.insert(0, 9)\nl") == "[9, 3, 1, 2, 5, 0]")
        #expect(h.result("(l.pop(), l.pop(0), l.index(2), sorted(l), sorted(l, reverse=True), l[1:3], l[::-1])")
                == "(0, 9, 2, [1, 2, 3, 5], [5, 3, 2, 1], [1, 2], [5, 2, 1, 3])")
        #expect(h.result("d = {'a': 1}\nd['b'] = 2\n(list(d.keys()), list(d.values()), list(d.items()), d.get('z', 0), 'a' in d)")
                == "(['a', 'b'], [1, 2], [('a', 1), ('b', 2)], 0, True)")
        #expect(h.result("d.keys()") == "dict_keys(['a', 'b'])")
        #expect(h.result("{1, 2} | {2, 3}, set(), (1,), ()") == "({1, 2, 3}, set(), (1,), ())")
        #expect(h.result("l2 = [1, 2, 3, 4]\nl2[1:3] = [9]\ndel l2[0]\nl2") == "[9, 4]")
        #expect(h.result("[x * y for x in range(3) for y in range(2) if x]") == "[0, 1, 0, 2]")
        #expect(h.result("{k: v for k, v in zip('ab', [1, 2])}") == "{'a': 1, 'b': 2}")
        #expect(h.result("sum(x for x in range(5)), max([3, 7, 2]), min(4, 2, 8), abs(-3), round(2.5), round(3.14159, 2)") == "(10, 7, 2, 3, 2, 3.14)")
    }

    @Test func unpackingAndAugmentedAssignment() {
        var h = Harness()
        #expect(h.result("a, (b, c), *d = 1, (2, 3), 4, 5\n(a, b, c, d)") == "(1, 2, 3, [4, 5])")
        #expect(h.result("_, idx = (0.5, 3)\nidx") == "3")
        #expect(h.result("x = 5\nx += 2; x *= 3; x //= 4; x -= 1; x **= 2\nx") == "16")
        #expect(h.result("l = [1]\nm = l\nl += [2]\nm") == "[1, 2]")
    }

    @Test func controlFlow() {
        var h = Harness()
        let out = h.output("""
        for i in range(10):
            if i == 1:
                continue
            if i > 3:
                break
            print(i, end=' ')
        else:
            print('never')
        n = 0
        while True:
            n += 1
            if n >= 3:
                break
        print(n)
        for ch in 'ab':
            pass
        else:
            print('else ran')
        """)
        #expect(out == "0 2 3 3\nelse ran\n")
    }

    @Test func functionsWithDefaultsKeywordsAndClosures() {
        var h = Harness()
        _ = h.run("""
        def f(a, b=2, *args, c=3, **kw):
            return (a, b, args, c, kw)
        def make_adder(n):
            return lambda x: x + n
        def counter():
            count = 0
            def inc():
                nonlocal count
                count += 1
                return count
            return inc
        total = 0
        def bump():
            global total
            total += 10
        """)
        #expect(h.result("f(1)") == "(1, 2, (), 3, {})")
        #expect(h.result("f(1, 5, 6, 7, c=8, z=9)") == "(1, 5, (6, 7), 8, {'z': 9})")
        #expect(h.result("make_adder(3)(4)") == "7")
        #expect(h.result("inc = counter()\ninc(); inc()") == "2")
        #expect(h.result("bump(); bump(); total") == "20")
        #expect(h.error("f()") == "TypeError: f() missing 1 required positional argument: 'a'")
        #expect(h.error("f(1, a=2)") == "TypeError: f() got multiple values for argument 'a'")
        #expect(h.error("make_adder(1, 2)") == "TypeError: make_adder() takes 1 positional argument but 2 were given")
        #expect(h.error("make_adder(m=1)") == "TypeError: make_adder() got an unexpected keyword argument 'm'")
    }

    @Test func classesInheritanceAndSuper() {
        var h = Harness()
        _ = h.run("""
        class Base:
            kind = 'base'
            def __init__(self, x):
                self.x = x
            def describe(self):
                return f'{self.kind}:{self.x}'
        class Child(Base):
            kind = 'child'
            def __init__(self, x, y):
                super().__init__(x)
                self.y = y
            def describe(self):
                return super().describe() + f'+{self.y}'
            def __repr__(self):
                return f'Child({self.x}, {self.y})'
        c = Child(1, 2)
        """)
        #expect(h.result("c.describe()") == "'child:1+2'")
        #expect(h.result("c") == "Child(1, 2)")
        #expect(h.result("isinstance(c, Base), isinstance(c, (int, Child)), issubclass(Child, Base), type(c).__name__") == "(True, True, True, 'Child')")
        #expect(h.error("c.missing") == "AttributeError: 'Child' object has no attribute 'missing'")
        #expect(h.error("Child(1)") == "TypeError: Child.__init__() missing 1 required positional argument: 'y'")
    }

    @Test func namesAssignedInAFunctionAreLocal() {
        var h = Harness()
        _ = h.run("x = 1\ndef reads():\n    return x\ndef shadows():\n    print(x)\n    x = 2\ndef bumps():\n    x += 1\ndef declared():\n    global x\n    x += 1\n    return x")
        #expect(h.result("reads()") == "1")
        #expect(h.error("shadows()") == "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value")
        #expect(h.error("bumps()") == "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value")
        #expect(h.result("declared(), x") == "(2, 2)")
        #expect(h.result("def comp(n):\n    k = 2\n    return [k * i for i in range(n)]\ncomp(3)") == "[0, 2, 4]")
        #expect(h.result("def loop():\n    total = 0\n    for i in range(4):\n        total += i\n    return total\nloop()") == "6")
    }

    @Test func staticClassMethodsAndProperties() {
        var h = Harness()
        _ = h.run("""
        class Temp:
            scale = 'C'
            def __init__(self, degrees):
                self.degrees = degrees
            @property
            def kelvin(self):
                return self.degrees + 273
            @staticmethod
            def add(a, b):
                return a + b
            @classmethod
            def unit(cls):
                return cls.scale
        t = Temp(10)
        """)
        #expect(h.result("t.kelvin, t.add(1, 2), Temp.add(3, 4), t.unit(), Temp.unit()") == "(283, 3, 7, 'C', 'C')")
        #expect(h.error("yield 1") == "SyntaxError: 'yield' outside function")
        #expect(h.error("def g():\n    print((yield 1))").map { $0.hasPrefix("SyntaxError: Recur script accepts 'yield' as a statement") } == true)
    }

    @Test func exceptionsTryExceptFinallyRaise() {
        var h = Harness()
        let out = h.output("""
        class MyError(Exception):
            pass
        def risky(n):
            if n == 0:
                raise MyError('zero')
            return 10 / n
        for n in [2, 0]:
            try:
                print(risky(n))
            except MyError as e:
                print('caught', e, repr(e))
            finally:
                print('done', n)
        try:
            try:
                {}['k']
            except KeyError as e:
                print('key', e)
                raise
        except LookupError:
            print('outer')
        try:
            int('x')
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
        """)
        #expect(out == "5.0\ndone 2\ncaught zero MyError('zero')\ndone 0\nkey 'k'\nouter\nValueError invalid literal for int() with base 10: 'x'\n")
    }

    @Test func statementsBeforeAFailureKeepTheirEffects() {
        var h = Harness()
        #expect(h.error("a = 1\nb = undefined_name\nc = 3") == "NameError: name 'undefined_name' is not defined")
        #expect(h.result("a") == "1")
        #expect(h.error("b") == "NameError: name 'b' is not defined")
        #expect(h.error("c") == "NameError: name 'c' is not defined")
        #expect(h.error("p, q = [1, 2, 3]") == "ValueError: too many values to unpack (expected 2)")
        #expect(h.error("p") == "NameError: name 'p' is not defined")
    }

    @Test func lastExpressionIsTheResultUnlessSemicolonOrNone() {
        var h = Harness()
        #expect(h.result("x = 3\nx * 2") == "6")
        #expect(h.result("x * 2;") == nil)
        #expect(h.result("None") == nil)
        #expect(h.result("print('hi')") == nil)
        #expect(h.result("x = 4") == nil)
    }

    @Test func printSupportsSepEndAndStderr() {
        var h = Harness()
        _ = h.run("import sys\nprint(1, 'a', [2], sep='|', end='!\\n')\nprint('oops', file=sys.stderr)\nsys.stdout.write('w')")
        #expect(h.host.stdout == "1|a|[2]!\nw")
        #expect(h.host.stderr == "oops\n")
    }

    @Test func inputGoesThroughTheHost() {
        let session = Session()
        let host = RecordingHost(inputs: ["42"])
        let outcome = session.execute("n = int(input('n? '))\nn + 1", cellName: "Cell In[1]", host: host)
        #expect(outcome == .success(result: MimeBundle(plainText: "43")))
        #expect(host.prompts == ["n? "])
        if case .failure(let failure) = session.execute("input()", cellName: "Cell In[2]", host: host) {
            #expect(failure.name == "StdinNotImplementedError")
            #expect(failure.message == "raw_input was called, but this frontend does not support input requests.")
        } else {
            Issue.record("input without stdin must fail")
        }
    }

    @Test func withStatementUsesEnterAndExit() {
        var h = Harness()
        let out = h.output("""
        class Ctx:
            def __enter__(self):
                print('enter')
                return 5
            def __exit__(self, a, b, c):
                print('exit')
        with Ctx() as v:
            print(v)
        """)
        #expect(out == "enter\n5\nexit\n")
    }

    @Test func importsStandardModules() {
        var h = Harness()
        #expect(h.result("import math\nmath.sqrt(16), math.floor(2.7), round(math.pi, 3)") == "(4.0, 2, 3.142)")
        #expect(h.result("from math import exp as e\ne(0)") == "1.0")
        #expect(h.error("import numpyy") == "ModuleNotFoundError: No module named 'numpyy'")
        let provided = ModuleLibrary.recur.modules.keys.filter { !$0.contains(".") && !$0.hasPrefix("_") }.sorted().joined(separator: ", ")
        #expect(h.error("import pandas") == "ModuleNotFoundError: No module named 'pandas' (Recur script provides: \(provided))")
        #expect(["collections", "csv", "gzip", "zipfile"].allSatisfy { provided.split(separator: ", ").contains(Substring($0)) })
        #expect(h.error("from math import nothing") == "ImportError: cannot import name 'nothing' from 'math'")
    }
}
