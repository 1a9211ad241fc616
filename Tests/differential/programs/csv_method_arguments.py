import csv
import io

out = io.StringIO()
w = csv.writer(out)
d = csv.DictWriter(out, ['a', 'b'])
for call in ['w.writerow()', 'w.writerow([1], [2])', 'w.writerow(row=[1])', 'w.writerows()', 'w.writerows([], [])',
             'w.writerows(rows=[])', 'd.writeheader(1)', 'd.writeheader(x=1)', 'd.writerow()', 'd.writerow({}, {})',
             'd.writerow(rowdict={}, x=1)', 'd.writerows()', 'd.writerows([], [])']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
w.writerow([1, 'a,b'])
w.writerows([[2, 3], ['x"y']])
d.writeheader()
d.writerow(rowdict={'a': 1})
d.writerows(rowdicts=[{'b': 2}])
print(repr(out.getvalue()))
r = csv.reader(['a,b', 'c,d'])
print(next(r), r.line_num, r.dialect.delimiter, r.dialect.quoting, r.dialect.lineterminator == '\r\n', r.dialect.strict)
dr = csv.DictReader(['x,y', '1,2,3', '4'], restval='-')
print(dr.fieldnames, list(dr), dr.line_num, dr.restkey, dr.restval, dr.reader.line_num)
print(d.fieldnames, w.dialect.doublequote, d.writer.dialect.quotechar, w.writerow.__doc__.split('\n')[0], w.writerows.__name__)
try:
    r.dialect.delimiter = ';'
except AttributeError as e:
    print(e)
print([name for name in dir(r) if not name.startswith('_')], [name for name in dir(w) if not name.startswith('_')])
print([name for name in dir(r.dialect) if not name.startswith('_')])
