# re: pattern syntax errors with CPython's messages and positions, escape, purge, flags
import re
for bad in ['(', '(a(b', ')', '*', 'a**', 'a*??', '[a', 'a{2,1}', r'\q', '(?P<1>a)', '[b-a]', r'\1', '\\', '(?P=x)',
            '(?P<a>x)(?P<a>y)', '(?z)', 'a(?i)b', r'\x4', r'\777', '(a)\\2', '^*', '(?<=a+)b', '(?P<a', 'a|*', r'\u12',
            '(?', '[]', '(?i', 'a\n(', r'(a\1)', 'x++', '[z-a]', r'\p{L}', '(?#unterminated']:
    try:
        re.compile(bad)
        print(repr(bad), 'compiles')
    except re.error as e:
        print(repr(bad), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == bad)
print(re.escape('a.b*c (d) [x]{1} ^$|\\ #&~-'), re.escape('naïve_123'), re.escape(b'a.b'))
print(re.compile('a', re.I), re.compile(r'^\s*#', re.M | re.I), re.compile('a', re.I | re.S | re.A), re.compile(b'a+', re.I))
print(re.compile('(?i)x').flags, re.compile('x', re.X).flags, re.compile(b'x').flags, re.compile('x', re.A).flags)
print(re.IGNORECASE == re.I, re.I == 2, int(re.M | re.S), int(re.VERBOSE), re.ASCII + 0, re.A & re.ASCII == re.A)
print(re.compile('a') is re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') == re.compile('a'), len({re.compile('x'), re.compile('x')}))
p = re.compile(r'(?P<word>\w+)\s(?P<num>\d+)(x)?')
print(p.groups, p.groupindex, p.pattern, re.compile(re.compile('ab')).pattern)
print(repr(re.compile('x' * 300))[-10:])
re.purge()
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: re.compile(re.compile('a'), re.I))
attempt(lambda: re.compile(b'a', re.U))
attempt(lambda: re.compile('a', re.A | re.U))
