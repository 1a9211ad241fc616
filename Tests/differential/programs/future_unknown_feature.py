# an unknown __future__ feature is a SyntaxError
from __future__ import print_function, nope
print('unreachable')
