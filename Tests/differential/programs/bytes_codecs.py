# str.encode / bytes.decode for utf-8, latin-1 and ascii with strict, ignore and replace
text = 'Crème brûlée à Zürich €'
for encoding in ('utf-8', 'UTF8', 'latin-1', 'iso-8859-1', 'ascii'):
    for errors in ('strict', 'ignore', 'replace'):
        try:
            data = text.encode(encoding, errors)
            print(encoding, errors, data, len(data))
        except UnicodeEncodeError as e:
            print(encoding, errors, 'UnicodeEncodeError:', e)
raw = 'Crème €'.encode('utf-8') + b'\xff' + b'tail\xe2\x82'
for encoding in ('utf-8', 'latin-1', 'ascii'):
    for errors in ('strict', 'ignore', 'replace'):
        try:
            print(encoding, errors, repr(raw.decode(encoding, errors)))
        except UnicodeDecodeError as e:
            print(encoding, errors, 'UnicodeDecodeError:', e)
print('é'.encode(), 'é'.encode(encoding='latin-1'), b'\xc3\xa9'.decode(), bytearray(b'\xe9').decode('latin-1'))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'caf\xe9', encoding='latin-1'), str(b'caf\xe9', 'utf-8', 'replace'))
print(bytes('héllo', 'utf-8'), bytearray('héllo', 'latin-1'), bytes('abc', encoding='ascii'))
for bad in (b'\xc3', b'\xe2\x82', b'\xed\xa0\x80', b'\xf8', b'a\x80b'):
    try:
        bad.decode('utf-8')
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
for bad in ('ab€', '€€x', 'x\U0001f600'):
    try:
        bad.encode('ascii')
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError:', e)
try:
    bytes('x')
except TypeError as e:
    print('TypeError:', e)
try:
    bytes(b'x', 'utf-8')
except TypeError as e:
    print('TypeError:', e)
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print('LookupError:', e)
