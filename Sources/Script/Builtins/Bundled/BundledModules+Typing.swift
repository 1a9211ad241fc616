extension BundledModules {
    /// `typing`, written in Recur script.
    static let typing = #"""
"""Names for type hints (Recur's typing): Recur never evaluates annotations, so these exist
for imports, aliases (`Vector = List[float]`) and their reprs, as CPython's do."""

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__name__
        return obj.__module__ + '.' + obj.__name__
    if type(obj).__name__ == 'ellipsis':
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


class _SpecialForm:
    def __init__(self, name, parameters=None):
        self._name = name
        self._parameters = parameters

    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        if self._name == 'Optional':
            return _SpecialForm('Optional', parameters)
        return _SpecialForm(self._name, parameters)

    def __repr__(self):
        if self._parameters is None:
            return 'typing.' + self._name
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(p) for p in self._parameters))

    def __call__(self, *args, **kwargs):
        raise TypeError('Type %s cannot be instantiated; use %s() instead' % (self._name, self._name.lower()))

    def __eq__(self, other):
        return isinstance(other, _SpecialForm) and repr(self) == repr(other)

    def __hash__(self):
        return hash(repr(self))


Any = _SpecialForm('Any')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
List = _SpecialForm('List')
Dict = _SpecialForm('Dict')
Tuple = _SpecialForm('Tuple')
Set = _SpecialForm('Set')
FrozenSet = _SpecialForm('FrozenSet')
Callable = _SpecialForm('Callable')
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
Sequence = _SpecialForm('Sequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
MutableSequence = _SpecialForm('MutableSequence')
Type = _SpecialForm('Type')
Literal = _SpecialForm('Literal')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Deque = _SpecialForm('Deque')
DefaultDict = _SpecialForm('DefaultDict')
OrderedDict = _SpecialForm('OrderedDict')
Counter = _SpecialForm('Counter')
Collection = _SpecialForm('Collection')
Container = _SpecialForm('Container')
Hashable = _SpecialForm('Hashable')
Sized = _SpecialForm('Sized')
Reversible = _SpecialForm('Reversible')
Awaitable = _SpecialForm('Awaitable')
Coroutine = _SpecialForm('Coroutine')
AsyncIterator = _SpecialForm('AsyncIterator')
AsyncIterable = _SpecialForm('AsyncIterable')
AbstractSet = _SpecialForm('AbstractSet')
ItemsView = _SpecialForm('ItemsView')
KeysView = _SpecialForm('KeysView')
ValuesView = _SpecialForm('ValuesView')
NoReturn = _SpecialForm('NoReturn')
Annotated = _SpecialForm('Annotated')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self._variance = '+' if covariant else '-' if contravariant else '~'

    def __repr__(self):
        return self._variance + self.__name__


class Generic:
    pass


class Protocol:
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


AnyStr = TypeVar('AnyStr', bytes, str)
Text = str
"""#
}
