# __future__ imports of old tutorials are accepted; Recur already behaves as they ask
from __future__ import unicode_literals, print_function, division, absolute_import
from __future__ import annotations
from io import open
import __future__
def f(x: "List[int]", y: Undefined = 3) -> Nope:
    return x
print(f(1), 7 / 2, __future__.division, __future__.annotations, __future__.all_feature_names)
print(__future__.division.getMandatoryRelease(), __future__.print_function.compiler_flag)
