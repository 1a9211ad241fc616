"""JupyterLab's visual debugger with the Recur kernel, in headless Chromium: a breakpoint set by
clicking the gutter of the RNNCell lesson's training loop, the Variables panel showing `hidden`
as a tensor with its shape, a step, the training run to its end, and the Kernel Sources panel
listing a helper module the notebook imports. Screenshots go to
build/frontend/."""
from __future__ import annotations

import re

import nbformat
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from conftest import NOTEBOOKS, REPO
from test_jupyterlab import CHROMIUM, NOTEBOOK, add_cell_below_last, code_cells, lab, run_all_from_menu  # noqa: F401

TRAIN_CELL = "def train(epochs):"
BREAK_AT = "hidden = net(input, hidden)"


def source_line(cell_start: str, text: str) -> int:
    """The 1-based line of `text` in the lesson's cell that starts with `cell_start`."""
    notebook = nbformat.read(NOTEBOOKS / NOTEBOOK, as_version=4)
    [source] = [c.source for c in notebook.cells if c.cell_type == "code" and cell_start in c.source]
    return next(i for i, line in enumerate(source.splitlines(), 1) if text in line)


def screenshot(page: Page, name: str) -> None:
    target = REPO / "build" / "frontend" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


def click_gutter(page: Page, cell, line: int) -> None:
    """Clicks the breakpoint gutter beside `line` of `cell`'s editor, as a person does."""
    number = cell.locator(".cm-lineNumbers .cm-gutterElement", has_text=re.compile(f"^{line}$"))
    expect(number).to_be_visible()
    # Hovering scrolls the line into view and waits for it to stand still.
    number.hover()
    gutter = cell.locator(".cm-gutter.cm-breakpoint-gutter")
    row, column = number.bounding_box(), gutter.bounding_box()
    assert row is not None and column is not None
    page.mouse.click(column["x"] + column["width"] / 2, row["y"] + row["height"] / 2)


def variable(page: Page, name: str):
    return page.locator(".jp-DebuggerVariables-body .jp-DebuggerVariables-name",
                        has_text=re.compile(f"^{re.escape(name)}$")).first


def detail_of(page: Page, name: str) -> str:
    row = variable(page, name).locator("xpath=..")
    return row.locator(".jp-DebuggerVariables-detail").first.inner_text()


def enable_debugger(page: Page, panel) -> None:
    """Clicks the notebook's bug button once it is enabled (JupyterLab enables it when it has
    the kernel's info) until the debugger sidebar names the notebook. A click that lands while
    JupyterLab is still restoring the debugger's state on load only flips the button (its
    pressed state then says nothing), so the button is clicked again until a session starts."""
    bug = panel.locator(".jp-DebuggerBugButton").first
    expect(bug).to_have_attribute("aria-disabled", "false", timeout=60_000)
    sidebar = page.locator(".jp-DebuggerSidebar")
    for _ in range(6):
        bug.click()
        try:
            expect(sidebar).to_contain_text(re.compile(NOTEBOOK, re.I), timeout=15_000)
            return
        except AssertionError:
            continue
    expect(sidebar).to_contain_text(re.compile(NOTEBOOK, re.I))


@pytest.mark.timeout(300)
def test_debugger_stops_in_the_training_loop_and_shows_hidden(lab):
    base, token, root = lab
    line = source_line(TRAIN_CELL, BREAK_AT)
    expected_cells = len(code_cells())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = None
        errors: list[str] = []
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1100})
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
            panel = page.locator(".jp-NotebookPanel")
            expect(panel.locator(".jp-Toolbar-kernelName")).to_have_text("Recur", timeout=60_000)
            expect(panel.locator(".jp-Notebook-ExecutionIndicator")).to_have_attribute(
                "data-status", "idle", timeout=60_000)

            # The bug button is enabled for Recur (kernelspec metadata), and starts a session.
            enable_debugger(page, panel)

            cells = panel.locator(".jp-Notebook .jp-CodeCell")
            train = cells.filter(has_text=TRAIN_CELL)
            train.scroll_into_view_if_needed()
            click_gutter(page, train, line)
            expect(page.locator(".jp-DebuggerBreakpoint")).to_have_count(1, timeout=30_000)
            expect(page.locator(".jp-DebuggerBreakpoint-line").first).to_contain_text(str(line))

            run_all_from_menu(page)
            frames = page.locator(".jp-DebuggerCallstackFrame-name")
            expect(frames.first).to_have_text("train", timeout=120_000)
            expect(variable(page, "hidden")).to_be_visible(timeout=30_000)
            # Expandable values show their type; the tensor expands to its properties.
            assert detail_of(page, "hidden") == "Tensor"
            variable(page, "hidden").click()
            for name in ("shape", "dtype", "requires_grad", "grad"):
                expect(variable(page, name)).to_be_visible(timeout=30_000)
            # The tensor rendered as the notebook shows it (richInspectVariables), with its shape.
            variable(page, "hidden").hover()
            # (A pointer click on this hover-only button does not reach its handler in headless
            # Chromium; the click event does.)
            page.locator(".jp-DebuggerVariables-renderVariable").first.dispatch_event("click")
            rendered = page.locator(".jp-DebuggerRichVariable")
            expect(rendered).to_contain_text("torch.Size([", timeout=30_000)
            shape = re.search(r"torch\.Size\(\[[\d, ]+\]\)", rendered.inner_text()).group(0)
            screenshot(page, "jupyterlab-debugger-variable.png")
            expect(train.locator(".jp-DebuggerEditor-highlight")).to_have_count(1)
            screenshot(page, "jupyterlab-debugger-stopped.png")

            # Step over: the next line of the loop is highlighted.
            location = page.locator(".jp-DebuggerCallstackFrame-location").first
            before = location.inner_text()
            page.locator(".jp-DebuggerSidebar [title^='Next']").first.click()
            expect(location).not_to_have_text(before, timeout=30_000)
            assert location.inner_text().endswith(str(line + 1))
            # The Variables panel refills for the new stop: `hidden` is now the cell's output.
            expect(variable(page, "hidden")).to_be_visible(timeout=30_000)
            expect(train.locator(".jp-DebuggerEditor-highlight")).to_have_count(1)
            screenshot(page, "jupyterlab-debugger-stepped.png")

            # The breakpoint off (a second click), continue: the lesson trains to its end.
            click_gutter(page, train, line)
            expect(page.locator(".jp-DebuggerBreakpoint")).to_have_count(0, timeout=30_000)
            page.locator(".jp-DebuggerSidebar [title^='Continue']").first.click()
            last = cells.nth(expected_cells - 1)
            expect(last.locator(".jp-OutputArea-output")).to_have_text("'ohlol'", timeout=180_000)
            # The shape shown while paused is the one the kernel prints for the model's hidden state.
            add_cell_below_last(page, panel, "net(inputs[0], net.init_hidden()).shape")
            expect(cells.nth(expected_cells).locator(".jp-OutputArea-output caption")).to_have_text(shape, timeout=60_000)
            screenshot(page, "jupyterlab-debugger-done.png")

            # A helper module next to the notebook, imported: the Kernel Sources panel lists it.
            (root / "rnn_helpers.py").write_text("def double(x):\n    return 2 * x\n")
            add_cell_below_last(page, panel, "import rnn_helpers\nrnn_helpers.double(21)")
            helper_cell = cells.filter(has_text="import rnn_helpers")
            expect(helper_cell.locator(".jp-OutputArea-output")).to_have_text("42", timeout=60_000)
            sources = page.locator(".jp-DebuggerKernelSource-source", has_text="rnn_helpers")
            expect(sources).to_have_count(1, timeout=30_000)
            screenshot(page, "jupyterlab-debugger-kernel-sources.png")
        except Exception:
            # What the page showed when it failed, beside the other screenshots, and what
            # JupyterLab logged as errors.
            if page is not None:
                screenshot(page, "jupyterlab-debugger-failure.png")
            print("browser console errors:", errors)
            raise
        finally:
            browser.close()
