"""A classroom on JupyterHub (docs/DEPLOY.md's recipe): a hub with the dummy authenticator,
the simple local spawner and Debian's configurable-http-proxy; ten students log in through
the hub's REST API, each starts a Recur kernel through their own single-user server, and all
run the first lesson notebook at once. Each must end with the learned word, as the notebook's
committed output does. tools/bench/classroom_bench.py runs the same classroom and reports its
memory and wall time."""
from __future__ import annotations

import os
import sys

import nbformat
import pytest

from conftest import KERNEL_NAME, NOTEBOOKS, REPO

sys.path.insert(0, str(REPO / "tools" / "bench"))
from classroom_bench import run_classroom  # noqa: E402

pytestmark = pytest.mark.timeout(400)

STUDENTS = 10


def test_ten_students_run_the_first_lesson_at_once_through_jupyterhub(tmp_path):
    committed = nbformat.read(NOTEBOOKS / "01-rnncell.ipynb", as_version=4).cells
    [expected] = [output["data"]["text/plain"] for output in committed[-1].outputs
                  if output["output_type"] == "execute_result"]
    run = run_classroom(tmp_path, KERNEL_NAME, STUDENTS, {"JUPYTER_PATH": os.environ["JUPYTER_PATH"]})
    assert [student.errors for student in run.students] == [[]] * STUDENTS
    assert [student.last_result for student in run.students] == [expected] * STUDENTS
    # Ten kernels were alive at the end, one per student.
    assert run.kernel_count == STUDENTS
