# str methods match code points: '\r\n' and combining marks are two characters to Python
s = 'a\r\nb\r\nc'
print(s.split('\n'), s.count('\n'), s.find('\n'), '\n' in s, s.replace('\n', '|'), s.index('\n'), s.rfind('\n'))
print(s.partition('\n'), s.rpartition('\r'), s.endswith('\n'), 'x\r\n'.endswith('\n'), s.split('\r'), len(s))
print(s.rsplit('\n', 1), 'e\u0301'.split('e'), 'x\r\n'.rstrip('\n'), s.startswith('a\r'), 'e\u0301' == '\u00e9')
print('a b  c  '.split(None, 1), '  a b c  '.rsplit(None, 1), 'a b c'.rsplit(' ', 1), ' a '.split(None, 0))
print('  a b c  '.rsplit(None, 0), 'abab'.replace('', '-'), 'aaa'.replace('a', 'b', 2), 'aaa'.replace('a', 'b', 0))
print('a,b,c,d'.rsplit(',', 2), 'a,b,c,d'.rsplit(',', maxsplit=1), 'a\r\nb'.splitlines(), 'n\u0303o'.count('n'))
print('a\nb\r\nc\rd\x0be\x1cf\u2028g\n\n'.splitlines(), 'x\ny\n'.splitlines(True), ''.splitlines(), '\n'.splitlines(), 'abc'.splitlines(keepends=True))
