# re: bytes patterns, and the text cleaning RNN tutorials do with re and unicodedata
import re
import unicodedata
print(re.match(b'(\\d+)', b'42abc').group(1), re.sub(b'a', b'\\\\', b'cat'), re.findall(rb'\w+', b'ab c\xe9d'), re.split(rb'\s+', b'a  b'))
print(re.findall(rb'[a-z]+', b'ABC abc', re.I), re.sub(rb'(\d)', rb'<\1>', b'a1b2'), re.search(b'x', bytearray(b'axb')))
def unicode_to_ascii(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')
def normalize_string(s):
    s = unicode_to_ascii(s.lower().strip())
    s = re.sub(r"([.!?])", r" \1", s)
    s = re.sub(r"[^a-zA-Z!?]+", r" ", s)
    return s.strip()
for line in open('accents_utf8.txt', encoding='utf-8').read().split():
    print(normalize_string(line + '!'), end=' | ')
print()
print(normalize_string("Va, je t'aime plus que tout! Où est-il?"), normalize_string('  Ça   coûte 10€.  '))
def tokenize(text):
    return re.findall(r"[\w']+|[.,!?;]", text.lower())
print(tokenize("Hello, world! It's a fine day; isn't it?"))
clean = re.compile(r'<[^>]+>|&\w+;')
print(clean.sub('', '<p>Some <b>bold</b> text&nbsp;here</p>'))
words = re.split(r'\s+', 'the quick  brown\tfox\njumps')
print(words, [w for w in re.split(r'[,;]\s*', 'a, b;c ,d') if w])
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) * 2), 'x1 y22 z333'))
print(re.sub(r'\s+([.,!?])', r'\1', 'Hello , world !'), re.sub(r"(.)\1+", r"\1\1", 'sooooo goooood'))
