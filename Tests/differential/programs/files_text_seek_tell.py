# text files: tell() gives byte positions, seek() returns to them, to the start or to the end
f = open('u.txt', 'w', encoding='utf-8')
print(f.write('é1\nàb\r\nc'), f.tell())
f.close()
f = open('u.txt', encoding='utf-8')
print(f.tell(), repr(f.readline()), f.tell(), repr(f.readline()), f.tell())
pos = f.tell()
rest = f.read()
print(repr(rest), f.tell(), f.seek(pos), repr(f.read()), f.seek(0), repr(f.read(2)), f.seek(0, 2), repr(f.read()))
f.seek(0)
print([line for line in f], f.seekable())
g = open('accents_crlf.txt', encoding='utf-8')
marks = []
while True:
    marks.append(g.tell())
    if not g.readline():
        break
print(marks)
g.seek(marks[3])
print(repr(g.readline()))
h = open('latin1.txt', encoding='latin-1')
print(repr(h.read(5)), h.tell(), repr(h.readline()), h.tell())
for call in (lambda: open('u.txt').seek(1, 1), lambda: open('u.txt').seek(2, 2), lambda: open('u.txt').seek(-1)):
    try:
        call()
    except OSError as e:
        print('OSError', e)
    except ValueError as e:
        print('ValueError', e)
