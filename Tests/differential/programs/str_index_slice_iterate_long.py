ascii_text = 'hello world, this is a line of text\n' * 3000
mixed = 'héllo wörld 😀 — a line\n' * 3000
for data in (ascii_text, mixed, '', 'a', '😀'):
    n = len(data)
    print(n, repr(data[:30]), repr(data[-30:]), repr(data[n // 2:n // 2 + 25]), repr(data[::7000]), repr(data[::-9000]))
    print(repr(data[5:3]), repr(data[-100000:3]), repr(data[3:100000][:4]), repr(data[n - 1:]) if n else '')
    if n:
        print(repr(data[0]), repr(data[-1]), repr(data[n // 3]), repr(data[-n]))
    chunks = [data[p:p + 25] for p in range(0, max(0, n - 26), 25)]
    print(len(chunks), sum(len(c) for c in chunks), repr(chunks[-1]) if chunks else None)
    print(sum(1 for c in data), ''.join(c for c in data[:40]) == data[:40], list(data[:5]), sorted(set(data))[:10])
for bad in (10**6, -10**6):
    try:
        mixed[bad]
    except IndexError as e:
        print('IndexError', e)
it = iter('ab😀')
print(next(it), next(it), next(it), next(it, 'end'))
print(all(mixed[i] == c for i, c in enumerate(mixed)), all(mixed[i:i + 70] == mixed[i:][:70] for i in range(0, len(mixed), 997)))
astral = ('😀a' * 5000) + 'é'
print(len(astral), astral[9999], astral[10000], astral[-2:], astral[63:66], astral[128:130])
