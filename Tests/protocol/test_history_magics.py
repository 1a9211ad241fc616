"""`%history`, `%load` and assignments from the shell (`files = !ls`) as IPython's: the same cells run in ipykernel (live, beside Recur,
with a fresh IPython directory so its history database holds this session only) and in
Recur, from the same working directory; what each cell prints, its error name and value,
its `set_next_input` payload and the files `%history -f` writes are compared."""
from __future__ import annotations

import os
import re

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME
from helpers import TIMEOUT, iopub_until_idle, shell_reply

pytestmark = pytest.mark.timeout(120)

ANSI = re.compile(r"\x1b\[[0-9;]*m")

FILES = {
    "helper.py": "# -*- coding: utf-8 -*-\nimport math\n\n\ndef area(r):\n    return math.pi * r * r\n\n\n"
                 "class Circle:\n    def __init__(self, r):\n        self.r = r\n\n\nSCALE = 2\n",
    "crlf.py": "a = 1\r\nb = 2\r\n",
    "indented.txt": "    if x:\n        y = 1\n    z = 2\nw = 3\n",
    "latin.py": b"s = '\xe9t\xe9'\n",
    "latin_cookie.py": b"# -*- coding: latin-1 -*-\ns = '\xe9t\xe9'\n",
    "bad_cookie.py": b"# coding: utf-8\ns = '\xe9t\xe9'\n",
}

CELLS = [
    "x = 1",
    "y = x + 1\ny",
    "def f(a):\n\treturn a * 2",
    "f(3)",
    "   ",
    "print('hi');",
    "%history",
    "%history -n",
    "%hist -n 1-3",
    "%history 2 4",
    "%history -n 2:4 6-",
    "%history -o -n",
    "%history -p 3",
    "%history -p -o 2",
    "%history -n 0",
    "%history -n 99",
    "%history -g f",
    "%history -g x =",
    "%history -g",
    "%history -l 3",
    "%history -l",
    "%history -n -g hist 3-9",
    "%history -u -g hist",
    "%history -n -l 2 -g nothing",
    "%history -f saved.txt 1-4",
    "%history -f saved.txt -y 2",
    "%load helper.py",
    "%load helper",
    "%load crlf.py",
    "%load latin.py",
    "%load latin_cookie.py",
    "%load bad_cookie.py",
    "%load -r 5-6 helper.py",
    "%load -r 2:4,9 helper.py",
    "%load -r 1 indented.txt",
    "%load -r 2-4 indented.txt",
    "%load -s area helper.py",
    "%load -s Circle,area helper.py",
    "%load 1-2",
    "%load 4",
    "snippet = 'print(42)'",
    "%load snippet",
    "%load missing_file.py",
    "%load x",
    "%load .",
    "%load -z helper.py",
    "%load -r",
    "%load",
    # Assignments from the shell and from magics.
    "files = !ls",
    "files[:3]",
    "print(type(files).__name__, type(files).__module__, isinstance(files, list))",
    "print(files.n)\nprint(files.s, files.l is files, files.nlstr == files.n)",
    "print(files.grep('PY'), files.grep('txt', prune=True), files.fields(0), files.sort())",
    "print(files.p)",
    "a, b = !printf 'x\\ny\\n'\nprint(a, b)",
    "n = 3\nout = !echo {n * 2} $n; echo err 1>&2\nout",
    "here = %pwd\nimport os\nhere == os.getcwd()",
    "empty = !true\nempty, len(empty)",
    "d = {}\nd['k'] = !echo hi\nd",
    "x = 5 % 3\ny = (1 == 2)\nx, y",
    "listing = !ls -l helper.py\nlisting.fields(-1)",
    "bg = !sleep 1 &",
    "%history -n -g files",
]


def _run(kernel_name: str, directory: str, ipython_dir: str) -> list[dict]:
    env = dict(os.environ, IPYTHONDIR=ipython_dir)
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=TIMEOUT, cwd=directory, env=env)
    try:
        results = []
        for code in CELLS:
            # Without stop_on_error, ipykernel's abort window after an error could swallow
            # the next request.
            msg_id = kc.execute(code, stop_on_error=False)
            reply = shell_reply(kc, msg_id)["content"]
            messages = iopub_until_idle(kc, msg_id)
            printed = "".join(m["content"]["text"] for m in messages
                              if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
            printed += "".join(m["content"]["data"]["text/plain"] for m in messages
                               if m["msg_type"] == "execute_result")
            results.append({
                "code": code,
                "stdout": printed,
                "status": reply["status"],
                "error": (reply["ename"], ANSI.sub("", reply["evalue"])) if reply["status"] == "error" else None,
                "payload": [p for p in reply.get("payload", []) if p.get("source") == "set_next_input"],
                "file": _read(os.path.join(directory, "saved.txt")),
            })
        return results
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def _directory(root, name: str) -> str:
    directory = root / name
    directory.mkdir()
    for file, content in FILES.items():
        if isinstance(content, bytes):
            (directory / file).write_bytes(content)
        else:
            (directory / file).write_bytes(content.encode("utf-8"))
    return str(directory)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = tmp_path_factory.mktemp("history")
    recur = _run(KERNEL_NAME, _directory(root, "recur"), str(root / "recur-ipython"))
    ipykernel = _run("python3", _directory(root, "ipykernel"), str(root / "ipython"))
    return recur, ipykernel


@pytest.mark.parametrize("index", range(len(CELLS)), ids=lambda i: CELLS[i].replace("\n", "\\n")[:40])
def test_cell_matches_ipykernel(both, index):
    recur, ipykernel = both
    assert recur[index] == ipykernel[index]


def test_the_comparison_sees_history_and_loads(both):
    # The cells above exercise something: numbered history lines and a loaded file.
    _, ipykernel = both
    assert "   1: x = 1\n" in ipykernel[CELLS.index("%history -n")]["stdout"]
    assert ipykernel[CELLS.index("%load helper.py")]["payload"][0]["text"].startswith("# %load helper.py\nimport math\n")
    assert "'crlf.py'" in ipykernel[CELLS.index("files[:3]")]["stdout"]
