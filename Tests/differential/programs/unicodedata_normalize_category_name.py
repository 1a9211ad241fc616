# unicodedata: the four normal forms, categories, names, lookup, numeric values
import unicodedata
import string
names = open('accents_utf8.txt', encoding='utf-8').read().split()
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    out = [unicodedata.normalize(form, n) for n in names]
    print(form, [len(n) for n in out], out == names, [unicodedata.is_normalized(form, n) for n in names][:3])
def unicode_to_ascii(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s)
                   if unicodedata.category(c) != 'Mn' and c in string.ascii_letters + " .,;'")
print([unicode_to_ascii(n) for n in names], unicode_to_ascii('Ślusàrski'))
print(unicodedata.normalize('NFKC', 'ﬁ ① ²'), unicodedata.normalize('NFKD', 'ﬁ ① ²'), [hex(ord(c)) for c in unicodedata.normalize('NFD', 'Å')])
print(unicodedata.normalize('NFC', 'e\u0301') == 'é', 'e\u0301' == 'é', len(unicodedata.normalize('NFD', '한국어')))
print([unicodedata.category(c) for c in 'aA1 ,\u0301\n€½\u2028\ue000\u00ad'])
print(unicodedata.name('é'), unicodedata.name('€'), unicodedata.name('\u4e00'), unicodedata.name('한'), unicodedata.name('\x00', 'none'))
print(unicodedata.lookup('LATIN SMALL LETTER E WITH ACUTE'), unicodedata.lookup('EURO SIGN'), unicodedata.lookup('latin small letter a'))
print(unicodedata.decimal('7'), unicodedata.digit('²'), unicodedata.numeric('½'), unicodedata.numeric('x', -1), unicodedata.combining('\u0301'), unicodedata.mirrored('('))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: unicodedata.normalize('NFX', 'a'))
attempt(lambda: unicodedata.normalize('NFC', 5))
attempt(lambda: unicodedata.category('ab'))
attempt(lambda: unicodedata.name('\x00'))
attempt(lambda: unicodedata.lookup('NO SUCH CHARACTER NAME'))
attempt(lambda: unicodedata.decimal('x'))
attempt(lambda: unicodedata.digit('x'))
attempt(lambda: unicodedata.numeric('x'))
