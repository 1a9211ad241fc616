# re: sub and subn with templates and functions, split, findall, finditer, empty matches
import re
print(re.sub(r'([.!?])', r' \1', 'Hi! How are you?'))
print(re.sub(r'[^a-zA-Z.!?]+', r' ', 'héllo, wörld 12!'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('a', '', 'banana', count=2), re.subn('a', 'o', 'banana'))
print(re.sub(r'(?P<w>\w+)', lambda m: m.group('w').upper(), 'ab cd'), re.sub(r'(\w+)', r'<\g<1>>', 'ab cd'), re.sub(r'(\w+)', r'<\g<0>>', 'ab'))
print(re.sub(r'(?P<y>\d{4})-(?P<m>\d\d)', r'\g<m>/\g<y>', 'on 2024-05 and 1999-12'))
print(re.sub(r'(a)|b', r'[\1]', 'abab'), re.sub('a', r'\n\t\\', 'xa'), repr(re.sub('a', '\\.', 'a')))
print(re.sub('(a)', r'\1\061', 'a'), re.sub('(a)', r'\1\0', 'a') == 'a\0')
print(re.sub('a', lambda m: '', 'banana'), re.subn(r'\s+', ' ', 'a  b\t\nc'), re.sub(r'\s+', ' ', '  lead and trail  ').strip())
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('x*', 'axbc'), re.split(r'\b', 'a b'), re.split('(a)|(b)', 'xaybz'), re.split(',', ''), re.split(r'\s', 'a b', maxsplit=-1))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1b2'), re.findall(r'(a)|b', 'ab'), re.findall('', 'ab'))
print(re.findall(r'[A-Z][a-z]*', 'Hello World FOO'), re.findall(r"\w+|[^\w\s]", "Don't stop, ok?"), re.findall(r'(?:ab)+', 'ababxab'))
print([m.span() for m in re.finditer(r'\d', 'a1b2')], [m.group() for m in re.finditer(r'\w+', 'to be or')], [(m.start(), m.group(1)) for m in re.finditer(r'(\d)x', '1x2y3x')])
p = re.compile(r'\d')
print(p.findall('a1b2c3', 2), p.findall('a1b2c3', 0, 3), p.sub('#', 'a1b2'), p.subn('#', 'a1b2', 1), p.split('a1b2c'))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: re.sub('a', r'\2', 'a'))
attempt(lambda: re.sub('(a)', r'\10', 'a'))
attempt(lambda: re.sub('(a)', r'\g<2>', 'a'))
attempt(lambda: re.sub('(a)', r'\g<x>', 'a'))
attempt(lambda: re.sub('(a)', r'\g<1', 'a'))
attempt(lambda: re.sub('(a)', r'\g<>', 'a'))
attempt(lambda: re.sub('(a)', r'\g<a b>', 'a'))
attempt(lambda: re.sub('(a)', r'\q', 'a'))
attempt(lambda: re.sub('(a)', 'x\\', 'a'))
attempt(lambda: re.sub('a', 5, 'a'))
attempt(lambda: re.sub('a', b'x', 'a'))
for p, r, s in [(b'a', 5, b'a'), (b'a', 'x', b'a'), ('a', b'x', 'a'), ('a', b'x', 'b'), ('a', 'x', b'a'), ('a', lambda m: 5, 'a'),
                ('a', lambda m: b'x', 'a'), ('a', b'\\1', 'a'), (b'(a)', b'<\\1>', bytearray(b'xay')), ('a', lambda m: None, 'bab')]:
    attempt(lambda: re.sub(p, r, s))
print(re.match('(a)(b)', 'ab').expand(r'\2\1'), re.match(b'(a)', b'a').expand(b'[\\1]'), re.sub('a', '', 'aaa'), re.sub('b', 'x', 'aaa'))
