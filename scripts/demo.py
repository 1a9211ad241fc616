#!/usr/bin/env python3
"""Runs the first lesson notebook (an RNNCell learning "hello" -> "ohlol") through the Recur
kernel with nbclient, printing each cell and its text outputs as it runs.

`make demo` builds Recur in release mode, installs its kernelspec into .venv and runs this
with .venv's Python. The executed notebook is written to build/ (the committed one is left
as it is; `make notebooks` rebuilds those).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from typing import Callable

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
DEFAULT_NOTEBOOK = REPO / "notebooks" / "01-rnncell.ipynb"


def execute(path: Path, on_cell_executed: Callable[..., None]) -> nbformat.NotebookNode:
    """The notebook executed with the kernel its metadata names, its cells run in its folder;
    consecutive stream outputs are merged, as JupyterLab shows them."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    NotebookClient(notebook, timeout=300, startup_timeout=60, record_timing=False,
                   coalesce_streams=True, resources={"metadata": {"path": str(path.parent)}},
                   on_cell_executed=on_cell_executed).execute()
    return notebook


def text_of(output: dict) -> str:
    """What a terminal shows for one output: streams, the text/plain of results and displays,
    an error's traceback."""
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind in ("execute_result", "display_data"):
        text = output.get("data", {}).get("text/plain", "")
        if kind == "execute_result":
            text = f"Out[{output.get('execution_count')}]: {text}"
        return text + "\n"
    if kind == "error":
        return "\n".join(output["traceback"]) + "\n"
    return ""


class Printer:
    """Prints each code cell as nbclient finishes it, with the section headings before it."""

    def __init__(self, cells: list) -> None:
        self.cells = cells
        self.next_index = 0

    def headings(self, upto: int) -> None:
        for cell in self.cells[self.next_index:upto]:
            if cell["cell_type"] == "markdown":
                for line in cell["source"].splitlines():
                    if line.startswith("#"):
                        print(line.lstrip("#").strip().join(["== ", " =="]))
                        print()

    def __call__(self, cell, cell_index: int, execute_reply: dict) -> None:
        self.headings(cell_index)
        self.next_index = cell_index + 1
        print(f"In [{cell.get('execution_count') or ' '}]:")
        for line in cell["source"].splitlines():
            print(f"    {line}")
        sys.stdout.write("".join(text_of(output) for output in cell.get("outputs", [])))
        print(flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?", type=Path, default=DEFAULT_NOTEBOOK)
    parser.add_argument("--output", type=Path,
                        help="where to write the executed notebook (default: build/NAME.ipynb)")
    args = parser.parse_args(argv)
    source = args.notebook.resolve()
    output = args.output or REPO / "build" / source.name

    print(f"demo: executing {source.name} through the Recur kernel; the result goes to {output}")
    print()
    printer = Printer(nbformat.read(source, as_version=4).cells)
    notebook = execute(source, on_cell_executed=printer)
    output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
