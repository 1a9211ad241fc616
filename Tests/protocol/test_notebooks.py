"""The lesson notebooks still run through the kernel and still produce their committed
outputs (timings, rates, display ids and addresses ignored; numbers within a tolerance)."""
from __future__ import annotations

import copy
import re
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


def _edited(name: str, edit) -> nbformat.NotebookNode:
    """A copy of a committed notebook with `edit(text, output)` applied to the first output
    text it changes (asserting that it changed one)."""
    notebook = nbformat.read(REPO / "notebooks" / name, as_version=4)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                new = edit(output["text"], output)
                if new is not None and new != output["text"]:
                    output["text"] = new
                    return notebook
            for mime, data in output.get("data", {}).items():
                text = data if isinstance(data, str) else "".join(data)
                new = edit(text, mime)
                if new is not None and new != text:
                    output["data"][mime] = new
                    return notebook
    raise AssertionError("the edit matched no output")


def _committed(name: str) -> nbformat.NotebookNode:
    return nbformat.read(REPO / "notebooks" / name, as_version=4)


def _sub(pattern: str, replacement, only: str | None = None):
    def edit(text, where):
        if only is not None and where != only:
            return None
        return re.sub(pattern, replacement, text, count=1)
    return edit


def test_comparison_accepts_its_own_notebooks():
    for name in NOTEBOOKS:
        assert differences(_committed(name), _committed(name)) == []


def test_comparison_catches_a_changed_tensor_value():
    changed = _edited("01-rnncell.ipynb", lambda text, _: text.replace("1.", "7.", 1) if "tensor(" in text else None)
    assert differences(_committed("01-rnncell.ipynb"), changed) != []


def test_comparison_catches_a_loss_off_by_a_hundredth_but_not_by_rounding():
    name = "01-rnncell.ipynb"
    bump = lambda delta: _sub(r"loss=(\d+\.\d{4})", lambda m: f"loss={float(m.group(1)) + delta:.4f}")
    assert differences(_committed(name), _edited(name, bump(0.01))) != []
    assert differences(_committed(name), _edited(name, bump(0.0001))) == []


def test_comparison_catches_a_changed_prediction_or_epoch():
    name = "01-rnncell.ipynb"
    assert differences(_committed(name), _edited(name, _sub(r"Predicted string: (\w+)", "Predicted string: lllll"))) != []
    assert differences(_committed(name), _edited(name, _sub(r"Epoch \[1\]", "Epoch [2]"))) != []


def test_comparison_catches_a_missing_output():
    name = "02-rnn.ipynb"
    changed = _committed(name)
    cell = next(c for c in changed.cells if c.cell_type == "code" and c.outputs)
    cell.outputs.pop()
    assert differences(_committed(name), changed) != []


def test_comparison_ignores_progress_rates_but_not_progress_counts():
    name = "02-rnn.ipynb"
    rate = _sub(r"(\d+\.\d+)it/s", "12.34it/s")
    assert differences(_committed(name), _edited(name, rate)) == []
    count = _sub(r"\| 5/5 ", "| 4/5 ", only="text/plain")
    assert differences(_committed(name), _edited(name, count)) != []


def test_comparison_allows_a_pixel_rounding_in_a_chart_but_not_a_moved_point():
    name = "01-rnncell.ipynb"
    nudge = lambda delta: _sub(r'cy="(\d+\.\d+)"', lambda m: f'cy="{float(m.group(1)) + delta:.2f}"', only="image/svg+xml")
    assert differences(_committed(name), _edited(name, nudge(0.01))) == []
    assert differences(_committed(name), _edited(name, nudge(2.0))) != []
