# bytes literals, escapes and CPython's repr
print(b'hello', b"it's", b'say "hi"', b'both \' and "')
print(b'\x00\x7f\x80\xff', b'\t\n\r\\', rb'\n\x41', b'\101\x41\0')
print(b'a' b'b' b"c", b'''multi
line''')
print(len(b'abc'), b'abc'[0], b'abc'[-1], b'abcdef'[1:4], b'abcdef'[::2], b'abcdef'[::-1])
print(list(b'hi!'), [x + 1 for x in b'ab'], bytes(3), bytes([65, 66, 67]), bytes(b'xy'))
print(bytearray(b'ab'), bytearray(), bytearray(2), bytearray([1, 2]), repr(bytes()), str(b'x'))
print(type(b'').__name__, type(bytearray()).__name__, isinstance(b'', bytes), isinstance(bytearray(), bytes))
print(bool(b''), bool(b'\x00'), b'abc' == b'abc', b'abc' == bytearray(b'abc'), b'abc' == 'abc')
print(b'a' < b'b', b'ab' < b'abc', b'b' > b'abc', sorted([b'b', b'a', b'ab']))
print(b'ab' + b'cd', bytearray(b'ab') + b'cd', b'ab' + bytearray(b'cd'), b'ab' * 3, 2 * b'xy', b'x' * 0)
print(b'a' in b'cab', 97 in b'abc', 120 in b'abc', b'' in b'abc', b'bc' in bytearray(b'abcd'))
print({b'k': 1}[b'k'], len({b'a', b'a', b'b'}), hash(b'abc') == hash(b'abc'))
