# warnings: warn with categories, the default filters, simplefilter/filterwarnings, catch_warnings, error
import warnings
def noisy(i):
    warnings.warn('deprecated call %d' % (i % 2), DeprecationWarning)
    warnings.warn('careful', RuntimeWarning)
for i in range(3):
    noisy(i)
warnings.warn('main deprecation', DeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    for i in range(2):
        warnings.warn('recorded %d' % i)
    warnings.warn(FutureWarning('as instance'))
print([(str(w.message), w.category.__name__, w.lineno) for w in caught], len(warnings.filters) > 0)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    warnings.warn('hidden')
with warnings.catch_warnings():
    warnings.filterwarnings('error', message='bad.*', category=UserWarning)
    try:
        warnings.warn('Bad thing')
    except UserWarning as e:
        print('raised', type(e).__name__, e)
    warnings.warn('fine thing')
print(issubclass(UserWarning, Warning), issubclass(Warning, Exception), issubclass(DeprecationWarning, Warning))
print(warnings.formatwarning('msg', UserWarning, 'f.py', 3, 'x = 1'), end='')
try:
    warnings.warn('x', int)
except TypeError as e:
    print(e)
warnings.warn('last one', UserWarning)
import os
def show(message, category, filename, lineno, file=None, line=None):
    print('shown:', os.path.basename(filename), lineno, category.__name__, message, line)
old = warnings.showwarning
warnings.showwarning = show
for i in range(2):
    warnings.warn('through showwarning')
warnings.warn('once per line %d' % 5, SyntaxWarning)
warnings.simplefilter('once')
warnings.warn('once only')
warnings.warn('once only')
warnings.showwarning = old
warnings.resetwarnings()
warnings.warn('after reset', DeprecationWarning)
