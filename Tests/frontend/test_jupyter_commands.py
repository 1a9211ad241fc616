"""Jupyter's own command-line tools with the Recur kernel: `jupyter run`, `jupyter execute`
and `jupyter nbconvert --execute`. Each runs the same small program that CPython runs
live; the printed text must agree."""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from conftest import KERNEL_NAME

pytestmark = pytest.mark.timeout(120)

CELLS = ["words = ['hello', 'ohlol']\ntotal = sum(len(w) for w in words)",
         "print(total, words[-1].upper())",
         "print({w: len(w) for w in words})"]


def _cpython_stdout() -> str:
    return subprocess.run([sys.executable, "-c", "\n".join(CELLS)], capture_output=True, text=True,
                          check=True).stdout


def _jupyter(*arguments: str, cwd) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "jupyter", *arguments], capture_output=True, text=True,
                         timeout=100, cwd=cwd)
    assert run.returncode == 0, run.stderr
    return run


def test_jupyter_run_runs_a_file_with_the_recur_kernel(tmp_path):
    # jupyter run also hands the file to the kernel as an argument: Recur ignores it (with a
    # warning) instead of refusing to start.
    (tmp_path / "lesson.recur").write_text("\n".join(CELLS) + "\n")
    run = _jupyter("run", f"--kernel={KERNEL_NAME}", "lesson.recur", cwd=tmp_path)
    assert run.stdout == _cpython_stdout()


def _notebook(path):
    nb = new_notebook(cells=[new_code_cell(code) for code in CELLS],
                      metadata={"kernelspec": {"name": KERNEL_NAME, "language": "recur", "display_name": "Recur"}})
    nbformat.write(nb, path)


def _printed(path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "".join(output.get("text", "") for cell in nb.cells for output in cell.outputs
                   if output.output_type == "stream")


@pytest.mark.parametrize("command", [
    ["execute", "lesson.ipynb", "--output=executed.ipynb"],
    ["nbconvert", "--to", "notebook", "--execute", "lesson.ipynb", "--output", "executed"],
])
def test_notebooks_execute_from_the_command_line(tmp_path, command):
    _notebook(tmp_path / "lesson.ipynb")
    _jupyter(*command, cwd=tmp_path)
    assert _printed(tmp_path / "executed.ipynb") == _cpython_stdout()
