extension BundledModules {
    /// `re`, written in Recur script over PCRE2 (`_pcre2`).
    package static let re = #"""
"""Regular expressions with CPython's re API and semantics, matched by PCRE2. Flags are plain
integers (CPython's are RegexFlag members: re.I | re.M is 10 here, re.IGNORECASE|re.MULTILINE
there)."""

import _pcre2

NOFLAG = 0
TEMPLATE = T = 1
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
DEBUG = 128
ASCII = A = 256

_FLAG_NAMES = [(TEMPLATE, 're.TEMPLATE'), (IGNORECASE, 're.IGNORECASE'), (LOCALE, 're.LOCALE'),
               (MULTILINE, 're.MULTILINE'), (DOTALL, 're.DOTALL'), (UNICODE, 're.UNICODE'),
               (VERBOSE, 're.VERBOSE'), (DEBUG, 're.DEBUG'), (ASCII, 're.ASCII')]
_MAXSIZE = 9223372036854775807


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern[:pos].count(newline) + 1
            self.colno = pos - pattern[:pos].rfind(newline)
            if newline in pattern:
                msg = '%s at position %d (line %d, column %d)' % (msg, pos, self.lineno, self.colno)
            else:
                msg = '%s at position %d' % (msg, pos)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError = error


def _subject_kind(string):
    if isinstance(string, str):
        return str
    if isinstance(string, (bytes, bytearray)):
        return bytes
    raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


class Pattern:
    def __init__(self, pattern, flags, code, inline):
        self.pattern = pattern
        flags = flags | inline
        if isinstance(pattern, str) and not flags & ASCII:
            flags = flags | UNICODE
        self.flags = flags
        self._code = code
        self.groups = code.groups
        self.groupindex = code.groupindex
        self._names = {number: name for name, number in self.groupindex.items()}

    def __repr__(self):
        text = repr(self.pattern)[:200]
        flags = self.flags
        if isinstance(self.pattern, str) and flags & (LOCALE | UNICODE | ASCII) == UNICODE:
            flags = flags & ~UNICODE
        if not flags:
            return 're.compile(%s)' % text
        names = []
        for value, name in _FLAG_NAMES:
            if flags & value:
                names.append(name)
                flags = flags & ~value
        if flags:
            names.append(hex(flags))
        return 're.compile(%s, %s)' % (text, '|'.join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        spans = self._code.match(string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return iter([Match(self, string, spans, pos, endpos) for spans in self._code.scan(string, pos, endpos, 0)])

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        empty = _slice(string, 0, 0)
        groups = self.groups
        found = []
        for spans in self._code.scan(string, pos, endpos, 0):
            if groups == 0:
                found.append(_slice(string, spans[0], spans[1]))
            elif groups == 1:
                found.append(empty if spans[2] < 0 else _slice(string, spans[2], spans[3]))
            else:
                found.append(tuple(empty if spans[2 * g] < 0 else _slice(string, spans[2 * g], spans[2 * g + 1])
                                   for g in range(1, groups + 1)))
        return found

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [_slice(string, 0, len(string))]
        pieces = []
        last = 0
        for spans in self._code.scan(string, 0, _MAXSIZE, maxsplit):
            pieces.append(_slice(string, last, spans[0]))
            for g in range(1, self.groups + 1):
                pieces.append(None if spans[2 * g] < 0 else _slice(string, spans[2 * g], spans[2 * g + 1]))
            last = spans[1]
        pieces.append(_slice(string, last, len(string)))
        return pieces

    def subn(self, repl, string, count=0):
        if callable(repl):
            parts = None
        else:
            parts = _parse_template(repl, self)
            if isinstance(string, str) == isinstance(repl, str) and count >= 0:
                return self._code.subn(string, parts, count)
        _subject_kind(string)
        if count < 0:
            return _slice(string, 0, len(string)), 0
        # Pieces are collected and joined as CPython's sre does (empty slices skipped), so a
        # replacement of the wrong type fails with its message.
        empty = _slice(string, 0, 0)
        pieces = []
        last = 0
        n = 0
        for spans in self._code.scan(string, 0, _MAXSIZE, count):
            if last < spans[0]:
                pieces.append(_slice(string, last, spans[0]))
            if parts is None:
                result = repl(Match(self, string, spans, 0, _MAXSIZE))
                if result is not None:
                    pieces.append(result)
            else:
                pieces.append(empty.join([part if type(part) is not int else
                                          (empty if spans[2 * part] < 0 else _slice(string, spans[2 * part], spans[2 * part + 1]))
                                          for part in parts]))
            last = spans[1]
            n += 1
        if last < len(string):
            pieces.append(_slice(string, last, len(string)))
        return empty.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError('Pattern.scanner is not provided by Recur (finditer is)')


def _slice(string, start, end):
    piece = string[start:end]
    return piece if type(piece) is str or type(piece) is bytes else bytes(piece)


_TEMPLATE_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
_template_cache = {}


def _parse_template(template, pattern):
    """The template as literal pieces and group numbers, with CPython's errors."""
    key = (type(template), template, pattern.pattern, pattern.flags)
    cached = _template_cache.get(key)
    if cached is not None:
        return cached
    is_bytes = not isinstance(template, str)
    if is_bytes and not isinstance(template, (bytes, bytearray)):
        raise TypeError('decoding to str: need a bytes-like object, %s found' % type(template).__name__)
    text = str(template, 'latin-1') if is_bytes else template
    parts = []
    literal = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', template, start)
        c = text[i]
        i += 1
        group = None
        if c == 'g':
            if i >= n or text[i] != '<':
                raise error('missing <', template, i)
            close = text.find('>', i + 1)
            if close < 0:
                raise error('missing >, unterminated name', template, i + 1)
            name = text[i + 1:close]
            if not name:
                raise error('missing group name', template, i + 1)
            if name.isdigit() and name.isascii():
                group = int(name)
                if group > pattern.groups:
                    raise error('invalid group reference %d' % group, template, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError('unknown group name %r' % name)
                group = pattern.groupindex[name]
            else:
                raise error('bad character in group name %r' % name, template, i + 1)
            i = close + 1
        elif c == '0':
            digits = c
            while i < n and len(digits) < 3 and text[i] in '01234567':
                digits += text[i]
                i += 1
            literal.append(chr(int(digits, 8)))
            continue
        elif c in '123456789':
            digits = c
            if i < n and text[i] in '0123456789':
                digits += text[i]
                i += 1
                if (i < n and text[i] in '01234567' and digits[0] in '01234567'
                        and digits[1] in '01234567'):
                    digits += text[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377' % digits, template, start)
                    literal.append(chr(value))
                    continue
            group = int(digits)
            if group > pattern.groups:
                raise error('invalid group reference %d' % group, template, start + 1)
        elif c in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[c])
            continue
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\' + c, template, start)
        else:
            literal.append('\\' + c)
            continue
        if literal:
            parts.append(''.join(literal))
            literal = []
        parts.append(group)
    if literal:
        parts.append(''.join(literal))
    if is_bytes:
        parts = [part if type(part) is int else part.encode('latin-1') for part in parts]
    if len(_template_cache) >= 512:
        _template_cache.clear()
    _template_cache[key] = parts
    return parts


class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        length = len(string)
        self.pos = min(max(pos, 0), length)
        self.endpos = min(max(endpos, 0), length)

    def _index(self, group):
        if type(group) is int or type(group) is bool:
            if 0 <= group <= self.re.groups:
                return int(group)
        elif isinstance(group, str) and group in self.re.groupindex:
            return self.re.groupindex[group]
        elif hasattr(group, '__index__') and not isinstance(group, (str, bytes)):
            index = group.__index__()
            if 0 <= index <= self.re.groups:
                return index
        raise IndexError('no such group')

    def _group(self, index, default=None):
        start = self._spans[2 * index]
        if start < 0:
            return default
        return _slice(self.string, start, self._spans[2 * index + 1])

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(self._index(groups[0]))
        return tuple(self._group(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._group(self._index(group))

    def groups(self, default=None):
        return tuple(self._group(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(number, default) for name, number in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return (self._spans[2 * index], self._spans[2 * index + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * g], self._spans[2 * g + 1]) for g in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for g in range(1, self.re.groups + 1):
            end = self._spans[2 * g + 1]
            if self._spans[2 * g] >= 0 and end > best_end:
                best = g
                best_end = end
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        if index is None:
            return None
        return self.re._names.get(index)

    def expand(self, template):
        pieces = []
        for part in _parse_template(template, self.re):
            if type(part) is int:
                value = self._group(part)
                if value is not None:
                    pieces.append(value)
            else:
                pieces.append(part)
        return ('' if isinstance(template, str) else b'').join(pieces)

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (self._spans[0], self._spans[1], self._group(0))

    def __bool__(self):
        return True


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if type(flags) is not int:
        flags = flags.__index__()
    key = (type(pattern), pattern, flags)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError('first argument must be string or compiled pattern')
    if isinstance(pattern, str):
        if flags & LOCALE:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if flags & ASCII and flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
    else:
        if flags & UNICODE:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if flags & LOCALE:
            raise NotImplementedError('re.LOCALE is not provided by Recur')
        pattern = bytes(pattern)
    compiled = _pcre2.compile(pattern, flags)
    if compiled[0] is None:
        raise error(compiled[1], None if compiled[2] is None else pattern, compiled[2])
    result = Pattern(pattern, flags, compiled[0], compiled[1])
    if len(_cache) >= 512:
        _cache.clear()
    _cache[key] = result
    return result


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()
    _template_cache.clear()


_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    text = bytes(pattern).decode('latin-1')
    return ''.join('\\' + c if c in _SPECIAL else c for c in text).encode('latin-1')
"""#
}
