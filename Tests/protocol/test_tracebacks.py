"""Tracebacks as IPython renders them: the same Python cells run in ipykernel (live, beside
Recur) and in Recur, and the `traceback` lines of their `error` messages are compared.

Every entry is compared with its ANSI codes: the rule, the header, every frame's location
line, the arrow and numbers, the source lines of Context and Verbose frames with IPython's
syntax colours (including lines the tokenizer cannot finish alone, shown plain), the
exception line, Plain and Minimal modes. (In a chain, IPython's Context mode shows an
earlier exception's frame at the line where the last one passed through it; Recur shows
where it was raised, as CPython and IPython's Plain mode do; the cells here avoid that.)"""
from __future__ import annotations

import os
import re

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME
from helpers import TIMEOUT, iopub_until_idle, shell_reply

pytestmark = pytest.mark.timeout(90)

ANSI = re.compile(r"\x1b\[[0-9;]*m")

CELLS = [
    "def f(x):\n    y = x + 1\n    return g(y)\n\ndef g(z):\n    return z / 0\n",
    "a = 1\nb = 2\nf(a)\nc = 3",
    "undefined_name",
    "{}['key']",
    "raise ValueError()",
    "def k(a, *rest, key=3, **kw):\n    return 1 / 0\nk(1, 2, key=4, z=5)",
    "import sys\nsys.exit(3)",
    "raise SystemExit",
    # Source lines with every kind of token IPython colours, and lines it shows plain.
    "def tricky(values,   \n           scale=0x_1f):\n"
    "    text = f\"{values!r}\" + rb'\\x00'.decode() + '''x''' + \"\"\"y\"\"\"  # note 'q'\n"
    "    return sum(values) / 0 if values else None\n"
    "tricky([1.5e3, .5, 00, 1_000])",
    "doc = \"\"\"first\nsecond\"\"\"  # end\npairs = {\"a\": 1, 'b': [2, 3]}\npairs['d']",
    "match = lambda \u00e9: not \u00e9 or None is True and \u00e9 in [False]\n"
    "x = 1;  y = ~x @ 2 if x != x else -x ** 2 // 3 >> 1\t# tab\there\n"
    "assert match(0) == 2, \"\u00e0\\\"b\" + 'c\\'d' + u'e' + B\"x\".decode() + Rb\"y\".decode()",
    "%xmode Plain",
    "f(1)",
    "raise ValueError",
    "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    raise ValueError('bad') from e",
    "def h():\n    try:\n        f(0)\n    except ZeroDivisionError as e:\n        raise KeyError('k') from e\nh()",
    "%xmode Minimal",
    "f(1)",
    "%xmode Verbose",
    "f(1)",
    "k(1, 2, key=4, z=5)",
    "%xmode",
]


def _run(kernel_name: str) -> list[tuple[list[str] | None, str]]:
    """For each cell: its error traceback (or None) and what it printed."""
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=TIMEOUT)
    try:
        results = []
        for code in CELLS:
            msg_id = kc.execute(code)
            shell_reply(kc, msg_id)
            messages = iopub_until_idle(kc, msg_id)
            errors = [m["content"]["traceback"] for m in messages if m["msg_type"] == "error"]
            printed = "".join(m["content"]["text"] for m in messages
                              if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
            results.append((errors[0] if errors else None, printed))
        return results
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def both():
    return _run(KERNEL_NAME), _run("python3")


@pytest.mark.parametrize("index", range(len(CELLS)))
def test_traceback_matches_ipykernel(both, index):
    recur, ipython = both[0][index], both[1][index]
    assert recur[1] == ipython[1]
    if ipython[0] is None:
        assert recur[0] is None
        return
    assert recur[0] is not None
    assert len(recur[0]) == len(ipython[0]), (recur[0], ipython[0])
    for ours, theirs in zip(recur[0], ipython[0]):
        assert ours == theirs


def test_context_frames_carry_colours_arrows_and_source_lines(both):
    traceback = both[0][1][0]
    assert all("\x1b[" in entry for entry in traceback)
    frames = [ANSI.sub("", entry) for entry in traceback if "\n" in entry]
    assert [frame.split("\n", 1)[0] for frame in frames] == [
        "Cell In[2], line 3", "Cell In[1], line 3, in f(x)", "Cell In[1], line 6, in g(z)"]
    assert "----> 3 f(a)" in frames[0] and "      4 c = 3" in frames[0]
    assert "----> 6     return z / 0" in frames[2]


def test_no_color_in_the_kernels_environment_leaves_colours_out():
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT, env=dict(os.environ, NO_COLOR="1"))
    try:
        msg_id = kc.execute("undefined_name")
        shell_reply(kc, msg_id)
        [traceback] = [m["content"]["traceback"] for m in iopub_until_idle(kc, msg_id) if m["msg_type"] == "error"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert not any("\x1b[" in line for line in traceback)
    assert "----> 1 undefined_name" in "\n".join(traceback)


def test_an_exception_class_of_another_module_is_named_as_ipykernel_names_it(tmp_path):
    # `ename` is the bare class name; the traceback's last line qualifies it with its module.
    (tmp_path / "mymod.py").write_text("class DataError(Exception):\n    pass\n")
    seen = {}
    for name in (KERNEL_NAME, "python3"):
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT, cwd=str(tmp_path))
        try:
            for mode in ("Plain", "Context"):
                # Without stop_on_error, ipykernel's abort window after the first error cannot
                # swallow the second request.
                msg_id = kc.execute(f"%xmode {mode}\nimport mymod\nraise mymod.DataError('bad')", stop_on_error=False)
                reply = shell_reply(kc, msg_id)
                seen.setdefault(name, []).append((reply["content"]["ename"], reply["content"]["evalue"],
                                                  ANSI.sub("", reply["content"]["traceback"][-1])))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    assert seen[KERNEL_NAME] == seen["python3"]
    assert seen[KERNEL_NAME][0][0] == "DataError"

