"""`recur run FILE ARGS` hands ARGS to the script as `sys.argv[1:]`, as `python3 FILE ARGS`
does, so a training script's argparse options work from the command line."""
from __future__ import annotations

import subprocess
import sys

import pytest

from recur_kernelspec import recur_binary

pytestmark = pytest.mark.timeout(120)

SCRIPT = """
import sys, argparse
print(sys.argv[1:])
parser = argparse.ArgumentParser(description='train')
parser.add_argument('--lr', type=float, default=0.5)
parser.add_argument('--epochs', type=int, default=3)
parser.add_argument('-v', '--verbose', action='store_true')
parser.add_argument('data', nargs='?', default='names.txt')
print(parser.parse_args())
"""


@pytest.mark.parametrize("arguments", [[], ["--lr", "0.1", "-v", "corpus.txt"], ["--epochs=7", "--", "-odd-name"],
                                       ["--epochs", "many"], ["--help"]])
def test_script_arguments_reach_sys_argv_and_argparse(tmp_path, arguments):
    (tmp_path / "train.py").write_text(SCRIPT)
    def run(command):
        done = subprocess.run([*command, "train.py", *arguments], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        return done.returncode, done.stdout, done.stderr.splitlines()[-1:]
    assert run([str(recur_binary()), "run"]) == run([sys.executable])
