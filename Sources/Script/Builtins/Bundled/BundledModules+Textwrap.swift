extension BundledModules {
    /// `textwrap`, written in Recur script.
    static let textwrap = #"""
"""Text dedenting and indenting (Recur's textwrap: dedent and indent as CPython's; wrap, fill
and shorten are not provided yet and say so)."""


def _strip_blank(line):
    # A line of only spaces and tabs becomes empty, as CPython's _whitespace_only_re does.
    return '' if line and line.strip(' \t') == '' else line


def dedent(text):
    lines = [_strip_blank(line) for line in text.split('\n')]
    margin = None
    for line in lines:
        content = line.lstrip(' \t')
        if not content:
            continue
        indent = line[:len(line) - len(content)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))


def _not_provided(name):
    def function(*args, **kwargs):
        raise NotImplementedError('textwrap.%s is not provided by Recur yet (textwrap provides dedent and indent)' % name)
    function.__name__ = name
    return function


wrap = _not_provided('wrap')
fill = _not_provided('fill')
shorten = _not_provided('shorten')
"""#
}
