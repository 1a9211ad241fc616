"""A kernel that cannot bind its sockets exits with a message naming the port and address and
a non-zero status (it used to hang in zmq_ctx_term); jupyter_client's restarter then starts it
again on new ports. Loopback spelled `localhost` or `::1` binds."""
from __future__ import annotations

import socket
import subprocess

import pytest
import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.manager import KernelManager
from jupyter_client.restarter import KernelRestarter
from jupyter_client.session import Session

from conftest import KERNEL_NAME
from recur_kernelspec import recur_binary
from helpers import TIMEOUT, execute

pytestmark = pytest.mark.timeout(90)


@pytest.fixture()
def taken_port():
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    yield holder.getsockname()[1]
    holder.close()


def _start_failing(**ports_and_address):
    # Without cache_ports, jupyter_client keeps the ports it is given.
    km = KernelManager(kernel_name=KERNEL_NAME, cache_ports=False, **ports_and_address)
    km.start_kernel(stderr=subprocess.PIPE)
    process = km.provisioner.process
    status = process.wait(timeout=TIMEOUT)
    return km, status, process.stderr.read().decode()


@pytest.mark.parametrize("channel", ["shell_port", "control_port", "hb_port"])
def test_a_port_in_use_ends_the_kernel_with_its_number(taken_port, channel):
    km, status, errors = _start_failing(**{channel: taken_port})
    try:
        assert status != 0
        assert f"{channel} {taken_port} at tcp://127.0.0.1:{taken_port}: Address already in use" in errors
    finally:
        km.cleanup_resources()


def _run_on(tmp_path, **address):
    """Runs the kernel on a connection file written here: jupyter_client itself refuses a
    non-local address and cannot connect to an ipc path that long."""
    connection = tmp_path / "kernel.json"
    ports = dict(shell_port=50001, iopub_port=50002, stdin_port=50003, control_port=50004, hb_port=50005)
    write_connection_file(str(connection), key=b"k", **ports, **address)
    return subprocess.run([str(recur_binary()), "kernel", "-f", str(connection)], capture_output=True,
                          text=True, timeout=TIMEOUT)


def test_an_address_that_is_not_local_is_named(tmp_path):
    finished = _run_on(tmp_path, ip="203.0.113.7")
    assert finished.returncode != 0
    assert "shell_port 50001 at tcp://203.0.113.7:50001: Cannot assign requested address" in finished.stderr


def test_an_ipc_path_too_long_for_a_socket_is_named(tmp_path):
    path = str(tmp_path / ("k" * 110))
    finished = _run_on(tmp_path, transport="ipc", ip=path)
    assert finished.returncode != 0
    assert f"shell_port 50001 at ipc://{path}-50001: File name too long" in finished.stderr


class _RacedKernelManager(KernelManager):
    """Another process takes the control port between jupyter_client choosing it and the
    kernel binding it, as when several launchers start kernels at once."""

    holder: socket.socket | None = None

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        if self.holder is None:
            self.holder = socket.socket()
            self.holder.bind(("127.0.0.1", self.control_port))
            self.holder.listen()


def test_the_restarter_starts_it_again_on_new_ports():
    km = _RacedKernelManager(kernel_name=KERNEL_NAME, cache_ports=False)
    km.start_kernel(stderr=subprocess.DEVNULL)
    try:
        taken = km.control_port
        assert km.provisioner.process.wait(timeout=TIMEOUT) != 0
        # What a notebook server's restarter does when it finds the kernel dead during start-up.
        KernelRestarter(kernel_manager=km, random_ports_until_alive=True).poll()
        assert km.control_port != taken
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=TIMEOUT)
            reply, _ = execute(kc, "restarted = 1")
            assert reply["content"]["status"] == "ok"
        finally:
            kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)
        km.holder.close()


def _free_ports(count):
    holders = [socket.socket() for _ in range(count)]
    for holder in holders:
        holder.bind(("127.0.0.1", 0))
    ports = [holder.getsockname()[1] for holder in holders]
    for holder in holders:
        holder.close()
    return ports


@pytest.mark.parametrize(("ip", "url_host", "ipv6"), [("localhost", "127.0.0.1", False), ("::1", "[::1]", True)])
def test_loopback_by_name_or_ipv6_binds(tmp_path, ip, url_host, ipv6):
    # jupyter_client launches only on numeric local addresses, so the file is written here.
    connection = tmp_path / "kernel.json"
    names = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"]
    ports = dict(zip(names, _free_ports(len(names))))
    write_connection_file(str(connection), ip=ip, key=b"loopback", **ports)
    kernel = subprocess.Popen([str(recur_binary()), "kernel", "-f", str(connection)])
    dealer = zmq.Context.instance().socket(zmq.DEALER)
    dealer.linger = 0
    dealer.ipv6 = ipv6
    dealer.connect(f"tcp://{url_host}:{ports['shell_port']}")
    try:
        session = Session(key=b"loopback")
        session.send(dealer, "kernel_info_request", {})
        assert dealer.poll(TIMEOUT * 1000), f"no kernel_info_reply on {ip}"
        _, frames = session.feed_identities(dealer.recv_multipart())
        assert session.deserialize(frames)["content"]["implementation"] == "recur"
    finally:
        dealer.close()
        kernel.kill()
        kernel.wait()
