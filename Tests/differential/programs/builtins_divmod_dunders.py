class A:
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
class B:
    def __floordiv__(self, o): return 1
    def __mod__(self, o): return 2
class C:
    def __divmod__(self, o): return NotImplemented
class MyInt(int):
    pass
class D(A):
    def __rdivmod__(self, o): return ("D.rdm", o)
print(divmod(A(), 3), divmod(3, A()), divmod(A(), D())[0])
print(divmod(7, 2), divmod(-7, 2.5), divmod(10**30, 7), divmod(-10**30, 7), divmod(True, 2), divmod(MyInt(7), 2))
for t in ["divmod(1, 'a')", "divmod(B(), 2)", "divmod(C(), 1)", "divmod([], 1)", "divmod(1, 0)", "divmod(1.0, 0)"]:
    try: print(eval(t))
    except (TypeError, ZeroDivisionError) as e: print(t, '->', type(e).__name__, e)
for t in ["divmod(1, 0.0)", "divmod(True, 0.0)", "divmod(2.5, False)"]:
    try: print(eval(t))
    except ZeroDivisionError as e: print(t, "->", e)
