"""`recur run` as a batch runner: nothing it printed is lost or cut. Output to a pipe is not
capped (the 1 MiB cap is the notebook's), `flush=True` reaches the pipe at once, and SIGINT
and SIGTERM still deliver what was printed before them. SIGINT ends the program as CPython
does (a KeyboardInterrupt traceback, then death by SIGINT), checked against python3 live."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys

import pytest

from recur_kernelspec import recur_binary

pytestmark = pytest.mark.timeout(60)

# Valid Python and Recur script alike. The marker goes to stderr, which does not flush stdout
# (in CPython either), so what the program printed before it is still buffered when the
# signal arrives.
WAITS_AFTER_PRINTING = """
import sys
for i in range(3):
    print('line', i)
print('ready', file=sys.stderr, flush=True)
while True:
    pass
"""


def _start(command, tmp_path, source):
    path = tmp_path / "program.py"
    path.write_text(source)
    return subprocess.Popen([*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _signalled(command, tmp_path, signum):
    process = _start(command, tmp_path, WAITS_AFTER_PRINTING)
    try:
        assert process.stderr.readline() == "ready\n"
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    return process.returncode, stdout, stderr


RECUR = [str(recur_binary()), "run"]
PYTHON = [sys.executable]


def test_sigint_delivers_the_output_and_ends_as_cpython_does(tmp_path):
    status, stdout, stderr = _signalled(RECUR, tmp_path, signal.SIGINT)
    expected_status, expected_stdout, expected_stderr = _signalled(PYTHON, tmp_path, signal.SIGINT)
    assert (status, stdout) == (expected_status, expected_stdout)
    assert stderr.splitlines()[-1] == expected_stderr.splitlines()[-1] == "KeyboardInterrupt"


def test_sigterm_delivers_the_output_then_ends_by_sigterm(tmp_path):
    status, stdout, stderr = _signalled(RECUR, tmp_path, signal.SIGTERM)
    assert status == -signal.SIGTERM
    assert stdout == "line 0\nline 1\nline 2\n"


@pytest.mark.parametrize("signum", [signal.SIGSEGV, signal.SIGABRT])
def test_a_crash_still_delivers_the_output(tmp_path, signum):
    status, stdout, _ = _signalled(RECUR, tmp_path, signum)
    assert status == -signum
    assert stdout == "line 0\nline 1\nline 2\n"


def test_flushing_stderr_leaves_stdout_buffered_as_cpython_does(tmp_path):
    """`print(..., file=sys.stderr, flush=True)` and `sys.stderr.flush()` flush stderr only:
    a line printed to a pipe before them stays buffered until the program ends, in CPython
    and in Recur."""
    go = tmp_path / "go"
    path = tmp_path / "program.py"
    path.write_text(
        "import os, sys\nprint('early')\nprint('marker', file=sys.stderr, flush=True)\n"
        f"sys.stderr.flush()\nwhile not os.path.exists({str(go)!r}):\n    pass\nprint('late')\n"
    )
    seen = {}
    # CPython's stdout is block-buffered to a pipe unless PYTHONUNBUFFERED is set.
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    for name, command in (("recur", RECUR), ("python", PYTHON)):
        process = subprocess.Popen(
            [*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
        )
        try:
            assert process.stderr.readline() == b"marker\n"
            readable_early = bool(select.select([process.stdout], [], [], 0.2)[0])
            go.touch()
            stdout, _ = process.communicate(timeout=30)
        finally:
            process.kill()
            go.unlink(missing_ok=True)
        seen[name] = (readable_early, stdout, process.returncode)
    assert seen["recur"] == seen["python"] == (False, b"early\nlate\n", 0)


def test_flush_true_reaches_a_pipe_at_once(tmp_path):
    process = _start(RECUR, tmp_path, "print('now', flush=True)\nwhile True:\n    pass\n")
    try:
        assert process.stdout.readline() == "now\n"
    finally:
        process.kill()
        process.communicate()


def test_output_to_a_pipe_is_never_cut(tmp_path):
    path = tmp_path / "program.py"
    path.write_text("line = 'x' * 1023\nfor i in range(3072):\n    print(line)\n")
    done = subprocess.run([*RECUR, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout == ("x" * 1023 + "\n") * 3072
