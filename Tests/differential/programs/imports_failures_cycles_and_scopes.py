# a helper that raises or cannot parse, an import cycle, module globals kept apart from the script's
import sys
try:
    import failing_helper
except ZeroDivisionError as e:
    print('ZeroDivisionError', e, 'failing_helper' in sys.modules)
try:
    import unparsable_helper
except SyntaxError as e:
    print('SyntaxError', type(e).__name__, 'unparsable_helper' in sys.modules)
import cycle_a
print(cycle_a.get(), cycle_a.cycle_b.B, cycle_a.cycle_b.cycle_a is cycle_a)
from helper_utils import Corpus
c = Corpus([1, 2])
print(Corpus.__module__, type(c).__name__, Corpus.__name__, len(c))
LETTERS = 'main'
import helper_utils
print(helper_utils.LETTERS[:3], LETTERS, helper_utils.__name__, __name__)


def local():
    import helperpkg.tools
    return helperpkg.tools.double(5)


print(local(), 'helperpkg' in dir())
from helperpkg import tools, VERSION
print(tools.double('ab'), VERSION)
try:
    from . import helper_utils
except ImportError as e:
    print('ImportError', e)
import failing_helper
