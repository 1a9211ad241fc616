"""The kernel's life follows its frontend's: it ends when the process that launched it dies,
and when a cell runs `exit` (after answering it, as ipykernel does)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME
from helpers import TIMEOUT, execute

pytestmark = pytest.mark.timeout(90)

PARENT = textwrap.dedent(
    """
    import sys, time
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=sys.argv[1])
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    print(km.provisioner.process.pid, flush=True)
    time.sleep(3600)
    """
)


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_kernel_exits_when_its_launcher_is_killed(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    parent = subprocess.Popen(
        [sys.executable, str(script), KERNEL_NAME], stdout=subprocess.PIPE, text=True
    )
    try:
        kernel_pid = int(parent.stdout.readline())
        assert _running(kernel_pid)
        parent.kill()
        parent.wait(timeout=TIMEOUT)
        deadline = time.monotonic() + TIMEOUT
        while _running(kernel_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(kernel_pid), "the kernel outlived the process that launched it"
    finally:
        parent.kill()


@pytest.mark.parametrize("code", ["print('bye')\nexit", "quit()"])
def test_exit_in_a_cell_asks_the_frontend_to_close_then_ends_the_kernel(code):
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)
    try:
        reply, outputs = execute(kc, code)
        assert reply["content"]["status"] == "ok"
        assert reply["content"]["payload"] == [{"source": "ask_exit", "keepkernel": False}]
        assert outputs[-1]["content"]["execution_state"] == "idle"
        assert km.provisioner.process.wait(timeout=TIMEOUT) == 0
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_exit_keeping_the_kernel_only_tells_the_frontend(kernel):
    km, kc = kernel
    reply, _ = execute(kc, "exit(keep_kernel=True)")
    assert reply["content"]["payload"] == [{"source": "ask_exit", "keepkernel": True}]
    reply, outputs = execute(kc, "print('still here')")
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["still here\n"]
