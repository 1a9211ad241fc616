"""The lesson notebooks still run through the kernel and still produce their committed
outputs (timings, rates, display ids and addresses ignored; numbers within a tolerance)."""
from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools" / "notebooks"))
from compare import differences  # noqa: E402
from content import NOTEBOOKS  # noqa: E402

pytestmark = pytest.mark.timeout(180)


def _fresh_run(path: Path) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    committed = nbformat.read(path, as_version=4)
    executed = copy.deepcopy(committed)
    for cell in executed.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(executed, kernel_name=KERNEL_NAME, timeout=120, allow_errors=False).execute()
    return committed, executed


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_reproduces_its_outputs(name):
    committed, executed = _fresh_run(REPO / "notebooks" / name)
    assert [c.source for c in committed.cells] == [c[1] for c in NOTEBOOKS[name]], "run `make notebooks`"
    assert differences(committed, executed) == []


def test_comparison_catches_a_changed_number():
    committed = nbformat.read(REPO / "notebooks" / "01-rnncell.ipynb", as_version=4)
    changed = copy.deepcopy(committed)
    for cell in changed.cells:
        for output in cell.get("outputs", []):
            if output["output_type"] == "execute_result" and "tensor(" in output["data"].get("text/plain", ""):
                output["data"]["text/plain"] = output["data"]["text/plain"].replace("1.", "7.", 1)
    assert differences(committed, changed) != []
    assert differences(committed, committed) == []
