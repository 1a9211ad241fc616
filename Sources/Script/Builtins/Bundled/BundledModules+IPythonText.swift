extension BundledModules {
    /// `IPython.utils.text.SList`, the list `files = !ls` gives: IPython's documented
    /// attributes (`l`, `n`, `s`, `p` and their long names) and methods (`grep`, `fields`,
    /// `sort`), written in Recur script.
    static let ipythonText = #"""
"""The part of IPython.utils.text that shell captures use: SList."""

import os
import re
from pathlib import Path

__all__ = ['SList']


class SList(list):
    """The lines a shell capture gave, as a list that also offers them joined by newlines
    (.n, .nlstr), by spaces (.s, .spstr), as pathlib paths of the files that exist
    (.p, .paths) and as itself (.l, .list)."""

    def get_list(self):
        return self

    l = list = property(get_list)

    def get_spstr(self):
        return ' '.join(self)

    s = spstr = property(get_spstr)

    def get_nlstr(self):
        return '\n'.join(self)

    n = nlstr = property(get_nlstr)

    def get_paths(self):
        return [Path(p) for p in self if os.path.exists(p)]

    p = paths = property(get_paths)

    def grep(self, pattern, prune=False, field=None):
        """Return all strings matching 'pattern' (a regex or callable), case-insensitively;
        with prune, those NOT matching; with field, the match must be in that
        whitespace-separated field."""
        def target(s):
            if field is None:
                return s
            parts = s.split()
            try:
                return parts[field]
            except IndexError:
                return ""
        if isinstance(pattern, str):
            pred = lambda x: re.search(pattern, x, re.IGNORECASE)
        else:
            pred = pattern
        if not prune:
            return type(self)([el for el in self if pred(target(el))])
        return type(self)([el for el in self if not pred(target(el))])

    def fields(self, *fields):
        """Whitespace-separated fields of each string, joined by a space; without
        arguments, each string split."""
        if len(fields) == 0:
            return [el.split() for el in self]
        res = SList()
        for el in [f.split() for f in self]:
            lineparts = []
            for fd in fields:
                try:
                    lineparts.append(el[fd])
                except IndexError:
                    pass
            if lineparts:
                res.append(" ".join(lineparts))
        return res

    def sort(self, field=None, nums=False):
        """Sorted by the given fields (see fields()); nums sorts by the digits they hold."""
        if field is not None:
            dsu = [[SList([line]).fields(field), line] for line in self]
        else:
            dsu = [[line, line] for line in self]
        if nums:
            for i in range(len(dsu)):
                numstr = "".join([ch for ch in dsu[i][0] if ch.isdigit()])
                try:
                    n = int(numstr)
                except ValueError:
                    n = 0
                dsu[i][0] = n
        dsu.sort()
        return type(self)([t[1] for t in dsu])
"""#
}
