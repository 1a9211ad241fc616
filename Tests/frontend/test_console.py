"""`jupyter console --kernel recur` in a pseudo-terminal: a person typing cells, reading results.

The console draws with prompt_toolkit, which puts colour and cursor escapes between the
characters of its prompts, so the patterns below allow an escape sequence between any two
characters.
"""
from __future__ import annotations

import os
import re

import pexpect
import pytest

from conftest import FRONTEND_HOME, KERNEL_NAME, kill_kernels_of, python_module

ESCAPES = r"(?:\x1b\[[0-9;?]*[A-Za-z])*"


def on_screen(text: str) -> str:
    """A regex for `text` as a terminal receives it, `#` standing for a number (captured)."""
    parts = [r"(\d+)" if char == "#" else re.escape(char) for char in text]
    return ESCAPES.join(parts)


@pytest.fixture()
def console():
    command = python_module("jupyter_console") + ["--kernel", KERNEL_NAME]
    # The pseudo-terminal stands for an xterm whatever TERM the test itself runs under (CI's
    # may be unset or "dumb", which prompt_toolkit draws differently).
    child = pexpect.spawn(command[0], command[1:], cwd=str(FRONTEND_HOME), encoding="utf-8",
                          timeout=30, dimensions=(40, 120),
                          env={**os.environ, "TERM": "xterm-256color"})
    try:
        yield child
    finally:
        if child.isalive():
            # A failed test still leaves through the console, so that it stops its kernel.
            child.sendcontrol("c")
            child.sendcontrol("d")
            if child.expect([re.escape("exit ([y]/n)?"), pexpect.EOF, pexpect.TIMEOUT],
                            timeout=10) == 0:
                child.sendline("y")
                child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=20)
        forced = child.isalive()
        child.close(force=True)
        if forced:
            # jupyter console names its kernel's connection file after its own process id.
            kill_kernels_of(f"kernel-{child.pid}.json")


@pytest.mark.timeout(90)
def test_console_runs_cells_and_shows_their_results(console):
    console.expect(on_screen("In [#]: "))
    assert console.match.group(1) == "1"
    console.sendline("import torch; torch.zeros(2, 3).shape")
    console.expect(on_screen("Out[1]: ") + ESCAPES + re.escape("torch.Size([2, 3])"))
    console.expect(on_screen("In [#]: "))
    assert console.match.group(1) == "2"

    console.sendline("print('hello' + ', ' + 'recur')")
    console.expect(re.escape("hello, recur"))
    console.expect(on_screen("In [#]: "))
    assert console.match.group(1) == "3"

    # The traceback in IPython's layout and colours, which the terminal shows.
    console.sendline("1 / 0")
    console.expect(re.escape("\x1b[32m----> \x1b[39m\x1b[32m1\x1b[39m \x1b[32m1\x1b[39m / \x1b[32m0\x1b[39m"))
    console.expect(re.escape("\x1b[31mZeroDivisionError\x1b[39m: division by zero"))
    console.expect(on_screen("In [#]: "))
    assert console.match.group(1) == "4"

    # Leaving with Ctrl-D: the console asks, then shuts its kernel down and ends.
    console.sendcontrol("d")
    console.expect(re.escape("Do you really want to exit ([y]/n)?"))
    console.sendline("y")
    console.expect(pexpect.EOF, timeout=30)
    console.close()
    assert console.exitstatus == 0
