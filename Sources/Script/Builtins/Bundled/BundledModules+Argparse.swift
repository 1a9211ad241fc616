extension BundledModules {
    /// `argparse`, written in Recur script.
    static let argparse = #"""
"""Command-line parsing (Recur's argparse: the common subset of CPython's, with its messages)."""
import sys as _sys

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'


class Namespace:
    def __init__(self, **kwargs):
        # Attributes in the order they were set, as CPython's instance dicts keep them.
        object.__setattr__(self, '_argparse_names', [])
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __setattr__(self, name, value):
        if name not in self._argparse_names:
            self._argparse_names.append(name)
        object.__setattr__(self, name, value)

    @property
    def __dict__(self):
        return {name: getattr(self, name) for name in self._argparse_names if hasattr(self, name)}

    def __repr__(self):
        parts = ['%s=%r' % (name, value) for name, value in vars(self).items()]
        return 'Namespace(%s)' % ', '.join(parts)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in vars(self)


class ArgumentError(Exception):
    def __init__(self, argument_name, message):
        self.argument_name = argument_name
        self.message = message
        super().__init__(message)

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


class _Action:
    def __init__(self, option_strings, dest, nargs, const, default, type, choices, required, help, metavar, kind):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind

    def name(self):
        if self.option_strings:
            return '/'.join(self.option_strings)
        if self.metavar is not None:
            return self.metavar
        return self.dest


def _callable_name(function):
    return getattr(function, '__name__', repr(function))


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(), formatter_class=None,
                 prefix_chars='-', fromfile_prefix_chars=None, argument_default=None, conflict_handler='error',
                 add_help=True, allow_abbrev=True, exit_on_error=True):
        if prog is None:
            prog = _sys.argv[0].split('/')[-1] if _sys.argv else 'python'
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.argument_default = argument_default
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS, help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if action.kind != 'help':
                    self._actions.append(action)
            self._defaults.update(parent._defaults)

    def add_argument_group(self, title=None, description=None):
        return self

    def add_mutually_exclusive_group(self, required=False):
        return self

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        action = kwargs.pop('action', 'store')
        if not args or len(args) == 1 and args[0] and args[0][0] not in '-':
            if not args:
                raise TypeError('add_argument() missing 1 required positional argument: dest')
            dest = args[0]
            option_strings = []
            if 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            required = kwargs.pop('required', None)
            if required is not None:
                raise TypeError("'required' is an invalid argument for positionals")
            nargs = kwargs.get('nargs')
            required = not (nargs in ('?', '*') or (nargs == '...' and False))
            if nargs in ('?', '*'):
                required = False
        else:
            option_strings = list(args)
            for option in option_strings:
                if not option or option[0] != '-':
                    raise ValueError("invalid option string %r: must start with a character '-'" % option)
            dest = kwargs.pop('dest', None)
            if dest is None:
                long_options = [o for o in option_strings if o.startswith('--')]
                chosen = long_options[0] if long_options else option_strings[0]
                dest = chosen.lstrip('-').replace('-', '_')
            required = kwargs.pop('required', False)
        nargs = kwargs.pop('nargs', None)
        const = kwargs.pop('const', None)
        default = kwargs.pop('default', self._defaults.get(dest, self.argument_default))
        type = kwargs.pop('type', None)
        choices = kwargs.pop('choices', None)
        help = kwargs.pop('help', None)
        metavar = kwargs.pop('metavar', None)
        kwargs.pop('version', None) if action != 'version' else None
        version = kwargs.pop('version', None)
        if kwargs:
            raise TypeError("_StoreAction.__init__() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
        if action in ('store_true', 'store_false', 'store_const', 'append_const', 'count', 'help', 'version'):
            if nargs is not None:
                raise TypeError("__init__() got an unexpected keyword argument 'nargs'")
            nargs = 0
            if action == 'store_true':
                const = True
                if default is None:
                    default = False
            elif action == 'store_false':
                const = False
                if default is None:
                    default = True
        elif action in ('store', 'append', 'extend'):
            if nargs == 0:
                raise ValueError('nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate')
        else:
            raise ValueError('unknown action "%s"' % action)
        if type is not None and not callable(type):
            raise ValueError('%r is not callable' % (type,))
        record = _Action(option_strings, dest, nargs, const, default, type, choices, required, help, metavar, action)
        record.version = version
        for existing in self._actions:
            for option in option_strings:
                if option in existing.option_strings:
                    raise ArgumentError(None, 'argument %s: conflicting option string: %s' % ('/'.join(option_strings), option))
        self._actions.append(record)
        return record

    # Usage and help.

    def _metavar(self, action):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return '{' + ','.join(str(c) for c in action.choices) + '}'
        return action.dest.upper() if action.option_strings else action.dest

    def _format_args(self, action):
        metavar = self._metavar(action)
        nargs = action.nargs
        if nargs is None:
            return metavar
        if nargs == '?':
            return '[%s]' % metavar
        if nargs == '*':
            return '[%s ...]' % metavar
        if nargs == '+':
            return '%s [%s ...]' % (metavar, metavar)
        if nargs == '...':
            return '...'
        return ' '.join([metavar] * nargs)

    def format_usage(self):
        prefix = 'usage: '
        if self.usage is not None:
            return prefix + self.usage.replace('%(prog)s', self.prog) + '\n'
        optionals = []
        for action in self._actions:
            if action.option_strings:
                text = action.option_strings[0]
                if action.nargs != 0:
                    text += ' ' + self._format_args(action)
                optionals.append(text if action.required else '[%s]' % text)
        positionals = [self._format_args(a) for a in self._actions if not a.option_strings]
        usage = ' '.join([self.prog] + optionals + positionals)
        width = _terminal_width() - 2
        if len(prefix) + len(usage) <= width:
            return prefix + usage + '\n'
        # CPython's HelpFormatter: optionals, then positionals, on lines indented under the prog.

        def get_lines(parts, indent, first=None):
            lines = []
            line = []
            length = len(first) - 1 if first is not None else len(indent) - 1
            for part in parts:
                if length + 1 + len(part) > width and line:
                    lines.append(indent + ' '.join(line))
                    line = []
                    length = len(indent) - 1
                line.append(part)
                length += len(part) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if first is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(self.prog) <= 0.75 * width:
            indent = ' ' * (len(prefix) + len(self.prog) + 1)
            if optionals:
                lines = get_lines([self.prog] + optionals, indent, prefix)
                lines.extend(get_lines(positionals, indent))
            elif positionals:
                lines = get_lines([self.prog] + positionals, indent, prefix)
            else:
                lines = [self.prog]
        else:
            indent = ' ' * len(prefix)
            lines = get_lines(optionals + positionals, indent)
            lines = [self.prog] + lines
        return prefix + '\n'.join(lines) + '\n'

    def _invocation(self, action):
        if not action.option_strings:
            return self._metavar(action)
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        args = self._format_args(action)
        return ', '.join('%s %s' % (o, args) for o in action.option_strings)

    def format_help(self):
        text = self.format_usage()
        if self.description:
            text += '\n' + self.description + '\n'
        # CPython's HelpFormatter: help starts in the column after the longest invocation,
        # at most 24.
        longest = max([len(self._invocation(a)) + 2 for a in self._actions] or [0])
        help_position = min(longest + 2, 24)
        action_width = help_position - 4
        positionals = [a for a in self._actions if not a.option_strings]
        optionals = [a for a in self._actions if a.option_strings]
        for title, group in (('positional arguments', positionals), ('options', optionals)):
            if not group:
                continue
            text += '\n' + title + ':\n'
            for action in group:
                invocation = self._invocation(action)
                help = action.help
                if help is None:
                    text += '  ' + invocation + '\n'
                    continue
                help = help.replace('%(default)s', str(action.default)).replace('%(prog)s', self.prog)
                if len(invocation) <= action_width:
                    text += '  ' + invocation.ljust(action_width) + '  ' + help + '\n'
                else:
                    text += '  ' + invocation + '\n' + ' ' * help_position + help + '\n'
        if self.epilog:
            text += '\n' + self.epilog + '\n'
        return text

    def print_usage(self, file=None):
        print(self.format_usage(), end='', file=file if file is not None else _sys.stdout)

    def print_help(self, file=None):
        print(self.format_help(), end='', file=file if file is not None else _sys.stdout)

    def exit(self, status=0, message=None):
        if message:
            print(message, end='', file=_sys.stderr)
        _sys.exit(status)

    def error(self, message):
        print(self.format_usage(), end='', file=_sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))

    # Parsing.

    def _convert(self, action, text):
        if action.type is None:
            value = text
        else:
            try:
                value = action.type(text)
            except ArgumentTypeError as e:
                raise ArgumentError(action.name(), str(e))
            except (TypeError, ValueError):
                raise ArgumentError(action.name(), 'invalid %s value: %r' % (_callable_name(action.type), text))
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action.name(), 'invalid choice: %r (choose from %s)' % (value, choices))
        return value

    def _find_option(self, text):
        for action in self._actions:
            if text in action.option_strings:
                return action
        matches = [a for a in self._actions for o in a.option_strings if o.startswith(text) and text.startswith('--')]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            options = ', '.join(o for a in matches for o in a.option_strings if o.startswith(text))
            raise ArgumentError(None, 'ambiguous option: %s could match %s' % (text, options))
        return None

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        try:
            return self._parse(args, namespace)
        except ArgumentError as error:
            if not self.exit_on_error:
                raise
            self.error(str(error))

    def _take(self, action, values, option):
        if action.nargs is None:
            if not values:
                raise ArgumentError(action.name(), 'expected one argument')
            return self._convert(action, values.pop(0))
        if action.nargs == '?':
            if values and not (values[0].startswith('-') and len(values[0]) > 1):
                return self._convert(action, values.pop(0))
            return action.const if option else action.default
        if action.nargs in ('*', '+'):
            taken = []
            while values and not (values[0].startswith('-') and len(values[0]) > 1):
                taken.append(self._convert(action, values.pop(0)))
            if action.nargs == '+' and not taken:
                raise ArgumentError(action.name(), 'expected at least one argument')
            return taken
        if isinstance(action.nargs, int):
            taken = []
            for _ in range(action.nargs):
                if not values or (values[0].startswith('-') and len(values[0]) > 1):
                    raise ArgumentError(action.name(), 'expected %d arguments' % action.nargs if action.nargs != 1 else 'expected 1 argument')
                taken.append(self._convert(action, values.pop(0)))
            return taken
        return values

    def _apply(self, action, namespace, value):
        kind = action.kind
        if kind in ('store', 'store_const', 'store_true', 'store_false'):
            setattr(namespace, action.dest, action.const if kind != 'store' else value)
        elif kind == 'append':
            current = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (list(current) if current else []) + [value])
        elif kind == 'extend':
            current = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (list(current) if current else []) + list(value))
        elif kind == 'append_const':
            current = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (list(current) if current else []) + [action.const])
        elif kind == 'count':
            current = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (current or 0) + 1)
        elif kind == 'help':
            self.print_help()
            self.exit()
        elif kind == 'version':
            print(action.version.replace('%(prog)s', self.prog))
            self.exit()

    def _parse(self, args, namespace):
        for action in self._actions:
            if action.dest != SUPPRESS and action.default != SUPPRESS and not hasattr(namespace, action.dest):
                default = action.default
                if isinstance(default, str) and action.type is not None and action.option_strings:
                    default = self._convert(action, default)
                setattr(namespace, action.dest, default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        positionals = [a for a in self._actions if not a.option_strings]
        seen = []
        extras = []
        loose = []
        rest = list(args)
        while rest:
            text = rest.pop(0)
            if text == '--':
                loose.extend(rest)
                break
            if text.startswith('-') and len(text) > 1 and not _is_number(text):
                option, attached = text, None
                if '=' in text and text.startswith('--'):
                    option, attached = text.split('=', 1)
                action = self._find_option(option)
                if action is None and not text.startswith('--') and len(text) > 2:
                    action = self._find_option(text[:2])
                    if action is not None:
                        attached = text[2:]
                if action is None:
                    extras.append(text)
                    continue
                if attached is not None and action.nargs == 0 and not text.startswith('--'):
                    # A cluster of short flags: -vv, -xvf.
                    self._apply(action, namespace, None)
                    seen.append(action)
                    rest.insert(0, '-' + attached)
                    continue
                if attached is not None:
                    if action.nargs == 0:
                        raise ArgumentError(action.name(), 'ignored explicit argument %r' % attached)
                    values = [attached]
                    value = self._take(action, values, option)
                else:
                    value = self._take(action, rest, option) if action.nargs != 0 else None
                self._apply(action, namespace, value)
                seen.append(action)
            else:
                loose.append(text)
        for action in positionals:
            if action.nargs is None:
                if not loose:
                    break
                setattr(namespace, action.dest, self._convert(action, loose.pop(0)))
                seen.append(action)
            elif action.nargs == '?':
                setattr(namespace, action.dest, self._convert(action, loose.pop(0)) if loose else action.default)
                seen.append(action)
            elif action.nargs in ('*', '+'):
                if action.nargs == '+' and not loose:
                    break
                setattr(namespace, action.dest, [self._convert(action, v) for v in loose] if loose or action.default is None else action.default)
                loose = []
                seen.append(action)
            elif isinstance(action.nargs, int):
                if len(loose) < action.nargs:
                    break
                setattr(namespace, action.dest, [self._convert(action, loose.pop(0)) for _ in range(action.nargs)])
                seen.append(action)
        missing = [a.name() for a in self._actions if a.required and a not in seen]
        if missing:
            raise ArgumentError(None, 'the following arguments are required: %s' % ', '.join(missing))
        return namespace, extras + loose


def _terminal_width():
    import os
    try:
        return int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        return 80


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False
"""#
}
