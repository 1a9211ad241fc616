# repr of bytes and bytearray: which quote, what is escaped (bytearray escapes ' always).
print(repr(bytes([0, 39, 34, 92, 9, 10, 13, 65, 127, 128, 255])), repr(b""), repr(bytearray()))
for data in [b"it's", b'say "hi"', b"both ' and \"", b"\\", b"'", b'"', b"\x00\x7f\x80", bytes(range(256))]:
    print(repr(data), repr(bytearray(data)), str(bytearray(data)), f"{data!r}")
print(len(repr(bytes(100000))), repr(bytes(300000))[-12:])
