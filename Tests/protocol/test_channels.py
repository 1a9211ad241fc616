"""Channels: control, heartbeat under load, two clients, stdin, comms, abort, restart, Curve."""
from __future__ import annotations


import pytest
import zmq
from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME
from helpers import TIMEOUT, drain_iopub, execute, iopub_until_idle, shell_reply
from test_interrupt import _start_long_loop

pytestmark = pytest.mark.timeout(60)


def _control_request(kc, msg_type, content=None):
    msg = kc.session.msg(msg_type, content or {})
    kc.control_channel.send(msg)
    while True:
        reply = kc.get_control_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply


def test_kernel_info_on_control_with_status_around_it(kernel):
    km, kc = kernel
    drain_iopub(kc)
    reply = _control_request(kc, "kernel_info_request")
    assert reply["content"]["protocol_version"] == "5.5"
    assert reply["content"]["language_info"]["name"] == "recur"
    states = [m["content"]["execution_state"] for m in iopub_until_idle(kc, reply["parent_header"]["msg_id"])]
    assert states == ["busy", "idle"]


def test_heartbeat_answers_while_a_cell_runs(kernel):
    km, kc = kernel
    msg_id = _start_long_loop(kc)
    socket = zmq.Context.instance().socket(zmq.REQ)
    socket.linger = 0
    socket.connect(f"{km.transport}://{km.ip}:{km.hb_port}")
    try:
        for _ in range(3):
            socket.send(b"ping")
            assert socket.poll(5000), "no heartbeat echo while the cell runs"
            assert socket.recv() == b"ping"
    finally:
        socket.close()
        km.interrupt_kernel()
    assert shell_reply(kc, msg_id)["content"]["ename"] == "KeyboardInterrupt"


def test_two_clients_both_see_iopub(kernel):
    km, kc = kernel
    second = km.client()
    second.start_channels()
    try:
        welcome = second.get_iopub_msg(timeout=TIMEOUT)
        assert welcome["msg_type"] == "iopub_welcome"
        drain_iopub(kc)
        reply, outputs = execute(kc, 'print("shared")')
        assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["shared\n"]
        seen = iopub_until_idle(second, reply["parent_header"]["msg_id"])
        assert [m["content"]["text"] for m in seen if m["msg_type"] == "stream"] == ["shared\n"]
    finally:
        second.stop_channels()


def test_input_round_trip(kernel):
    km, kc = kernel
    msg_id = kc.execute('name = input("name? ")', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    assert request["msg_type"] == "input_request"
    assert request["content"]["prompt"] == "name? "
    assert request["parent_header"]["msg_id"] == msg_id
    kc.input("Ada")
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
    reply, outputs = execute(kc, "print(name)")
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["Ada\n"]


def test_input_without_stdin_is_a_clear_error(kernel):
    km, kc = kernel
    reply, _ = execute(kc, 'input("name? ")', allow_stdin=False)
    assert reply["content"]["status"] == "error"
    assert "input requests" in reply["content"]["evalue"]


def test_unknown_comm_target_is_closed(kernel):
    km, kc = kernel
    drain_iopub(kc)
    msg = kc.session.msg("comm_open", {"comm_id": "c-1", "target_name": "no.such.target", "data": {}})
    kc.shell_channel.send(msg)
    messages = iopub_until_idle(kc, msg["header"]["msg_id"])
    closes = [m for m in messages if m["msg_type"] == "comm_close"]
    assert [m["content"]["comm_id"] for m in closes] == ["c-1"]
    info = kc.comm_info()
    assert shell_reply(kc, info)["content"]["comms"] == {}


def _aborted_reply(kc):
    """The reply to a cell queued behind a failing one (Python code both kernels run)."""
    # The failing cell works a little first, so that the next request is surely queued
    # behind it (what is queued when a cell fails is aborted).
    failing = kc.execute('for k in range(1000000):\n    pass\nraise ValueError("stop here")')
    queued = kc.execute("never_ran = 1")
    assert shell_reply(kc, failing)["content"]["status"] == "error"
    return shell_reply(kc, queued)


def test_stop_on_error_aborts_queued_cells(kernel):
    km, kc = kernel
    assert _aborted_reply(kc)["content"]["status"] == "aborted"
    reply, _ = execute(kc, "print(never_ran)")
    assert reply["content"].get("ename") == "NameError", reply["content"]


def test_aborted_reply_content_is_ipykernels():
    # ipykernel runs live beside Recur: the content of an aborted reply is the same dict
    # (no execution count, which frontends would show on every skipped cell).
    from jupyter_client.manager import start_new_kernel

    contents = {}
    for name in (KERNEL_NAME, "python3"):
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT)
        try:
            contents[name] = _aborted_reply(kc)["content"]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    assert contents[KERNEL_NAME] == contents["python3"]


def test_pipelined_requests_past_the_queue_bound_all_run(kernel):
    km, kc = kernel
    # The shell queues 32 requests per client and then stops reading the connection until
    # it catches up: backpressure, never a dropped request.
    execute(kc, "counted = 0")
    ids = [kc.execute("counted = counted + 1") for _ in range(200)]
    statuses = [shell_reply(kc, msg_id)["content"]["status"] for msg_id in ids]
    assert statuses == ["ok"] * 200
    reply, outputs = execute(kc, "print(counted)")
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["200\n"]


def test_restart_through_kernel_manager(kernel):
    km, kc = kernel
    execute(kc, "before = 1")
    old_pid = km.provisioner.process.pid
    km.restart_kernel(now=False)
    assert km.provisioner.process.pid != old_pid
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, _ = execute(kc, "print(before)")
    assert reply["content"]["ename"] == "NameError"


def test_curve_encrypted_kernel(tmp_path):
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(transport_encryption="required")
    try:
        with open(km.connection_file) as handle:
            assert "curve_secretkey" in handle.read()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=TIMEOUT)
            reply, outputs = execute(kc, 'print("secret")')
            assert reply["content"]["status"] == "ok"
            assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["secret\n"]
        finally:
            kc.stop_channels()
        # A client that does not know the server key gets nothing back.
        plain = zmq.Context.instance().socket(zmq.DEALER)
        plain.linger = 0
        plain.connect(f"tcp://{km.ip}:{km.shell_port}")
        try:
            km.session.send(plain, "kernel_info_request", {})
            assert plain.poll(500) == 0
        finally:
            plain.close()
    finally:
        km.shutdown_kernel(now=False)


def test_ipc_transport(tmp_path):
    km = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=str(tmp_path / "recur"))
    km.start_kernel()
    try:
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=TIMEOUT)
            reply, outputs = execute(kc, 'print("over ipc")')
            assert reply["content"]["status"] == "ok"
            assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["over ipc\n"]
        finally:
            kc.stop_channels()
    finally:
        km.shutdown_kernel(now=False)
