"""The lesson's three programs as a student runs them: cell by cell through the kernel, with
PyTorch's initial weights loaded through safetensors right after the model is built. The
printed predictions and every epoch's loss must match the PyTorch fixtures."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import execute

pytestmark = pytest.mark.timeout(120)

REPO = Path(__file__).resolve().parents[2]
PROGRAMS = REPO / "Tests" / "ScriptTests" / "Programs"
FIXTURES = REPO / "Tests" / "TensorsTests" / "Fixtures"
EPOCH = re.compile(r":\s*(\w+), Epoch \[(\d+)/15\] loss=([0-9.]+)")

CASES = [("rnncell", "rnncell/", "rnncell."), ("rnn", "rnn/", "rnn."), ("embedding", "embedding/", "")]


def cells(name: str, fixture_prefix: str, model_prefix: str) -> list[str]:
    """The program split where a top-level comment starts a section, plus a loading cell."""
    chunks: list[list[str]] = [[]]
    for line in (PROGRAMS / f"{name}.recur").read_text().splitlines():
        if line.startswith("# ") and chunks[-1]:
            chunks.append([])
        chunks[-1].append(line)
        if line.startswith("net = Model("):
            chunks.append([
                "from safetensors.torch import load_file",
                f"net.load_state_dict({{'{model_prefix}' + k[len('{fixture_prefix}'):]: v "
                f"for k, v in load_file('{FIXTURES / 'lesson.safetensors'}').items() "
                f"if k.startswith('{fixture_prefix}')}})",
            ])
            chunks.append([])
    return ["\n".join(chunk) for chunk in chunks if any(chunk)]


@pytest.mark.parametrize("name,fixture_prefix,model_prefix", CASES)
def test_lesson_program_trains_like_pytorch(kernel, name, fixture_prefix, model_prefix):
    _, kc = kernel
    reference = json.loads((FIXTURES / "fixtures.json").read_text())["lesson"][name]
    stdout = ""
    for code in cells(name, fixture_prefix, model_prefix):
        reply, messages = execute(kc, code)
        assert reply["content"]["status"] == "ok", reply["content"]
        assert not [m for m in messages if m["msg_type"] == "error"]
        stdout += "".join(m["content"]["text"] for m in messages
                          if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    epochs = EPOCH.findall(stdout)
    assert [e[1] for e in epochs] == [str(i) for i in range(1, 16)]
    assert [e[0] for e in epochs] == reference["predictions"]
    for (_, _, loss), expected in zip(epochs, reference["losses"]):
        assert abs(float(loss) - expected) <= 1e-4


def test_model_repr_and_shapes_show_as_results(kernel):
    _, kc = kernel
    cells_ = cells("embedding", "embedding/", "")
    for code in cells_[:-1]:
        execute(kc, code)
    _, messages = execute(kc, "net")
    results = [m for m in messages if m["msg_type"] == "execute_result"]
    reference = json.loads((FIXTURES / "fixtures.json").read_text())["lesson"]["embedding"]["repr"]
    assert results and results[0]["content"]["data"]["text/plain"] == reference
    _, messages = execute(kc, "inputs.shape")
    results = [m for m in messages if m["msg_type"] == "execute_result"]
    assert results[0]["content"]["data"]["text/plain"] == "torch.Size([1, 5])"


def test_errors_are_one_error_message_with_a_cell_traceback(kernel):
    _, kc = kernel
    reply, messages = execute(kc, "import torch\nx = torch.zeros(2, 3)\nx @ x")
    errors = [m for m in messages if m["msg_type"] == "error"]
    assert len(errors) == 1
    content = errors[0]["content"]
    assert content["ename"] == "RuntimeError"
    assert content["evalue"] == "mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)"
    assert any("line 3" in line for line in content["traceback"])
    assert reply["content"]["status"] == "error"


def test_completion_lists_layers_and_model_attributes(kernel):
    _, kc = kernel
    execute(kc, "import torch\nnet = torch.nn.RNN(4, 2)")
    msg_id = kc.complete("torch.nn.RN", 11)
    reply = kc.get_shell_msg(timeout=15)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert {"RNN", "RNNCell"} <= set(reply["content"]["matches"])
    assert reply["content"]["cursor_start"] == 9
    kc.complete("net.we", 6)
    reply = kc.get_shell_msg(timeout=15)
    assert "weight_ih_l0" in reply["content"]["matches"]


def test_question_mark_pages_help(kernel):
    _, kc = kernel
    reply, _ = execute(kc, "import torch\ntorch.nn.Linear?")
    payload = reply["content"]["payload"]
    assert payload and payload[0]["source"] == "page"
    assert "in_features" in payload[0]["data"]["text/plain"]


SEEDED = json.loads((FIXTURES / "seeded_lesson.json").read_text())


@pytest.mark.parametrize("name", ["rnncell", "rnn", "embedding", "char_lstm", "char_gru"])
def test_seeded_program_prints_pytorchs_text(kernel, name):
    """`torch.manual_seed(777)` in its own cell, then the program without loaded weights: the
    output is PyTorch's, character for character (tools/fixtures/random_lesson.py)."""
    _, kc = kernel
    reply, messages = execute(kc, "import torch\n" + SEEDED["seed_line"])
    assert reply["content"]["status"] == "ok", reply["content"]
    results = [m for m in messages if m["msg_type"] == "execute_result"]
    assert results and results[0]["content"]["data"]["text/plain"].startswith("<torch._C.Generator object at 0x")
    reply, messages = execute(kc, (PROGRAMS / f"{name}.recur").read_text())
    assert reply["content"]["status"] == "ok", reply["content"]
    stdout = "".join(m["content"]["text"] for m in messages
                     if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    assert stdout == SEEDED["programs"][name]
