# re: match, fullmatch and search with pos/endpos; match objects' groups, spans and reprs
import re
m = re.match(r'(\w+) (\w+)', 'hello world foo')
print(m, m.group(), m.group(0), m.group(1, 2), m[2], m.groups(), m.span(), m.span(2), m.start(2), m.end(2))
print(m.pos, m.endpos, m.re, m.string, m.lastindex, m.lastgroup, m.regs, bool(m))
m = re.search(r'(?P<first>\d+)-(?P<second>\d+)?', 'tel 123- x')
print(m, m.groups(), m.groups('?'), m.groupdict(), m.groupdict(0), m.span('second'), m.start('first'), m.lastindex, m.lastgroup)
print(m.group('first', 2), m['first'])
m = re.match(r'((a)(b))c', 'abc')
print(m.lastindex, m.regs, m.expand(r'\3\2-\g<1>'))
p = re.compile(r'\d+')
print(p.search('ab12cd345', 4), p.search('ab12cd345', 3, 3), p.search('ab12cd345', 0, 3), p.match('ab12', 2), p.match('ab12'))
print(p.fullmatch('123'), p.fullmatch('123a'), p.fullmatch('a123b', 1, 4), p.search('ab12', -5, 100))
print(re.fullmatch(r'a|ab', 'ab'), re.match('a', 'ba'), re.search('$', 'ab\n'), re.search(r'^b', 'ab', re.M))
print(re.match(r'(a)(b)?', 'ac').groups('-'), re.match('(a)|(b)', 'b').span(1), re.match('(a)|(b)', 'b').group(1))
print(re.match('', ''), re.search('x*', 'abc'), re.match('.', '\n'), re.match('.', '\n', re.S))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: m.group(5))
attempt(lambda: m.group('nope'))
attempt(lambda: re.match(r'(a)', 'a').span(2))
attempt(lambda: re.match('a', 5))
attempt(lambda: re.match('a', b'a'))
attempt(lambda: re.match(b'a', 'a'))
attempt(lambda: re.compile(5))
print(type(re.match('a', 'a')).__name__, type(re.compile('a')).__name__, isinstance(re.compile('a'), re.Pattern), isinstance(m, re.Match))
