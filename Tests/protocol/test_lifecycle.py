"""The kernel's life follows its frontend's: it ends when the process that launched it dies,
and when a cell runs `exit` (after answering it, as ipykernel does). Its history outlives it."""
from __future__ import annotations

import os
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
def test_exit_in_a_cell_asks_the_frontend_to_close_and_the_kernel_runs_on(code):
    # As ipykernel: the payload is the frontend's to act on (a console closes; nbclient and
    # nbgrader go on with the same kernel and workspace).
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)
    try:
        execute(kc, "kept = 41")
        reply, outputs = execute(kc, code)
        assert reply["content"]["status"] == "ok"
        assert reply["content"]["payload"] == [{"source": "ask_exit", "keepkernel": False}]
        assert outputs[-1]["content"]["execution_state"] == "idle"
        reply, outputs = execute(kc, "print(kept + 1)")
        assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["42\n"]
        assert km.is_alive()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_exit_keeping_the_kernel_only_tells_the_frontend(kernel):
    km, kc = kernel
    reply, _ = execute(kc, "exit(keep_kernel=True)")
    assert reply["content"]["payload"] == [{"source": "ask_exit", "keepkernel": True}]
    reply, outputs = execute(kc, "print('still here')")
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["still here\n"]


def _history(kc, **request):
    msg_id = kc.history(raw=True, output=False, **request)
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return [tuple(entry) for entry in reply["content"]["history"]]


def _one_run(cells, env=None, **start):
    """Starts a kernel, runs `cells`, shuts it down; returns the history tail it saw last."""
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT, env=env or dict(os.environ), **start)
    try:
        for code in cells:
            assert execute(kc, code)[0]["content"]["status"] == "ok"
        return _history(kc, hist_access_type="tail", n=len(cells) + 2)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def test_history_carries_over_to_the_next_kernel_run():
    first = _one_run(["earlier_run = 1", "earlier_run + 1"])
    earlier_session = first[-1][0]
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)
    try:
        execute(kc, "later_run = 2")
        tail = _history(kc, hist_access_type="tail", n=3)
        later_session = tail[-1][0]
        assert later_session > earlier_session
        assert tail == [(earlier_session, 1, "earlier_run = 1"), (earlier_session, 2, "earlier_run + 1"),
                        (later_session, 1, "later_run = 2")]
        previous = _history(kc, hist_access_type="range", session=-1, start=1, stop=None)
        assert [entry[2] for entry in previous] == ["earlier_run = 1", "earlier_run + 1"]
        found = _history(kc, hist_access_type="search", pattern="earlier_run*", unique=True)
        assert [entry[2] for entry in found] == ["earlier_run = 1", "earlier_run + 1"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def test_recur_history_0_keeps_history_in_memory():
    _one_run(["kept_on_disk = 1"])
    tail = _one_run(["in_memory_only = 1"], env=dict(os.environ, RECUR_HISTORY="0"))
    assert tail == [(1, 1, "in_memory_only = 1")]
    # And nothing of that run reached the file.
    tail = _one_run(["after = 1"])
    assert [entry[2] for entry in tail][-2:] == ["kept_on_disk = 1", "after = 1"]


@pytest.mark.parametrize("turn_off", [
    {"env": dict(os.environ, NBGRADER_EXECUTION="autograde")},  # what nbgrader sets while it runs
    {"extra_arguments": ["--HistoryManager.hist_file=:memory:"]},  # IPython's option
])
def test_grading_runs_keep_history_in_memory(turn_off):
    _one_run(["before_grading = 1"])
    tail = _one_run(["student_cell = 1"], **turn_off)
    assert tail == [(1, 1, "student_cell = 1")]
    tail = _one_run(["after_grading = 1"])
    assert [entry[2] for entry in tail][-2:] == ["before_grading = 1", "after_grading = 1"]


def test_arguments_a_launcher_adds_are_ignored_with_a_warning(tmp_path):
    # `jupyter run --kernel=recur lesson.recur` passes the file on to the kernel too; ipykernel
    # ignores what it does not know, and so does Recur, saying so on stderr.
    log = tmp_path / "stderr.txt"
    with open(log, "w") as stderr:
        km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT, stderr=stderr,
                                  extra_arguments=["lesson.recur", "--matplotlib=inline"])
        try:
            reply, outputs = execute(kc, "print(6 * 7)")
            assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["42\n"]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    lines = log.read_text().splitlines()
    for argument in ("lesson.recur", "--matplotlib=inline"):
        assert f"recur kernel: ignoring the argument '{argument}' (Recur does not use it)" in lines
