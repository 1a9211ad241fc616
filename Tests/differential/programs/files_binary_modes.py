# open() in binary modes: 'wb', 'ab', 'rb', 'xb'; bytes in and out; seek and tell
with open('t.bin', 'wb') as f:
    print(repr(f), f.mode, f.name, f.write(b'line one\nline two\r\n\x00\xff end'), f.tell())
    f.writelines([b'\nmore', bytearray(b'!')])
    print(f.tell(), f.writable(), f.readable(), f.seekable())
with open('t.bin', 'ab') as f:
    print(f.write(b'\nappended'))
with open('t.bin', 'rb') as f:
    print(repr(f), f.mode, f.read(4), f.tell(), f.readline(), f.readline(3), f.seek(0), f.read(2))
    print(f.seek(-3, 2), f.read(), f.tell(), f.read(), f.seek(2), f.seek(3, 1), f.read(1))
    f.seek(0)
    print(list(f))
print(open('t.bin', 'rb').readlines())
print(open('t.bin', 'rb').read().decode('latin-1').split('\n'))
data = open('accents_utf8.txt', 'rb').read()
print(len(data), data[:8], data.decode('utf-8').split())
buffer = bytearray(5)
with open('t.bin', 'rb') as f:
    print(f.readinto(buffer), buffer)
with open('new.bin', 'xb') as f:
    f.write(bytes(range(10)))
print(open('new.bin', 'rb').read())
try:
    open('new.bin', 'xb')
except FileExistsError as e:
    print('FileExistsError', e)
def attempt(f):
    try:
        print(f())
    except OSError as e:
        print('OSError', isinstance(e, OSError), e)
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: open('t.bin', 'rb', encoding='utf-8'))
attempt(lambda: open('t.bin', 'rb', newline=''))
attempt(lambda: open('nope.bin', 'rb'))
attempt(lambda: open('t.bin', 'rbt'))
attempt(lambda: open('t.bin', 'rb').write(b''))
attempt(lambda: open('v.bin', 'wb').read())
attempt(lambda: open('v.bin', 'wb').write('str'))
g = open('t.bin', 'rb')
g.close()
print(g.closed)
attempt(lambda: g.read())
attempt(lambda: g.readline())
attempt(lambda: g.seek(0))
