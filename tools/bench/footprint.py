#!/usr/bin/env python3
"""The resident memory of one Recur kernel: idle (after its first kernel_info_reply) and after
each lesson notebook has run in it, cell by cell, as a student would.

    python tools/bench/footprint.py                      # the release build's binary
    python tools/bench/footprint.py --binary path/to/recur

Resident memory is VmRSS from /proc (what `top` shows) and, beside it, PSS (shared pages
divided among the processes that map them). The script fails (exit status 1) when the
idle kernel or the kernel after the lessons is above its ceiling: those ceilings are the
figures the README promises for the release build, with a little room for the noise of the
page cache. `make test` runs it against the release build.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
TIMEOUT = 300
IDLE_CEILING_MIB = 15.0
LESSONS_CEILING_MIB = 26.0


def release_binary() -> Path:
    out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout.strip()
    return Path(out) / "recur"


def memory_mib(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MiB."""
    with open(f"/proc/{pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        pss = next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    return rss / 1024, pss / 1024


def run_cell(kc, code: str) -> None:
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"]["status"] != "ok":
        sys.exit(f"a lesson cell failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}")


def measure(binary: Path) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        spec = json.loads((REPO / "kernelspec" / "recur" / "kernel.json").read_text())
        spec["argv"] = [str(binary)] + spec["argv"][1:]
        folder = Path(tmp) / "kernels" / "recur"
        folder.mkdir(parents=True)
        (folder / "kernel.json").write_text(json.dumps(spec))
        km = KernelManager(kernel_name="recur")
        km.kernel_spec_manager.kernel_dirs = [str(Path(tmp) / "kernels")]
        # Inline plots render to files in the notebooks' folder, as a notebook opened there does.
        km.start_kernel(cwd=str(REPO / "notebooks"), env={"JUPYTER_DATA_DIR": str(Path(tmp) / "data"),
                                                           "PATH": "/usr/bin:/bin"})
        kc = km.client()
        kc.start_channels()
        figures: dict[str, tuple[float, float]] = {}
        try:
            kc.wait_for_ready(timeout=TIMEOUT)
            pid = km.provisioner.process.pid
            figures["idle"] = memory_mib(pid)
            for notebook in NOTEBOOKS:
                cells = json.loads(notebook.read_text())["cells"]
                for cell in cells:
                    if cell["cell_type"] == "code":
                        run_cell(kc, "".join(cell["source"]))
                figures[f"after {notebook.stem}"] = memory_mib(pid)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, default=None, help="the recur binary (default: the release build's)")
    parser.add_argument("--idle-ceiling", type=float, default=IDLE_CEILING_MIB, help="MiB")
    parser.add_argument("--lessons-ceiling", type=float, default=LESSONS_CEILING_MIB, help="MiB")
    args = parser.parse_args()
    binary = (args.binary or release_binary()).resolve()
    if not binary.exists():
        sys.exit(f"{binary} does not exist: run `make release` first")
    figures = measure(binary)
    print(f"{'kernel':<24} {'RSS MiB':>8} {'PSS MiB':>8}")
    for name, (rss, pss) in figures.items():
        print(f"{name:<24} {rss:8.1f} {pss:8.1f}")
    idle = figures["idle"][0]
    lessons = max(rss for rss, _ in figures.values())
    failures = []
    if idle > args.idle_ceiling:
        failures.append(f"the idle kernel uses {idle:.1f} MiB, above its ceiling of {args.idle_ceiling} MiB")
    if lessons > args.lessons_ceiling:
        failures.append(f"the kernel uses {lessons:.1f} MiB after the lessons, above its ceiling of "
                        f"{args.lessons_ceiling} MiB")
    if failures:
        sys.exit("\n".join(failures))


if __name__ == "__main__":
    main()
