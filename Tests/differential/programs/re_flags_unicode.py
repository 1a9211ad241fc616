# re: IGNORECASE, MULTILINE, DOTALL, VERBOSE and ASCII; Unicode classes as Python's str patterns see them
import re
text = 'First line\nsecond Line\n\nTHIRD line'
print(re.findall(r'^\w+', text), re.findall(r'^\w+', text, re.M), re.findall(r'line$', text, re.M | re.I))
print(re.findall(r'.+', text), len(re.findall(r'.+', text, re.DOTALL)), re.findall('(?s)F.*d', text), re.findall('(?m)^$', text))
print(re.findall('[a-z]+', 'ÄBC abc Straße', re.I), re.findall('straße', 'STRASSE Straße', re.I), re.search('(?i:AB)c', 'abc'), re.search('(?i:AB)c', 'abC'))
verbose = re.compile(r"""
    (?P<int>\d+)      # the integer part
    (?:\.(?P<frac>\d*))?  # optional fraction
    \ units           # an escaped space
    [ #]              # a space or hash in a class
""", re.VERBOSE)
print(verbose.findall('12.5 units# 3 units '), verbose.groupindex)
print(re.findall(r'(?x) a b  c # comment', 'abc'), re.findall(r'\w+', 'naïve café über 3² Ωmega 日本語 x_y'))
print(re.findall(r'\w+', 'naïve café', re.ASCII), re.findall(r'(?a)\w+', 'naïve'), re.findall(r'\d', '١٢3'), re.findall(r'\d', '١٢3', re.A))
print([ord(c) for c in re.findall(r'\s', 'a\u00a0b\u2003c\td\x1c')], re.findall(r'\S+', 'a\u00a0b'), re.findall(r'\bé\w*', 'café étude'))
print(re.sub(r'\W', '_', 'é-ß ok!'), re.findall(r'[^\W\d_]+', 'abc123_déf'), re.findall(r'[\w-]+', 'a-b c_d'))
print(re.match(r'\u00e9\x41\101\0', 'éAA\x00'), re.match(r'[\u00e0-\u00ff]+', 'éèà!'), re.findall(r'[\[]', 'a[b'), re.findall('[]a]', 'a]b'))
print(re.findall('[:alpha:]+', 'ab:l'), re.findall(r'a{,2}', 'aaaa'), re.findall('a{}', 'a{}'), re.findall('x{2', 'x{2'), re.findall('{', '{'))
print(re.search(r'\Aab\Z', 'ab\n'), re.search(r'ab$', 'ab\n'), re.search(r'(?<=\$)\d+', 'cost $42'), re.search(r'(?<!x)y', 'xyay'))
print(re.match(r'(\w)\1', 'aa'), re.match(r'(?P<c>\w)(?P=c)', 'bb'), re.match(r'(a)?(?(1)b|c)', 'c'), re.match(r'(?>a+)b', 'aab'))
print(re.findall(r'(?i)ǅ', 'ǆ Ǆ ǅ'), re.findall('[^a]', 'a\nb'), re.split(r'(?<=[.!?]) +', 'One. Two! Three? Four'))
