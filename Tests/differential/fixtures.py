"""The files the differential programs read, written afresh into each program's directory
before it runs (under CPython and under `recur run` alike) by the real standard library."""
from __future__ import annotations

import csv
import gzip
import io
import pickle
import zipfile
from pathlib import Path

NAMES = ["Émile", "Zoë", "François", "Nuñez", "Ångström", "Dvořák", "Müller", "O'Neil"]

HELPER_MODULE = '''\
"""A helper module next to the script, as tutorials keep their data utilities."""
print('loading helper_utils as', __name__)
LETTERS = 'abcdefghijklmnopqrstuvwxyz'
calls = 0


def load_lines(path):
    global calls
    calls += 1
    with open(path, encoding='utf-8') as f:
        return f.read().strip().split('\\n')


class Corpus:
    def __init__(self, words):
        self.words = list(words)

    def __len__(self):
        return len(self.words)


if __name__ == '__main__':
    print('helper_utils run as a script')
'''

PACKAGE_INIT = '''\
print('loading helperpkg as', __name__)
from .tools import double
VERSION = '1.0'
'''

PACKAGE_TOOLS = '''\
print('loading helperpkg.tools as', __name__)


def double(x):
    return 2 * x
'''


MORE_MODULES = {
    "scaler_helper.py": "SCALE = 10\n\n\ndef scaled(values):\n    return (v * SCALE for v in values)\n\n\ndef scaled_list(values):\n    return [v * SCALE for v in values]\n",
    "failing_helper.py": "x = 1\n\n\ndef f():\n    return 1 / 0\n\n\nf()\n",
    "unparsable_helper.py": "x = (1,\ny = 2\n",
    "cycle_a.py": "import cycle_b\nA = 'a'\n\n\ndef get():\n    return cycle_b.B\n",
    "cycle_b.py": "import cycle_a\nB = 'b'\nprint('cycle_b sees cycle_a.A:', hasattr(cycle_a, 'A'))\n",
}


def write_fixtures(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    text = "\n".join(NAMES) + "\n"
    (directory / "accents_utf8.txt").write_bytes(text.encode("utf-8"))
    (directory / "accents_crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    (directory / "latin1.txt").write_bytes("café crème\nnaïve façade\n".encode("latin-1"))
    rows = [["name", "age", "note"], ["Émile", "31", 'said "hi"'], ["Zoë", "27", "a, b"],
            ["Nuñez", "45", "two\nlines"], ["", "0", ""]]
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    (directory / "people.csv").write_bytes(buffer.getvalue().encode("utf-8"))
    with gzip.open(directory / "people.csv.gz", "wb", compresslevel=9) as f:
        f.write(buffer.getvalue().encode("utf-8"))
    with gzip.open(directory / "names.txt.gz", "wb") as f:
        f.write(text.encode("utf-8"))
    with zipfile.ZipFile(directory / "archive.zip", "w") as archive:
        archive.writestr(zipfile.ZipInfo("data/", (2020, 1, 2, 3, 4, 4)), b"")
        archive.writestr(zipfile.ZipInfo("data/stored.txt", (2020, 1, 2, 3, 4, 6)), "stored entry\n".encode(),
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr(zipfile.ZipInfo("data/names.txt", (2021, 5, 6, 7, 8, 10)), text.encode("utf-8"),
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("binary.bin", (2022, 1, 1, 0, 0, 0)), bytes(range(256)) * 4,
                         compress_type=zipfile.ZIP_DEFLATED)
    # Plain data pickled by CPython at every protocol, for pickle.load.
    sample = {"vocab": {"a": 0, "é": 1, "long word " * 30: 2}, "ids": [1, -2, 300, 70000, -70000, 2**40, 2**70, -2**70, 3.5],
              "pair": (1, "x"), "triple": (1, 2, 3), "quad": (1, 2, 3, 4), "empty": (), "flags": {True, False},
              "frozen": frozenset({1}), "raw": b"\x00\xff", "mutable": bytearray(b"ab"), "none": None,
              "many": list(range(1200)), "nested": [[1, [2, [3]]], {"k": ("v",)}]}
    sample["shared"] = [sample["pair"], sample["pair"]]
    for version in range(pickle.HIGHEST_PROTOCOL + 1):
        (directory / f"sample_p{version}.pkl").write_bytes(pickle.dumps(sample, protocol=version))
    (directory / "helper_utils.py").write_text(HELPER_MODULE)
    for name, text in MORE_MODULES.items():
        (directory / name).write_text(text)
    package = directory / "helperpkg"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text(PACKAGE_INIT)
    (package / "tools.py").write_text(PACKAGE_TOOLS)
