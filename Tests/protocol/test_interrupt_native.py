"""An interrupt reaches a matrix product that would run for minutes: OpenBLAS works in
blocks and the kernel checks for interrupts between them. Without the checks the reply would
come only after the product (far past the test's timeout)."""
from __future__ import annotations

import pytest

from helpers import execute, interrupt_once_busy, iopub_until_idle, shell_reply, wait_for_input

pytestmark = pytest.mark.timeout(90)


@pytest.mark.parametrize("how", ["message", "sigint"])
def test_an_interrupt_reaches_a_long_matrix_product(kernel, how):
    km, kc = kernel
    assert execute(kc, "import torch\na = torch.ones(6000, 6000)\nkept = 1")[0]["content"]["status"] == "ok"
    # 2.2e11 multiply-adds: minutes on the cores a test machine gives a kernel.
    msg_id = kc.execute("b = a @ a")
    wait_for_input(kc, msg_id)
    interrupt_once_busy(km, how)
    reply = shell_reply(kc, msg_id)
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    # Requests sent before the failed cell goes idle would be aborted (stop_on_error).
    iopub_until_idle(kc, msg_id)
    reply, outputs = execute(kc, "print(kept, 'b' in dir())")
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["1 False\n"], reply["content"]
