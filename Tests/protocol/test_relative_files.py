"""Files opened by relative path are found beside the notebook (the kernel's working
directory, as under ipykernel) and beside the working directory of `recur run`: a tutorial's
data-loading code, run in a directory of its own by Recur and by python3, prints the same."""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME
from recur_kernelspec import recur_binary

pytestmark = pytest.mark.timeout(120)

# Valid Python and Recur script alike: builds a small names corpus, then loads it back the
# way the PyTorch name-classification tutorial does.
LOADS_A_CORPUS = """
import glob, json, os, string
from collections import Counter
os.makedirs('data/names', exist_ok=True)
for language, names in [('English', ['Abbott', 'Émile']), ('French', ['Zoë', 'Adam'])]:
    with open(os.path.join('data', 'names', language + '.txt'), 'w', encoding='utf-8') as f:
        f.write('\\n'.join(names) + '\\n')
def read_lines(filename):
    return open(filename, encoding='utf-8').read().strip().split('\\n')
category_lines = {}
for filename in sorted(glob.glob('data/names/*.txt')):
    category = os.path.splitext(os.path.basename(filename))[0]
    category_lines[category] = read_lines(filename)
print(category_lines)
print(sorted(os.listdir('data/names')), os.path.isdir('data'), os.path.basename(os.getcwd()) == 'work')
print(Counter(c for lines in category_lines.values() for line in lines for c in line if c in string.ascii_letters).most_common(3))
with open('summary.json', 'w') as f:
    json.dump(category_lines, f, indent=1, sort_keys=True)
print(open(os.path.abspath('summary.json')).read())
"""


def _run_in(tmp_path, name, command):
    work = tmp_path / name / "work"
    work.mkdir(parents=True)
    (work / "program.py").write_text(LOADS_A_CORPUS)
    result = subprocess.run([*command, "program.py"], cwd=work, capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout, result.stderr


def test_recur_run_opens_files_relative_to_its_working_directory(tmp_path):
    recur = _run_in(tmp_path, "recur", [str(recur_binary()), "run"])
    python = _run_in(tmp_path, "python", [sys.executable])
    assert recur == python
    assert "Zoë" in recur[1]


def test_a_notebook_opens_files_beside_it(tmp_path):
    work = tmp_path / "notebook" / "work"
    work.mkdir(parents=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(LOADS_A_CORPUS)])
    NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=60, allow_errors=False,
                   resources={"metadata": {"path": str(work)}}).execute()
    printed = "".join(output.get("text", "") for output in nb.cells[0].outputs if output.output_type == "stream")
    expected = _run_in(tmp_path, "python", [sys.executable])
    assert printed == expected[1]
    assert (work / "data" / "names" / "French.txt").read_text(encoding="utf-8") == "Zoë\nAdam\n"


# A helper module beside the notebook, imported the way tutorials import their utilities.
HELPER = """
print('loading', __name__)
def load_names(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip()]
"""

IMPORTS_THE_HELPER = """
import sys
with open('names.txt', 'w', encoding='utf-8') as f:
    f.write('Émile\\nZoë\\n')
from data_utils import load_names
import data_utils
print(load_names('names.txt'), data_utils.__name__, 'data_utils' in sys.modules, __name__)
import data_utils
print(data_utils.load_names is load_names)
"""


def test_a_notebook_imports_a_helper_module_beside_it(tmp_path):
    work = tmp_path / "notebook" / "work"
    work.mkdir(parents=True)
    (work / "data_utils.py").write_text(HELPER)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS_THE_HELPER)])
    NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=60, allow_errors=False,
                   resources={"metadata": {"path": str(work)}}).execute()
    printed = "".join(output.get("text", "") for output in nb.cells[0].outputs if output.output_type == "stream")
    script = tmp_path / "python" / "work"
    script.mkdir(parents=True)
    (script / "data_utils.py").write_text(HELPER)
    (script / "program.py").write_text(IMPORTS_THE_HELPER)
    expected = subprocess.run([sys.executable, "program.py"], cwd=script, capture_output=True, text=True, timeout=60)
    assert printed == expected.stdout
    assert "loading data_utils" in printed
