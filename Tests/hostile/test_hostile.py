"""Hostile programs (programs/, written by generate.py) under a 4 GiB address-space limit: each
must end normally or with a Python exception, never with a signal, an abort or a hang.

`recur run` must exit 0, or 1 with a traceback whose last line names an exception class. In the
kernel (one kernel for the whole suite, restarted after a death), the program must answer with
`ok` or an error naming an exception class, the kernel must then answer `kernel_info`, and a
variable set just before the program must still hold its value.

Programs that fail today are listed in known_failures.txt (strict expected failures).
"""
from __future__ import annotations

import functools
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import generate  # noqa: E402
from recur_kernelspec import KERNEL_NAME, install_private_kernelspec, recur_binary  # noqa: E402

PROGRAMS = sorted((HERE / "programs").glob("*.py"))
KNOWN_FAILURES = HERE / "known_failures.txt"
ADDRESS_SPACE = 4 << 30
TIMEOUT = 10
# Crashes are the subject here: Swift's symbolicating backtracer would add seconds to each.
QUIET_CRASHES = {"SWIFT_BACKTRACE": "enable=no"}
MODES = ("run", "kernel")

# The last line of a traceback: an exception class, optionally dotted, and its message.
EXCEPTION_LINE = re.compile(
    r"^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit|Interrupt|Iteration|Warning)(?::.*)?$"
)
EXCEPTION_NAME = re.compile(r"^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit|Interrupt|Iteration|Warning)$")

RECUR = functools.cache(recur_binary)


def limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def known_failures() -> dict[tuple[str, str], str]:
    """(program name, mode) -> the crash observed, from `name.py [mode]: reason` lines.

    A line without a mode applies to both modes.
    """
    entries: dict[tuple[str, str], str] = {}
    for line in KNOWN_FAILURES.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, reason = line.partition(":")
        parts = head.split()
        name, modes = parts[0], [part.strip("[]") for part in parts[1:]] or list(MODES)
        for mode in modes:
            entries[(name, mode)] = reason.strip()
    return entries


KNOWN = known_failures()


def cases(mode: str):
    for program in PROGRAMS:
        reason = KNOWN.get((program.name, mode))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason is not None else []
        yield pytest.param(program, id=program.stem, marks=marks)


def timeout_of(program: Path) -> int:
    """TIMEOUT, or the seconds a `# timeout: N` first line grants a program that is slow to build."""
    first = program.read_text().split("\n", 1)[0]
    found = re.fullmatch(r"# timeout: (\d+)", first)
    return int(found.group(1)) if found else TIMEOUT


def describe_status(status: int) -> str:
    if status < 0:
        return f"killed by signal {-status} ({signal.Signals(-status).name})"
    return f"exit status {status}"


@pytest.mark.timeout(4 * TIMEOUT + 250)
@pytest.mark.parametrize("program", list(cases("run")))
def test_recur_run_ends_with_a_python_outcome(program: Path, tmp_path: Path):
    seconds = timeout_of(program)
    done = None
    try:
        done = subprocess.run(
            [str(RECUR()), "run", str(program)], cwd=tmp_path, capture_output=True, timeout=seconds,
            preexec_fn=limit_address_space, env=dict(os.environ, **QUIET_CRASHES),
        )
    except subprocess.TimeoutExpired:
        pass
    if done is None:
        pytest.fail(f"no exit within {seconds} s (hang)")
    last = (done.stderr.decode("utf-8", "replace").splitlines() or [""])[-1]
    assert done.returncode in (0, 1), f"{describe_status(done.returncode)}; stderr ends {last[:300]!r}"
    if done.returncode == 1:
        assert EXCEPTION_LINE.match(last), f"status 1 without a traceback naming an exception: {last[:300]!r}"


class Kernel:
    """One Recur kernel under the address-space limit, restarted when a program kills or hangs it."""

    def __init__(self) -> None:
        from jupyter_client.manager import KernelManager

        self.log = open(Path(tempfile.mkdtemp(prefix="recur-hostile-")) / "kernel.log", "wb")
        self.manager = KernelManager(kernel_name=KERNEL_NAME)
        self.manager.start_kernel(
            preexec_fn=limit_address_space, stdout=self.log, stderr=self.log, env=dict(os.environ, **QUIET_CRASHES)
        )
        self.connect()

    def connect(self) -> None:
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=30)

    def restart(self) -> None:
        self.client.stop_channels()
        self.manager.restart_kernel(now=True)
        self.connect()

    def request(self, code: str, timeout: float, **kwargs) -> dict | None:
        """The execute reply to `code`, or None when none comes within `timeout` seconds."""
        msg_id = self.client.execute(code, **kwargs)
        return self.reply_to(msg_id, timeout)

    def reply_to(self, msg_id: str, timeout: float) -> dict | None:
        """The shell reply to `msg_id`; None after `timeout` seconds or as soon as the kernel dies."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                reply = self.client.get_shell_msg(timeout=0.25)
            except Empty:
                if not self.manager.is_alive():
                    return None
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply
        return None

    def drain_iopub(self) -> None:
        """Drops the iopub messages received so far (their content is not checked)."""
        while True:
            try:
                self.client.get_iopub_msg(timeout=0.01)
            except Empty:
                return

    def death(self) -> str:
        """How the kernel process ended, for a failure message."""
        process = getattr(self.manager.provisioner, "process", None)
        status = process.poll() if process is not None else None
        return "the kernel died" + (f", {describe_status(status)}" if status is not None else "")

    def shutdown(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)
        self.log.close()


@pytest.fixture(scope="module")
def kernel():
    os.environ.setdefault("JUPYTER_PATH", "")
    home = install_private_kernelspec("recur-hostile-")
    saved = {key: os.environ.get(key) for key in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR")}
    os.environ["JUPYTER_PATH"] = str(home / "prefix" / "share" / "jupyter")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    os.environ["JUPYTER_DATA_DIR"] = str(home / "data")
    shared = Kernel()
    yield shared
    shared.shutdown()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.mark.timeout(8 * TIMEOUT + 250)
@pytest.mark.parametrize("program", list(cases("kernel")))
def test_the_kernel_survives(program: Path, kernel: Kernel):
    if not kernel.manager.is_alive():
        kernel.restart()
    sentinel = f"kept {program.stem}"
    before = kernel.request(f"hostile_sentinel = {sentinel!r}", timeout=TIMEOUT)
    assert before is not None and before["content"]["status"] == "ok", "the kernel did not take the sentinel"
    kernel.drain_iopub()
    seconds = timeout_of(program)
    reply = kernel.request(program.read_text(), timeout=seconds)
    if reply is None:
        failure = "hang" if kernel.manager.is_alive() else kernel.death()
        kernel.restart()
        pytest.fail(f"no reply within {seconds} s ({failure})")
    kernel.drain_iopub()
    content = reply["content"]
    assert content["status"] in ("ok", "error"), f"reply status {content['status']!r}"
    if content["status"] == "error":
        assert EXCEPTION_NAME.match(content["ename"]), f"error without an exception class: {content['ename']!r}"
    info = kernel.reply_to(kernel.client.kernel_info(), timeout=TIMEOUT)
    if info is None:
        failure = kernel.death() if not kernel.manager.is_alive() else "no kernel_info reply"
        kernel.restart()
        pytest.fail(f"after the program: {failure}")
    check = kernel.request("", timeout=TIMEOUT, silent=True, user_expressions={"kept": "hostile_sentinel"})
    if check is None:
        failure = kernel.death() if not kernel.manager.is_alive() else "no reply to the sentinel check"
        kernel.restart()
        pytest.fail(f"after the program: {failure}")
    kept = check["content"]["user_expressions"]["kept"]
    assert kept.get("status") == "ok", f"the sentinel is gone: {kept}"
    assert kept["data"]["text/plain"] == repr(sentinel)
    # The program's variables are released here, so a crash while freeing them counts against it.
    reset = kernel.request("%reset -f", timeout=seconds)
    if reset is None:
        failure = kernel.death() if not kernel.manager.is_alive() else "hang"
        kernel.restart()
        pytest.fail(f"releasing the program's variables: {failure}")
    assert reset["content"]["status"] == "ok", f"%reset -f answered {reset['content']['status']!r}"
    kernel.drain_iopub()


def test_the_programs_are_what_the_generator_writes():
    wanted = generate.programs()
    assert sorted(wanted) == [program.name for program in PROGRAMS], "run Tests/hostile/generate.py"
    for program in PROGRAMS:
        assert program.read_text() == wanted[program.name], f"{program.name}: run Tests/hostile/generate.py"
    assert len(PROGRAMS) >= 100


def test_every_known_failure_names_a_program_and_a_crash():
    names = {program.name for program in PROGRAMS}
    for (name, mode), reason in KNOWN.items():
        assert name in names, f"known_failures.txt names {name}, which is not a program"
        assert mode in MODES, f"{name}: unknown mode {mode!r}"
        assert reason, f"{name} [{mode}]: no crash described"
