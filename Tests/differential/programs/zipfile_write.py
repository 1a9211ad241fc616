# zipfile: writing archives (writestr, write, mkdir, stored and deflated, a BytesIO target) and reading them back
import io
import os
import zipfile

os.makedirs('tree/sub', exist_ok=True)
with open('tree/a.txt', 'w', encoding='utf-8') as f:
    f.write('alpha\n' * 50)
with open('tree/sub/b.bin', 'wb') as f:
    f.write(bytes(range(256)) * 4)

with zipfile.ZipFile('out.zip', 'w') as z:
    print(repr(z))
    z.writestr('hello.txt', 'Hello, zip! ' * 20)
    z.writestr('data/numbers.bin', bytes(range(100)), compress_type=zipfile.ZIP_DEFLATED)
    z.writestr('naïve/ünïcode.txt', 'accents: éèà', zipfile.ZIP_DEFLATED, 9)
    z.mkdir('empty')
    z.write('tree/a.txt')
    z.write('tree/sub/b.bin', arcname='b.bin', compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    print(z.namelist())
print(repr(z))

with zipfile.ZipFile('deflated.zip', mode='w', compression=zipfile.ZIP_DEFLATED) as z:
    for i in range(3):
        z.writestr('part%d.txt' % i, ('line %d\n' % i) * 100)

print(zipfile.is_zipfile('out.zip'), zipfile.is_zipfile('deflated.zip'), zipfile.is_zipfile('tree/a.txt'))
for name in ('out.zip', 'deflated.zip'):
    with zipfile.ZipFile(name) as z:
        print(z.testzip())
        for info in z.infolist():
            print(info.filename, info.file_size, info.compress_size, info.compress_type, info.CRC, oct(info.external_attr >> 16),
                  info.external_attr & 0xFFFF, info.is_dir(), info.flag_bits)
        print(z.read('hello.txt')[:24] if 'hello.txt' in z.namelist() else z.read('part2.txt')[:14])
        if name == 'out.zip':
            print(z.read('naïve/ünïcode.txt').decode('utf-8'), len(z.read('b.bin')), z.read('tree/a.txt').count(b'alpha'))

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('in_memory.txt', 'kept in a BytesIO')
data = buffer.getvalue()
print(data[:4], zipfile.is_zipfile(io.BytesIO(data)))
with zipfile.ZipFile(io.BytesIO(data)) as z:
    print(z.namelist(), z.read('in_memory.txt'))

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: zipfile.ZipFile('out.zip', 'x'))
z = zipfile.ZipFile('closed.zip', 'w')
z.close()
attempt(lambda: z.writestr('x', 'y'))
attempt(lambda: zipfile.ZipFile('q.zip', 'q'))
