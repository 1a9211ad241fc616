n = 3 ** 100
for call in ['n.bit_length(1)', 'n.bit_length(x=1)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
print(n.bit_length(), (-n).bit_length(), n.real == n, n.imag, n.numerator == n, n.denominator, n.bit_length.__name__)
print(n.bit_length.__doc__.split('\n')[0])
try:
    n.real = 1
except AttributeError as e:
    print(type(e).__name__)
