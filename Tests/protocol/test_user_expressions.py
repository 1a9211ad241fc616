"""`user_expressions` run as cells do: an entry that loops is interrupted (by message or by
SIGINT) with a KeyboardInterrupt entry, one that raises is an error entry naming the
expression, one that prints is capped; the kernel answers afterwards with its workspace."""
from __future__ import annotations

import re
import signal

import pytest

from helpers import TIMEOUT, execute, shell_reply, wait_for_input

pytestmark = pytest.mark.timeout(90)

SETUP = """
def spin():
    while True:
        pass

def boom():
    raise ValueError('no good')

kept = 41
"""


def _expressions(kc, **expressions):
    return kc.execute("", silent=True, user_expressions=expressions)


@pytest.mark.parametrize("how", ["message", "sigint"])
def test_a_looping_entry_is_interrupted_and_the_kernel_answers(kernel, how):
    km, kc = kernel
    assert execute(kc, SETUP)[0]["content"]["status"] == "ok"
    msg_id = kc.execute("", user_expressions={"spinning": "spin()"})
    wait_for_input(kc, msg_id)
    if how == "message":
        km.interrupt_kernel()
    else:
        km.signal_kernel(signal.SIGINT)
    entry = shell_reply(kc, msg_id)["content"]["user_expressions"]["spinning"]
    assert entry["status"] == "error"
    assert entry["ename"] == "KeyboardInterrupt"
    reply = shell_reply(kc, _expressions(kc, value="kept + 1"))
    assert reply["content"]["user_expressions"]["value"]["data"]["text/plain"] == "42"


def test_a_raising_entry_is_an_error_entry_and_the_others_are_evaluated(kernel):
    _, kc = kernel
    assert execute(kc, SETUP)[0]["content"]["status"] == "ok"
    entries = shell_reply(kc, _expressions(kc, bad="boom()", good="kept + 1", typo="kept +"))["content"][
        "user_expressions"]
    assert entries["bad"]["status"] == "error"
    assert (entries["bad"]["ename"], entries["bad"]["evalue"]) == ("ValueError", "no good")
    frames = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in entries["bad"]["traceback"]]
    assert "<expression>, line 1\n----> 1 boom()\n" in frames
    assert entries["good"] == {"status": "ok", "data": {"text/plain": "42"}, "metadata": {}}
    assert (entries["typo"]["status"], entries["typo"]["ename"]) == ("error", "SyntaxError")


def test_a_printing_entry_is_capped_like_a_cell(kernel):
    _, kc = kernel
    msg_id = _expressions(kc, noisy="[print('x' * 1000) for i in range(3000)]")
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
    printed = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    text = "".join(printed)
    assert len(text) < 2 * 2**20
    assert "[Output truncated: this cell wrote more than 1 MiB" in text
