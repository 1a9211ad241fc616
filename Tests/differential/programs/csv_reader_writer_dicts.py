# csv: writer quoting in every mode, the reader state machine, DictReader/DictWriter over the generated CSV and gzip fixtures, errors
import csv, io, gzip
s = io.StringIO()
w = csv.writer(s)
for row in [['a', 'b c', 'd,e', 'f"g', 'h\ni', 'j\rk', ''], [''], ['', ''], [], [1, 2.5, None, True, -0.0, 1e20], ['x y', ' lead'], 'abc']:
    print(repr(w.writerow(row)))
print(repr(s.getvalue()))
print(list(csv.reader(io.StringIO(s.getvalue(), newline=''))))
s = io.StringIO()
csv.writer(s, lineterminator='\n').writerow(['a\rb', 'c'])
csv.writer(s, quoting=csv.QUOTE_NONNUMERIC).writerow(['a', 1, 2.0, None, True])
csv.writer(s, quoting=csv.QUOTE_ALL, delimiter=';').writerow(['a', 1])
csv.writer(s, dialect='excel-tab').writerows([['t', 'u'], ['v', 'w x']])
csv.writer(s, dialect='unix').writerow(['q', 2])
csv.writer(s, quoting=csv.QUOTE_NONE, escapechar='\\').writerow(['a,b', 'c"d'])
csv.writer(s, doublequote=False, escapechar='\\').writerow(['c"d'])
print(repr(s.getvalue()))
print(list(csv.reader(['a,b,c\r\n', '"x,y","q""r"\n', '\n', 'last'])))
print(list(csv.reader(['"multi\n', 'line",z\n'])))
print(list(csv.reader(['a; b'], delimiter=';', skipinitialspace=True)), list(csv.reader(['"a"b,c'])))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')), list(csv.reader(['"unterminated'])))
print(list(csv.reader(['1,"2",3.5'], quoting=csv.QUOTE_NONNUMERIC)))
r = csv.reader(['a\n', 'b\n'])
print(next(r), r.line_num, type(r).__name__, r.dialect.delimiter, r.dialect.quoting, repr(r.dialect.lineterminator))
with open('people.csv', newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
print(rows)
with open('people.csv', newline='', encoding='utf-8') as f:
    for record in csv.DictReader(f):
        print(record)
with gzip.open('people.csv.gz', 'rt', encoding='utf-8', newline='') as f:
    reader = csv.DictReader(f)
    print(reader.fieldnames, [row['name'] for row in reader], reader.line_num)
print(list(csv.DictReader(['a,b', '1,2,3', '4', '', '5,6'], restkey='rest', restval='?')))
print(list(csv.DictReader(['1,2', '3,4'], fieldnames=['x', 'y'])))
with open('out.csv', 'w', newline='', encoding='utf-8') as f:
    writer = csv.DictWriter(f, fieldnames=['name', 'score'])
    print(writer.writeheader(), writer.fieldnames)
    writer.writerow({'name': 'Zoë', 'score': 3})
    writer.writerows([{'name': 'a,b'}, {'score': 1.5, 'name': 'x'}])
print(repr(open('out.csv', encoding='utf-8', newline='').read()))
def attempt(f):
    try:
        print(f())
    except csv.Error as e:
        print('csv.Error', e)
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']))
attempt(lambda: csv.writer(io.StringIO()).writerow(5))
attempt(lambda: list(csv.reader(['a\rb\n'])))
attempt(lambda: list(csv.reader(['1,"2",x'], quoting=csv.QUOTE_NONNUMERIC)))
attempt(lambda: next(csv.reader([b'a'])))
attempt(lambda: csv.reader(['a'], delimiter='ab'))
attempt(lambda: list(csv.reader(['"a"b'], strict=True)))
attempt(lambda: list(csv.reader(['"a'], strict=True)))
attempt(lambda: csv.DictWriter(io.StringIO(), ['a']).writerow({'a': 1, 'b': 2}))
attempt(lambda: csv.DictWriter(io.StringIO(), ['a'], extrasaction='x'))
attempt(lambda: csv.DictWriter(io.StringIO(), ['a'], extrasaction='ignore').writerow({'a': 1, 'b': 2}))
attempt(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['']))
attempt(lambda: csv.writer(5))
attempt(lambda: list(csv.reader(['a\0b'])))
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
