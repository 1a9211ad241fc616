# reading the generated fixtures: UTF-8 with accents, CRLF line ends, Latin-1, with each errors handler
names = open('accents_utf8.txt', encoding='utf-8').read().strip().split('\n')
print(names, len(names))
print(open('accents_crlf.txt', encoding='utf-8').readlines()[:2])
print(open('accents_crlf.txt', encoding='utf-8', newline='').readlines()[:2])
print(open('latin1.txt', encoding='latin-1').read().split())
for errors in ('ignore', 'replace'):
    print(errors, open('latin1.txt', encoding='utf-8', errors=errors).read().split())
try:
    open('latin1.txt', encoding='utf-8').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
try:
    open('accents_utf8.txt', encoding='ascii').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
raw = open('accents_utf8.txt', 'rb').read()
print(raw.decode('utf-8') == open('accents_utf8.txt', encoding='utf-8').read(), raw.count(b'\n'), raw.decode('latin-1')[:8])
print([line.decode().rstrip() for line in open('accents_crlf.txt', 'rb')][:3])
