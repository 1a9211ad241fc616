# eval and exec run source in the calling scope: the module, a function's locals, errors.
x = 3
print(eval("x + 1"), eval("  [i * x for i in range(3)]"))
def f(a):
    b = a * 2
    return eval("a + b"), eval("[b for _ in range(2)]") if False else eval("(a, b)")
print(f(5))
exec("y = x * 10\ndef g(n):\n    return n + y\n")
print(y, g(1))
def h():
    exec("z = 5")
    return 'z' in dir()
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
print(list(map(eval, ["1+1", "x"])))
try:
    eval(3)
except TypeError as e:
    print(e)
def counter():
    total = 0
    for k in range(4):
        total = eval("total + k")
    return total
print(counter())
try:
    exec("if True:\nprint(1)")
except SyntaxError as e:
    print(type(e).__name__)
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print(repr(e))
