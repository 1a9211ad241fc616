"""`recur install` into a Python environment also installs recur-jupyter there (papermill's
translator, nbgrader's code stub), so a JupyterHub environment needs nothing else; into a
prefix without Python it says what to run instead."""
from __future__ import annotations

import subprocess
import sys
import venv

import pytest

from recur_kernelspec import REPO, recur_binary

pytestmark = pytest.mark.timeout(300)


def test_install_into_an_environment_brings_papermill_and_nbgrader_support(tmp_path):
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    run = subprocess.run([str(recur_binary()), "install", "--prefix", str(environment), "--name", "recur-env"],
                         capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Installed recur-jupyter" in run.stdout
    assert (environment / "share" / "jupyter" / "kernels" / "recur-env" / "kernel.json").exists()
    # What papermill imports when it loads its engines, and the config file nbgrader reads.
    check = subprocess.run([str(environment / "bin" / "python"), "-c",
                            "from importlib.metadata import entry_points\n"
                            "(engine,) = [e for e in entry_points(group='papermill.engine') if e.name == 'recur']\n"
                            "print(engine.value)"], capture_output=True, text=True)
    assert check.stdout.strip() == "recur_jupyter.papermill:RecurEngine", check.stderr
    # The config file nbgrader reads from the environment gives the stub for Recur's language
    # (the environment has no nbgrader: the file's own source is compared with the package's).
    installed = (environment / "etc" / "jupyter" / "nbgrader_config.py").read_text()
    assert installed == (REPO / "python" / "jupyter-config" / "nbgrader_config.py").read_text()
    stub = subprocess.run([str(environment / "bin" / "python"), "-c",
                           "import recur_jupyter; print(recur_jupyter.LANGUAGE, repr(recur_jupyter.CODE_STUB))"],
                          capture_output=True, text=True)
    assert stub.stdout.startswith("recur '# YOUR CODE HERE"), stub.stderr


def test_install_without_an_environment_says_what_to_run(tmp_path):
    run = subprocess.run([str(recur_binary()), "install", "--prefix", str(tmp_path / "plain")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "python -m pip install" in run.stdout and run.stdout.rstrip().endswith("/python")


def test_no_tools_installs_only_the_kernelspec(tmp_path):
    environment = tmp_path / "env"
    venv.create(environment, with_pip=False)
    run = subprocess.run([str(recur_binary()), "install", "--prefix", str(environment), "--no-tools"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("\n") == 1 and "recur-jupyter" not in run.stdout
    assert not (environment / "etc" / "jupyter" / "nbgrader_config.py").exists()
