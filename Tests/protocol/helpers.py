"""Helpers shared by the protocol suites."""
from __future__ import annotations

import os
import signal
import time
from queue import Empty
from typing import Any

TIMEOUT = 15


def drain_iopub(kc, timeout: float = 0.2) -> list[dict[str, Any]]:
    """Every iopub message that arrives until `timeout` passes without one."""
    messages = []
    while True:
        try:
            messages.append(kc.get_iopub_msg(timeout=timeout))
        except Empty:
            return messages


def iopub_until_idle(kc, parent_id: str, timeout: float = TIMEOUT) -> list[dict[str, Any]]:
    """The iopub messages of request `parent_id`, up to and including its idle status."""
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != parent_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def shell_reply(kc, msg_id: str, timeout: float = TIMEOUT) -> dict[str, Any]:
    """The shell reply to `msg_id`, skipping replies to other requests."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def execute(kc, code: str, **kwargs: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Runs `code`; returns its reply and its iopub messages through idle."""
    msg_id = kc.execute(code, **kwargs)
    reply = shell_reply(kc, msg_id)
    return reply, iopub_until_idle(kc, msg_id)


def wait_for_input(kc, msg_id: str, timeout: float = TIMEOUT) -> None:
    """Until the request's execute_input: the kernel has forgotten stale interrupts by then,
    so an interrupt sent now reaches the request's cell (or its user expressions)."""
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


def interrupt_once_busy(km, how: str, cpu_seconds: float = 1.0, timeout: float = 60) -> None:
    """Interrupts the kernel (`how`: "message" or "sigint") once it has spent `cpu_seconds` of
    CPU time from now: by then the long operation just started is well under way. Fails when
    the kernel stays idle for `timeout` seconds (the operation ended, or never started)."""
    ticks = os.sysconf("SC_CLK_TCK")

    def spent() -> float:
        fields = open(f"/proc/{km.provisioner.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks

    before, deadline = spent(), time.monotonic() + timeout
    while spent() - before < cpu_seconds:
        if time.monotonic() > deadline:
            raise AssertionError(f"the kernel spent under {cpu_seconds} s of CPU time in {timeout} s")
        time.sleep(0.01)
    if how == "message":
        km.interrupt_kernel()
    else:
        km.signal_kernel(signal.SIGINT)
