path = 'method_arguments_lines.txt'
with open(path, 'w') as f:
    f.write('one\ntwo\nthree\n')
calls = ['f.close(1)', 'f.close(x=1)', 'f.flush(1)', 'f.read(1, 2)', 'f.read(size=1)', 'f.readline(1, 2)', 'f.readline(size=1)',
         'f.readlines(1, 2)', 'f.readlines(hint=1)', 'f.seek()', 'f.seek(1, 2, 3)', 'f.seek(cookie=0)', 'f.tell(1)', 'f.readable(1)',
         'f.writable(1)', 'f.seekable(1)', 'f.write()', 'f.write(1, 2)', 'f.write(text="x")', 'f.writelines()', 'f.writelines(x=1)']
for call in calls:
    f = open(path)
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
    f.close()
with open(path) as f:
    print(f.read(2), repr(f.readline()), f.readline(2), f.readlines(), f.tell(), f.seek(0), f.readlines(5), f.read(None))
    print(f.readable(), f.writable(), f.seekable(), f.flush(), f.closed, f.name == path, f.mode, f.encoding, f.errors)
    print(f.seek(0), f.readlines(None))
    try:
        f.readline(None)
    except TypeError as e:
        print(e)
with open(path, 'a') as f:
    print(f.write('four\n'), f.writelines(['a', 'b\n']), f.readable(), f.writable())
    try:
        f.write(1)
    except TypeError as e:
        print(e)
with open(path) as f:
    print(f.read())
print(f.closed, f.close())
for op in ['f.read()', 'f.readable()', 'f.writable()', 'f.seekable()', 'f.flush()', 'f.tell()', 'f.readline()']:
    try:
        eval(op)
    except ValueError as e:
        print(op, '->', e)
with open(path, 'a') as g:
    pass
for op in ['g.readable()', 'g.writable()', 'g.seekable()']:
    try:
        print(op, eval(op))
    except ValueError as e:
        print(op, '->', e)
print(f.readlines.__doc__.split('\n')[0], f.tell.__doc__.split('\n')[0], f.read.__name__)
