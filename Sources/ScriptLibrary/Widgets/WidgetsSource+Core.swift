import Script
extension WidgetsSource {
    /// Widget, traits, the comm handler and DOMWidget.
    static let core = #"""
"""Interactive HTML widgets for Jupyter: ipywidgets 8 over the Jupyter widget protocol
version 2 (@jupyter-widgets/base and controls 2.0.0, output 1.0.0). Traits are checked and
cast as traitlets does, with its error texts; a change is sent to the frontend and then given
to the `observe` handlers, and the frontend's updates come back as changes."""

import _recur_comm

__version__ = '8.1.9'
__protocol_version__ = '2.1.0'
__control_protocol_version__ = '1.0.0'
__jupyter_widgets_base_version__ = '2.0.0'
__jupyter_widgets_controls_version__ = '2.0.0'
__jupyter_widgets_output_version__ = '1.0.0'

_BASE = '@jupyter-widgets/base'
_CONTROLS = '@jupyter-widgets/controls'
_OUTPUT = '@jupyter-widgets/output'
_instances = {}


class TraitError(Exception):
    pass


class _Undefined:
    def __repr__(self):
        return '<traitlets.Undefined>'


Undefined = _Undefined()
All = 'All'


def _article(name):
    return ('an ' if name[0].lower() in 'aeiou' else 'a ') + name


def _describe(value):
    if value is None:
        return 'None'
    return 'the %s %r' % (type(value).__name__, value)


class _Trait:
    """One trait: its kind, default and whether it is synced with the frontend."""

    def __init__(self, kind, default=None, sync=True, allow_none=False, values=None, klass=None,
                 echo=True):
        self.kind = kind
        self.default = default
        self.sync = sync
        self.allow_none = allow_none
        self.values = values
        self.klass = klass
        self.echo = echo

    def make_default(self):
        if self.kind == 'instance':
            return self.klass()
        if isinstance(self.default, list):
            return list(self.default)
        if isinstance(self.default, dict):
            return dict(self.default)
        return self.default

    def error(self, owner, name, value, expected):
        return TraitError("The '%s' trait of %s instance expected %s, not %s."
                          % (name, _article(type(owner).__name__), expected, _describe(value)))

    def validate(self, owner, name, value):
        if value is None and self.allow_none:
            return None
        kind = self.kind
        if kind == 'any':
            return value
        if kind == 'int':
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, int):
                return value
            try:
                return int(value)
            except Exception:
                raise self.error(owner, name, value, 'an int')
        if kind == 'float':
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
            try:
                return float(value)
            except Exception:
                raise self.error(owner, name, value, 'a float')
        if kind == 'bool':
            if isinstance(value, bool):
                return value
            raise self.error(owner, name, value, 'a boolean')
        if kind == 'str':
            if isinstance(value, str):
                return value
            if isinstance(value, bytes):
                return value.decode('ascii')
            raise self.error(owner, name, value, 'a unicode string')
        if kind == 'enum':
            if isinstance(value, str):
                for choice in self.values:
                    if choice.lower() == value.lower():
                        return choice
            raise TraitError("The '%s' trait of %s instance expected any of %r (case-insensitive), not %s."
                             % (name, _article(type(owner).__name__), self.values, _describe(value)))
        if kind == 'instance':
            if isinstance(value, self.klass):
                return value
            if isinstance(value, dict):
                return self.klass(**value)
            raise self.error(owner, name, value, '%s or a dict' % _article(self.klass.__name__))
        if kind == 'widgets':
            items = tuple(value)
            for item in items:
                if not isinstance(item, Widget):
                    raise TraitError("The '%s' trait of %s instance contains %s which expected a Widget, not %s."
                                     % (name, _article(type(owner).__name__), 'an element of %r' % (items,),
                                        _describe(item)))
            return items
        if kind == 'tuple':
            return tuple(value)
        if kind == 'list':
            return list(value)
        return value


_trait_tables = {}


def _traits_of(cls):
    """The class's traits: each class's own `_own_traits` over its bases'."""
    table = _trait_tables.get(cls)
    if table is not None:
        return table
    table = {}
    for klass in reversed(cls.__mro__):
        own = getattr(klass, '_own_traits', None)
        if own and not any(getattr(base, '_own_traits', None) is own for base in klass.__bases__):
            for key in own:
                table[key] = own[key]
    _trait_tables[cls] = table
    return table


def _widget_to_json(value):
    if isinstance(value, Widget):
        return 'IPY_MODEL_' + value.model_id
    if isinstance(value, (list, tuple)):
        return [_widget_to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: _widget_to_json(item) for key, item in value.items()}
    return value


def _json_to_widget(value):
    if isinstance(value, str) and value.startswith('IPY_MODEL_') and value[10:] in _instances:
        return _instances[value[10:]]
    if isinstance(value, (list, tuple)):
        return [_json_to_widget(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_to_widget(item) for key, item in value.items()}
    return value


class CallbackDispatcher:
    """A list of callbacks, called in turn (ipywidgets' on_click and on_msg)."""

    def __init__(self):
        self.callbacks = []

    def __call__(self, *args, **kwargs):
        value = None
        for callback in self.callbacks:
            try:
                local_value = callback(*args, **kwargs)
            except Exception:
                _recur_comm.show_traceback()
            else:
                value = local_value if local_value is not None else value
        return value

    def register_callback(self, callback, remove=False):
        if remove and callback in self.callbacks:
            self.callbacks.remove(callback)
        elif not remove and callback not in self.callbacks:
            self.callbacks.append(callback)


class _Hold:
    def __init__(self, widget):
        self.widget = widget

    def __enter__(self):
        self.outer = self.widget._holding_sync
        object.__setattr__(self.widget, '_holding_sync', True)
        return self

    def __exit__(self, etype, evalue, tb):
        if not self.outer:
            object.__setattr__(self.widget, '_holding_sync', False)
            pending = [key for key in self.widget.keys if key in self.widget._states_to_send]
            self.widget._states_to_send.clear()
            if pending:
                self.widget.send_state(pending)
        return False


class Widget:
    """The base of every widget: synced traits, a comm to the frontend, observers."""

    _own_traits = {
        '_model_name': _Trait('str', 'WidgetModel'),
        '_model_module': _Trait('str', _BASE),
        '_model_module_version': _Trait('str', '2.0.0'),
        '_view_name': _Trait('str', None, allow_none=True),
        '_view_module': _Trait('str', None, allow_none=True),
        '_view_module_version': _Trait('str', ''),
        '_view_count': _Trait('int', None, allow_none=True),
    }
    _widget_construction_callback = None
    _control_comm = None

    def __init__(self, **kwargs):
        object.__setattr__(self, '_trait_values', {})
        object.__setattr__(self, '_observers', [])
        object.__setattr__(self, '_property_lock', {})
        object.__setattr__(self, '_holding_sync', False)
        object.__setattr__(self, '_states_to_send', set())
        object.__setattr__(self, '_initialising', True)
        object.__setattr__(self, 'comm', None)
        object.__setattr__(self, '_model_id', kwargs.pop('model_id', None))
        object.__setattr__(self, '_msg_callbacks', CallbackDispatcher())
        traits = _traits_of(type(self))
        object.__setattr__(self, 'keys', [name for name in traits if traits[name].sync])
        for name in traits:
            # A default widget (a layout, a style) is made only when none is given.
            self._trait_values[name] = None if name in kwargs else traits[name].make_default()
        unknown = []
        for name in kwargs:
            if name in traits:
                self._trait_values[name] = traits[name].validate(self, name, kwargs[name])
            else:
                unknown.append('%s=%r' % (name, kwargs[name]))
        if unknown:
            # traitlets passes them to object.__init__ and warns (hidden by default).
            import warnings
            warnings.warn('Passing unrecognized arguments to super(%s).__init__(%s).\n'
                          'object.__init__() takes exactly one argument (the instance to initialize)\n'
                          'This is deprecated in traitlets 4.2.This error will be raised in a future release of traitlets.'
                          % (type(self).__name__, ', '.join(unknown)), DeprecationWarning)
        self._cross_validate()
        object.__setattr__(self, '_initialising', False)
        if Widget._widget_construction_callback is not None:
            Widget._widget_construction_callback(self)
        self.open()

    def _cross_validate(self):
        pass

    def __getattr__(self, name):
        if name == '_trait_values':
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        values = self._trait_values
        if name in values:
            return values[name]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        traits = _traits_of(type(self))
        if name not in traits:
            object.__setattr__(self, name, value)
            return
        self.set_trait(name, value)

    def set_trait(self, name, value):
        self._set_notifying(name, value, (name,))

    def _set_notifying(self, name, value, order, forced=()):
        """Sets a trait, lets `_cross_validate` adjust the others, then notifies the changed
        traits in `order` (the order ipywidgets' validators and observers give), and those
        in `forced` even when unchanged (ipywidgets notifies them explicitly)."""
        old = dict(self._trait_values)
        self._trait_values[name] = _traits_of(type(self))[name].validate(self, name, value)
        try:
            self._cross_validate()
        except BaseException:
            self._trait_values.update(old)
            raise
        if self._initialising:
            return
        for key in order:
            if key in forced or not _same(old[key], self._trait_values[key]):
                self._notify(key, old[key], self._trait_values[key])

    def _notify(self, name, old, new):
        if self.comm is not None and name in self.keys and self._should_send_property(name, new):
            self.send_state(name)
        change = {'name': name, 'old': old, 'new': new, 'owner': self, 'type': 'change'}
        for names, handler in list(self._observers):
            if names is All or name in names:
                handler(change)

    def _should_send_property(self, key, value):
        if key in self._property_lock:
            if _widget_to_json(value) == self._property_lock[key]:
                if self._holding_sync:
                    self._states_to_send.discard(key)
                return False
        if self._holding_sync:
            self._states_to_send.add(key)
            return False
        return True

    def observe(self, handler, names=All, type='change'):
        if names is not All and isinstance(names, str):
            names = [names]
        self._observers.append((names, handler))

    def unobserve(self, handler, names=All, type='change'):
        if names is not All and isinstance(names, str):
            names = [names]
        for entry in list(self._observers):
            if entry[1] == handler and (names is All or entry[0] is All or set(names) & set(entry[0])):
                self._observers.remove(entry)

    def unobserve_all(self, name=All):
        if name is All:
            self._observers.clear()
        else:
            for entry in list(self._observers):
                if entry[0] is not All and name in entry[0]:
                    self._observers.remove(entry)

    def hold_sync(self):
        return _Hold(self)

    def has_trait(self, name):
        return name in _traits_of(type(self))

    def trait_names(self):
        return list(_traits_of(type(self)))

    @property
    def model_id(self):
        return self.comm

    def open(self):
        if self.comm is None:
            model_id = self._model_id if self._model_id is not None else _recur_comm.new_id()
            object.__setattr__(self, 'comm', model_id)
            object.__setattr__(self, '_model_id', model_id)
            _instances[model_id] = self
            if _recur_comm.available():
                _recur_comm.open(model_id, 'jupyter.widget',
                                 {'state': self.get_state(), 'buffer_paths': []},
                                 {'version': __protocol_version__}, None)

    def close(self):
        if self.comm is not None:
            _instances.pop(self.comm, None)
            _recur_comm.close(self.comm, {})
            object.__setattr__(self, 'comm', None)
            object.__setattr__(self, '_repr_mimebundle_', None)

    @classmethod
    def close_all(cls):
        for widget in list(_instances.values()):
            widget.close()

    @staticmethod
    def on_widget_constructed(callback):
        Widget._widget_construction_callback = callback

    def get_state(self, key=None, drop_defaults=False):
        if key is None:
            keys = self.keys
        elif isinstance(key, str):
            keys = [key]
        else:
            keys = key
        state = {}
        traits = _traits_of(type(self))
        for k in keys:
            value = _widget_to_json(self._trait_values[k])
            if not drop_defaults or value != traits[k].default:
                state[k] = value
        return state

    def send_state(self, key=None):
        state = self.get_state(key=key)
        if len(state) > 0 and self.comm is not None:
            if self._property_lock:
                for name in state:
                    if name in self._property_lock:
                        self._property_lock[name] = state[name]
            _recur_comm.send(self.comm, {'method': 'update', 'state': state, 'buffer_paths': []}, None)

    def set_state(self, sync_data):
        traits = _traits_of(type(self))
        echo = {name: sync_data[name] for name in sync_data if name in self.keys and traits[name].echo}
        if echo and self.comm is not None:
            _recur_comm.send(self.comm, {'method': 'echo_update', 'state': echo, 'buffer_paths': []}, None)
        object.__setattr__(self, '_property_lock', dict(sync_data))
        try:
            # The kernel's JSON objects lose the frontend's key order: sorted, so it is the
            # same every time.
            for name in sorted(sync_data):
                if name in self.keys:
                    self.set_trait(name, self._from_json(name, sync_data[name]))
        finally:
            object.__setattr__(self, '_property_lock', {})

    def _from_json(self, name, value):
        return _json_to_widget(value)

    def send(self, content, buffers=None):
        if self.comm is not None:
            _recur_comm.send(self.comm, {'method': 'custom', 'content': content}, buffers)

    def on_msg(self, callback, remove=False):
        self._msg_callbacks.register_callback(callback, remove=remove)

    def _handle_msg(self, data, buffers):
        method = data.get('method')
        if method == 'update':
            if 'state' in data:
                state = data['state']
                for path, buffer in zip(data.get('buffer_paths', []), buffers):
                    target = state
                    for part in path[:-1]:
                        target = target[part]
                    target[path[-1]] = buffer
                self.set_state(state)
        elif method == 'request_state':
            self.send_state()
        elif method == 'custom':
            if 'content' in data:
                self._handle_custom_msg(data['content'], buffers)
        else:
            print('Unknown front-end to back-end widget msg with method "%s"' % method, file=_stderr())

    def _handle_custom_msg(self, content, buffers):
        self._msg_callbacks(self, content, buffers)

    def _repr_keys(self):
        traits = _traits_of(type(self))
        for key in sorted(self.keys):
            if key[0] == '_':
                continue
            value = self._trait_values[key]
            trait = traits[key]
            if trait.kind != 'instance' and _same(value, trait.default):
                continue
            if trait.kind in ('widgets', 'tuple', 'list') and len(value) == 0:
                continue
            yield key

    def _gen_repr_from_keys(self, keys):
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % (key, getattr(self, key)) for key in keys))

    def __repr__(self):
        return self._gen_repr_from_keys(self._repr_keys())

    def _repr_mimebundle_(self, **kwargs):
        plaintext = repr(self)
        if len(plaintext) > 110:
            plaintext = plaintext[:110] + '…'
        data = {'text/plain': plaintext}
        if self._view_name is not None and self.comm is not None:
            data['application/vnd.jupyter.widget-view+json'] = {
                'version_major': 2, 'version_minor': 0, 'model_id': self.comm}
        return data

    def __copy__(self):
        raise NotImplementedError('Widgets cannot be copied; custom implementation required')

    def __deepcopy__(self, memo):
        raise NotImplementedError('Widgets cannot be copied; custom implementation required')


def _same(a, b):
    if type(a) != type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return False
    try:
        return bool(a == b)
    except Exception:
        return False


def _stderr():
    import sys
    return sys.stderr


def _handle_comm(kind, comm_id, target_name, data, metadata, buffers):
    """The kernel's comm messages for widgets: the widget's own messages, the frontend's
    control comm (`request_states`), and closes."""
    if kind == 'open':
        if target_name == 'jupyter.widget.control':
            version = metadata.get('version', '') if isinstance(metadata, dict) else ''
            if version.split('.')[0] != __control_protocol_version__.split('.')[0]:
                raise ValueError('Incompatible widget control protocol versions: received version %r, expected version %r'
                                 % (version, __control_protocol_version__))
            Widget._control_comm = comm_id
            return True
        return False
    if kind == 'close':
        if comm_id == Widget._control_comm:
            Widget._control_comm = None
        widget = _instances.pop(comm_id, None)
        if widget is not None:
            object.__setattr__(widget, 'comm', None)
        return True
    if comm_id == Widget._control_comm:
        if data.get('method') == 'request_states':
            states = {}
            for model_id in _instances:
                widget = _instances[model_id]
                states[model_id] = {'model_name': widget._model_name, 'model_module': widget._model_module,
                                    'model_module_version': widget._model_module_version,
                                    'state': widget.get_state()}
            _recur_comm.send(comm_id, {'method': 'update_states', 'states': states, 'buffer_paths': {}}, None)
        else:
            raise RuntimeError('Unknown front-end to back-end widget control msg with method "%s"' % data.get('method'))
        return True
    widget = _instances.get(comm_id)
    if widget is not None:
        try:
            widget._handle_msg(data, buffers)
        except Exception:
            _recur_comm.show_traceback()
    return True


_recur_comm.set_handler(_handle_comm)


class DOMWidget(Widget):
    _own_traits = {
        '_dom_classes': _Trait('tuple', ()),
        'tabbable': _Trait('bool', None, allow_none=True),
        'tooltip': _Trait('str', None, allow_none=True),
    }

    def add_class(self, className):
        if className not in self._dom_classes:
            self._dom_classes = list(self._dom_classes) + [className]
        return self

    def remove_class(self, className):
        if className in self._dom_classes:
            self._dom_classes = [c for c in self._dom_classes if c != className]
        return self

    def _repr_keys(self):
        for key in super()._repr_keys():
            if key == 'layout' and repr(self.layout) == 'Layout()':
                continue
            yield key
        if self._dom_classes:
            yield '_dom_classes'
"""#
}
