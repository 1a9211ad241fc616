# import a helper module and a package next to the script: cached in sys.modules, __name__, reload, errors
import sys
import helper_utils
from helper_utils import load_lines, Corpus
import helper_utils as hu
print(__name__, helper_utils.__name__, hu is helper_utils, 'helper_utils' in sys.modules)
print(load_lines('accents_utf8.txt')[:3], helper_utils.calls, len(Corpus('abc')))
helper_utils.calls = 10
load_lines('accents_utf8.txt')
print(helper_utils.calls, hu.LETTERS[:5], sys.modules['helper_utils'] is helper_utils)
import helperpkg
print(helperpkg.VERSION, helperpkg.double(21), helperpkg.tools.double(2))
import helperpkg.tools as t
from helperpkg.tools import double
print(t.double(3), double(4), t.__name__, helperpkg.__name__, helperpkg.__package__, t.__package__)
import importlib
again = importlib.reload(helper_utils)
print(again is helper_utils, helper_utils.calls)
del sys.modules['helper_utils']
import helper_utils as fresh
print(fresh is helper_utils, fresh.calls)
print(importlib.import_module('helperpkg.tools') is t)
try:
    import no_such_helper
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
try:
    import helper_utils.sub
except ModuleNotFoundError as e:
    print(e)
try:
    from helper_utils import missing
except ImportError as e:
    import os
    print(str(e).replace(os.getcwd(), 'DIR'))
if __name__ == '__main__':
    print('main block runs')
print(type(helper_utils).__name__, dir(helperpkg.tools)[-1])
