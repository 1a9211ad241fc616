import sys
values = [None, True, False, 0, 1, -5, 2**30, 2**60, 2**100, -2**200, 1.5, '', 'ab', 'é', 'aé', '€uro', '😀', 'a' * 100,
          b'', b'ab', bytearray(), bytearray(b'ab'), (), (1, 2), tuple(range(10)), [], [0] * 7,
          range(3), {}, {'a': 1}, {str(i): i for i in range(6)}, {i: i for i in range(200)}, {i: i for i in range(11)},
          set(), set(range(4)), set(range(5)), set(range(19)), set(range(77)), frozenset({1, 2}), len, lambda: 1]
print([sys.getsizeof(v) for v in values])
class A:
    pass
print(sys.getsizeof(A()), sys.getsizeof(A), sys.getsizeof(int), sys.getsizeof(sys), sys.getsizeof(1, 99))
try:
    sys.getsizeof()
except TypeError as e:
    print(e)
