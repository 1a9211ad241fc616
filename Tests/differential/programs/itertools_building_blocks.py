# itertools: the iterator building blocks tutorials use
import itertools
from itertools import chain, islice, product, permutations, combinations, count, cycle, groupby, zip_longest, accumulate
print(list(islice(count(5), 3)), list(islice(count(0, 2.5), 3)), list(islice(cycle('ab'), 5)), list(itertools.repeat('x', 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)), list(accumulate([])))
print(list(chain([1, 2], 'ab', (3,))), list(chain.from_iterable([[1], [2, 3]])), list(itertools.compress('abcd', [1, 0, 1, 0])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)), list(islice(range(10), 1, 8, 3)))
print(list(zip_longest('ab', [1, 2, 3], fillvalue='-')), list(zip_longest()), list(zip_longest('a', 'bc')))
print(list(product('ab', [0, 1])), list(product([1, 2], repeat=2)), list(product()), len(list(product('abc', repeat=3))))
print(list(permutations([1, 2, 3])), list(permutations('abc', 2)), list(permutations([], 0)), list(permutations('a', 2)))
print(list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)))
print(list(itertools.combinations_with_replacement('abc', 2)), list(itertools.pairwise('abcd')))
print([(k, list(g)) for k, g in groupby('aaabbcdaa')], [(k, len(list(g))) for k, g in groupby(sorted('mississippi'))])
print([k for k, g in groupby([1, 1, 2, 3, 3])], [(k, list(g)) for k, g in groupby(['ab', 'ac', 'b'], key=lambda s: s[0])])
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: list(islice('abc', -1)))
attempt(lambda: list(islice('abc', -1, 2)))
attempt(lambda: list(islice('abc', 0, 2, 0)))
attempt(lambda: list(combinations('abc', -1)))
attempt(lambda: list(product('ab', repeat=-1)))
