"""Remote kernels: Jupyter Kernel Gateway on loopback, driven over its REST API and the
WebSocket channels, as Jupyter Server, JupyterHub's single-user servers and Enterprise Gateway
clients drive it.
"""
from __future__ import annotations

import json
import re
import secrets
import urllib.error
import urllib.request
import os
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pytest
import websocket

from conftest import FRONTEND_HOME, KERNEL_NAME, PROGRAMS, free_port, python_module, server

SEED = "import torch\ntorch.manual_seed(7)"


class Gateway:
    """The gateway's REST API, authenticated with its token."""

    def __init__(self, base: str, token: str) -> None:
        self.base, self.token = base, token

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, object]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method, headers={
            "Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            payload = response.read()
            return response.status, json.loads(payload) if payload else None

    def channels(self, kernel_id: str) -> "Channels":
        url = self.base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        return Channels(websocket.create_connection(
            url, timeout=60, header=[f"Authorization: token {self.token}"]))


class Channels:
    """One WebSocket carrying a kernel's shell, iopub and control messages as JSON."""

    def __init__(self, socket: websocket.WebSocket) -> None:
        self.socket = socket
        self.session = uuid.uuid4().hex
        # Shell and iopub travel separately to the gateway: a reply can overtake the `busy`
        # that preceded it, so what `start` reads past is kept for `finish`.
        self.early: list[dict] = []

    def send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        self.socket.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": self.session,
                       "username": "test", "version": "5.3",
                       "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
            "buffers": [],
        }))
        return msg_id

    def receive(self) -> dict:
        if self.early:
            return self.early.pop(0)
        return json.loads(self.socket.recv())

    def start(self, code: str, until: str | None = None) -> str:
        """Sends an execute request and returns once the kernel reports it busy with it (or,
        with `until`, once the cell has printed that text)."""
        msg_id = self.send("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        seen: list[dict] = []
        while True:
            msg = self.receive()
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if until is None:
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "busy":
                    break
            elif msg["msg_type"] == "stream" and until in msg["content"]["text"]:
                break
            seen.append(msg)
        self.early = seen + self.early
        return msg_id

    def finish(self, msg_id: str) -> tuple[dict, list[dict]]:
        """The execute reply and the iopub outputs of a started request, once it is idle."""
        reply, outputs, idle = None, [], False
        while reply is None or not idle:
            msg = self.receive()
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["channel"] == "shell":
                reply = msg
            elif msg["msg_type"] == "status":
                idle = msg["content"]["execution_state"] == "idle"
            elif msg["msg_type"] in ("stream", "execute_result", "display_data", "error"):
                outputs.append(msg)
        return reply, outputs

    def execute(self, code: str) -> tuple[dict, list[dict]]:
        return self.finish(self.start(code))

    def close(self) -> None:
        self.socket.close()


def stdout_of(outputs: list[dict]) -> str:
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def result_of(outputs: list[dict]) -> str:
    [result] = [m for m in outputs if m["msg_type"] == "execute_result"]
    return result["content"]["data"]["text/plain"]


@contextmanager
def start_gateway(log: Path, *options: str) -> Iterator[Gateway]:
    port, token = free_port(), secrets.token_hex(16)
    command = python_module("kernel_gateway") + [
        "--KernelGatewayApp.ip=127.0.0.1", f"--KernelGatewayApp.port={port}",
        "--KernelGatewayApp.port_retries=0", f"--KernelGatewayApp.auth_token={token}", *options]
    base = f"http://127.0.0.1:{port}"
    with server(command, f"{base}/api?token={token}", log, cwd=FRONTEND_HOME):
        yield Gateway(base, token)


@pytest.fixture()
def gateway(tmp_path):
    with start_gateway(tmp_path / "gateway.log") as running:
        yield running


@pytest.mark.timeout(180)
def test_gateway_runs_interrupts_and_restarts_a_recur_kernel(gateway):
    status, specs = gateway.request("GET", "/api/kernelspecs")
    assert status == 200 and KERNEL_NAME in specs["kernelspecs"]

    status, kernel = gateway.request("POST", "/api/kernels", {"name": KERNEL_NAME})
    assert status == 201 and kernel["name"] == KERNEL_NAME
    kernel_id = kernel["id"]
    channels = gateway.channels(kernel_id)
    try:
        # The lesson's first program, as written, after seeding the generator.
        reply, _ = channels.execute(SEED)
        assert reply["content"]["status"] == "ok"
        reply, outputs = channels.execute((PROGRAMS / "rnncell.recur").read_text())
        assert reply["content"]["status"] == "ok"
        epochs = re.findall(r"Predicted string: (\w{5}), Epoch \[(\d+)/15\] loss=\d+\.\d{4}",
                            stdout_of(outputs))
        assert [int(epoch) for _, epoch in epochs] == list(range(1, 16))
        assert epochs[-1][0] == "ohlol"

        # A cell that never ends, interrupted through the REST API once it is looping.
        msg_id = channels.start("n = 0\nprint('counting')\nwhile True:\n    n += 1",
                                until="counting")
        status, _ = gateway.request("POST", f"/api/kernels/{kernel_id}/interrupt")
        assert status == 204
        reply, outputs = channels.finish(msg_id)
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        assert [m["content"]["ename"] for m in outputs if m["msg_type"] == "error"] == [
            "KeyboardInterrupt"]

        # Still alive, with its workspace: the loop had counted before it stopped.
        reply, outputs = channels.execute("n > 0, idx2char")
        assert reply["content"]["status"] == "ok"
        assert result_of(outputs) == "(True, ['e', 'h', 'l', 'o'])"
    finally:
        channels.close()

    status, restarted = gateway.request("POST", f"/api/kernels/{kernel_id}/restart")
    assert status == 200 and restarted["id"] == kernel_id
    channels = gateway.channels(kernel_id)
    try:
        # A restarted kernel is a new process with an empty workspace.
        reply, outputs = channels.execute("n")
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "NameError"
        reply, outputs = channels.execute("6 * 7")
        assert result_of(outputs) == "42"
    finally:
        channels.close()

    status, _ = gateway.request("DELETE", f"/api/kernels/{kernel_id}")
    assert status == 204
    with pytest.raises(urllib.error.HTTPError) as gone:
        gateway.request("GET", f"/api/kernels/{kernel_id}")
    assert gone.value.code == 404


@pytest.mark.timeout(120)
def test_gateway_kernels_can_require_curve_encryption(tmp_path):
    """With `KernelManager.transport_encryption=required` the gateway gives each kernel a
    Curve key pair and talks to it only over encrypted ZeroMQ."""
    with start_gateway(tmp_path / "gateway.log",
                       "--KernelManager.transport_encryption=required") as gateway:
        status, kernel = gateway.request("POST", "/api/kernels", {"name": KERNEL_NAME})
        assert status == 201
        connection = Path(os.environ["JUPYTER_RUNTIME_DIR"]) / f"kernel-{kernel['id']}.json"
        keys = json.loads(connection.read_text())
        assert len(keys["curve_publickey"]) == 40 and len(keys["curve_secretkey"]) == 40
        channels = gateway.channels(kernel["id"])
        try:
            reply, outputs = channels.execute("import torch\ntorch.ones(2, 2).sum()")
            assert reply["content"]["status"] == "ok"
            assert result_of(outputs) == "tensor(4.)"
        finally:
            channels.close()
        status, _ = gateway.request("DELETE", f"/api/kernels/{kernel['id']}")
        assert status == 204
