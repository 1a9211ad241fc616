"""Rich display through the real kernel: tables in execute results, display ids and their
updates, a live tqdm bar, inline SVG plots and the per-request output cap."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from helpers import TIMEOUT, execute, iopub_until_idle, shell_reply

pytestmark = pytest.mark.timeout(60)


def _of_type(outputs, msg_type):
    return [m for m in outputs if m["msg_type"] == msg_type]


def test_tensor_result_has_an_html_table(kernel):
    _, kc = kernel
    reply, outputs = execute(kc, "import torch\ntorch.arange(6).view(2, 3)")
    assert reply["content"]["status"] == "ok"
    [result] = _of_type(outputs, "execute_result")
    data = result["content"]["data"]
    assert data["text/plain"] == "tensor([[0, 1, 2],\n        [3, 4, 5]])"
    table = ET.fromstring(data["text/html"])
    assert [td.text for td in table.iter("td")] == ["0", "1", "2", "3", "4", "5"]


def test_display_handle_updates_its_output(kernel):
    _, kc = kernel
    reply, outputs = execute(kc, "from IPython.display import display\n"
                                 "h = display('epoch 0', display_id=True)\nh.update('epoch 1')")
    assert reply["content"]["status"] == "ok"
    [shown] = _of_type(outputs, "display_data")
    [updated] = _of_type(outputs, "update_display_data")
    display_id = shown["content"]["transient"]["display_id"]
    assert updated["content"]["transient"]["display_id"] == display_id
    assert updated["content"]["data"]["text/plain"] == "'epoch 1'"


def test_tqdm_is_one_display_updated_in_place(kernel):
    _, kc = kernel
    code = ("from tqdm import tqdm\nbar = tqdm(range(15))\nfor epoch in bar:\n"
            "    bar.set_postfix(loss=1 / (epoch + 1))")
    reply, outputs = execute(kc, code)
    assert reply["content"]["status"] == "ok"
    [shown] = _of_type(outputs, "display_data")
    updates = _of_type(outputs, "update_display_data")
    assert updates
    ids = {m["content"]["transient"]["display_id"] for m in [shown, *updates]}
    assert len(ids) == 1
    last = updates[-1]["content"]["data"]
    assert last["text/plain"].startswith("100%|██████████| 15/15 [")
    assert last["text/plain"].endswith(", loss=0.0667]")
    ET.fromstring(last["text/html"])


def test_plot_is_an_inline_svg(kernel):
    _, kc = kernel
    code = ("import matplotlib.pyplot as plt\nplt.plot([1.4, 1.0, 0.7, 0.5], label='loss')\n"
            "plt.title('Loss <per> epoch & more')\nplt.legend();")
    reply, outputs = execute(kc, code)
    assert reply["content"]["status"] == "ok"
    [figure] = _of_type(outputs, "display_data")
    data = figure["content"]["data"]
    assert data["text/plain"] == "<Figure size 640x480 with 1 Axes>"
    svg = ET.fromstring(data["image/svg+xml"])
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "Loss <per> epoch & more" in texts
    assert not _of_type(outputs, "execute_result")


def test_endless_printing_is_capped_with_one_note(kernel):
    _, kc = kernel
    reply, outputs = execute(kc, "for i in range(20):\n    print('x' * 100000)")
    assert reply["content"]["status"] == "ok"
    streams = _of_type(outputs, "stream")
    stdout = "".join(m["content"]["text"] for m in streams if m["content"]["name"] == "stdout")
    stderr = "".join(m["content"]["text"] for m in streams if m["content"]["name"] == "stderr")
    assert len(stdout.encode()) <= 1 << 20
    assert stdout.startswith("x" * 100000 + "\n")
    assert len(stdout.encode()) > 1_000_000
    assert stderr.count("Output truncated") == 1


def test_while_true_print_is_capped_and_stays_interruptible(kernel):
    km, kc = kernel
    msg_id = kc.execute("n = 0\nwhile True:\n    n += 1\n    print('hello', n)")
    stdout, notes = "", ""
    while "Output truncated" not in notes:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            if msg["content"]["name"] == "stdout":
                stdout += msg["content"]["text"]
            else:
                notes += msg["content"]["text"]
    # The loop goes on past the cap, printing nothing more, until it is interrupted.
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    rest = iopub_until_idle(kc, msg_id)
    stdout += "".join(m["content"]["text"] for m in rest
                      if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    assert stdout.startswith("hello 1\nhello 2\n")
    assert 1_000_000 < len(stdout.encode()) <= 1 << 20
    assert notes.count("Output truncated") == 1
    assert not any(m["msg_type"] == "stream" and "Output truncated" in m["content"]["text"] for m in rest)
    # The next cell prints again; the loop had run at least as far as what was shown.
    reply, outputs = execute(kc, "print(n)")
    printed = [m["content"]["text"] for m in _of_type(outputs, "stream")]
    assert len(printed) == 1 and int(printed[0]) >= stdout.count("\n")
