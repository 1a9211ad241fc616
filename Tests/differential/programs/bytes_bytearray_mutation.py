# bytearray is mutable: items, slices, append/extend/pop/insert/remove
ba = bytearray(b'hello')
ba[0] = 72
ba.append(33)
ba.extend(b' ok')
ba.extend([65, 66])
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.insert(-1, 95)
ba.remove(111)
print(ba)
ba[1:3] = b'XYZ'
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[0]
del ba[1:3]
print(ba)
alias = ba
alias.clear()
print(ba, alias is ba)
ba = bytearray(b'abc')
ba.reverse()
copy = ba.copy()
copy[0] = 0
print(ba, copy, bytes(ba), ba[0], ba[-1])
frozen = bytes(ba)
print(frozen, type(frozen).__name__)
for bad in (300, -1):
    try:
        ba[0] = bad
    except ValueError as e:
        print('ValueError', e)
try:
    b = b'abc'
    b[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    bytearray().pop()
except IndexError as e:
    print('IndexError', e)
try:
    bytearray(b'a').remove(98)
except ValueError as e:
    print('ValueError', e)
