"""Long sessions keep a flat footprint: closures capture cells rather than whole call frames
(which used to keep every call alive through a cycle), and building models cell after cell
does not accumulate."""
from __future__ import annotations

import os
import subprocess

import pytest

from conftest import TIMEOUT
from recur_kernelspec import recur_binary

pytestmark = pytest.mark.timeout(300)

CLOSURES = """
def g(x):
    f = lambda: x
    return f()
for i in range({n}):
    g(i)
def outer(n):
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)
    return fib(n)
for i in range({n} // 100):
    outer(3)
"""


def peak_kib(tmp_path, source: str) -> int:
    """The peak resident size of `recur run` on `source` (this child's own rusage)."""
    path = tmp_path / "program.recur"
    path.write_text(source)
    process = subprocess.Popen([str(recur_binary()), "run", str(path)], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return usage.ru_maxrss


def test_a_million_closure_calls_keep_memory_flat(tmp_path):
    small = peak_kib(tmp_path, CLOSURES.format(n=100_000))
    large = peak_kib(tmp_path, CLOSURES.format(n=1_000_000))
    # Leaking one frame per call grew the process by ~130 MB per 300k calls.
    assert large - small < 4 * 1024, (small, large)


def resident_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def execute(kc, code: str) -> None:
    reply = kc.execute(code, reply=True, timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok", reply["content"]


def test_two_thousand_cells_building_models_keep_memory_flat(kernel):
    km, kc = kernel
    pid = km.provisioner.process.pid
    cell = """
import torch
class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.RNN(4, 8, batch_first=True)
        self.fc = torch.nn.Linear(8, 4)
        self.me = self
    def forward(self, x):
        out, h = self.rnn(x)
        return self.fc(out)
net = Net()
loss = net(torch.zeros(1, 3, 4)).sum()
loss.backward()
"""
    for _ in range(200):
        execute(kc, cell)
    before = resident_kib(pid)
    for _ in range(2000):
        execute(kc, cell)
    after = resident_kib(pid)
    assert after - before < 4 * 1024, (before, after)
