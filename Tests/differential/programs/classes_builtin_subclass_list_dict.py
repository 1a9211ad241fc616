class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
print(s, repr(s), len(s), s.peek(), s.pop(), s, s[0], s[1:], 2 in s, list(s), sorted(s, reverse=True))
print(isinstance(s, list), type(s).__name__, s == [1, 2, 3], bool(Stack()), bool(s), sum(s), s + [9])
s[0] = 10
del s[1]
print(s, [x * 2 for x in s], reversed(s) is not None, list(reversed(s)))
s += [7]
print(s, type(s).__name__)
print(Stack([5, 6]), Stack("ab"), Stack(range(3)))


class LoggingList(list):
    def __init__(self, items, name):
        super().__init__(items)
        self.name = name

    def __setitem__(self, index, value):
        print("set", self.name, index, value)
        super().__setitem__(index, value)

    def __getitem__(self, index):
        value = super().__getitem__(index)
        return value * 100


l = LoggingList([1, 2, 3], "L")
l[0] = 9
print(l[0], l.name, len(l), list(l))
try:
    hash(l)
except TypeError as e:
    print("TypeError:", e)


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1


c = Counter()
for word in "a b a c a b".split():
    c.add(word)
print(c, c["a"], c["z"], len(c), sorted(c), c.get("q"), "z" in c, dict(c), isinstance(c, dict))


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


a = AttrDict(x=1, y=2)
a.z = 3
print(a, a.x, a.z, list(a.keys()), list(a.items()))
try:
    a.nope
except AttributeError as e:
    print("AttributeError:", e)


class Defaults(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setdefault("mode", "train")

    def __repr__(self):
        return "Defaults(" + super().__repr__() + ")"

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


d = Defaults({"lr": 0.1}, epochs=3)
print(d, d["LR"], d["Mode"], len(d), d == {"lr": 0.1, "epochs": 3, "mode": "train"})
d.update(batch=4)
print(sorted(d.items()))
for k, v in d.items():
    print(k, v)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
