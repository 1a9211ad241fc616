# typing: the names type hints import, aliases and their reprs
from typing import List, Dict, Tuple, Optional, Union, Any, Callable, Iterable, TypeVar, cast
import typing
Vector = List[float]
Table = Dict[str, Tuple[int, ...]]
def scale(v: Vector, k: float) -> Vector:
    return [k * x for x in v]
print(scale([1.0, 2.0], 2), Vector, Table, Optional[int], Union[int, str], Any, Callable[[int], str], List)
T = TypeVar('T')
print(T, cast(int, 'x'), typing.TYPE_CHECKING, Iterable[int], Dict[str, List[int]], Optional[List[str]])
