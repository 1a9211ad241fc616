import Script
extension WidgetsSource {
    /// interact, interactive, interact_manual and fixed.
    static let interaction = #"""


class _EmptyType:
    def __repr__(self):
        return "<class 'inspect._empty'>"


_Empty = _EmptyType()


class fixed:
    """A value interact passes through without a widget."""

    def __init__(self, value, **kwargs):
        self.value = value

    def get_interact_value(self):
        return self.value

    def __repr__(self):
        return 'fixed(%r)' % (self.value,)


def _matches(o, pattern):
    if not len(o) == len(pattern):
        return False
    for item, kind in zip(o, pattern):
        if not isinstance(item, kind):
            return False
    return True


def _get_min_max_value(min, max, value=None, step=None):
    if value is None:
        if min is None or max is None:
            raise ValueError('unable to infer range, value from: ({}, {}, {})'.format(min, max, value))
        diff = max - min
        value = min + (diff / 2)
        if not isinstance(value, type(diff)):
            value = min + (diff // 2)
    else:
        if not isinstance(value, (int, float)):
            raise TypeError('expected a real number, got: %r' % value)
        if value == 0:
            vrange = (value, value + 1)
        elif value > 0:
            vrange = (-value, 3 * value)
        else:
            vrange = (3 * value, -value)
        if min is None:
            min = vrange[0]
        if max is None:
            max = vrange[1]
    if step is not None:
        tick = int((value - min) / step)
        value = min + tick * step
    if not min <= value <= max:
        raise ValueError('value must be between min and max (min={}, value={}, max={})'.format(min, value, max))
    return min, max, value


def _widget_from_single_value(o):
    if isinstance(o, str):
        return Text(value=str(o))
    elif isinstance(o, bool):
        return Checkbox(value=o)
    elif isinstance(o, int):
        min, max, value = _get_min_max_value(None, None, o)
        return IntSlider(value=o, min=min, max=max)
    elif isinstance(o, float):
        min, max, value = _get_min_max_value(None, None, o)
        return FloatSlider(value=o, min=min, max=max)
    return None


def _widget_from_tuple(o):
    float_or_int = (float, int)
    if _matches(o, (float_or_int, float_or_int)):
        step = None
    elif _matches(o, (float_or_int, float_or_int, float_or_int)):
        step = o[2]
        if step <= 0:
            raise ValueError('step must be >= 0, not %r' % step)
    else:
        return None
    min, max, value = _get_min_max_value(o[0], o[1], step=step)
    cls = IntSlider if all(isinstance(_, int) for _ in o) else FloatSlider
    if step is None:
        return cls(value=value, min=min, max=max)
    return cls(value=value, min=min, max=max, step=step)


def _widget_from_iterable(o):
    if isinstance(o, (list, dict)):
        return Dropdown(options=o)
    return Dropdown(options=list(o))


def _with_default(widget, default):
    # ipywidgets ignores a default the widget refuses.
    if widget is not None and default is not _Empty:
        try:
            widget.value = default
        except Exception:
            pass
    return widget


def _widget_from_abbrev(abbrev, default=_Empty):
    if isinstance(abbrev, ValueWidget) or isinstance(abbrev, fixed):
        return abbrev
    if isinstance(abbrev, tuple):
        return _with_default(_widget_from_tuple(abbrev), default)
    if abbrev is str:
        return Text()
    if abbrev is bool:
        return Checkbox()
    if abbrev is int:
        return IntText()
    if abbrev is float:
        return FloatText()
    widget = _widget_from_single_value(abbrev)
    if widget is not None:
        return widget
    if isinstance(abbrev, (list, dict, set, range)):
        return _with_default(_widget_from_iterable(abbrev), default)
    return None


def _parameters(f):
    """(name, kind, default or _Empty) for each of f's parameters."""
    return _recur_comm.parameters(f, _Empty)


class interactive(VBox):
    """A VBox of a widget per argument of `__interact_f` (and an output), calling the
    function again whenever one of them changes."""

    def __init__(self, __interact_f, __options={}, **kwargs):
        VBox.__init__(self, _dom_classes=['widget-interact'])
        object.__setattr__(self, 'result', None)
        object.__setattr__(self, 'args', [])
        object.__setattr__(self, 'kwargs', {})
        object.__setattr__(self, 'f', __interact_f)
        f = __interact_f
        object.__setattr__(self, 'clear_output', kwargs.pop('clear_output', True))
        object.__setattr__(self, 'manual', __options.get('manual', False))
        object.__setattr__(self, 'manual_name', __options.get('manual_name', 'Run Interact'))
        object.__setattr__(self, 'auto_display', __options.get('auto_display', False))
        new_kwargs = self.find_abbreviations(kwargs)
        widgets = self.widgets_from_abbreviations(new_kwargs)
        object.__setattr__(self, 'kwargs_widgets', widgets)
        if self.manual:
            manual_button = Button(description=self.manual_name)
            object.__setattr__(self, 'manual_button', manual_button)
            children = [w for w in widgets if isinstance(w, DOMWidget)] + [manual_button]
        else:
            object.__setattr__(self, 'manual_button', None)
            children = [w for w in widgets if isinstance(w, DOMWidget)]
        out = Output()
        object.__setattr__(self, 'out', out)
        children.append(out)
        self.children = tuple(children)
        if self.manual:
            self.manual_button.on_click(self.update)
            for w in self.kwargs_widgets:
                if isinstance(w, Text):
                    w.on_submit(self.update)
        else:
            for widget in self.kwargs_widgets:
                if isinstance(widget, Widget):
                    widget.observe(self.update, names='value')
            self.update()

    def update(self, *args):
        object.__setattr__(self, 'kwargs', {})
        if self.manual:
            self.manual_button.disabled = True
        try:
            with self.out:
                if self.clear_output:
                    clear_output(wait=True)
                for widget in self.kwargs_widgets:
                    self.kwargs[widget._kwarg] = widget.get_interact_value()
                try:
                    object.__setattr__(self, 'result', self.f(**self.kwargs))
                    _recur_comm.show_figures()
                    if self.auto_display and self.result is not None:
                        display(self.result)
                except Exception:
                    _recur_comm.show_traceback()
        finally:
            if self.manual:
                self.manual_button.disabled = False

    def find_abbreviations(self, kwargs):
        new_kwargs = []
        for name, kind, default in _parameters(self.f):
            if kind in ('POSITIONAL_OR_KEYWORD', 'KEYWORD_ONLY'):
                if name in kwargs:
                    value = kwargs.pop(name)
                elif default is not _Empty:
                    value = default
                else:
                    raise ValueError('cannot find widget or abbreviation for argument: {!r}'.format(name))
                new_kwargs.append((name, value, default))
            elif kind == 'VAR_KEYWORD':
                for key in list(kwargs):
                    new_kwargs.append((key, kwargs.pop(key), _Empty))
        return new_kwargs

    def widgets_from_abbreviations(self, seq):
        result = []
        for name, abbrev, default in seq:
            if isinstance(abbrev, Widget) and not isinstance(abbrev, ValueWidget):
                raise TypeError('{!r} is not a ValueWidget'.format(abbrev))
            widget = _widget_from_abbrev(abbrev, default)
            if widget is None:
                raise ValueError('{!r} cannot be transformed to a widget'.format(abbrev))
            if isinstance(widget, Widget):
                if not widget.description:
                    widget.description = name
                object.__setattr__(widget, '_kwarg', name)
            else:
                widget._kwarg = name
            result.append(widget)
        return result

    def _repr_keys(self):
        return VBox._repr_keys(self)


class _InteractFactory:
    """`interact` and `interact_manual`: call with a function, or with keywords first to make
    a decorator, or as a bare decorator."""

    def __init__(self, cls, options, kwargs={}):
        self.cls = cls
        self.opts = options
        self.kwargs = kwargs

    def widget(self, f):
        return self.cls(f, self.opts, **self.kwargs)

    def __call__(self, __interact_f=None, **kwargs):
        if __interact_f is not None:
            f = __interact_f
            w = self.widget(f)
            display(w)
            return f
        return _InteractFactory(self.cls, self.opts, dict(self.kwargs, **kwargs))

    def options(self, **kwds):
        opts = dict(self.opts)
        for name in kwds:
            if name not in opts:
                raise ValueError('invalid option {!r}'.format(name))
            opts[name] = kwds[name]
        return _InteractFactory(self.cls, opts, self.kwargs)


interact = _InteractFactory(interactive, {'manual': False, 'manual_name': 'Run Interact', 'auto_display': True})
interact_manual = interact.options(manual=True)


def _self_module():
    # `from ipywidgets import widgets` (ipywidgets' subpackage, which holds the same names).
    import sys
    return sys.modules.get(__name__)


widgets = _self_module()
"""#
}
