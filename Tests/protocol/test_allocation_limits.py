"""Allocations too large for the process's memory fail with PyTorch's allocator error under an
address-space limit (`ulimit -v`, as JupyterHub sets one), before they are attempted: the
program or kernel goes on with its variables, and its memory comes back."""
from __future__ import annotations

import json
import resource
import subprocess

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, REPO
from helpers import TIMEOUT, execute
from recur_kernelspec import recur_binary

pytestmark = pytest.mark.timeout(120)

LIMIT = 4 * 2**30
FIXTURES = json.loads((REPO / "Tests/TensorsTests/Fixtures/fixtures.json").read_text())
# PyTorch's text up to the byte count, from the fixture of an allocation no machine can make.
ALLOCATOR = FIXTURES["errors"]["alloc_too_large"]["message"].split(" you tried")[0]

HUGE = [
    "torch.zeros(300000, 1) + torch.zeros(1, 300000)",
    "torch.stack([torch.zeros(2**27)] * 200)",
    "torch.cat([torch.zeros(2**27)] * 20)",
    "torch.zeros(10**10).tolist()",
    "torch.ones(10**6, 10**6)",
    "torch.arange(0, 10**12)",
    "torch.zeros(2**27).tolist()",
]


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def _program():
    lines = ["import torch", "kept = 7"]
    for code in HUGE:
        lines += ["try:", f"    {code}", "except Exception as e:", "    print(type(e).__name__, str(e)[:110])"]
    lines.append("print('kept', kept)")
    return "\n".join(lines) + "\n"


def _check(printed):
    *failures, last = printed.splitlines()
    assert last == "kept 7"
    assert len(failures) == len(HUGE)
    for code, line in zip(HUGE[:-1], failures[:-1]):
        assert line.startswith("RuntimeError " + ALLOCATOR), (code, line)
    # A Python list of 2**27 floats: Python's MemoryError, as CPython gives under the limit.
    assert failures[-1] == "MemoryError "


def test_recur_run_under_an_address_space_limit(tmp_path):
    path = tmp_path / "huge.recur"
    path.write_text(_program())
    done = subprocess.run([str(recur_binary()), "run", str(path)], capture_output=True, text=True, timeout=100,
                          preexec_fn=_limited)
    assert done.returncode == 0, done.stderr[-2000:]
    _check(done.stdout)


def test_the_kernel_under_an_address_space_limit_survives_and_gives_its_memory_back():
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT, preexec_fn=_limited)
    try:
        reply, outputs = execute(kc, _program())
        assert reply["content"]["status"] == "ok"
        _check("".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream"))
        # A large allocation that fits, then freed: the resident size comes back down.
        assert execute(kc, "big = torch.ones(2**27)\nprint(big.sum().item())\ndel big")[0]["content"]["status"] == "ok"
        status = (km.provisioner.process and open(f"/proc/{km.provisioner.process.pid}/status").read())
        resident_kib = int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])
        assert resident_kib < 256 * 1024
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
