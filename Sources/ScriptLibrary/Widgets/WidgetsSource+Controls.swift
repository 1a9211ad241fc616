import Script
extension WidgetsSource {
    /// Layout, styles and the value widgets.
    static let controls = #"""


def _styled(model, own=None):
    traits = {'_model_name': _Trait('str', model), '_model_module': _Trait('str', _CONTROLS),
              '_model_module_version': _Trait('str', '2.0.0'), '_view_name': _Trait('str', 'StyleView'),
              '_view_module': _Trait('str', _BASE), '_view_module_version': _Trait('str', '2.0.0')}
    for key in own or {}:
        traits[key] = own[key]
    return traits


def _nullable(*names):
    return {name: _Trait('str', None, allow_none=True) for name in names}


_FONT = ('font_family', 'font_size', 'font_style', 'font_variant', 'font_weight', 'text_color',
         'text_decoration')


class Layout(Widget):
    """CSS layout of a widget's view."""
    _own_traits = _nullable('align_content', 'align_items', 'align_self', 'border_bottom', 'border_left',
                            'border_right', 'border_top', 'bottom', 'display', 'flex', 'flex_flow', 'grid_area',
                            'grid_auto_columns', 'grid_auto_flow', 'grid_auto_rows', 'grid_column', 'grid_gap',
                            'grid_row', 'grid_template_areas', 'grid_template_columns', 'grid_template_rows',
                            'height', 'justify_content', 'justify_items', 'left', 'margin', 'max_height',
                            'max_width', 'min_height', 'min_width', 'object_fit', 'object_position', 'order',
                            'overflow', 'padding', 'right', 'top', 'visibility', 'width')
    _own_traits['_model_name'] = _Trait('str', 'LayoutModel')
    _own_traits['_model_module_version'] = _Trait('str', '2.0.0')
    _own_traits['_view_name'] = _Trait('str', 'LayoutView')
    _own_traits['_view_module'] = _Trait('str', _BASE)
    _own_traits['_view_module_version'] = _Trait('str', '2.0.0')

    def __init__(self, **kwargs):
        border = kwargs.pop('border', None)
        if border is not None:
            for side in ('top', 'right', 'bottom', 'left'):
                kwargs.setdefault('border_' + side, border)
        super().__init__(**kwargs)


class Style(Widget):
    _own_traits = _styled('StyleModel')


class DescriptionStyle(Style):
    _own_traits = _styled('DescriptionStyleModel', {'description_width': _Trait('str', '')})


class SliderStyle(DescriptionStyle):
    _own_traits = _styled('SliderStyleModel', _nullable('handle_color'))


class ProgressStyle(DescriptionStyle):
    _own_traits = _styled('ProgressStyleModel', _nullable('bar_color'))


class CheckboxStyle(DescriptionStyle):
    _own_traits = _styled('CheckboxStyleModel', _nullable('background'))


class ToggleButtonStyle(DescriptionStyle):
    _own_traits = _styled('ToggleButtonStyleModel', _nullable(*_FONT))


class ButtonStyle(Style):
    _own_traits = _styled('ButtonStyleModel', _nullable('button_color', *_FONT))


class _StringStyle(DescriptionStyle):
    _own_traits = _nullable('background', 'font_size', 'text_color')


class TextStyle(_StringStyle):
    _own_traits = _styled('TextStyleModel')


class HTMLStyle(_StringStyle):
    _own_traits = _styled('HTMLStyleModel')


class LabelStyle(_StringStyle):
    _own_traits = _styled('LabelStyleModel', _nullable(*_FONT))


DOMWidget._own_traits['layout'] = _Trait('instance', klass=Layout)


def _model(model, view, module=_CONTROLS, version='2.0.0', own=None):
    traits = {'_model_name': _Trait('str', model), '_model_module': _Trait('str', module),
              '_model_module_version': _Trait('str', version), '_view_name': _Trait('str', view),
              '_view_module': _Trait('str', module), '_view_module_version': _Trait('str', version)}
    for key in own or {}:
        traits[key] = own[key]
    return traits


class DescriptionWidget(DOMWidget):
    _own_traits = {'description': _Trait('str', ''), 'description_allow_html': _Trait('bool', False),
                   'style': _Trait('instance', klass=DescriptionStyle)}

    def __init__(self, *args, **kwargs):
        if 'description_tooltip' in kwargs:
            kwargs.setdefault('tooltip', kwargs.pop('description_tooltip'))
        super().__init__(*args, **kwargs)

    def _repr_keys(self):
        for key in super()._repr_keys():
            if key == 'style' and repr(self.style) == '%s()' % type(self.style).__name__:
                continue
            yield key


class ValueWidget(Widget):
    def __init__(self, value=None, **kwargs):
        if value is not None:
            kwargs['value'] = value
        super().__init__(**kwargs)

    def get_interact_value(self):
        return self.value

    def _repr_keys(self):
        yield 'value'
        for key in super()._repr_keys():
            if key != 'value':
                yield key


_ORIENTATION = ['horizontal', 'vertical']
_BAR_STYLE = ['success', 'info', 'warning', 'danger', '']
_BUTTON_STYLE = ['primary', 'success', 'info', 'warning', 'danger', '']


def _slider_traits(kind, model, view, value, minimum, maximum, step, readout_format):
    return _model(model, view, own={
        'value': _Trait(kind, value), 'min': _Trait(kind, minimum), 'max': _Trait(kind, maximum),
        'step': _Trait(kind, step), 'orientation': _Trait('enum', 'horizontal', values=_ORIENTATION),
        'readout': _Trait('bool', True), 'readout_format': _Trait('str', readout_format),
        'continuous_update': _Trait('bool', True), 'disabled': _Trait('bool', False),
        'behavior': _Trait('enum', 'drag-tap', values=['drag-tap', 'drag-snap', 'tap', 'drag', 'snap']),
        'style': _Trait('instance', klass=SliderStyle)})


class _Bounded(DescriptionWidget, ValueWidget):
    """min <= value <= max, as ipywidgets' validators keep it."""

    def _cross_validate(self):
        values = self._trait_values
        if values['min'] > values['max']:
            raise TraitError('setting min > max' if self._setting != 'max' else 'setting max < min')
        if values['value'] < values['min']:
            values['value'] = values['min']
        if values['value'] > values['max']:
            values['value'] = values['max']

    def set_trait(self, name, value):
        object.__setattr__(self, '_setting', name)
        # A bound that moves the value sets it first, as ipywidgets' validators do: the
        # value's change goes out before the bound's.
        self._set_notifying(name, value, ('value',) if name == 'value' else ('value', name))


_Bounded._setting = 'value'


class IntSlider(_Bounded):
    """A slider for integers."""
    _own_traits = _slider_traits('int', 'IntSliderModel', 'IntSliderView', 0, 0, 100, 1, 'd')


class FloatSlider(_Bounded):
    """A slider for floats."""
    _own_traits = _slider_traits('float', 'FloatSliderModel', 'FloatSliderView', 0.0, 0.0, 100.0, 0.1, '.2f')


class FloatLogSlider(_Bounded):
    """A slider for floats on a log scale: min and max are exponents of base."""
    _own_traits = _slider_traits('float', 'FloatLogSliderModel', 'FloatLogSliderView', 1.0, 0.0, 4.0, 0.1, '.3g')
    _own_traits['base'] = _Trait('float', 10.0)

    def _cross_validate(self):
        values = self._trait_values
        if values['min'] > values['max']:
            raise TraitError('setting min > max' if self._setting != 'max' else 'setting max < min')
        low, high = values['base'] ** values['min'], values['base'] ** values['max']
        if values['value'] < low:
            values['value'] = low
        if values['value'] > high:
            values['value'] = high


class IntText(DescriptionWidget, ValueWidget):
    """A text box for integers."""
    _own_traits = _model('IntTextModel', 'IntTextView', own={
        'value': _Trait('int', 0), 'disabled': _Trait('bool', False),
        'continuous_update': _Trait('bool', False), 'step': _Trait('int', 1)})


class FloatText(DescriptionWidget, ValueWidget):
    """A text box for floats."""
    _own_traits = _model('FloatTextModel', 'FloatTextView', own={
        'value': _Trait('float', 0.0), 'disabled': _Trait('bool', False),
        'continuous_update': _Trait('bool', False), 'step': _Trait('float', None, allow_none=True)})


def _progress_traits(kind, model, maximum, value, minimum):
    return _model(model, 'ProgressView', own={
        'value': _Trait(kind, value), 'min': _Trait(kind, minimum), 'max': _Trait(kind, maximum),
        'orientation': _Trait('enum', 'horizontal', values=_ORIENTATION),
        'bar_style': _Trait('enum', '', values=_BAR_STYLE, allow_none=True),
        'style': _Trait('instance', klass=ProgressStyle)})


class IntProgress(_Bounded):
    """A progress bar for integers."""
    _own_traits = _progress_traits('int', 'IntProgressModel', 100, 0, 0)


class FloatProgress(_Bounded):
    """A progress bar for floats."""
    _own_traits = _progress_traits('float', 'FloatProgressModel', 100.0, 0.0, 0.0)


class Checkbox(DescriptionWidget, ValueWidget):
    """A check box."""
    _own_traits = _model('CheckboxModel', 'CheckboxView', own={
        'value': _Trait('bool', False), 'disabled': _Trait('bool', False), 'indent': _Trait('bool', True),
        'style': _Trait('instance', klass=CheckboxStyle)})


class ToggleButton(DescriptionWidget, ValueWidget):
    """A button that stays pressed."""
    _own_traits = _model('ToggleButtonModel', 'ToggleButtonView', own={
        'value': _Trait('bool', False), 'disabled': _Trait('bool', False), 'icon': _Trait('str', ''),
        'button_style': _Trait('enum', '', values=_BUTTON_STYLE),
        'style': _Trait('instance', klass=ToggleButtonStyle)})


class Button(DOMWidget):
    """A button; on_click registers what a click runs."""
    _own_traits = _model('ButtonModel', 'ButtonView', own={
        'description': _Trait('str', ''), 'disabled': _Trait('bool', False), 'icon': _Trait('str', ''),
        'button_style': _Trait('enum', '', values=_BUTTON_STYLE),
        'style': _Trait('instance', klass=ButtonStyle)})

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        object.__setattr__(self, '_click_handlers', CallbackDispatcher())
        self.on_msg(Button._handle_button_msg)

    def on_click(self, callback, remove=False):
        self._click_handlers.register_callback(callback, remove=remove)

    def click(self):
        self._click_handlers(self)

    def _handle_button_msg(self, content, buffers):
        if content.get('event', '') == 'click':
            self.click()


def _text_traits(model, view, style, own=None):
    traits = _model(model, view, own={'value': _Trait('str', ''), 'placeholder': _Trait('str', '\u200b'),
                                      'style': _Trait('instance', klass=style)})
    for key in own or {}:
        traits[key] = own[key]
    return traits


class Text(DescriptionWidget, ValueWidget):
    """A single line of text."""
    _own_traits = _text_traits('TextModel', 'TextView', TextStyle, {
        'disabled': _Trait('bool', False), 'continuous_update': _Trait('bool', True)})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        object.__setattr__(self, '_submission_callbacks', CallbackDispatcher())
        self.on_msg(Text._handle_string_msg)

    def _handle_string_msg(self, content, buffers):
        if content.get('event', '') == 'submit':
            self._submission_callbacks(self)

    def on_submit(self, callback, remove=False):
        self._submission_callbacks.register_callback(callback, remove=remove)


class Textarea(DescriptionWidget, ValueWidget):
    """Several lines of text."""
    _own_traits = _text_traits('TextareaModel', 'TextareaView', TextStyle, {
        'disabled': _Trait('bool', False), 'continuous_update': _Trait('bool', True),
        'rows': _Trait('int', None, allow_none=True)})


class Label(DescriptionWidget, ValueWidget):
    """Text beside a control."""
    _own_traits = _text_traits('LabelModel', 'LabelView', LabelStyle)


class HTML(DescriptionWidget, ValueWidget):
    """HTML shown as it is."""
    _own_traits = _text_traits('HTMLModel', 'HTMLView', HTMLStyle)
"""#
}
