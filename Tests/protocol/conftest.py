"""Shared fixtures for the protocol suites, which drive the real `recur` binary over ZeroMQ.

The kernelspec of the freshly built binary is installed into a temporary JUPYTER_PATH before
any test module imports jupyter_client, so `kernel_name="recur"` always means this build.
"""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _binary() -> Path:
    explicit = os.environ.get("RECUR_BIN")
    if explicit:
        return Path(explicit).resolve()
    bin_dir = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    return Path(bin_dir) / "recur"


def _install_kernelspec() -> Path:
    binary = _binary()
    if not binary.exists():
        raise RuntimeError(f"{binary} does not exist: run `swift build` (or `make build`) first")
    prefix = Path(tempfile.mkdtemp(prefix="recur-kernelspec-"))
    atexit.register(shutil.rmtree, prefix, ignore_errors=True)
    subprocess.run([str(binary), "install", "--prefix", str(prefix), "--name", "recur"], check=True,
                   capture_output=True)
    data = prefix / "share" / "jupyter"
    os.environ["JUPYTER_PATH"] = str(data)
    # Keep runtime files (connection files) out of the user's directory too.
    os.environ["JUPYTER_RUNTIME_DIR"] = str(prefix / "runtime")
    return data


KERNELSPEC_DATA = _install_kernelspec()
KERNEL_NAME = "recur"
TIMEOUT = 15


@pytest.fixture()
def kernel():
    """A started Recur kernel and a connected blocking client with its channels running."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
