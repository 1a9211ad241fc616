"""Each program under programs/ runs under CPython (`python3`) and under `recur run`; stdout,
the last line of stderr and the exit status must agree.

Programs that differ today are listed in known_failures.txt with the difference; they are
strict expected failures, so a program that starts to agree fails the suite until its entry is
removed.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from recur_kernelspec import recur_binary  # noqa: E402

from fixtures import write_fixtures  # noqa: E402

RECUR = functools.cache(recur_binary)

HERE = Path(__file__).resolve().parent
PROGRAMS = sorted((HERE / "programs").glob("*.py"))
KNOWN_FAILURES = HERE / "known_failures.txt"
TIMEOUT = 60

pytestmark = pytest.mark.timeout(2 * TIMEOUT + 10)


def known_failures() -> dict[str, str]:
    """Program name -> the difference observed, from `name.py: reason` lines."""
    entries: dict[str, str] = {}
    for number, line in enumerate(KNOWN_FAILURES.read_text().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(":")
        entries[name.strip()] = reason.strip() or f"(line {number} gives no reason)"
    return entries


KNOWN = known_failures()


def outcome(command: list[str], cwd: Path) -> tuple[str, str, int]:
    """stdout, the last line of stderr, and the exit status of `command`."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(command, cwd=cwd, capture_output=True, timeout=TIMEOUT, env=env)
    stderr_lines = done.stderr.decode("utf-8", "replace").splitlines()
    return done.stdout.decode("utf-8", "replace"), stderr_lines[-1] if stderr_lines else "", done.returncode


def cases():
    for program in PROGRAMS:
        reason = KNOWN.get(program.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason is not None else []
        yield pytest.param(program, id=program.stem, marks=marks)


@pytest.mark.parametrize("program", list(cases()))
def test_recur_agrees_with_cpython(program: Path, tmp_path: Path):
    python = shutil.which("python3")
    assert python, "python3 is not on PATH"
    # Each side runs a copy of the program in its own directory of fresh fixtures, so files
    # one side writes are not seen by the other and helper modules sit next to the script.
    runs = {}
    for side in ("cpython", "recur"):
        directory = tmp_path / side
        write_fixtures(directory)
        shutil.copy(program, directory / program.name)
        runs[side] = directory
    expected = outcome([python, program.name], runs["cpython"])
    actual = outcome([str(RECUR()), "run", program.name], runs["recur"])
    assert actual[2] == expected[2], f"exit status {actual[2]}, CPython {expected[2]}; stderr: {actual[1]!r}"
    assert actual[1] == expected[1], "last line of stderr"
    assert actual[0] == expected[0], "stdout"


def test_every_known_failure_names_a_program_and_a_difference():
    names = {program.name for program in PROGRAMS}
    for name, reason in KNOWN.items():
        assert name in names, f"known_failures.txt names {name}, which is not a program"
        assert not reason.startswith("(line"), f"{name}: {reason}"


def test_the_suite_is_a_few_hundred_programs():
    assert len(PROGRAMS) >= 250
