"""JupyterLab in a real browser: Debian's Chromium, headless, driven by Playwright.

JupyterLab serves a copy of notebooks/01-rnncell.ipynb on loopback; the browser opens it,
JupyterLab starts the kernel its metadata names (Recur), the test runs every cell from the
Run menu and reads the outputs from the page. A screenshot of the executed notebook goes to
build/frontend/ (and to RECUR_SCREENSHOT_DIR when set: `make notebooks` refreshes the README's).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import urllib.request
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from conftest import NOTEBOOKS, REPO, free_port, is_root, python_module, server

NOTEBOOK = "01-rnncell.ipynb"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = "jupyterlab-01-rnncell.png"

# Every cell attached to the page (JupyterLab otherwise only renders the cells in view), and
# nothing fetched from the internet: no news, no update check.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}


def write_lab_settings(folder: Path) -> None:
    for name, values in LAB_SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def copy_without_outputs(source: Path, target: Path) -> None:
    """The notebook with its committed outputs removed, so that what the page shows afterwards
    can only come from this run."""
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(notebook, target)


@pytest.fixture()
def lab(tmp_path, monkeypatch):
    """A JupyterLab server on a free loopback port serving an output-free copy of the notebook."""
    root = tmp_path / "notebooks"
    root.mkdir()
    copy_without_outputs(NOTEBOOKS / NOTEBOOK, root / NOTEBOOK)
    settings = tmp_path / "lab-settings"
    write_lab_settings(settings)
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(settings))
    port, token = free_port(), secrets.token_hex(16)
    command = python_module("jupyterlab") + [
        "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}", "--LabApp.extension_manager=readonly",
    ] + (["--allow-root"] if is_root() else [])
    base = f"http://127.0.0.1:{port}"
    with server(command, f"{base}/api/status?token={token}", tmp_path / "lab.log", cwd=root):
        yield base, token, root


def sessions(base: str, token: str) -> list[dict]:
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as response:
        return json.load(response)


def code_cells() -> list:
    notebook = nbformat.read(NOTEBOOKS / NOTEBOOK, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def run_all_from_menu(page: Page) -> None:
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


@pytest.mark.timeout(240)
def test_jupyterlab_runs_the_rnncell_notebook_with_recur(lab):
    base, token, root = lab
    expected_cells = len(code_cells())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1320})
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
            panel = page.locator(".jp-NotebookPanel")
            expect(panel).to_be_visible(timeout=60_000)
            expect(panel.locator(".jp-OutputArea-output")).to_have_count(0)

            # The kernel JupyterLab picked from the notebook's metadata: Recur, and idle.
            expect(panel.locator(".jp-Toolbar-kernelName")).to_have_text("Recur", timeout=60_000)
            expect(panel.locator(".jp-Notebook-ExecutionIndicator")).to_have_attribute(
                "data-status", "idle", timeout=60_000)
            [session] = sessions(base, token)
            assert session["kernel"]["name"] == "recur"
            assert session["path"] == NOTEBOOK

            run_all_from_menu(page)
            cells = panel.locator(".jp-Notebook .jp-CodeCell")
            expect(cells).to_have_count(expected_cells)
            last = cells.nth(expected_cells - 1)
            expect(last.locator(".jp-OutputArea-output")).to_have_text("'ohlol'", timeout=120_000)
            expect(panel.locator(".jp-Notebook-ExecutionIndicator")).to_have_attribute(
                "data-status", "idle", timeout=60_000)

            # Every cell ran once, in order, and none failed.
            prompts = cells.locator(".jp-InputArea-prompt").all_inner_texts()
            assert [p.strip() for p in prompts] == [f"[{n}]:" for n in range(1, expected_cells + 1)]
            assert panel.locator(".jp-OutputArea-output[data-mime-type="
                                 "'application/vnd.jupyter.stderr']").count() == 0

            outputs = "\n".join(panel.locator(".jp-OutputArea-output").all_inner_texts())
            assert "input:  hello [1, 0, 2, 2, 3]" in outputs
            assert "inputs: torch.Size([5, 1, 4])" in outputs
            epochs = re.findall(r"Predicted string: (\w{5}), Epoch \[(\d+)\] loss=(\d+\.\d{4})",
                                outputs)
            assert [int(epoch) for _, epoch, _ in epochs] == list(range(1, 16))
            assert epochs[-1][0] == "ohlol"
            first_loss, last_loss = float(epochs[0][2]), float(epochs[-1][2])
            assert last_loss < first_loss

            # Rich display: the inputs as HTML tables (one per step), the model as a
            # parameter summary.
            html = panel.locator(".jp-RenderedHTMLCommon")
            tensor = html.filter(has_text="torch.Size([5, 1, 4])")
            expect(tensor).to_have_count(1)
            expect(tensor.locator("table")).to_have_count(5)
            expect(tensor.locator("table").first).to_be_visible()
            summary = html.locator("table", has_text="weight_ih")
            expect(summary).to_have_count(1)
            for text in ("RNNCell(4, 4)", "weight_hh", "bias_ih", "bias_hh", "Total params"):
                expect(summary).to_contain_text(text)

            # The notebook's loss chart: SVG, rendered at its size.
            chart = panel.locator(".jp-RenderedSVG img, .jp-RenderedSVG svg")
            expect(chart).to_have_count(1)
            chart.scroll_into_view_if_needed()
            box = chart.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 200

            save_screenshot(page, cells.nth(expected_cells - 4))

            # A person adds a cell and runs it: one step of the trained cell, as a table.
            add_cell_below_last(page, panel, ONE_STEP)
            added = cells.nth(expected_cells)
            expect(added.locator(".jp-InputArea-prompt")).to_have_text(
                f"[{expected_cells + 1}]:", timeout=60_000)
            step = added.locator(".jp-RenderedHTMLCommon")
            expect(step).to_contain_text("torch.Size([1, 4])")
            expect(step.locator("table td")).to_have_count(4)

            # A mistake: the traceback in IPython's layout, in colour, its source line
            # syntax-coloured (the index is a number).
            add_cell_below_last(page, panel, "net(inputs[0], undefined_hidden)")
            error = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
                                  has_text="undefined_hidden")
            expect(error).to_contain_text("----> 1 net(inputs[0], undefined_hidden)", timeout=60_000)
            expect(error.locator("span.ansi-red-fg", has_text="NameError").first).to_be_visible()
            expect(error.locator("span.ansi-green-fg", has_text="In[").first).to_be_visible()
            expect(error.locator("span.ansi-green-fg").filter(has_text=re.compile(r"^0$")).first).to_be_visible()

            # `%load` puts a file beside the notebook into the cell that ran it (ipykernel's
            # set_next_input payload, replace: true).
            (root / "helper.py").write_text("def double(x):\n    return 2 * x\n")
            add_cell_below_last(page, panel, "%load helper.py")
            loaded = panel.locator(".jp-InputArea-editor", has_text="# %load helper.py")
            expect(loaded).to_have_count(1, timeout=60_000)
            expect(loaded).to_contain_text("return 2 * x")
        finally:
            browser.close()


ONE_STEP = """hidden = net.init_hidden()
net(inputs[0], hidden)"""


def add_cell_below_last(page: Page, panel, code: str) -> None:
    """Selects the last cell, inserts a code cell below it, types `code` and runs it."""
    panel.locator(".jp-Notebook .jp-Cell").last.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.insert_text(code)
    page.keyboard.press("Shift+Enter")


def save_screenshot(page: Page, focus) -> None:
    """The executed notebook from `focus` down (training and the loss chart), as the README
    shows it."""
    focus.evaluate("cell => cell.scrollIntoView({block: 'start'})")
    target = REPO / "build" / "frontend" / SCREENSHOT
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    extra = os.environ.get("RECUR_SCREENSHOT_DIR")
    if extra:
        folder = (REPO / extra) if not Path(extra).is_absolute() else Path(extra)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(target, folder / SCREENSHOT)
