"""papermill with no configuration: the recur-jupyter package (python/, installed by
scripts/bootstrap) registers Recur's parameter translator when papermill loads its engines.
The same notebook runs with ipykernel, live, and the two must agree: the injected
parameters, what the cells print, and the PapermillExecutionError a failing cell raises."""
from __future__ import annotations

import re

import nbformat
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from conftest import KERNEL_NAME

pytestmark = pytest.mark.timeout(120)

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PARAMETERS = {"hidden_size": 8, "name": "Ada \"Lovelace\"", "rates": [0.5, float("nan"), float("-inf")],
              "options": {"bidirectional": False, "dropout": None}}
CELLS = ["hidden_size = 4\nname = 'x'\nrates = []\noptions = {}",
         "print(hidden_size * 2, name, rates, options)",
         "print(sorted(options), len(name))"]


def _notebook(path, kernel: str, language: str, cells=CELLS) -> None:
    nb = new_notebook(cells=[new_code_cell(code) for code in cells],
                      metadata={"kernelspec": {"name": kernel, "language": language, "display_name": kernel},
                                "language_info": {"name": language}})
    nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, path)


def _run(tmp_path, kernel: str, language: str, cells=CELLS):
    source, target = tmp_path / f"{kernel}.ipynb", tmp_path / f"{kernel}-out.ipynb"
    _notebook(source, kernel, language, cells)
    papermill.execute_notebook(str(source), str(target), parameters=PARAMETERS, progress_bar=False)
    return nbformat.read(target, as_version=4)


def _printed(nb) -> list[str]:
    return ["".join(o.get("text", "") for o in cell.outputs) for cell in nb.cells]


def test_parameters_are_injected_and_used_as_under_ipykernel(tmp_path):
    recur = _run(tmp_path, KERNEL_NAME, "recur")
    ipython = _run(tmp_path, "python3", "python")
    injected = [cell for cell in recur.cells if "injected-parameters" in cell.metadata.get("tags", [])]
    assert len(injected) == 1
    assert injected[0].source == [cell for cell in ipython.cells
                                  if "injected-parameters" in cell.metadata.get("tags", [])][0].source
    assert _printed(recur) == _printed(ipython)
    assert "16" in _printed(recur)[2]


def test_a_failing_cell_is_a_papermill_execution_error_with_recurs_traceback(tmp_path):
    failing = CELLS + ["def step(h):\n    return h / 0\n\nstep(hidden_size)"]
    errors = {}
    for kernel, language in ((KERNEL_NAME, "recur"), ("python3", "python")):
        with pytest.raises(papermill.PapermillExecutionError) as raised:
            _run(tmp_path, kernel, language, failing)
        errors[kernel] = raised.value
    recur, ipython = errors[KERNEL_NAME], errors["python3"]
    assert (recur.ename, recur.evalue, recur.exec_count) == (ipython.ename, ipython.evalue, ipython.exec_count)
    # Recur's traceback, coloured as IPython's, with the same text.
    assert any("\x1b[" in line for line in recur.traceback)
    assert [ANSI.sub("", line) for line in recur.traceback] == [ANSI.sub("", line) for line in ipython.traceback]
    assert "----> 2     return h / 0" in ANSI.sub("", str(recur))
