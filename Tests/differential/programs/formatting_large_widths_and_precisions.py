# Widths and precisions are honoured whatever their size (Recur used to cap them), and sizes
# that cannot be built are CPython's errors.
print(len('{:>20000}'.format(1)), len('{:<123456}'.format('x')), len(format(2.5, '^70001')))
print(len('%123456d' % 7), len('%-99999s|' % 'a'), len('%*d' % (-12345, 1)), repr('%*d|' % (-5, 1)))
print(len('{:.2000f}'.format(1 / 3)), '{:.2000f}'.format(1 / 3)[-30:])
print(len('%.1500f' % 2.5), ('%.1500e' % 2.5)[-10:], len('%.*f' % (3000, 1.0)), '%.*f' % (-1, 1.5))
print(len('x'.ljust(50000)), len('x'.rjust(50000, '*')), len('x'.center(20001)), len('1'.zfill(30000)))
print(len('a\tb'.expandtabs(40000)), 'a\tb'.expandtabs(-5), 'a\tb'.expandtabs(0))
for make in [lambda: '{:>99999999999999999999}'.format(1), lambda: '{:>9223372036854775807}'.format(1),
             lambda: '{:.99999999999999999999f}'.format(1.0), lambda: '{:.9223372036854775807f}'.format(1.0),
             lambda: '%99999999999999999999d' % 1, lambda: '%9223372036854775807d' % 1,
             lambda: '%.99999999999999999999f' % 1.0, lambda: '%.9223372036854775807f' % 1.0,
             lambda: 'x'.ljust(2**40), lambda: 'x'.center(2**40), lambda: 'x'.zfill(2**40),
             lambda: 'a\tb'.expandtabs(2**31), lambda: 'a\tb'.expandtabs(2**63), lambda: 'x'.rjust(2**63 - 1),
             lambda: '{:.}'.format(1.0)]:
    try:
        print(len(make()))
    except (ValueError, OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
