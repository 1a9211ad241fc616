# gzip: reading the generated fixtures in binary and text modes, writing and appending, compress/decompress bytes, errors
import gzip
with gzip.open('people.csv.gz', 'rt', encoding='utf-8') as f:
    print(f.read().splitlines())
with gzip.open('names.txt.gz') as f:
    print(f.read(10), f.readline(), type(f).__name__, f.mode, f.name)
print(gzip.open('names.txt.gz', 'rt').readlines()[:3])
print([line for line in gzip.open('names.txt.gz', 'rt', encoding='utf-8')][-2:])
with gzip.open('out.txt.gz', 'wt', encoding='utf-8') as f:
    print(f.write('héllo\nwörld\n'))
    f.write('third')
print(gzip.open('out.txt.gz', 'rt', encoding='utf-8').read().split('\n'))
with gzip.open('out.bin.gz', 'wb') as f:
    print(f.write(b'\x00\x01' * 1000), type(f).__name__, f.mode)
data = open('out.bin.gz', 'rb').read()
print(data[:4], data[8:10], len(gzip.decompress(data)), gzip.decompress(data)[:6])
c = gzip.compress(b'hello hello hello', mtime=0)
print(c, gzip.compress(b'abc', 1, mtime=5)[:10], gzip.compress(b'', mtime=0))
print(gzip.decompress(c), gzip.decompress(c + gzip.compress(b'!', mtime=0) + b'\0\0'), gzip.decompress(b''))
with gzip.open('app.gz', 'ab') as f:
    f.write(b'one ')
with gzip.open('app.gz', 'ab') as f:
    f.write(b'two')
print(gzip.open('app.gz').read())
open('plain.txt', 'w').write('not gzip')
def attempt(f):
    try:
        print(f())
    except gzip.BadGzipFile as e:
        print('BadGzipFile', e, isinstance(e, OSError))
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: gzip.open('plain.txt').read())
attempt(lambda: gzip.decompress(c[:15]))
attempt(lambda: gzip.decompress(c[:-5] + b'xxxxx'))
attempt(lambda: gzip.decompress(c[:-1] + b'\x07'))
attempt(lambda: gzip.decompress(b'\x1f\x8b\x09\x00\x00\x00\x00\x00\x00\x03'))
attempt(lambda: gzip.open('names.txt.gz', 'rb', encoding='utf-8'))
attempt(lambda: gzip.open('names.txt.gz', 'rtb'))
attempt(lambda: gzip.open('missing.gz'))
attempt(lambda: gzip.open('app.gz', 'x'))
gzip.decompress(b'nope')
