"""`recur run FILE.recur`: the interpreter outside Jupyter. Output to stdout, the traceback to
stderr, exit status 1 on error."""
from __future__ import annotations

import subprocess

import pytest

from conftest import REPO
from recur_kernelspec import recur_binary

pytestmark = pytest.mark.timeout(60)


def run(tmp_path, source: str) -> subprocess.CompletedProcess:
    path = tmp_path / "program.recur"
    path.write_text(source)
    return subprocess.run([str(recur_binary()), "run", str(path)], capture_output=True, text=True, timeout=60)


def test_a_program_prints_to_stdout_and_exits_zero(tmp_path):
    done = run(tmp_path, "import torch\nx = torch.zeros(5, 1, 4)\nprint(x.shape)\nprint('中文', 7 // 2)\n")
    assert done.returncode == 0
    assert done.stdout == "torch.Size([5, 1, 4])\n中文 3\n"
    assert done.stderr == ""


def test_an_error_prints_a_traceback_to_stderr_and_exits_one(tmp_path):
    done = run(tmp_path, "print('before')\ndef f(n):\n    return 1 / n\nf(0)\nprint('after')\n")
    assert done.returncode == 1
    assert done.stdout == "before\n"
    lines = done.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[1].endswith(", line 4, in <module>")
    assert lines[-1] == "ZeroDivisionError: division by zero"


def test_a_syntax_error_shows_the_caret(tmp_path):
    done = run(tmp_path, "x = (1,\ny = 2\n")
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith("SyntaxError:")


@pytest.mark.parametrize("ending", ["exit()", "quit", "import sys\nsys.exit()", "import sys\nsys.exit(0)"])
def test_exit_ends_the_script_with_status_zero(tmp_path, ending):
    done = run(tmp_path, f"print('before')\n{ending}\nprint('after')\n")
    assert (done.returncode, done.stdout, done.stderr) == (0, "before\n", "")


def test_sys_exit_with_a_number_is_the_status_and_with_text_prints_it(tmp_path):
    done = run(tmp_path, "import sys\nsys.exit(3)\n")
    assert (done.returncode, done.stderr) == (3, "")
    done = run(tmp_path, "import sys\nsys.exit('no data')\n")
    assert (done.returncode, done.stderr) == (1, "no data\n")


def test_the_lessons_first_program_runs_as_written():
    program = REPO / "Tests" / "ScriptTests" / "Programs" / "rnncell.recur"
    done = subprocess.run([str(recur_binary()), "run", str(program)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    epochs = [line for line in done.stdout.splitlines() if "Epoch [" in line]
    assert len(epochs) == 15 and epochs[-1].startswith("Predicted string: ") and "Epoch [15/15]" in epochs[-1]


def test_an_unreadable_file_exits_two(tmp_path):
    done = subprocess.run([str(recur_binary()), "run", str(tmp_path / "missing.recur")], capture_output=True, text=True)
    assert done.returncode == 2
    assert "cannot read" in done.stderr
