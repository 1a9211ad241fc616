"""jupyter_kernel_test's conformance suite, with every sample filled in for Recur script."""
from __future__ import annotations

import jupyter_kernel_test as jkt
import pytest

from conftest import KERNEL_NAME

pytestmark = pytest.mark.timeout(120)


class RecurKernelTests(jkt.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "recur"
    file_extension = ".recur"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'import sys; print("x", file=sys.stderr)'
    # Sent without executing anything first: builtin modules complete by their dotted path,
    # and names bound by imports in the same code resolve.
    completion_samples = [
        {"text": "pri", "matches": {"print"}},
        {"text": "torch.nn.RNNC", "matches": {"RNNCell"}},
        {"text": "sys.std", "matches": {"stderr", "stdout"}},
        {"text": "import torch.nn as nn\nnn.Embed", "matches": {"Embedding"}},
        {"text": "disp", "matches": {"display"}},
    ]
    complete_code_samples = ["1", 'print("hello, world")', "def f(x):\n    return x\n\n", "x = [1,\n 2]",
                             "if True:\n    a = 1\n"]
    incomplete_code_samples = ["for i in range(3):", "def f(x):", "x = [1,", 'print("a",', "if True:\n    a = 1"]
    invalid_code_samples = ["1)", "x = ]"]
    code_page_something = "help(print)"
    code_generate_error = 'raise ValueError("boom")'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "1+2", "result": "3"},
        {"code": '"hello" + " world"', "result": "'hello world'"},
    ]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "print"

    code_display_data = [
        {"code": "from IPython.display import HTML, display; display(HTML('<b>test</b>'))", "mime": "text/html"},
        {"code": "import torch; from IPython.display import display; display(torch.zeros(2, 3))", "mime": "text/html"},
        {"code": "import torch; display(torch.ones(2))", "mime": "text/html"},  # display needs no import
        {"code": "import matplotlib.pyplot as plt; plt.plot([1, 2]); plt.show()", "mime": "image/svg+xml"},
    ]
    code_clear_output = "from IPython.display import clear_output; clear_output()"


class RecurIopubWelcomeTests(jkt.IopubWelcomeTests):
    kernel_name = KERNEL_NAME
    support_iopub_welcome = True
