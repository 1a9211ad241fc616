#!/usr/bin/env python3
"""Checks that tools/layout/kernel.order still describes the release binary: fails when more
than a few percent of the functions it names no longer exist in it (renamed or removed code),
which the linker would silently skip (`--no-warn-symbol-ordering`), so the session's code
would drift back out of the compact front of the executable.

    make release && python tools/layout/check.py

`make layout` regenerates the file.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ORDER = REPO / "tools" / "layout" / "kernel.order"
ALLOWED_MISSING = 0.03


def release_binary() -> Path:
    out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout.strip()
    return Path(out) / "recur"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, default=None)
    args = parser.parse_args()
    binary = args.binary or release_binary()
    if not binary.exists():
        sys.exit(f"{binary} does not exist: run `make release` first")
    listing = subprocess.run(["nm", "--defined-only", str(binary)], capture_output=True, text=True, check=True).stdout
    defined = {line.split()[-1] for line in listing.splitlines() if line.strip()}
    named = [line.strip() for line in ORDER.read_text().splitlines() if line.strip() and not line.startswith("#")]
    missing = [name for name in named if name not in defined]
    share = len(missing) / max(1, len(named))
    print(f"{len(named)} functions in {ORDER.relative_to(REPO)}, {len(missing)} missing from the binary "
          f"({share:.1%}; at most {ALLOWED_MISSING:.0%} allowed)")
    if share > ALLOWED_MISSING:
        sys.exit("the order file is stale: run `make layout` and commit tools/layout/kernel.order\n"
                 + "\n".join(f"  missing: {name}" for name in missing[:20]))


if __name__ == "__main__":
    main()
