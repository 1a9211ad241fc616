import Script
extension WidgetsSource {
    /// Selections, boxes, tabs, Output and links.
    static let containers = #"""


def _make_options(options):
    if isinstance(options, dict):
        return [(str(key), options[key]) for key in options]
    full = []
    for option in options:
        if isinstance(option, (tuple, list)) and len(option) == 2 and isinstance(option[0], str):
            full.append((option[0], option[1]))
        else:
            full.append((str(option), option))
    return full


class _Selection(DescriptionWidget, ValueWidget):
    """One of several options: the frontend sees their labels and the index."""

    def __init__(self, *args, **kwargs):
        options = kwargs.get('options', ())
        if not isinstance(options, dict):
            options = tuple(options)
        kwargs['options'] = options
        object.__setattr__(self, '_options_full', _make_options(options))
        if 'index' not in kwargs and 'value' not in kwargs and 'label' not in kwargs:
            full = self._options_full
            kwargs['index'] = 0 if full else None
        setting = 'index' if 'index' in kwargs else 'value' if 'value' in kwargs else 'label'
        object.__setattr__(self, '_setting', setting)
        super().__init__(*args, **kwargs)

    def _cross_validate(self):
        values = self._trait_values
        full = self._options_full
        values['_options_labels'] = tuple(label for label, _ in full)
        setting = self._setting
        if setting == 'options':
            values['index'] = 0 if full else None
        elif setting == 'value':
            if values['value'] is None and not full:
                values['index'] = None
            else:
                for i, pair in enumerate(full):
                    if pair[1] == values['value']:
                        values['index'] = i
                        break
                else:
                    raise TraitError('Invalid selection: value not found')
        elif setting == 'label':
            if values['label'] not in values['_options_labels']:
                raise TraitError('Invalid selection: label not found')
            values['index'] = values['_options_labels'].index(values['label'])
        index = values['index']
        if index is not None and not 0 <= index < len(full):
            raise TraitError('Invalid selection: index out of bounds')
        values['label'], values['value'] = full[index] if index is not None else (None, None)

    # The order ipywidgets' observers notify in: the trait set is notified last, after
    # what its observer (_propagate_index, _propagate_value...) set.
    _notify_order = {'index': ('label', 'value', 'index'), 'value': ('label', 'index', 'value'),
                     'label': ('value', 'index', 'label'),
                     'options': ('_options_labels', 'label', 'value', 'index', 'options')}

    def set_trait(self, name, value):
        old_full = self._options_full
        if name == 'options':
            if not isinstance(value, dict):
                value = tuple(value)
            object.__setattr__(self, '_options_full', _make_options(value))
        object.__setattr__(self, '_setting', name)
        # New options with the index already 0 notify it anyway (ipywidgets does, to
        # refresh the value and label).
        forced = ('index',) if name == 'options' and self._options_full and self.index == 0 else ()
        try:
            self._set_notifying(name, value, self._notify_order.get(name, (name,)), forced)
        except BaseException:
            object.__setattr__(self, '_options_full', old_full)
            raise

    def _repr_keys(self):
        keys = [key for key in super()._repr_keys()] + ['options']
        for key in sorted(keys):
            if key == 'index' and self.index == 0:
                continue
            yield key


_Selection._setting = 'value'


def _selection_traits(model, view, own=None):
    traits = _model(model, view, own={
        'options': _Trait('any', (), sync=False), '_options_labels': _Trait('tuple', ()),
        'index': _Trait('int', None, allow_none=True), 'value': _Trait('any', None, sync=False, allow_none=True),
        'label': _Trait('str', None, sync=False, allow_none=True), 'disabled': _Trait('bool', False)})
    for key in own or {}:
        traits[key] = own[key]
    return traits


class Dropdown(_Selection):
    """A drop-down list."""
    _own_traits = _selection_traits('DropdownModel', 'DropdownView')


class RadioButtons(_Selection):
    """Radio buttons."""
    _own_traits = _selection_traits('RadioButtonsModel', 'RadioButtonsView', {
        'orientation': _Trait('enum', 'vertical', values=_ORIENTATION)})


class Box(DOMWidget):
    """Widgets side by side (HBox), one above the other (VBox)."""
    _own_traits = _model('BoxModel', 'BoxView', own={
        'children': _Trait('widgets', ()), 'box_style': _Trait('enum', '', values=_BAR_STYLE)})

    def __init__(self, children=(), **kwargs):
        kwargs['children'] = children
        super().__init__(**kwargs)


class HBox(Box):
    _own_traits = _model('HBoxModel', 'HBoxView')


class VBox(Box):
    _own_traits = _model('VBoxModel', 'VBoxView')


class _SelectionContainer(Box):
    _own_traits = {'titles': _Trait('tuple', ()), 'selected_index': _Trait('int', None, allow_none=True)}

    def __init__(self, children=(), **kwargs):
        super().__init__(children, **kwargs)

    def _cross_validate(self):
        values = self._trait_values
        count = len(values['children'])
        titles = tuple(values['titles'])[:count]
        values['titles'] = titles + ('',) * (count - len(titles))
        index = values['selected_index']
        if index is not None and not 0 <= index < count:
            if count == 0:
                values['selected_index'] = None
            else:
                raise TraitError('Invalid selection: index out of bounds')

    def set_title(self, index, title):
        titles = list(self.titles)
        if title is None:
            title = ''
        titles[index] = title
        self.titles = tuple(titles)

    def get_title(self, index):
        return self.titles[index]


class Accordion(_SelectionContainer):
    """Collapsible sections, one per child."""
    _own_traits = _model('AccordionModel', 'AccordionView')


class Tab(_SelectionContainer):
    """Tabs, one per child."""
    _own_traits = _model('TabModel', 'TabView')

    def _cross_validate(self):
        _SelectionContainer._cross_validate(self)
        if self._trait_values['children'] and self._trait_values['selected_index'] is None:
            self._trait_values['selected_index'] = 0


class Output(DOMWidget):
    """Captures what code prints and displays while `with out:` runs (or a callback
    decorated with `out.capture()`): the frontend keeps the outputs of the message whose id
    is `msg_id`."""
    _own_traits = _model('OutputModel', 'OutputView', module=_OUTPUT, version='1.0.0', own={
        'msg_id': _Trait('str', ''), 'outputs': _Trait('tuple', ())})

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        object.__setattr__(self, '_counter', 0)

    def clear_output(self, *args, **kwargs):
        with self:
            clear_output(*args, **kwargs)

    def capture(self, clear_output=False, *clear_args, **clear_kwargs):
        def capture_decorator(func):
            def inner(*args, **kwargs):
                if clear_output:
                    self.clear_output(*clear_args, **clear_kwargs)
                with self:
                    return func(*args, **kwargs)
            return inner
        return capture_decorator

    def __enter__(self):
        _flush()
        parent = _recur_comm.parent_msg_id()
        if parent:
            self.msg_id = parent
            object.__setattr__(self, '_counter', self._counter + 1)

    def __exit__(self, etype, evalue, tb):
        shown = False
        if etype is not None:
            _recur_comm.show_traceback()
            shown = _recur_comm.available()
        _flush()
        if self._counter > 0:
            object.__setattr__(self, '_counter', self._counter - 1)
            if self._counter == 0:
                self.msg_id = ''
        return True if shown else None

    def _append_stream_output(self, text, stream_name):
        self.outputs += ({'output_type': 'stream', 'name': stream_name, 'text': text},)

    def append_stdout(self, text):
        self._append_stream_output(text, stream_name='stdout')

    def append_stderr(self, text):
        self._append_stream_output(text, stream_name='stderr')

    def append_display_data(self, display_object):
        bundle = display_object._repr_mimebundle_() if hasattr(display_object, '_repr_mimebundle_') \
            else {'text/plain': repr(display_object)}
        self.outputs += ({'output_type': 'display_data', 'data': bundle, 'metadata': {}},)


def _flush():
    import sys
    sys.stdout.flush()
    sys.stderr.flush()


def clear_output(wait=False):
    from IPython.display import clear_output as _clear
    _clear(wait=wait)


class Link(Widget):
    """A link made in the frontend between two widgets' traits (jslink)."""
    _own_traits = _model('LinkModel', None, own={
        'target': _Trait('tuple', ()), 'source': _Trait('tuple', ())})
    _own_traits['_view_name'] = _Trait('str', None, allow_none=True)

    def __init__(self, source, target, **kwargs):
        for pair in (source, target):
            if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], Widget)
                    and isinstance(pair[1], str)):
                raise TypeError('Each link end must be a (Widget, "trait_name") tuple, not %r' % (pair,))
            if not pair[0].has_trait(pair[1]):
                raise TypeError('%r has no trait %r' % (pair[0], pair[1]))
        kwargs['source'] = source
        kwargs['target'] = target
        super().__init__(**kwargs)

    def unlink(self):
        self.close()


class DirectionalLink(Link):
    _own_traits = {'_model_name': _Trait('str', 'DirectionalLinkModel')}


def jslink(attr1, attr2):
    """Links two widgets' traits in the frontend, both ways."""
    return Link(attr1, attr2)


def jsdlink(source, target):
    """Links a widget's trait to another's in the frontend, one way."""
    return DirectionalLink(source, target)


class link:
    """Keeps two traits equal in the kernel (traitlets' link)."""

    def __init__(self, source, target, transform=None):
        self.source, self.target = source, target
        self._transform, self._transform_inv = transform if transform else (lambda x: x, lambda x: x)
        self.updating = False
        self.link()

    def link(self):
        setattr(self.target[0], self.target[1], self._transform(getattr(self.source[0], self.source[1])))
        self.source[0].observe(self._update_target, names=self.source[1])
        self.target[0].observe(self._update_source, names=self.target[1])

    def _update_target(self, change):
        if self.updating:
            return
        self.updating = True
        try:
            setattr(self.target[0], self.target[1], self._transform(change['new']))
        finally:
            self.updating = False

    def _update_source(self, change):
        if self.updating:
            return
        self.updating = True
        try:
            setattr(self.source[0], self.source[1], self._transform_inv(change['new']))
        finally:
            self.updating = False

    def unlink(self):
        self.source[0].unobserve(self._update_target, names=self.source[1])
        self.target[0].unobserve(self._update_source, names=self.target[1])


class dlink:
    """Copies one trait to another whenever it changes (traitlets' dlink)."""

    def __init__(self, source, target, transform=None):
        self.source, self.target = source, target
        self._transform = transform if transform else (lambda x: x)
        self.link()

    def link(self):
        setattr(self.target[0], self.target[1], self._transform(getattr(self.source[0], self.source[1])))
        self.source[0].observe(self._update, names=self.source[1])

    def _update(self, change):
        setattr(self.target[0], self.target[1], self._transform(change['new']))

    def unlink(self):
        self.source[0].unobserve(self._update, names=self.source[1])


class _TqdmHBox(HBox):
    """tqdm.notebook's box; its repr is the bar's text line."""

    def __repr__(self):
        text = getattr(self, '_text', None)
        return text if text is not None else HBox.__repr__(self)


class _TqdmBar:
    """tqdm.notebook's widgets (its status_printer and display), driven by Recur's tqdm."""

    def __init__(self, total, desc, text):
        if total:
            pbar = FloatProgress(min=0, max=total)
        else:
            pbar = FloatProgress(min=0, max=1)
            pbar.value = 1
            pbar.bar_style = 'info'
            pbar.layout.width = '20px'
        ltext = HTML()
        rtext = HTML()
        if desc:
            ltext.value = desc
        self.container = _TqdmHBox(children=[ltext, pbar, rtext])
        object.__setattr__(self.container, '_text', text)
        display(self.container)

    def show(self, n, left, right, text, bar_style):
        ltext, pbar, rtext = self.container.children
        object.__setattr__(self.container, '_text', text)
        pbar.value = n
        ltext.value = left
        if right:
            rtext.value = right
        if bar_style and (pbar.bar_style != 'danger' or bar_style != 'success'):
            pbar.bar_style = bar_style
"""#
}
