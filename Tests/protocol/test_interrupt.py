"""Interrupts, by interrupt_request on control and by SIGINT, stop a long loop and keep state."""
from __future__ import annotations

import signal

import pytest

from helpers import TIMEOUT, execute, iopub_until_idle, shell_reply

pytestmark = pytest.mark.timeout(60)

LONG_LOOP = "i = 0\nwhile True:\n    i = i + 1\n    if i == 1000:\n        print(\"running\")\n"


def _start_long_loop(kc) -> str:
    """Starts the loop and returns once it has run a thousand iterations."""
    msg_id = kc.execute(LONG_LOOP)
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            return msg_id


def _assert_interrupted(kc, msg_id):
    reply = shell_reply(kc, msg_id)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    errors = [m for m in iopub_until_idle(kc, msg_id) if m["msg_type"] == "error"]
    assert len(errors) == 1


def _assert_state_kept(kc):
    execute(kc, "kept = 41")
    reply, outputs = execute(kc, "print(kept + 1, i > 0)")
    assert reply["content"]["status"] == "ok"
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["42 True\n"]


def test_interrupt_request_stops_a_long_loop(kernel):
    km, kc = kernel
    msg_id = _start_long_loop(kc)
    km.interrupt_kernel()
    _assert_interrupted(kc, msg_id)
    assert km.is_alive()
    _assert_state_kept(kc)


def test_sigint_stops_a_long_loop(kernel):
    km, kc = kernel
    msg_id = _start_long_loop(kc)
    km.signal_kernel(signal.SIGINT)
    _assert_interrupted(kc, msg_id)
    assert km.is_alive()
    _assert_state_kept(kc)


def test_sigint_while_idle_is_harmless(kernel):
    km, kc = kernel
    km.signal_kernel(signal.SIGINT)
    reply, _ = execute(kc, "x = 1")
    assert reply["content"]["status"] == "ok"
    assert km.is_alive()


TRAINING_SETUP = """import torch
torch.manual_seed(0)
model = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
x = torch.randn(8, 4)
y = torch.randn(8, 2)
start = {k: v.clone() for k, v in model.state_dict().items()}  # state_dict() shares storage, as in PyTorch
steps = 0
"""

TRAINING_LOOP = """while True:
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    steps = steps + 1
    if steps == 10:
        print("training")
"""

# Replays n steps from the saved start on a fresh model: the interrupted model must equal
# one of them exactly (the interrupt may land between opt.step() and the count).
REPLAY = """def replay(n):
    again = torch.nn.Linear(4, 2)
    again.load_state_dict(start)
    again_opt = torch.optim.SGD(again.parameters(), lr=0.01)
    for k in range(n):
        again_opt.zero_grad()
        ((again(x) - y) ** 2).mean().backward()
        again_opt.step()
    return (again.weight - model.weight).abs().max().item() + (again.bias - model.bias).abs().max().item()
print(steps > 0, replay(steps) == 0.0 or replay(steps + 1) == 0.0)
"""


@pytest.mark.parametrize("how", ["message", "sigint"])
def test_interrupted_training_keeps_the_last_completed_step(kernel, how):
    km, kc = kernel
    reply, _ = execute(kc, TRAINING_SETUP)
    assert reply["content"]["status"] == "ok", reply["content"]
    msg_id = kc.execute(TRAINING_LOOP)
    while True:  # interrupt once some steps are done
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            break
    if how == "message":
        km.interrupt_kernel()
    else:
        km.signal_kernel(signal.SIGINT)
    _assert_interrupted(kc, msg_id)
    reply, outputs = execute(kc, REPLAY)
    assert reply["content"]["status"] == "ok", reply["content"]
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["True True\n"]


def test_interrupt_while_waiting_for_input(kernel):
    km, kc = kernel
    msg_id = kc.execute('answer = input("never answered? ")', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    assert request["msg_type"] == "input_request"
    km.interrupt_kernel()
    _assert_interrupted(kc, msg_id)
    reply, _ = execute(kc, "x = 1")
    assert reply["content"]["status"] == "ok"
