extension BundledModules {
    /// `dataclasses`, written in Recur script after CPython's.
    static let dataclasses = #"""
"""Data classes: @dataclass with fields, defaults, field(), repr/eq/order/frozen, asdict,
astuple, fields, replace. Class annotations are read as their source text (Recur records them
as under `from __future__ import annotations`), so ClassVar and InitVar are recognised by name."""

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING',
           'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class _MissingType:
    def __repr__(self):
        return '<dataclasses._MISSING_TYPE object>'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return '<dataclasses._KW_ONLY_TYPE object>'


KW_ONLY = _KwOnlyType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = '_FIELD'

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,'
                'compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                   self.hash, self.compare, self.metadata, self.kw_only, self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _annotation_kind(annotation):
    text = annotation if isinstance(annotation, str) else getattr(annotation, '__name__', '')
    for prefix in ('typing.ClassVar', 'ClassVar', 't.ClassVar'):
        if text == prefix or text.startswith(prefix + '['):
            return '_FIELD_CLASSVAR'
    for prefix in ('dataclasses.InitVar', 'InitVar'):
        if text == prefix or text.startswith(prefix + '['):
            return '_FIELD_INITVAR'
    if text in ('KW_ONLY', 'dataclasses.KW_ONLY'):
        return 'KW_ONLY'
    return '_FIELD'


def _own_annotations(cls):
    annotations = getattr(cls, '__annotations__', None)
    if annotations is None:
        return {}
    for base in cls.mro()[1:]:
        if getattr(base, '__annotations__', None) is annotations:
            return {}
    return annotations


def _is_mutable_default(value):
    return type(value) in (list, dict, set)


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    all_fields = {}
    base_frozen = None
    for base in reversed(cls.mro()[1:]):
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
            base_frozen = getattr(base, '__dataclass_params__').frozen
    if base_frozen is not None and base_frozen != frozen:
        if frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
        raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
    kw_only_from_here = kw_only
    for name, annotation in _own_annotations(cls).items():
        kind = _annotation_kind(annotation)
        if kind == 'KW_ONLY':
            kw_only_from_here = True
            continue
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        f._field_type = kind
        if f.kw_only is MISSING:
            f.kw_only = kw_only_from_here
        if kind == '_FIELD_CLASSVAR':
            if f.default_factory is not MISSING:
                raise TypeError('field %s cannot have a default factory' % name)
            continue
        if kind == '_FIELD' and _is_mutable_default(f.default):
            raise ValueError('mutable default %r for field %s is not allowed: use default_factory'
                             % (type(f.default), name))
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        all_fields[name] = f
    for name in dir(cls):
        if isinstance(getattr(cls, name, None), Field) and name not in all_fields:
            raise TypeError('%r is a field but has no type annotation' % name)
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _Params(init, repr, eq, order, unsafe_hash, frozen)
    field_list = [f for f in all_fields.values() if f._field_type == '_FIELD']
    init_vars = [f for f in all_fields.values() if f._field_type == '_FIELD_INITVAR']
    if init:
        cls.__init__ = _make_init(cls, [f for f in all_fields.values() if f._field_type != '_FIELD_CLASSVAR'], frozen)
    if repr:
        cls.__repr__ = _make_repr([f for f in field_list if f.repr])
    compared = [f.name for f in field_list if f.compare]
    if eq:
        cls.__eq__ = _make_compare(compared, lambda a, b: a == b)
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            setattr(cls, name, _make_compare(compared, op))
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    if unsafe_hash or (eq and frozen):
        hashed = [f.name for f in field_list if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = lambda self: hash(tuple(getattr(self, name) for name in hashed))
    elif eq:
        cls.__hash__ = None
    if match_args:
        cls.__match_args__ = tuple(f.name for f in field_list if f.init and not f.kw_only)
    return cls


class _Params:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError('cannot assign to field %r' % name)


def _frozen_delattr(self, name):
    raise FrozenInstanceError('cannot delete field %r' % name)


def _names_list(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % (quoted[0], quoted[1])
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_init(cls, init_fields, frozen):
    qualname = cls.__qualname__ + '.__init__'
    positional = [f for f in init_fields if f.init and not f.kw_only]
    keyword_only = [f for f in init_fields if f.init and f.kw_only]
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % f.name)
    init_names = [f.name for f in positional + keyword_only]
    has_post_init = hasattr(cls, '__post_init__')

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
            if required == len(positional):
                raise TypeError('%s() takes %d positional argument%s but %d were given'
                                % (qualname, len(positional) + 1, '' if len(positional) == 0 else 's', len(args) + 1))
            raise TypeError('%s() takes from %d to %d positional arguments but %d were given'
                            % (qualname, required + 1, len(positional) + 1, len(args) + 1))
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name not in init_names:
                raise TypeError('%s() got an unexpected keyword argument %r' % (qualname, name))
            if name in values:
                raise TypeError('%s() got multiple values for argument %r' % (qualname, name))
            values[name] = value
        missing = [f.name for f in positional if f.name not in values and f.default is MISSING
                   and f.default_factory is MISSING]
        if missing:
            raise TypeError('%s() missing %d required positional argument%s: %s'
                            % (qualname, len(missing), '' if len(missing) == 1 else 's', _names_list(missing)))
        missing = [f.name for f in keyword_only if f.name not in values and f.default is MISSING
                   and f.default_factory is MISSING]
        if missing:
            raise TypeError('%s() missing %d required keyword-only argument%s: %s'
                            % (qualname, len(missing), '' if len(missing) == 1 else 's', _names_list(missing)))
        post_args = []
        for f in init_fields:
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if f._field_type == '_FIELD_INITVAR':
                post_args.append(value)
            elif frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*post_args)

    return __init__


def _make_repr(shown):
    def __repr__(self):
        return '%s(%s)' % (type(self).__qualname__,
                           ', '.join('%s=%r' % (f.name, getattr(self, f.name)) for f in shown))
    return __repr__


def _make_compare(names, op):
    def compare(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return op(tuple(getattr(self, n) for n in names), tuple(getattr(other, n) for n in names))
    return compare


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if slots:
        raise NotImplementedError('dataclass(slots=True) is not provided by Recur (classes keep a dict)')

    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        all_fields = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(f for f in all_fields.values() if f._field_type == '_FIELD')


def _is_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, lambda o: dict_factory([(f.name, _convert(getattr(o, f.name), None)) for f in fields(o)]))


def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _convert(obj, lambda o: tuple_factory([_convert(getattr(o, f.name), None) for f in fields(o)]))


def _convert(obj, instance_converter, _stack=[]):
    # asdict and astuple recurse through containers; the innermost call's converter applies
    # to nested dataclass instances too.
    if instance_converter is not None:
        _stack.append(instance_converter)
        try:
            return _convert(obj, None)
        finally:
            _stack.pop()
    converter = _stack[-1]
    if _is_instance(obj):
        return converter(obj)
    if hasattr(obj, '_fields') and hasattr(obj, '_asdict'):
        return type(obj)(*[_convert(v, None) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, None) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, None), _convert(v, None)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, **changes):
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == '_FIELD_CLASSVAR':
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type == '_FIELD_INITVAR' and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with replace()' % f.name)
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def make_dataclass(cls_name, fields, **kwargs):
    raise NotImplementedError('dataclasses.make_dataclass is not provided by Recur (write the class with @dataclass)')
"""#
}
