"""`make demo`'s script: the first lesson notebook executed through the real kernel with
nbclient, every cell printed as it runs, ending with the learned word. (Tests/protocol/
test_notebooks.py compares every notebook's outputs with the committed ones.)"""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from conftest import NOTEBOOKS, REPO


@pytest.mark.timeout(180)
def test_demo_prints_every_cell_and_ends_with_the_learned_word(tmp_path):
    target = tmp_path / "executed.ipynb"
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "demo.py"), "--output", str(target)],
                         capture_output=True, text=True, timeout=150, cwd=REPO)
    assert run.returncode == 0, run.stderr
    cells = len([c for c in nbformat.read(NOTEBOOKS / "01-rnncell.ipynb", as_version=4).cells
                 if c.cell_type == "code"])
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    assert lines[-1] == f"Out[{cells}]: 'ohlol'"
    assert "== One-hot inputs ==" in lines
    assert [line for line in lines if line.startswith("In [")] == [
        f"In [{n}]:" for n in range(1, cells + 1)]
    assert "Predicted string: ohlol, Epoch [15] loss=" in run.stdout

    executed = nbformat.read(target, as_version=4)
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, cells + 1))
