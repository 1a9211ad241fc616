import io
import zipfile

buffer = io.BytesIO()
w = zipfile.ZipFile(buffer, 'w')
for call in ['w.writestr()', 'w.writestr("a")', 'w.writestr("a", "b", 8, 1, 2)', 'w.writestr("a", data="b", zz=1)',
             'w.mkdir()', 'w.mkdir("d", 1, 2)', 'w.namelist(1)', 'w.infolist(x=1)', 'w.getinfo()', 'w.close(1)',
             'w.write()', 'w.write("f", "g", 8, 1, 2)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
w.writestr('a.txt', 'hello')
w.writestr(zinfo_or_arcname='b.txt', data=b'bytes', compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
w.mkdir('sub', mode=0o755)
print(w.namelist(), [i.filename for i in w.infolist()], w.getinfo('a.txt').file_size, w.mode)
w.close()
z = zipfile.ZipFile(buffer)
for call in ['z.read()', 'z.read("a.txt", None, 3)', 'z.read(name="a.txt", zz=1)', 'z.open()', 'z.open("a.txt", "r", None, True)',
             'z.open("a.txt", zz=1)', 'z.getinfo()', 'z.getinfo("a", "b")', 'z.namelist(1)', 'z.infolist(1)', 'z.testzip(1)',
             'z.extract()', 'z.extract("a", "b", None, 1)', 'z.extractall(1, 2, 3, 4)', 'z.extractall(zz=1)', 'z.close(1)',
             'z.getinfo("a.txt").is_dir(1)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
print(z.read('a.txt'), z.read(name='b.txt', pwd=None), z.open('a.txt').read(), z.open(name='b.txt', mode='r', force_zip64=True).read())
info = z.getinfo(name='sub/')
print(info.filename, info.orig_filename, info.is_dir(), info.file_size, info.compress_type, z.getinfo('b.txt').compress_type)
print(z.namelist(), z.testzip(), z.filename, z.read.__doc__, z.getinfo.__name__)
try:
    z.getinfo('missing')
except KeyError as e:
    print(e)
z.close()
try:
    z.read('a.txt')
except ValueError as e:
    print(e)
