"""Interrupts reach big-int arithmetic on millions of bits.

A single Karatsuba product or recursive division of million-limb ints runs for seconds (minutes
in a debug build); the kernel polls for interrupts between blocks of limb work, so an interrupt
sent while one runs ends the cell with KeyboardInterrupt, and what the workspace held before
is still there. Without the polls the reply would come only after the operation, far past the
test's timeout. How quickly the reply comes is measured by tools/bench/bigint_bench.py, not here.
"""
from __future__ import annotations

import functools
import os
import resource
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "protocol")]

from helpers import interrupt_once_busy, iopub_until_idle, shell_reply, wait_for_input  # noqa: E402
from recur_kernelspec import KERNEL_NAME, install_private_kernelspec  # noqa: E402

ADDRESS_SPACE = 4 << 30
TIMEOUT = 30

# `a` has 30 million bits (about a million limbs), `b` twice as many, both without long runs of
# equal limbs (a quotient of zero blocks would be quick); building them is linear.
SETUP = """a = int('9a3f' * 1_875_000, 16)
x = int('7c1e5' * 1_500_000, 16)
b = (x << 30_000_000) + a * 12345
kept = 'kept'"""
CHECK = "print(kept, a.bit_length(), b % 1000003, 'c' in dir())"

# Each cell is one long operation (the power, a series of them).
CELLS = {
    "product": "c = a * a",
    "unbalanced_product": "c = b * (a >> 29_000_000)",
    "power": "c = 10 ** 10 ** 7",
    "floor_division": "c = b // a",
    "unbalanced_division": "c = b // (a >> 29_000_000)",
    "modulo": "c = b % (a - 2)",
    "divmod": "c = divmod(b, a)",
}


@functools.cache
def expected_check_output() -> str:
    """What CHECK prints in CPython after SETUP, with no `c` defined."""
    namespace: dict = {}
    exec(SETUP, namespace)
    return " ".join(str(v) for v in ("kept", namespace["a"].bit_length(), namespace["b"] % 1000003, False)) + "\n"


pytestmark = pytest.mark.timeout(120)


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _execute(kc, code: str) -> tuple[dict, list[dict]]:
    msg_id = kc.execute(code)
    return shell_reply(kc, msg_id, TIMEOUT), iopub_until_idle(kc, msg_id, TIMEOUT)


@pytest.fixture(scope="module")
def kernel():
    from jupyter_client.manager import KernelManager

    home = install_private_kernelspec("recur-interrupts-")
    saved = {key: os.environ.get(key) for key in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR")}
    os.environ["JUPYTER_PATH"] = str(home / "prefix" / "share" / "jupyter")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    os.environ["JUPYTER_DATA_DIR"] = str(home / "data")
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(preexec_fn=_limit_address_space)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, _ = _execute(kc, SETUP)
    assert reply["content"]["status"] == "ok", reply["content"]
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.mark.parametrize("how", ["message", "sigint"])
@pytest.mark.parametrize("cell", list(CELLS))
def test_an_interrupt_stops_big_int_arithmetic(kernel, cell, how):
    km, kc = kernel
    msg_id = kc.execute(CELLS[cell])
    wait_for_input(kc, msg_id, TIMEOUT)
    interrupt_once_busy(km, how)
    # Without the polls the reply would come minutes later: shell_reply gives up after TIMEOUT.
    reply = shell_reply(kc, msg_id, TIMEOUT)
    assert reply["content"]["status"] == "error", reply["content"]
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    iopub_until_idle(kc, msg_id, TIMEOUT)
    reply, outputs = _execute(kc, CHECK)
    streams = [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"]
    assert streams == [expected_check_output()], reply["content"]
