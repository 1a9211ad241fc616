"""Shared fixtures for the protocol suites, which drive the real `recur` binary over ZeroMQ.

The kernelspec of the freshly built binary is installed into a temporary JUPYTER_PATH before
any test module imports jupyter_client, so `kernel_name="recur"` always means this build.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests"))

from recur_kernelspec import KERNEL_NAME, install_private_kernelspec  # noqa: E402


def _install_kernelspec() -> Path:
    prefix = install_private_kernelspec("recur-kernelspec-")
    data = prefix / "prefix" / "share" / "jupyter"
    os.environ["JUPYTER_PATH"] = str(data)
    # Keep runtime files (connection files) and the kernels' history out of the user's
    # directories too.
    os.environ["JUPYTER_RUNTIME_DIR"] = str(prefix / "runtime")
    os.environ["JUPYTER_DATA_DIR"] = str(prefix / "data")
    return data


KERNELSPEC_DATA = _install_kernelspec()
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
