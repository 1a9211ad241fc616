# json reads bytes, bytearray and binary files, and writes to io.StringIO
import json, io
open('d.json', 'w').write('{"a": [1, "é"]}')
print(json.load(open('d.json', 'rb')), json.loads(b'{"b": 2}'), json.loads(bytearray(b'[1]')))
print(json.load(io.StringIO('{"c": 3}')), json.load(io.BytesIO(b'[true]')))
buf = io.StringIO()
json.dump({'x': 1}, buf)
print(buf.getvalue())
