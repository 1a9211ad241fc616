import io
calls = ['s.close(1)', 's.close(x=1)', 's.flush(1)', 's.getvalue(1)', 's.getvalue(x=1)', 's.isatty(1)',
         's.read(1, 2)', 's.read(size=1)', 's.readline(1, 2)', 's.readline(size=2)', 's.readlines(1, 2)', 's.readlines(hint=1)',
         's.seek()', 's.seek(1, 2, 3)', 's.seek(pos=0)', 's.tell(1)', 's.truncate(1, 2)', 's.truncate(pos=1)',
         's.readable(1)', 's.writable(1)', 's.seekable(1)', 's.write()', 's.write(1, 2)', 's.write(s="x")', 's.write(1)',
         's.writelines()', 's.writelines(1)', 's.writelines(["a"], 2)', 's.detach(1)', 's.fileno(1)']
for call in calls:
    s = io.StringIO('one\ntwo\nthree\n')
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
s = io.StringIO('one\ntwo\nthree\n')
print(s.read(2), repr(s.readline()), s.readline(2), s.readlines(), s.tell())
print(s.seek(0), s.readlines(5), s.seek(0, 2), s.write('four\n'), s.writelines(['a', 'b\n']), s.getvalue())
print(s.truncate(3), s.truncate(None), s.getvalue(), s.read(None), s.seek(0), s.readlines(None))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.flush(), s.closed, s.line_buffering, s.newlines)
for op in ['s.detach()', 's.fileno()']:
    try:
        eval(op)
    except OSError as e:
        print(op, '->', e)
for text in ['a', 'a\n', 'a\r', 'a\r\n', 'a\r\nb\n', 'a\rb\nc\r\n']:
    print(repr(text), repr(io.StringIO(text, newline=None).newlines), repr(io.StringIO(text).newlines))
u = io.StringIO(newline=None)
u.write('a\r')
print(repr(u.newlines))
u.write('\nb')
print(repr(u.newlines), repr(u.getvalue()))
s.close()
for op in ['s.read()', 's.getvalue()', 's.readlines()', 's.isatty()', 's.tell()', 's.truncate()']:
    try:
        eval(op)
    except ValueError as e:
        print(op, '->', e)
print(s.closed, s.close(), s.flush())
print(s.read.__doc__.split('\n')[0], s.readlines.__doc__.split('\n')[0])
print(s.read.__name__, s.seek.__name__)
