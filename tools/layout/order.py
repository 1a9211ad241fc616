#!/usr/bin/env python3
"""Writes tools/layout/kernel.order: the functions a kernel session runs, in the order the
release build's linker places them at the front of the executable's code.

    make layout     (= make release, this script, then make release again to link with the new order)

The kernel maps its code from the executable's file, and Linux maps a 64 KiB window around
every page it faults in. The code a session runs (about 400 KiB) is otherwise scattered over
10 MiB of Swift runtime, standard library and Recur, and drags in several MiB of windows;
`make release` links with `--symbol-ordering-file` so that it is contiguous instead.

The functions come from two runs of the release kernel under valgrind's callgrind (install
valgrind first), driven with jupyter_client like a frontend:

1. what every session runs: startup, kernel_info, simple cells one by one and pipelined,
   is_complete, completion, history;
2. a whole lesson notebook (notebooks/01-rnncell.ipynb): tensors, a model, training,
   printing, errors.

The first run's functions come first, then the second's new ones, each group sorted by name
so that the file is the same from run to run. Functions the linker cannot move on their own, because a definition
of theirs shares a large section with others (most of the standard library's non-generic code
is one 1.5 MiB section), come last: naming one moves its whole section, which must not split
the compact front. Symbols the linker no longer finds are skipped, so a stale file only costs memory; rerun this
after larger changes.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "tools" / "layout" / "kernel.order"
NOTEBOOK = REPO / "notebooks" / "01-rnncell.ipynb"
TIMEOUT = 600  # everything runs some 50 times slower under valgrind
LARGE_SECTION = 64 * 1024  # one fault-around window

COMMON_CELLS = ["x = 1", "y = x + 1", "y", "print(y)", "s = 'text'", "s"]


def release_binary() -> Path:
    out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout.strip()
    binary = Path(out) / "recur"
    if not binary.exists():
        sys.exit(f"{binary} is missing: run `make release` first")
    return binary


def kernelspec(root: Path, binary: Path, profile: Path) -> None:
    spec = json.loads((REPO / "kernelspec" / "recur" / "kernel.json").read_text())
    spec["argv"] = ["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}",
                    str(binary), "kernel", "-f", "{connection_file}"]
    folder = root / "kernels" / "recur"
    folder.mkdir(parents=True)
    (folder / "kernel.json").write_text(json.dumps(spec))


def reply(kc, msg_id):
    while True:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def common_session(kc) -> None:
    for _ in range(20):
        for code in COMMON_CELLS:
            reply(kc, kc.execute(code))
    ids = [kc.execute("x = 1") for _ in range(100)]
    for msg_id in ids:
        reply(kc, msg_id)
    reply(kc, kc.is_complete("for i in range(3):"))
    reply(kc, kc.complete("pri", 3))
    reply(kc, kc.history(hist_access_type="tail", n=10))


def notebook_session(kc) -> None:
    notebook = json.loads(NOTEBOOK.read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            reply(kc, kc.execute("".join(cell["source"])))
    reply(kc, kc.execute("undefined_name + 1"))


def profile(binary: Path, session, workdir: Path, name: str) -> Path:
    data = workdir / name
    profile_file = workdir / f"{name}.callgrind"
    kernelspec(data, binary, profile_file)
    os.environ["JUPYTER_PATH"] = str(data)
    km = KernelManager(kernel_name="recur")
    km.start_kernel(cwd=str(NOTEBOOK.parent))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        session(kc)
        kc.shutdown()
        deadline = time.monotonic() + TIMEOUT
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    if not profile_file.exists():
        sys.exit(f"callgrind wrote no profile for the {name} session")
    return profile_file


def functions(profile_file: Path, binary: Path) -> list[str]:
    """Named functions of `binary` that ran, in the profile's order."""
    pattern = re.compile(r"^(c?fn|c?ob)=\((\d+)\)(?: (.*))?$")
    objects: dict[str, str] = {}
    names: dict[str, str] = {}
    current_object = ""
    seen: dict[str, None] = {}
    for line in profile_file.read_text(errors="replace").splitlines():
        match = pattern.match(line)
        if not match:
            continue
        kind, key, text = match.groups()
        table = objects if kind.endswith("ob") else names
        if text is not None:
            table[key] = text
        if kind == "ob":
            current_object = objects[key]
        elif kind == "fn" and Path(current_object).resolve() == binary.resolve():
            name = names[key].split("'")[0]  # callgrind marks recursion levels as name'2
            if not name.startswith("0x"):  # no symbol: nothing the linker could place
                seen.setdefault(name)
    return list(seen)


def large_section_symbols(binary: Path) -> set[str]:
    """Functions that sit in input sections larger than LARGE_SECTION, in the objects and the
    static Swift libraries the executable is linked from."""
    info = json.loads(subprocess.run(["swift", "-print-target-info"], capture_output=True, text=True,
                                     check=True).stdout)
    static = Path(info["paths"]["runtimeResourcePath"]).parent / "swift_static" / info["target"]["platform"]
    inputs = (binary.parent / "recur.product" / "Objects.LinkFileList").read_text().split()
    inputs += [str(path) for path in sorted(static.glob("*.a"))]
    section = re.compile(r"^\s*\[\s*(\d+)\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s")
    symbol = re.compile(r"^\s*\d+:\s+[0-9a-f]+\s+\d+\s+FUNC\s+\S+\s+\S+\s+(\d+)\s+(\S+)")
    found: set[str] = set()
    for path in inputs:
        listing = subprocess.run(["readelf", "-W", "-S", "-s", path], capture_output=True).stdout.decode(errors="replace")
        sizes: dict[str, int] = {}
        for line in listing.splitlines():
            if line.startswith("File: "):
                sizes = {}
            elif match := section.match(line):
                sizes[match.group(1)] = int(match.group(3), 16)
            elif (match := symbol.match(line)) and sizes.get(match.group(1), 0) > LARGE_SECTION:
                found.add(match.group(2))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is required (Debian: apt-get install valgrind)")
    binary = release_binary()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        # The sessions' history goes to a scratch data directory, not the user's.
        os.environ["JUPYTER_DATA_DIR"] = str(workdir / "data")
        # Valgrind cannot read the DWARF 5 debug information of the toolchain's release build
        # (it gives up and the kernel dies): a copy without it keeps the symbol table, which is
        # all the function names come from.
        profiled = workdir / "recur"
        subprocess.run(["objcopy", "--strip-debug", str(binary), str(profiled)], check=True)
        first = functions(profile(profiled, common_session, workdir, "common"), profiled)
        second = functions(profile(profiled, notebook_session, workdir, "notebook"), profiled)
    unplaceable = large_section_symbols(binary)
    # Callgrind also names things the linker cannot place ("(below main)", cloned helpers).
    listing = subprocess.run(["nm", "--defined-only", str(binary)], capture_output=True, text=True, check=True).stdout
    defined = {line.split()[-1] for line in listing.splitlines() if line.strip()}
    # Each group is sorted by name: callgrind's order interleaves the kernel's threads
    # differently from run to run, and a reproducible file matters more than the order within
    # a front that a session touches as a whole anyway.
    common = sorted(name for name in set(first) if name in defined)
    later = sorted(name for name in set(second) - set(first) if name in defined)
    ran = common + later
    ordered = [name for name in ran if name not in unplaceable]
    last = [name for name in ran if name in unplaceable]
    header = [
        "# Generated by tools/layout/order.py: the functions a kernel session runs, placed first",
        "# in the executable by `make release` (--symbol-ordering-file). Do not edit by hand.",
    ]
    args.output.write_text("\n".join(header + ordered + last) + "\n")
    print(f"{len(common)} functions from the common session, {len(later)} more from the "
          f"notebook, {len(last)} of them in large sections: {args.output}")


if __name__ == "__main__":
    main()
