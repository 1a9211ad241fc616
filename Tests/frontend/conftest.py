"""Shared fixtures for the frontend suites, which drive the real `recur` binary from real
Jupyter frontends: nbclient, JupyterLab in headless Chromium, jupyter console in a
pseudo-terminal and Kernel Gateway over REST and WebSockets.

The kernelspec of the freshly built binary (or of `RECUR_BIN`) is installed into a temporary
prefix before anything imports jupyter_client, and every Jupyter directory points into
temporary folders, so the suites see only this build's kernel and leave the user's settings
alone. Servers listen on loopback, on free ports, and are stopped with their process group.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
PROGRAMS = REPO / "Tests" / "ScriptTests" / "Programs"
sys.path.insert(0, str(REPO / "Tests"))

from recur_kernelspec import KERNEL_NAME, install_private_kernelspec  # noqa: E402


def _isolate() -> Path:
    home = install_private_kernelspec("recur-frontend-")
    os.environ["JUPYTER_PATH"] = str(home / "prefix" / "share" / "jupyter")
    os.environ["JUPYTER_DATA_DIR"] = str(home / "data")
    os.environ["JUPYTER_CONFIG_DIR"] = str(home / "config")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    os.environ["JUPYTERLAB_WORKSPACES_DIR"] = str(home / "lab-workspaces")
    os.environ["IPYTHONDIR"] = str(home / "ipython")
    return home


FRONTEND_HOME = _isolate()


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def wait_for_http(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    """Returns once `url` answers 200; fails with the server's log if it exits or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s:\n{log.read_text()}")


@contextmanager
def server(command: list[str], ready_url: str, log: Path, cwd: Path) -> Iterator[subprocess.Popen]:
    """A server process started in its own session, stopped (then killed) with its group."""
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_http(ready_url, process, log)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def kill_kernels_of(connection_file: str) -> None:
    """Kills the kernel processes started with `connection_file`: a frontend killed before it
    could shut its kernel down leaves the kernel running (see the frontend suites' notes)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(part.decode(errors="replace").endswith("/" + connection_file) for part in command):
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except ProcessLookupError:
                pass


def python_module(name: str) -> list[str]:
    """The command that runs a module with the suite's own Python (the one in .venv)."""
    return [sys.executable, "-m", name]
