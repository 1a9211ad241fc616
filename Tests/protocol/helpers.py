"""Helpers shared by the protocol suites."""
from __future__ import annotations

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
