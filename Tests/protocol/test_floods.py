"""Floods and oversized traffic: comm_open in bulk for targets nobody registered, a 100 MB
message, many clients at once. The kernel answers afterwards and keeps its workspace, whether
its stderr is read, never read (a full pipe) or closed."""
from __future__ import annotations

import subprocess
import uuid

import pytest
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME
from helpers import TIMEOUT, execute, iopub_until_idle, shell_reply

pytestmark = pytest.mark.timeout(180)

FLOOD = 20_000


def _value(kc, expression):
    """`expression` evaluated through the shell alone: after a flood, iopub messages past the
    subscriber's high-water mark are dropped by ZeroMQ, as for any kernel."""
    reply = shell_reply(kc, kc.execute("", silent=True, user_expressions={"v": expression}))
    result = reply["content"]["user_expressions"]["v"]
    assert result["status"] == "ok", result
    return result["data"]["text/plain"]


@pytest.fixture(params=["inherited", "never-read", "closed"])
def flooded_kernel(request):
    """A kernel whose stderr is inherited, a pipe nobody reads, or a pipe closed at once."""
    stderr = None if request.param == "inherited" else subprocess.PIPE
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT, stderr=stderr)
    if request.param == "closed":
        km.provisioner.process.stderr.close()
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_comm_open_flood_to_unknown_targets_leaves_the_kernel_answering(flooded_kernel):
    km, kc = flooded_kernel
    assert execute(kc, "kept = 41")[0]["content"]["status"] == "ok"
    for index in range(FLOOD):
        kc.shell_channel.send(
            kc.session.msg("comm_open", {"comm_id": uuid.uuid4().hex, "target_name": f"t{index}", "data": {}}))
    assert _value(kc, "kept + 1") == "42"
    assert km.is_alive()
    info = kc.comm_info(reply=True, timeout=TIMEOUT)["content"]
    assert info["comms"] == {}


def test_a_100_mb_message_is_handled(kernel):
    km, kc = kernel
    assert execute(kc, "kept = 41")[0]["content"]["status"] == "ok"
    blob = "b" * (100 * 2**20)
    kc.shell_channel.send(kc.session.msg("comm_open", {"comm_id": "big", "target_name": "none", "data": {"b": blob}}))
    msg = kc.session.msg("execute_request", {"code": "", "silent": True, "user_expressions": {"v": "kept + 1"}})
    msg["metadata"] = {"blob": blob}
    kc.shell_channel.send(msg)
    reply = shell_reply(kc, msg["header"]["msg_id"])
    assert reply["content"]["user_expressions"]["v"]["data"]["text/plain"] == "42"


def test_a_huge_cell_value_is_sent_capped(kernel):
    _, kc = kernel
    # Five times the language's longest repeat.
    msg_id = kc.execute("s = 'v' * 10**7\ns + s + s + s + s")
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
    results = [m for m in iopub_until_idle(kc, msg_id) if m["msg_type"] == "execute_result"]
    assert len(results) == 1
    text = results[0]["content"]["data"]["text/plain"]
    assert len(text.encode()) < 2**20 + 200
    assert text.endswith("[Output truncated: this value's representation is 47.6 MiB; the first 1 MiB of its text "
                         "is shown.]")


def test_many_clients_at_once_each_get_their_replies(kernel):
    km, _ = kernel
    # Each with a session of its own, as separate frontends have (clients made by
    # km.client() share one, whose replay memory then refuses the iopub copies).
    clients = [BlockingKernelClient(connection_file=km.connection_file) for _ in range(20)]
    for client in clients:
        client.load_connection_file()
        client.start_channels()
    try:
        # Each subscribed to iopub before anything runs.
        for client in clients:
            client.wait_for_ready(timeout=TIMEOUT)
        sent = [(client, client.execute(f"c{index} = {index}\nprint(c{index} * 2)"))
                for index, client in enumerate(clients)]
        for index, (client, msg_id) in enumerate(sent):
            assert shell_reply(client, msg_id)["content"]["status"] == "ok"
            printed = [m["content"]["text"] for m in iopub_until_idle(client, msg_id) if m["msg_type"] == "stream"]
            assert printed == [f"{index * 2}\n"]
    finally:
        for client in clients:
            client.stop_channels()
