s = 'héllo wörld, héllo again hé'
print(s.replace('hé', 'HE'), s.replace('l', ''), s.replace('héllo', 'x', 1), s.replace('', '-')[:20], s.replace('zz', 'y'), s.replace('o', 'oo', 0), s.replace('é', 'e', -1))
print('aaaa'.replace('aa', 'b'), 'a'.replace('a', 'a'*3), ''.replace('', 'x'), 'abc'.replace('c', ''), '😀x😀'.replace('😀', '!'))
print('abcabc'.replace('bc', 'X', 1), 'x'.replace('xx','y'))
