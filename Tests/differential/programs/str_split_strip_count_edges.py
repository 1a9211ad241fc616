texts = ['', ' ', '  a b  c  ', 'a\x1cb\x85c\xa0d\u3000e', '\xa0héllo wörld\x1f', 'x\r\ny\rz\n\x0bw\x0cv\x1dq\u2028r\u2029s\x85t',
         'one,two,,three,', 'ab' * 5, '😀, 😀,😀', 'a\tb\nc', 'tail\n']
for t in texts:
    print(repr(t.split()), repr(t.split(None, 1)), repr(t.split(maxsplit=0)), repr(t.split(',')), repr(t.split(',', 1)))
    print(repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr(t.strip('a😀')), repr(t.splitlines()), repr(t.splitlines(True)))
    print(t.count('a'), t.count(','), t.count(''), t.count('ab'), 'b' in t, '😀,' in t, '' in t, repr(t.partition(',')), repr(t.partition('😀')))
    print(repr(t.rsplit(None, 1)), repr(t.rsplit(',', 1)), repr('-'.join(t.split(','))), repr(t.split('ab')))
print('aaa'.count('aa'), 'aaaa'.split('aa'), 'x'.partition('x'), 'abc'.split('abcd'), ''.join([]), ', '.join(['a']))
try:
    'a'.split('')
except ValueError as e:
    print('ValueError', e)
try:
    'a'.partition('')
except ValueError as e:
    print('ValueError', e)
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError', e)
