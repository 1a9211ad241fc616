"""A Jupyter debugger client over jupyter_client, as JupyterLab's debugger service speaks it:
`debug_request` on control, `debug_event` collected from iopub."""
from __future__ import annotations

import time
from queue import Empty
from typing import Any

from helpers import TIMEOUT


class DebugClient:
    def __init__(self, kc):
        self.kc = kc
        self.seq = 0
        self.events: list[dict[str, Any]] = []
        self.other_iopub: list[dict[str, Any]] = []

    def request(self, command: str, **arguments: Any) -> dict[str, Any]:
        """Sends one DAP request; returns the `debug_reply` content."""
        self.seq += 1
        msg = self.kc.session.msg("debug_request", {"type": "request", "seq": self.seq, "command": command,
                                                    "arguments": arguments})
        self.kc.control_channel.send(msg)
        while True:
            reply = self.kc.get_control_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                assert reply["msg_type"] == "debug_reply"
                return reply["content"]

    def ok(self, command: str, **arguments: Any) -> dict[str, Any]:
        """A request that must succeed; returns its body."""
        reply = self.request(command, **arguments)
        assert reply["success"], reply
        assert reply["command"] == command and reply["type"] == "response"
        return reply.get("body", {})

    def start(self) -> dict[str, Any]:
        """initialize, attach, configurationDone, as JupyterLab starts a session; debugInfo's body."""
        self.ok("initialize", clientID="test", adapterID="recur", pathFormat="path", linesStartAt1=True,
                columnsStartAt1=True)
        self.ok("attach")
        self.ok("configurationDone")
        return self.ok("debugInfo")

    def pump(self, timeout: float = 0.05) -> None:
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=timeout)
            except Empty:
                return
            if msg["msg_type"] == "debug_event":
                self.events.append(msg["content"])
            else:
                self.other_iopub.append(msg)

    def wait_event(self, name: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next `name` event not yet taken (earlier events of other kinds stay queued)."""
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event["event"] == name:
                    return self.events.pop(i)
            if time.monotonic() > deadline:
                raise AssertionError(f"no {name} event; got {self.events}")
            self.pump()

    def wait_stopped(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The stopped event's body and the stack (innermost first)."""
        body = self.wait_event("stopped")["body"]
        frames = self.ok("stackTrace", threadId=body["threadId"])["stackFrames"]
        return body, frames

    def variables(self, reference: int) -> dict[str, dict[str, Any]]:
        return {v["name"]: v for v in self.ok("variables", variablesReference=reference)["variables"]}

    def frame_variables(self, frame_id: int, scope: str = "Locals") -> dict[str, dict[str, Any]]:
        scopes = {s["name"]: s for s in self.ok("scopes", frameId=frame_id)["scopes"]}
        return self.variables(scopes[scope]["variablesReference"])

    def output_of(self, msg_id: str) -> str:
        """The stdout a request printed (collected while pumping)."""
        self.pump(0.2)
        return "".join(m["content"]["text"] for m in self.other_iopub
                       if m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == msg_id)
