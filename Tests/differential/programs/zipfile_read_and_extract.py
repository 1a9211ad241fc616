# zipfile: reading the generated archive (stored and deflated members, a directory), ZipInfo, open, extract, errors
import zipfile, io, os
z = zipfile.ZipFile('archive.zip')
print(repr(z), z.filename, z.namelist())
for i in z.infolist():
    print(repr(i), i.filename, i.file_size, i.compress_size, i.compress_type, i.date_time, i.is_dir(), i.CRC)
print(z.read('data/stored.txt'), z.getinfo('data/names.txt').file_size, z.read(z.getinfo('binary.bin'))[250:260])
f = z.open('data/names.txt')
print(type(f).__name__, f.read(5), f.readline(), f.name, f.mode, [line.decode().strip() for line in f][:2])
print(z.read('data/names.txt').decode('utf-8').split('\n')[:3])
with z.open('data/stored.txt') as g:
    print(g.read().decode())
def attempt(f):
    try:
        print(f())
    except zipfile.BadZipFile as e:
        print('BadZipFile', e)
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: z.read('nope'))
attempt(lambda: z.getinfo('nope'))
attempt(lambda: zipfile.ZipFile('accents_utf8.txt'))
attempt(lambda: zipfile.ZipFile('missing.zip'))
attempt(lambda: zipfile.ZipFile('archive.zip', 'q'))
print(zipfile.is_zipfile('archive.zip'), zipfile.is_zipfile('accents_utf8.txt'), zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)
z2 = zipfile.ZipFile(io.BytesIO(open('archive.zip', 'rb').read()))
print(z2.filename, z2.namelist() == z.namelist())
print(z.extractall('out'), z2.extract('data/stored.txt', 'out2'), os.path.basename(z2.extract('binary.bin')))
print(sorted(os.listdir('out')), sorted(os.listdir('out/data')), open('out/data/names.txt', encoding='utf-8').read() == z.read('data/names.txt').decode())
print(open('out2/data/stored.txt').read(), os.path.getsize('binary.bin'))
with zipfile.ZipFile('archive.zip') as zz:
    print(zz.testzip(), zz.open('data/stored.txt').read())
z.close()
print(repr(z))
attempt(lambda: z.read('data/stored.txt'))
data = bytearray(open('archive.zip', 'rb').read())
position = data.find(b'stored entry')
data[position] ^= 1
attempt(lambda: zipfile.ZipFile(io.BytesIO(bytes(data))).read('data/stored.txt'))
print(zipfile.ZipFile(io.BytesIO(bytes(data))).testzip())
