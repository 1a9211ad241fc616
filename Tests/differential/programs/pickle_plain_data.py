# pickle for plain data: dumps writes CPython's protocol 4 and 5 bytes, loads reads every
# protocol CPython writes (files written by CPython's pickle beside the program).
import io
import pickle

values = [None, True, False, 0, 255, 256, 65535, 65536, -1, 2**31 - 1, -2**31, 2**31, 2**63, -2**63 - 1, 2**200,
          0.5, -0.0, float("inf"), "", "abc", "é", "x" * 300, b"", b"\x00\xff", bytearray(b"ab"), (), (1,), (1, 2),
          (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], list(range(1001)), {}, {"a": 1}, {"a": 1, "b": [2, 3]},
          set(), {5}, frozenset(), frozenset({7}), {"words": ["the", "cat", "the"], "ids": {"the": 0, "cat": 1}}]
for v in values:
    for version in (4, 5):
        data = pickle.dumps(v, protocol=version)
        back = pickle.loads(data)
        print(version, len(data), data[:40], data[-12:], back == v, type(back).__name__)
print(pickle.dumps("y" * 70000)[:20], len(pickle.dumps(["z" * 40000, "w" * 40000])))
big = list(range(30000))
print(len(pickle.dumps(big)), pickle.loads(pickle.dumps(big)) == big)
shared = [1, 2]
pair = [shared, shared]
loaded = pickle.loads(pickle.dumps(pair))
print(loaded, loaded[0] is loaded[1])
selfish = [1]
selfish.append(selfish)
again = pickle.loads(pickle.dumps(selfish))
print(again[1] is again, pickle.dumps(selfish))
d = {"k": 1}
d["me"] = d
print(pickle.loads(pickle.dumps(d))["me"]["k"])
print(pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL, pickle.dumps(1, -1), pickle.dumps(1, None))

expected = None
for version in range(6):
    with open(f"sample_p{version}.pkl", "rb") as f:
        sample = pickle.load(f)
    if expected is None:
        expected = sample
        for key in sorted(sample):
            print(key, repr(sample[key])[:120])
    print(version, sample == expected, type(sample["mutable"]).__name__)

buffer = io.BytesIO()
pickle.dump({"a": 1}, buffer)
pickle.dump([2, 3], buffer)
buffer.seek(0)
print(pickle.load(buffer), pickle.load(buffer), buffer.tell())
with open("vocab.pkl", "wb") as f:
    pickle.dump({"hello": 0, "world": 1}, f)
with open("vocab.pkl", "rb") as f:
    print(pickle.load(f))

for bad in [b"", b"\x80\x04K", b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01K\x02e.", b"\xff", b"K\x01K\x02t."]:
    try:
        print(pickle.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for unpicklable in [lambda: 1]:
    try:
        pickle.dumps(unpicklable)
    except Exception as e:
        print(type(e).__name__)
try:
    pickle.loads("text")
except TypeError as e:
    print("TypeError", e)
print(issubclass(pickle.UnpicklingError, pickle.PickleError), issubclass(pickle.PicklingError, Exception))
