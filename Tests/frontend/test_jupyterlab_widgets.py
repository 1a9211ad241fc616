"""ipywidgets in JupyterLab with Recur: Debian's Chromium, headless, driven by Playwright, with
the @jupyter-widgets/jupyterlab-manager extension (jupyterlab_widgets) JupyterLab loads.

A notebook builds a slider with `interact` whose function retrains a tiny model and plots its
fit. The test drags the slider's handle with the mouse and checks that the slider's readout,
the plot (drawn again by the retrained model) and the printed loss changed. Screenshots
before and after the drag go to build/frontend/.
"""
from __future__ import annotations

import re
import secrets
import urllib.parse
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import REPO, free_port, is_root, python_module, server
from test_jupyterlab import CHROMIUM, write_lab_settings

NOTEBOOK = "widgets.ipynb"

RETRAIN = """import torch
import matplotlib.pyplot as plt
from ipywidgets import interact

x = torch.linspace(-2, 2, 40).unsqueeze(1)
y = torch.sin(2 * x)

@interact(hidden=(1, 16))
def retrain(hidden=2):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(1, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for step in range(100):
        optimizer.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        optimizer.step()
    print(f"hidden={hidden} loss={loss.item():.4f}")
    plt.figure(figsize=(4, 3))
    plt.plot(x.squeeze().tolist(), y.squeeze().tolist(), label="target")
    plt.plot(x.squeeze().tolist(), model(x).detach().squeeze().tolist(), label=f"{hidden} hidden units")
    plt.legend()
    plt.show()
"""


def write_notebook(path: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"display_name": "Recur", "language": "recur", "name": "recur"}
    notebook.cells = [nbformat.v4.new_code_cell(RETRAIN)]
    nbformat.write(notebook, path)


@pytest.fixture()
def lab(tmp_path, monkeypatch):
    root = tmp_path / "notebooks"
    root.mkdir()
    write_notebook(root / NOTEBOOK)
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
        yield base, token


def svg_of(plot) -> str:
    """The SVG JupyterLab shows (as an image whose source is the document)."""
    source = plot.locator("img").get_attribute("src") or ""
    return urllib.parse.unquote(source)


def screenshot(page, name: str) -> None:
    target = REPO / "build" / "frontend" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


@pytest.mark.timeout(240)
def test_dragging_an_interact_slider_retrains_and_replots(lab):
    base, token = lab
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
            panel = page.locator(".jp-NotebookPanel")
            expect(panel).to_be_visible(timeout=60_000)
            expect(panel.locator(".jp-Toolbar-kernelName")).to_have_text("Recur", timeout=60_000)
            expect(panel.locator(".jp-Notebook-ExecutionIndicator")).to_have_attribute(
                "data-status", "idle", timeout=60_000)

            panel.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
            page.keyboard.press("Shift+Enter")

            # The interact box: the slider, then the Output widget with the first fit.
            slider = panel.locator(".widget-interact .widget-hslider")
            expect(slider).to_have_count(1, timeout=60_000)
            readout = slider.locator(".widget-readout")
            expect(readout).to_have_text("2", timeout=60_000)
            output = panel.locator(".widget-interact .widget-output")
            expect(output).to_contain_text("hidden=2 loss=", timeout=60_000)
            plot = output.locator(".jp-RenderedSVG")
            expect(plot).to_have_count(1, timeout=60_000)
            before_plot = svg_of(plot)
            assert "<svg" in before_plot and "2 hidden units" in before_plot
            before_loss = re.search(r"loss=(\d+\.\d+)", output.inner_text()).group(1)
            screenshot(page, "jupyterlab-widgets-before.png")

            # Drag the handle most of the way along the track with the mouse.
            handle = slider.locator(".noUi-handle")
            track = slider.locator(".noUi-target")
            start, bar = handle.bounding_box(), track.bounding_box()
            assert start is not None and bar is not None
            page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
            page.mouse.down()
            page.mouse.move(bar["x"] + bar["width"] * 0.75, start["y"] + start["height"] / 2, steps=12)
            page.mouse.up()

            expect(readout).not_to_have_text("2", timeout=30_000)
            moved = int(readout.inner_text())
            assert moved > 2
            # The last update the kernel ran is the handle's final position: its fit is shown.
            expect(output).to_contain_text(f"hidden={moved} loss=", timeout=120_000)
            expect(plot).to_have_count(1)
            expect(plot.locator("img")).to_have_attribute(
                "src", re.compile(f"{moved}(%20| )hidden(%20| )units"), timeout=120_000)
            after_plot = svg_of(plot)
            assert f"{moved} hidden units" in after_plot and after_plot != before_plot
            after_loss = re.search(r"loss=(\d+\.\d+)", output.inner_text()).group(1)
            assert after_loss != before_loss
            expect(panel.locator(".jp-Notebook-ExecutionIndicator")).to_have_attribute(
                "data-status", "idle", timeout=120_000)
            # Nothing leaked out of the Output widget into the cell, and nothing failed.
            assert panel.locator(".jp-OutputArea-output[data-mime-type="
                                 "'application/vnd.jupyter.stderr']").count() == 0
            screenshot(page, "jupyterlab-widgets-after.png")
        finally:
            browser.close()
