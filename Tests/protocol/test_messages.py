"""Forged, replayed and malformed messages are dropped; the kernel stays up and runs nothing."""
from __future__ import annotations

import pytest
import zmq
from jupyter_client.session import Session

from helpers import TIMEOUT, execute

pytestmark = pytest.mark.timeout(60)


def _dealer(km):
    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{km.transport}://{km.ip}:{km.shell_port}")
    return socket


def _barrier_on(socket, kc):
    """The same barrier through `socket` itself, since the kernel reads each peer's messages
    in order; returns the types of the other replies that came back on it first."""
    msg = kc.session.msg("kernel_info_request", {})
    kc.session.send(socket, msg)
    others = []
    while True:
        assert socket.poll(TIMEOUT * 1000), "no kernel_info_reply on the barrier socket"
        _, frames = kc.session.feed_identities(socket.recv_multipart())
        reply = kc.session.deserialize(frames)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return others
        others.append(reply["msg_type"])


def test_bad_signature_executes_nothing(kernel):
    km, kc = kernel
    forger = Session(key=b"not-the-key", username="mallory")
    socket = _dealer(km)
    try:
        forger.send(socket, "execute_request", {"code": "forged = 1", "silent": False})
        assert _barrier_on(socket, kc) == []
    finally:
        socket.close()
    reply, _ = execute(kc, "print(forged)")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "NameError"


def test_missing_signature_executes_nothing(kernel):
    km, kc = kernel
    unsigned = Session(key=b"", username="mallory")
    socket = _dealer(km)
    try:
        unsigned.send(socket, "execute_request", {"code": "forged = 2", "silent": False})
        assert _barrier_on(socket, kc) == []
    finally:
        socket.close()
    reply, _ = execute(kc, "print(forged)")
    assert reply["content"]["ename"] == "NameError"


def test_replayed_message_executes_once(kernel):
    km, kc = kernel
    execute(kc, "counter = 0")
    socket = _dealer(km)
    try:
        msg = kc.session.msg("execute_request", {"code": "counter = counter + 1", "silent": False})
        frames = kc.session.serialize(msg)
        socket.send_multipart(frames)
        socket.send_multipart(frames)
        assert socket.poll(TIMEOUT * 1000)
        first = kc.session.deserialize(kc.session.feed_identities(socket.recv_multipart())[1])
        assert first["parent_header"]["msg_id"] == msg["header"]["msg_id"]
        assert _barrier_on(socket, kc) == []
    finally:
        socket.close()
    reply, outputs = execute(kc, "print(counter)")
    streams = [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"]
    assert streams == ["1\n"]


@pytest.mark.parametrize(
    "frames",
    [
        [b"<IDS|MSG>", b"", b"{not json", b"{}", b"{}", b"{}"],
        [b"<IDS|MSG>", b"", b'{"msg_id": "1", "msg_type": 7}', b"{}", b"{}", b"{}"],
        [b"no delimiter"],
        [b"<IDS|MSG>", b"", b"{}"],
    ],
)
def test_malformed_frames_are_dropped(kernel, frames):
    km, kc = kernel
    socket = _dealer(km)
    try:
        signed = list(frames)
        if len(signed) >= 6:
            signed[1] = kc.session.sign(signed[2:6])
        socket.send_multipart(signed)
        assert _barrier_on(socket, kc) == []
    finally:
        socket.close()
    assert km.is_alive()


def test_content_with_wrong_types_is_dropped(kernel):
    km, kc = kernel
    socket = _dealer(km)
    try:
        kc.session.send(socket, "execute_request", {"code": 42, "silent": False})
        assert _barrier_on(socket, kc) == []
    finally:
        socket.close()
    assert km.is_alive()


HOSTILE = [
    ("complete_request", {"code": "pri", "cursor_pos": 10**12}),
    ("complete_request", {"code": "pri", "cursor_pos": -7}),
    ("inspect_request", {"code": "print", "cursor_pos": 99, "detail_level": 7}),
    ("is_complete_request", {"code": "\x00\x01(" * 1000}),
    ("history_request", {"hist_access_type": "tail", "n": 10**15, "output": True, "raw": True}),
    ("history_request", {"hist_access_type": "range", "session": -3, "start": -10, "stop": 10**9,
                         "output": False, "raw": True}),
    ("history_request", {"hist_access_type": "search", "pattern": "[", "unique": True, "n": -1,
                         "output": False, "raw": True}),
    ("comm_msg", {"comm_id": "nope", "data": {"x": [[[[1]]]]}}),
    ("comm_close", {"comm_id": "nope"}),
    ("no_such_request", {"anything": 1}),
    ("execute_request", {"code": "x = 1", "user_expressions": {"a": 5}}),
    ("execute_request", {"code": "1", "silent": "yes"}),
    ("execute_request", {"code": "[" * 5000 + "]" * 5000}),
]


def test_hostile_requests_leave_the_kernel_answering(kernel):
    km, kc = kernel
    socket = _dealer(km)
    try:
        for msg_type, content in HOSTILE:
            kc.session.send(socket, msg_type, content)
        nested = [b"<IDS|MSG>", b"", b'{"msg_id": "n", "msg_type": "kernel_info_request"}', b"{}", b"{}",
                  b'{"a":' * 10000 + b"1" + b"}" * 10000]
        nested[1] = kc.session.sign(nested[2:6])
        socket.send_multipart(nested)
        _barrier_on(socket, kc)
    finally:
        socket.close()
    assert km.is_alive()
    reply, outputs = execute(kc, 'print("still here")')
    assert reply["content"]["status"] == "ok"
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["still here\n"]
