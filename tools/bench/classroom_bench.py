#!/usr/bin/env python3
"""A classroom on one machine: JupyterHub (dummy authenticator, simple local spawner, Debian's
configurable-http-proxy) with N students, each logged in through the hub's REST API, each
starting a kernel through their own single-user server and running a lesson notebook at the
same time as the others.

    python tools/bench/classroom_bench.py --kernel recur --students 10
    python tools/bench/classroom_bench.py --kernel python3 --students 10   # ipykernel + PyTorch

Reports the wall time from the first login to the last notebook's end, and the resident
memory of the kernels and of everything the hub started (hub, proxy, single-user servers,
kernels) once every notebook has run, summed as RSS and as PSS (which divides shared pages,
shared libraries above all, among the processes that map them). Tests/frontend/test_jupyterhub.py
runs the same classroom for Recur. Needs jupyterhub (requirements-dev.txt) and
configurable-http-proxy (scripts/bootstrap) on PATH.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import websocket

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "01-rnncell.ipynb"
TIMEOUT = 300


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _hub_config(folder: Path, port: int, token: str, environment: dict[str, str]) -> str:
    singleuser_args = ["--allow-root"] if os.geteuid() == 0 else []
    return f"""
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {_free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.pid_file = {str(folder / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{folder / 'hub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(folder / "cookie_secret")!r}
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / "home" / "{username}")!r}
c.Spawner.args = {singleuser_args!r}
c.Spawner.environment = {environment!r}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.services = [{{"name": "classroom", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "classroom", "services": ["classroom"],
                             "scopes": ["admin:users", "admin:servers", "tokens"]}}]
"""


@dataclass
class Student:
    name: str
    token: str = ""
    kernel_id: str = ""
    last_result: str = ""
    errors: list[str] = field(default_factory=list)
    # From asking for a kernel to the lesson's last reply.
    seconds: float = 0.0


class Classroom:
    """A running hub and the students logged into it."""

    def __init__(self, folder: Path, environment: dict[str, str] | None = None) -> None:
        self.folder = folder
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        (folder / "home").mkdir(parents=True, exist_ok=True)
        config = folder / "jupyterhub_config.py"
        config.write_text(_hub_config(folder, self.port, self.token, environment or {}))
        self.log = folder / "hub.log"
        bin_dir = str(Path(sys.executable).parent)
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
        # Debian's node modules, for a Node.js from elsewhere (NodeSource's does not look there).
        if Path("/usr/share/nodejs").is_dir():
            env["NODE_PATH"] = os.pathsep.join(p for p in (env.get("NODE_PATH"), "/usr/share/nodejs") if p)
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=folder, env=env,
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            self._wait_for_hub()
        except BaseException:
            self.stop()
            raise

    def _wait_for_hub(self) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                self.api("GET", "/hub/api/")
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise TimeoutError(f"jupyterhub did not answer within 120 s:\n{self.log.read_text()}")

    def api(self, method: str, path: str, body: dict | None = None, token: str | None = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method, headers={
            "Authorization": f"token {token or self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            payload = response.read()
            return json.loads(payload) if payload else None

    def log_in(self, name: str) -> Student:
        """Creates the student and a token for them, then starts their single-user server."""
        self.api("POST", f"/hub/api/users/{name}")
        student = Student(name, self.api("POST", f"/hub/api/users/{name}/tokens", {"note": "classroom"})["token"])
        self.api("POST", f"/hub/api/users/{name}/server")
        deadline = time.monotonic() + 120
        while not (self.api("GET", f"/hub/api/users/{name}")["servers"].get("", {}) or {}).get("ready"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name}'s server did not start:\n{self.log.read_text()}")
            time.sleep(0.2)
        return student

    def run_notebook(self, student: Student, kernel: str, cells: list[str]) -> None:
        """Starts a kernel through the student's server and runs `cells` in it over its
        WebSocket; records the last cell's value."""
        prefix = f"/user/{student.name}"
        started = time.monotonic()
        student.kernel_id = self.api("POST", f"{prefix}/api/kernels", {"name": kernel}, token=student.token)["id"]
        url = self.base.replace("http://", "ws://") + f"{prefix}/api/kernels/{student.kernel_id}/channels"
        socket_ = websocket.create_connection(url, timeout=TIMEOUT, header=[f"Authorization: token {student.token}"])
        session = uuid.uuid4().hex
        try:
            for code in cells:
                msg_id = uuid.uuid4().hex
                socket_.send(json.dumps({
                    "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                               "username": student.name, "version": "5.3", "date": ""},
                    "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                    "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                                "allow_stdin": False, "stop_on_error": True}}))
                replied = idle = False
                while not (replied and idle):
                    msg = json.loads(socket_.recv())
                    if msg["parent_header"].get("msg_id") != msg_id:
                        continue
                    if msg["msg_type"] == "execute_reply":
                        replied = True
                        if msg["content"]["status"] != "ok":
                            student.errors.append(f"{msg['content'].get('ename')}: {msg['content'].get('evalue')}")
                    elif msg["msg_type"] == "execute_result":
                        student.last_result = msg["content"]["data"]["text/plain"]
                    elif msg["msg_type"] == "status":
                        idle = msg["content"]["execution_state"] == "idle"
        finally:
            socket_.close()
            student.seconds = time.monotonic() - started

    def processes(self) -> list[int]:
        """The hub and every process below it: proxy, servers, kernels (each server and
        kernel starts a session of its own, so the process tree is followed)."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    # The parent is the field after the parenthesised command name.
                    parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(parent, []).append(int(entry.name))
        found, pending = [], [self.process.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            pending += children.get(pid, [])
        return found

    def stop(self) -> None:
        # Servers and kernels outlive a hub that stops without stopping them.
        below = [pid for pid in self.processes() if pid != self.process.pid]
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for pid in below:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def resident_kib(pid: int, field: str = "Rss") -> int:
    """A process's resident memory in KiB: `Rss`, or `Pss` (shared pages divided among the
    processes sharing them: what a sum over processes should add up)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def kernel_pids(classroom: Classroom, students: list[Student]) -> list[int]:
    ids = {student.kernel_id for student in students}
    pids = []
    for pid in classroom.processes():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if any(f"kernel-{kernel_id}.json" in command for kernel_id in ids):
            pids.append(pid)
    return pids


def lesson_cells(path: Path = NOTEBOOK) -> list[str]:
    return [cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"]


@dataclass
class ClassroomRun:
    students: list[Student]
    wall_seconds: float
    kernel_count: int
    kernels_kib: int
    kernels_pss_kib: int
    everything_kib: int
    everything_pss_kib: int


def run_classroom(folder: Path, kernel: str, count: int, environment: dict[str, str] | None = None) -> ClassroomRun:
    """Logs in `count` students, runs the lesson in each at once, measures, stops the hub."""
    classroom = Classroom(folder, environment)
    try:
        cells = lesson_cells()
        started = time.monotonic()
        students = [classroom.log_in(f"student{n:02d}") for n in range(1, count + 1)]
        failures: list[BaseException] = []

        def run(student: Student) -> None:
            try:
                classroom.run_notebook(student, kernel, cells)
            except BaseException as error:  # reported by the caller
                failures.append(error)

        threads = [threading.Thread(target=run, args=(student,)) for student in students]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIMEOUT)
        wall = time.monotonic() - started
        if failures:
            raise failures[0]
        kernels, everything = kernel_pids(classroom, students), classroom.processes()
        return ClassroomRun(students, wall, len(kernels), sum(resident_kib(pid) for pid in kernels),
                            sum(resident_kib(pid, "Pss") for pid in kernels),
                            sum(resident_kib(pid) for pid in everything), sum(resident_kib(pid, "Pss") for pid in everything))
    finally:
        classroom.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="recur", help="kernelspec name (default: recur)")
    parser.add_argument("--students", type=int, default=10)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="classroom-") as folder:
        result = run_classroom(Path(folder), arguments.kernel, arguments.students,
                               {key: os.environ[key] for key in ("JUPYTER_PATH",) if key in os.environ})
    ended = sum(1 for student in result.students if not student.errors)
    print(f"kernel {arguments.kernel}: {arguments.students} students, {ended} notebooks ran without error")
    print(f"last values: {sorted({student.last_result for student in result.students})}")
    print(f"wall time {result.wall_seconds:.1f} s (logins, servers, kernels and the lesson, all at once)")
    times = sorted(student.seconds for student in result.students)
    print(f"per student, from asking for a kernel to the lesson's end: median {times[len(times) // 2]:.1f} s, "
          f"slowest {times[-1]:.1f} s")
    print(f"resident memory (RSS summed / PSS summed): kernels {result.kernels_kib / 1024:.0f} / "
          f"{result.kernels_pss_kib / 1024:.0f} MiB, everything the hub started "
          f"{result.everything_kib / 1024:.0f} / {result.everything_pss_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
