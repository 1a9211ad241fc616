def f(a, b, /, c, **kw):
    return a, b, c, kw
print(f(1, 2, 3, a=4), f(1, 2, c=5, b=6))
def g(x, /):
    return x
print(g(1))
for call in (lambda: g(x=1), lambda: f(1, 2), lambda: g(), lambda: g(1, 2)):
    try:
        call()
    except TypeError as e:
        print(e)
h = lambda p, /, q=2: p + q
print(h(1), h(1, q=5))
def k(a, b=1, /, *args, c, **rest): return a, b, args, c, rest
print(k(1, 2, 3, c=4, d=5))
try:
    k(a=1, b=2, c=3)
except TypeError as e: print(e)
def m(a, b, /): pass
try:
    m(a=1, b=2)
except TypeError as e: print(e)
for src in ("def f(/, a): pass", "def f(a, /, /): pass", "def f(*, a, /): pass"):
    try:
        exec(src)
    except SyntaxError as e:
        print(e.msg)
try:
    exec("x = (")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno)
