#!/usr/bin/env python3
"""Executes the lesson notebooks through the installed Recur kernel with nbclient.

`make notebooks` runs it with .venv's Python after installing the release build's kernelspec
into .venv: each notebook is executed from top to bottom and written back with the outputs
Recur produced, so the committed notebooks show real results. A failing cell fails the run
and leaves the notebook untouched. `scripts/demo.py` executes notebooks with the same function.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"

CellHook = Callable[..., None]


def execute(path: Path, on_cell_executed: CellHook | None = None,
            timeout: int = 300) -> nbformat.NotebookNode:
    """The notebook at `path` executed with the kernel its metadata names, cells run in its folder.

    Timing metadata is not recorded and consecutive stream outputs are merged (as JupyterLab
    shows them), so re-running an unchanged notebook changes only what the kernel printed
    differently.
    """
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        startup_timeout=60,
        record_timing=False,
        coalesce_streams=True,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_executed=on_cell_executed,
    )
    client.execute()
    return notebook


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to execute (default: every notebooks/*.ipynb)")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"notebooks: executing {path.relative_to(REPO) if path.is_absolute() else path}")
        notebook = execute(path.resolve())
        nbformat.write(notebook, path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
