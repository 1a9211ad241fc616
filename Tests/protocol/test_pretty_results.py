"""The text a cell's result shows, as IPython's pretty printer writes it: the same cells run
in ipykernel (live, beside Recur) and in Recur, and the `text/plain` of their
`execute_result` compared (object addresses aside). Lines break at 79 columns one item per
line, sets are sorted, at most 1000 items show, and classes, functions and plain objects read
as IPython writes them."""
from __future__ import annotations

import re

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME
from helpers import TIMEOUT, iopub_until_idle, shell_reply

pytestmark = pytest.mark.timeout(120)

ADDRESS = re.compile(r"0x[0-9a-f]+")

SETUP = """
from collections import Counter, OrderedDict, defaultdict, deque
class Plain:
    pass
class WithRepr:
    def __repr__(self):
        return 'WithRepr(\\n  two lines)'
class Listy(list):
    pass
class Wordy(list):
    def __repr__(self):
        return 'Wordy!'
class Failure(ValueError):
    pass
def f(a, b=2, *args, c, d='x', **kw):
    return a
def g(a, b, /, c, *, d=None):
    return a
chars = 'abcdefghijklmnopqrstuvwxyz'
char_to_ix = {c: i for i, c in enumerate(chars)}
nested = [list(range(12)), {'k': list(range(30))}, (1, 2), {'inner': {'deep': list(range(25))}}]
cyclic = [1, 2]
cyclic.append(cyclic)
cyclic_dict = {'a': 1}
cyclic_dict['self'] = cyclic_dict
"""

CELLS = [
    "list(range(40))", "list(range(5))", "tuple(range(30))", "(1,)", "()", "[]", "{}", "set()", "frozenset()",
    "char_to_ix", "{v: k for k, v in char_to_ix.items()}", "list(chars)", "nested", "cyclic", "cyclic_dict",
    "{3, 1, 2}", "{'b', 'a', 'c'}", "{1, 'a', 2.5}", "frozenset({3, 1, 2})", "set(range(40))",
    "list(range(2000))", "{i: i for i in range(1005)}", "set(range(1001))",
    "['x' * 100]", "['x' * 70, 'y' * 5]", "['x' * 73, 'y']", "[[1, 2] * 20]", "{'k' * 50: 'v' * 50}",
    "[1.5] * 30", "[None, True, False] * 10", "'a' * 200", "'line\\nbreak'", "b'bytes' * 20",
    "[Plain, WithRepr, int, str, type(None), ValueError]", "Plain", "Plain()", "[Plain()]", "WithRepr()",
    "[WithRepr(), WithRepr()]", "{'w': WithRepr()}", "Listy(range(30))", "Listy()", "Wordy([1])",
    "Failure('bad')", "ValueError('x', 2)", "KeyError('k')", "[ValueError('a' * 40), KeyError('b' * 40)]",
    "f", "g", "lambda: 1", "[f, g]", "len", "[len, abs, sorted, iter, max, open, print]",
    "Counter('hello world')", "Counter()", "OrderedDict(a=1, b=2)", "OrderedDict()", "defaultdict(list, a=[1])",
    "defaultdict(int)", "deque(range(40))", "deque([1, 2], maxlen=5)", "Counter({c: i for i, c in enumerate(chars)})",
    "OrderedDict((c, i) for i, c in enumerate(chars))", "char_to_ix.keys()", "range(10)", "slice(1, 2, 3)",
    "Plain.__dict__['__module__']", "[range(3), slice(None)]", "(list(range(30)), 'tail')",
    "{'a': [1, 2, 3], 'b': (4, 5), 'c': {6, 7}}", "[[i] * i for i in range(12)]",
    "[('word%d' % i, i) for i in range(12)]", "{'outer': [{'x': i, 'y': 'z' * i} for i in range(6)]}",
]


def _results(kernel_name: str) -> list[str]:
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=TIMEOUT)
    try:
        msg_id = kc.execute(SETUP)
        assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
        results = []
        for code in CELLS:
            msg_id = kc.execute(code, stop_on_error=False)
            shell_reply(kc, msg_id)
            shown = [m["content"]["data"]["text/plain"] for m in iopub_until_idle(kc, msg_id)
                     if m["msg_type"] == "execute_result"]
            results.append(ADDRESS.sub("0x...", shown[0]) if shown else None)
        return results
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def both():
    return _results(KERNEL_NAME), _results("python3")


@pytest.mark.parametrize("index", range(len(CELLS)), ids=lambda i: CELLS[i][:40])
def test_result_text_matches_ipykernel(both, index):
    recur, ipykernel = both
    assert ipykernel[index] is not None
    assert recur[index] == ipykernel[index]
