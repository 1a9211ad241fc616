import Testing
@testable import Script
@testable import ScriptLibrary
@testable import ScriptSession

/// One expectation per remaining construct of the grammar.
@Suite struct ConstructTests {
    @Test func operatorsPrecedenceAndAssociativity() {
        var h = Harness()
        #expect(h.result("2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 1 + 2 * 3 - 4 / 2, 7 - 3 - 2") == "(512, -4, 4, 5.0, 2)")
        #expect(h.result("1 < 2 <= 2 < 3, 1 < 2 > 5, 3 in [1, 3], 3 not in (1,), None is None, [] is not []") == "(True, False, True, True, True, True)")
        #expect(h.result("x = 5\n'big' if x > 3 else 'small', not x, x and 0, 0 or 'y'") == "('big', False, 0, 'y')")
        #expect(h.result("6 & 3, 6 | 3, 6 ^ 3, ~0, 1 << 3, 16 >> 2") == "(2, 7, 5, -1, 8, 4)")
    }

    @Test func methodsBindSelfBeforeTheirArguments() {
        var h = Harness()
        let classes = """
        class A:
            def __init__(self, k=2): self.k = k
            def f(self, x, y=10): return self.k * x + y
            def g(self, *args, **kw): return (self.k, args, sorted(kw.items()))
        a = A()
        m = a.f
        """
        #expect(h.result(classes + "\n(a.f(1), a.f(1, 2), a.f(x=3), m(4), A.f(a, 5), a.g(1, 2, z=3), a.g(), A(5).f(1))")
                == "(12, 4, 16, 18, 20, (2, (1, 2), [('z', 3)]), (2, (), []), 15)")
        #expect(h.error("a.f()") == "TypeError: A.f() missing 1 required positional argument: 'x'")
        #expect(h.error("m(1, 2, 3)") == "TypeError: A.f() takes from 2 to 3 positional arguments but 4 were given")
        #expect(h.error("a.f(1, x=2)") == "TypeError: A.f() got multiple values for argument 'x'")
    }

    @Test func unpackingMaxAndIteratingTensors() {
        var h = Harness()
        let setup = "import torch\nt = torch.tensor([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]], requires_grad=True)\n"
        #expect(h.result(setup + "v, i = t.max(dim=1)\n(v.tolist(), i.tolist(), v.grad_fn.name())") == "([5.0, 7.0], [1, 0], 'MaxBackward0')")
        #expect(h.result("rows = [r for r in t]\n([r.tolist() for r in rows], rows[0].grad_fn.name(), rows[1].shape)")
                == "([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]], 'UnbindBackward0', torch.Size([3]))")  // PyTorch iterates through unbind(0)
        #expect(h.result("(rows[0] * 2 + rows[1]).sum().backward()\nt.grad.tolist()") == "[[2.0, 2.0, 2.0], [1.0, 1.0, 1.0]]")
        #expect(h.error("a, b, c = t.max(dim=0)") == "ValueError: not enough values to unpack (expected 3, got 2)")
        #expect(h.error("for x in torch.tensor(3.0): pass") == "TypeError: iteration over a 0-d tensor")
    }

    @Test func collectionsAndUnpacking() {
        var h = Harness()
        #expect(h.result("a = {'x': 1}\n{**a, 'y': 2}") == "{'x': 1, 'y': 2}")
        #expect(h.result("{c for c in 'abca'}") == "{'a', 'b', 'c'}")
        #expect(h.result("def f(*args, **kw): return args, kw\nf(*[1, 2], **{'k': 3})") == "((1, 2), {'k': 3})")
        #expect(h.result("[*range(2), *'ab']") == "[0, 1, 'a', 'b']")
        #expect(h.result("first, *middle, last = 'abcd'\nfirst, middle, last") == "('a', ['b', 'c'], 'd')")
        #expect(h.result("t = (1, 2, 3)\nt[::2], t[-2:], list(reversed(t))") == "((1, 3), (2, 3), [3, 2, 1])")
    }

    @Test func unicodeNamesStringsAndComments() {
        var h = Harness()
        #expect(h.result("变量 = '中文'  # 注释\n变量 * 2, len(变量), 变量[::-1]") == "('中文中文', 2, '文中')")
        #expect(h.result("'tab\\there', \"q'uote\", r'\\n', '''multi\nline'''") == "('tab\\there', \"q'uote\", '\\\\n', 'multi\\nline')")
        #expect(h.result("'a' 'b' f'{1+1}'") == "'ab2'")
    }

    @Test func decoratorsWhileElseDelAndWith() {
        var h = Harness()
        let out = h.output("""
        def twice(f):
            def wrapper(*a):
                return f(*a) * 2
            return wrapper
        @twice
        def three():
            return 3
        print(three())
        n = 0
        while n < 2:
            n += 1
        else:
            print('while else', n)
        class O:
            pass
        o = O()
        o.a = 1
        del o.a
        print(hasattr(o, 'a'))
        class C:
            def __init__(self, name):
                self.name = name
            def __enter__(self):
                print('enter', self.name)
                return self.name
            def __exit__(self, *exc):
                print('exit', self.name)
        with C('a') as x, C('b') as y:
            print(x + y)
        """)
        #expect(out == "6\nwhile else 2\nFalse\nenter a\nenter b\nab\nexit b\nexit a\n")
    }

    @Test func exitRunsWhenTheBodyRaises() {
        var h = Harness()
        #expect(h.error("""
        class C:
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                print('cleaned up')
        with C():
            1 / 0
        """) == "ZeroDivisionError: division by zero")
        #expect(h.host.stdout == "cleaned up\n")
    }

    @Test func iteratorsAndBuiltins() {
        var h = Harness()
        #expect(h.result("it = iter([1, 2])\nnext(it), next(it), next(it, 'done')") == "(1, 2, 'done')")
        #expect(h.error("next(iter([]))") == "StopIteration")
        #expect(h.result("list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), any([0, 1]), all([1, 0])") == "(['1', '2'], [1, 2], True, False)")
        #expect(h.result("divmod(-7, 2), pow(2, 5), chr(65), ord('a'), hex(255), bin(5), int('ff', 16)") == "((-4, 1), 32, 'A', 97, '0xff', '0b101', 255)")
        #expect(h.result("list(enumerate('ab', start=1)), list(zip([1, 2, 3], 'ab'))") == "([(1, 'a'), (2, 'b')], [(1, 'a'), (2, 'b')])")
        #expect(h.result("str(3.0), int(3.9), float('1e-3'), bool([]), round(-0.5), round(1.5)") == "('3.0', 3, 0.001, False, 0, 2)")
    }
}
