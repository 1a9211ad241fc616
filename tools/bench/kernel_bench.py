#!/usr/bin/env python3
"""Benchmarks Jupyter kernels side by side over real ZeroMQ with jupyter_client.

    python tools/bench/kernel_bench.py recur python3 xpython

For each named kernelspec: startup (process launch to the first kernel_info_reply; not
wait_for_ready, which adds a fixed 0.2 s), execute round trip p50/p99 for a trivial
statement (request to reply and idle, measured with a lean pyzmq client so that
jupyter_client's own per-message threads do not hide the kernel's cost), pipelined executes per second, resident memory
(VmRSS after the run), heartbeat echo latency while a cell runs, and interrupt latency
(interrupt request to the KeyboardInterrupt reply). Kernels that are not installed are
reported and skipped. Use a Python with requirements-bench.txt installed.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from queue import Empty

import zmq
from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import KernelManager

TRIVIAL = "x = 1"
LONG_LOOP = "i = 0\nwhile True:\n    i = i + 1\n"
TIMEOUT = 30


def wait_reply(kc, msg_id, timeout=TIMEOUT):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_idle(kc, msg_id, timeout=TIMEOUT):
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def drain(kc):
    for get in (kc.get_iopub_msg, kc.get_shell_msg):
        while True:
            try:
                get(timeout=0.05)
            except Empty:
                break


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class LeanClient:
    """A synchronous client on raw pyzmq sockets, for the round-trip figures.

    jupyter_client's BlockingKernelClient hands every message through a thread and a queue,
    which costs about 0.5 ms per round trip: more than a fast kernel takes. This client
    measures the kernel, not the client; every kernel is measured with it the same way.
    """

    def __init__(self, km):
        self.session = km.session
        context = zmq.Context.instance()
        self.shell = context.socket(zmq.DEALER)
        self.iopub = context.socket(zmq.SUB)
        for socket in (self.shell, self.iopub):
            socket.linger = 0
            if km.curve_publickey:
                public, secret = zmq.curve_keypair()
                socket.curve_publickey, socket.curve_secretkey = public, secret
                socket.curve_serverkey = km.curve_publickey
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.shell.connect(f"{km.transport}://{km.ip}:{km.shell_port}")
        self.iopub.connect(f"{km.transport}://{km.ip}:{km.iopub_port}")
        self.poller = zmq.Poller()
        self.poller.register(self.shell, zmq.POLLIN)
        self.poller.register(self.iopub, zmq.POLLIN)
        # Wait until iopub is subscribed: execute until its idle shows up.
        while True:
            msg_id = self.execute(TRIVIAL)
            if self.wait(msg_id, timeout=1.0):
                break

    def execute(self, code):
        msg = self.session.msg("execute_request", {"code": code, "silent": False, "store_history": True,
                                                   "user_expressions": {}, "allow_stdin": False,
                                                   "stop_on_error": True})
        self.session.send(self.shell, msg)
        return msg["header"]["msg_id"]

    @staticmethod
    def recv(socket):
        """Reads only what the wait needs (signatures are the kernel's to check, not ours)."""
        frames = socket.recv_multipart()
        start = frames.index(b"<IDS|MSG>") + 2
        header, parent, content = frames[start], frames[start + 1], frames[start + 3]
        msg_type = json.loads(header)["msg_type"]
        return {"msg_type": msg_type, "parent_header": json.loads(parent) or {},
                "content": json.loads(content) if msg_type == "status" else {}}

    def wait(self, msg_id, timeout=TIMEOUT):
        """Waits for the reply and the idle status of `msg_id`; False on timeout."""
        replied = idle = False
        deadline = time.perf_counter() + timeout
        while not (replied and idle):
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return False
            for socket, _ in self.poller.poll(remaining * 1000):
                msg = self.recv(socket)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if socket is self.shell:
                    replied = True
                elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
        return True

    def close(self):
        self.shell.close()
        self.iopub.close()


def bench(name, rounds, pipelined):
    km = KernelManager(kernel_name=name)
    try:
        km.kernel_spec  # noqa: B018 - raises when the kernelspec is missing
    except NoSuchKernel:
        return None
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    result = {"kernel": name}
    try:
        msg_id = kc.kernel_info()
        wait_reply(kc, msg_id)
        result["startup_ms"] = (time.perf_counter() - started) * 1000
        kc.wait_for_ready(timeout=TIMEOUT)
        drain(kc)

        lean = LeanClient(km)
        for _ in range(20):  # warm up
            lean.wait(lean.execute(TRIVIAL))
        samples = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            lean.wait(lean.execute(TRIVIAL))
            samples.append((time.perf_counter() - t0) * 1000)
        result["p50_ms"] = statistics.median(samples)
        result["p99_ms"] = percentile(samples, 0.99)

        t0 = time.perf_counter()
        ids = [lean.execute(TRIVIAL) for _ in range(pipelined)]
        lean.wait(ids[-1])
        result["pipelined_per_s"] = pipelined / (time.perf_counter() - t0)
        lean.close()
        drain(kc)

        result["rss_mib"] = rss_mib(km.provisioner.process.pid)
        result["hb_busy_ms"], result["interrupt_ms"] = busy_latencies(km, kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return result


def busy_latencies(km, kc):
    """Heartbeat echo while a loop runs (median of 20), then interrupt-to-reply time."""
    msg_id = kc.execute(LONG_LOOP)
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    time.sleep(0.05)
    socket = zmq.Context.instance().socket(zmq.REQ)
    socket.linger = 0
    socket.connect(f"{km.transport}://{km.ip}:{km.hb_port}")
    echoes = []
    for _ in range(20):
        t0 = time.perf_counter()
        socket.send(b"ping")
        if not socket.poll(5000):
            echoes.append(float("inf"))
            break
        socket.recv()
        echoes.append((time.perf_counter() - t0) * 1000)
    socket.close()
    t0 = time.perf_counter()
    km.interrupt_kernel()
    try:
        reply = wait_reply(kc, msg_id, timeout=10)
    except Empty:  # the kernel could not interrupt the loop
        return statistics.median(echoes), float("nan")
    interrupt_ms = (time.perf_counter() - t0) * 1000
    if reply["content"].get("ename") != "KeyboardInterrupt":
        interrupt_ms = float("nan")
    drain(kc)
    return statistics.median(echoes), interrupt_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kernels", nargs="+", help="kernelspec names, e.g. recur python3 xpython")
    parser.add_argument("--rounds", type=int, default=500, help="sequential round trips")
    parser.add_argument("--pipelined", type=int, default=2000, help="executes sent back to back")
    parser.add_argument("--repeat", type=int, default=3, help="runs per kernel; the best startup is kept")
    args = parser.parse_args()

    columns = [("kernel", "kernel", "{}"), ("startup_ms", "startup ms", "{:.0f}"),
               ("p50_ms", "p50 ms", "{:.2f}"), ("p99_ms", "p99 ms", "{:.2f}"),
               ("pipelined_per_s", "pipelined/s", "{:.0f}"), ("rss_mib", "RSS MiB", "{:.1f}"),
               ("hb_busy_ms", "hb busy ms", "{:.2f}"), ("interrupt_ms", "interrupt ms", "{:.0f}")]
    rows = []
    for name in args.kernels:
        runs = [bench(name, args.rounds, args.pipelined) for _ in range(args.repeat)]
        if runs[0] is None:
            print(f"{name}: no such kernelspec, skipped", file=sys.stderr)
            continue
        best = min(runs, key=lambda run: run["startup_ms"])
        merged = {key: statistics.median(run[key] for run in runs) for key in best if key != "kernel"}
        merged["kernel"] = name
        merged["startup_ms"] = best["startup_ms"]
        rows.append(merged)

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (figures are only comparable within one run)\n")
    print("| " + " | ".join(title for _, title, _ in columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(fmt.format(row[key]) for key, _, fmt in columns) + " |")


if __name__ == "__main__":
    main()
