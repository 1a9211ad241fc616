"""The freshly built `recur` binary and a private kernelspec for it, shared by the Python suites.

`RECUR_BIN` names another binary (a release build, say); otherwise it is the one
`swift build` last produced.
"""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KERNEL_NAME = "recur"


def recur_binary() -> Path:
    explicit = os.environ.get("RECUR_BIN")
    if explicit:
        return Path(explicit).resolve()
    bin_dir = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    return Path(bin_dir) / "recur"


def install_private_kernelspec(prefix_name: str) -> Path:
    """Installs the kernelspec into a new temporary folder (removed at exit); returns the folder.

    The kernelspec lands under `<folder>/prefix/share/jupyter`.
    """
    binary = recur_binary()
    if not binary.exists():
        raise RuntimeError(f"{binary} does not exist: run `swift build` (or `make build`) first")
    home = Path(tempfile.mkdtemp(prefix=prefix_name))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    subprocess.run([str(binary), "install", "--prefix", str(home / "prefix"), "--name", KERNEL_NAME],
                   check=True, capture_output=True)
    return home
