for value in [999.9, 99.99, 9.999, 0.09999, 24.0, 1e22, 9.5, 0.0, -999.96, 123456.0, 1e-5]:
    for precision in [0, 1, 2, 3, 5]:
        print(value, precision, '%#.*g' % (precision, value), format(value, '#.%dg' % precision),
              '{:#.{}G}'.format(value, precision), '%#.*e' % (precision, value))
print('{:{}}|'.format('x', 5), '{0:{1}}|'.format('y', 4), '{:{}.{}f}'.format(3.14159, 10, 2), '{:>{w}}'.format(1, w=4))
print('{}{:{}}{}'.format('a', 'b', 3, 'c'))
for template, args in [('{0:{}}', (1, 2)), ('{:{1}}', (1, 2)), ('{:{}}', (1,))]:
    try:
        print(template.format(*args))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
