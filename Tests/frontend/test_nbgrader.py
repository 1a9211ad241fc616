"""nbgrader with no configuration beyond recur-jupyter (python/, installed by
scripts/bootstrap): a course with one Recur assignment is generated, submissions are validated,
autograded and given feedback with nbgrader's own commands. The same course, with the same
Python code, is graded under ipykernel, live, and every student's score must be the same.

Students: a correct solution, a wrong one, one that raises, ones that call exit(), quit() or
sys.exit() or raise SystemExit after defining their answer, and one that never ends after
defining it (nbgrader's timeout interrupts it and the tests after it are graded)."""
from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import KERNEL_NAME, free_port, is_root, python_module, server

pytestmark = pytest.mark.timeout(300)

SOLUTION = "def squares(n):\n    ### BEGIN SOLUTION\n    return [i * i for i in range(n)]\n    ### END SOLUTION"
SUBMISSIONS = {
    "correct": "def squares(n):\n    return [i * i for i in range(n)]",
    "wrong": "def squares(n):\n    # student-wrong-marker\n    return [i * 2 for i in range(n)]",
    "raising": "def squares(n):\n    raise ValueError('not today')",
    "exits": "def squares(n):\n    return [i * i for i in range(n)]\nexit()",
    "quits": "def squares(n):\n    return [i * i for i in range(n)]\nquit()",
    "sysexit": "import sys\ndef squares(n):\n    return [i * i for i in range(n)]\nsys.exit(1)",
    "systemexit": "def squares(n):\n    return [i * i for i in range(n)]\nraise SystemExit",
    "endless": "def squares(n):\n    return [i * i for i in range(n)]\nwhile True:\n    pass",
}
# nbgrader's timeout for one cell (its default is 30 s; a course sets its own).
TIMEOUT = ["--Execute.timeout=5"]


def _cell_metadata(grade_id: str, **fields) -> dict:
    meta = {"grade": False, "grade_id": grade_id, "locked": False, "schema_version": 3,
            "solution": False, "task": False}
    meta.update(fields)
    return {"nbgrader": meta}


def _assignment(kernel: str, language: str) -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell("Write `squares(n)`: the squares of 0 to n - 1.", metadata=_cell_metadata("intro", locked=True)),
        new_code_cell(SOLUTION, metadata=_cell_metadata("squares", solution=True)),
        new_code_cell("assert squares(3) == [0, 1, 4]\n### BEGIN HIDDEN TESTS\nassert squares(5) == [0, 1, 4, 9, 16]\n"
                      "### END HIDDEN TESTS", metadata=_cell_metadata("test_squares", grade=True, locked=True, points=2)),
        new_code_cell("assert squares(0) == []", metadata=_cell_metadata("test_empty", grade=True, locked=True, points=1)),
    ]
    return new_notebook(cells=cells, metadata={
        "kernelspec": {"name": kernel, "language": language, "display_name": kernel},
        "language_info": {"name": language}})


def _nbgrader(course: Path, *arguments: str) -> subprocess.CompletedProcess:
    # nbgrader runs `alembic` from the environment it is installed in.
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run([sys.executable, "-m", "nbgrader", *arguments], cwd=course, env=env,
                          capture_output=True, text=True, timeout=240)


def _grade(root: Path, kernel: str, language: str) -> dict:
    course = root / kernel
    (course / "source" / "ps1").mkdir(parents=True)
    nbformat.write(_assignment(kernel, language), course / "source" / "ps1" / "squares.ipynb")
    run = _nbgrader(course, "generate_assignment", "ps1", "--create")
    assert run.returncode == 0, run.stderr
    released = nbformat.read(course / "release" / "ps1" / "squares.ipynb", as_version=4)
    stub = released.cells[1].source
    assert "HIDDEN" not in released.cells[2].source
    for student, code in SUBMISSIONS.items():
        submission = nbformat.read(course / "release" / "ps1" / "squares.ipynb", as_version=4)
        submission.cells[1].source = code
        folder = course / "submitted" / student / "ps1"
        folder.mkdir(parents=True)
        nbformat.write(submission, folder / "squares.ipynb")
    validated = {}
    for student in ("correct", "wrong"):
        run = _nbgrader(course, "validate", str(course / "submitted" / student / "ps1" / "squares.ipynb"), *TIMEOUT)
        validated[student] = run.stdout.splitlines()[0] if run.stdout else run.stderr
    run = _nbgrader(course, "autograde", "ps1", "--create", *TIMEOUT)
    assert run.returncode == 0, run.stderr
    run = _nbgrader(course, "generate_feedback", "ps1")
    assert run.returncode == 0, run.stderr

    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {student: gradebook.find_submission("ps1", student).score for student in SUBMISSIONS}
    feedback = {student: (course / "feedback" / student / "ps1" / "squares.html").exists() for student in SUBMISSIONS}
    autograded = {student: nbformat.read(course / "autograded" / student / "ps1" / "squares.ipynb", as_version=4)
                  for student in SUBMISSIONS}
    return {"stub": stub, "validated": validated, "scores": scores, "feedback": feedback, "autograded": autograded,
            "course": course}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("nbgrader")
    return _grade(root, KERNEL_NAME, "recur"), _grade(root, "python3", "python")


def test_generate_assignment_writes_pythons_stub_for_recur(graded):
    recur, ipython = graded
    assert recur["stub"] == ipython["stub"]


def test_validate_passes_and_fails_as_under_ipykernel(graded):
    recur, ipython = graded
    assert recur["validated"] == ipython["validated"]
    assert recur["validated"]["correct"] != recur["validated"]["wrong"]


def test_autograded_scores_equal_ipykernels(graded):
    recur, ipython = graded
    assert recur["scores"] == ipython["scores"]
    # The scores differ between students: the grading looked at each answer.
    assert len(set(recur["scores"].values())) > 1


def test_every_student_gets_an_autograded_notebook_and_feedback(graded):
    recur, _ = graded
    assert all(recur["feedback"].values())
    # The endless submission was interrupted by nbgrader's timeout and graded to its end.
    endless = recur["autograded"]["endless"]
    assert any(output.get("ename") in ("CellTimeoutError", "KeyboardInterrupt")
               for output in endless.cells[1].outputs if output.output_type == "error")


def test_students_code_stays_out_of_the_graders_history(graded):
    # The grader's own session goes into the history file; the students' cells did not.
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        kc.execute_interactive("grader_marker = 1", timeout=30)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    history = Path(os.environ["JUPYTER_DATA_DIR"]) / "recur" / "history.jsonl"
    text = history.read_text()
    assert "grader_marker" in text
    assert "student-wrong-marker" not in text


def _validate_button(base: str, token: str, path: str) -> dict:
    """What Notebook 7's Validate button asks the server: nbgrader's extension validates."""
    request = urllib.request.Request(f"{base}/assignments/validate", data=urllib.parse.urlencode({"path": path}).encode(),
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def _comparable(answer: dict) -> dict:
    """The answer without colours: IPython's source lines are highlighted (as text with ANSI
    codes, and as HTML spans in `error`), Recur's are not; the text is compared."""
    for failure in answer["value"].get("failed", []) if isinstance(answer["value"], dict) else []:
        failure.pop("error", None)
        failure["raw_error"] = re.sub(r"\x1b\[[0-9;]*m", "", failure["raw_error"])
    return answer


def test_the_validate_button_of_notebook_7_answers_as_under_ipykernel(graded, tmp_path):
    root = graded[0]["course"].parent
    port, token = free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    command = python_module("jupyter_server") + [
        "--no-browser", f"--ServerApp.port={port}", "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", *(["--allow-root"] if is_root() else [])]
    answers = {}
    with server(command, f"{base}/api/status?token={token}", tmp_path / "server.log", cwd=root):
        for kernel in (KERNEL_NAME, "python3"):
            for student in ("correct", "wrong"):
                answers[kernel, student] = _comparable(
                    _validate_button(base, token, f"{kernel}/submitted/{student}/ps1/squares.ipynb"))
    assert answers[KERNEL_NAME, "correct"]["success"] and answers[KERNEL_NAME, "correct"]["value"] == {}
    assert "AssertionError" in answers[KERNEL_NAME, "wrong"]["value"]["failed"][0]["raw_error"]
    for student in ("correct", "wrong"):
        assert answers[KERNEL_NAME, student] == answers["python3", student]
