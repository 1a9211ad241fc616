"""The Jupyter debugger protocol (DAP over `debug_request` / `debug_reply` / `debug_event`), driven
as JupyterLab's debugger extension drives it: breakpoints in a training loop, the paused frame's
variables, stepping, evaluation, conditions and hit counts, pause, interrupt while paused."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from jupyter_client import BlockingKernelClient
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME
from debug_client import DebugClient
from helpers import TIMEOUT, execute, shell_reply

pytestmark = pytest.mark.timeout(90)

TRAIN = """import torch
from torch import nn
torch.manual_seed(0)
cell = nn.RNNCell(3, 4)
opt = torch.optim.SGD(cell.parameters(), lr=0.1)
xs = torch.randn(5, 2, 3)
for epoch in range(3):
    hidden = torch.zeros(2, 4)
    for x in xs:
        hidden = cell(x, hidden)
    loss = hidden.pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print("done", epoch)
"""

CALLS = """def f(a):
    b = a + 1
    return b * 2
x = f(1)
y = x + 1
"""


def line_of(code: str, text: str) -> int:
    """The 1-based line of `code` that holds `text`."""
    return next(i for i, line in enumerate(code.splitlines(), 1) if text in line)


@pytest.fixture()
def debugger(kernel):
    km, kc = kernel
    client = DebugClient(kc)
    client.info = client.start()
    yield client
    client.request("disconnect", restart=False, terminateDebuggee=False)


def run_to_breakpoints(client: DebugClient, code: str, breakpoints: list[dict]) -> tuple[str, str]:
    """Dumps `code`, sets breakpoints in it and starts it; returns its path and the execute msg_id."""
    path = client.ok("dumpCell", code=code)["sourcePath"]
    set_ = client.ok("setBreakpoints", source={"path": path}, breakpoints=breakpoints, sourceModified=False)
    assert [b["verified"] for b in set_["breakpoints"]] == [True] * len(breakpoints)
    return path, client.kc.execute(code)


def test_kernel_info_and_kernelspec_declare_the_debugger(kernel):
    km, kc = kernel
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["content"]["debugger"] is True
    assert "debugger" in reply["content"]["supported_features"]
    # JupyterLab enables its debugger from the kernelspec's metadata.
    assert KernelSpecManager().get_kernel_spec(KERNEL_NAME).metadata["debugger"] is True


def test_cell_files_are_named_as_ipykernel_names_them(debugger):
    from ipykernel.compiler import murmur2_x86

    info = debugger.info
    assert info["hashMethod"] == "Murmur2"
    assert info["isStarted"] is True
    for code in [TRAIN, CALLS, "", "a", "ab", "abc", "x = 'héllo ✓ 𝔘'\n", "1\n" * 1001]:
        path = debugger.ok("dumpCell", code=code)["sourcePath"]
        # JupyterLab computes the same name from debugInfo to map its editors' breakpoints.
        assert path == f"{info['tmpFilePrefix']}{murmur2_x86(code, info['hashSeed'])}{info['tmpFileSuffix']}"
        assert Path(path).read_text(encoding="utf-8") == code
        assert debugger.ok("source", source={"path": path})["content"] == code
    assert not debugger.request("source", source={"path": "/etc/passwd"})["success"]


def test_breakpoint_in_a_training_loop_shows_hidden(debugger):
    line = line_of(TRAIN, "hidden = cell(x, hidden)")
    path, msg_id = run_to_breakpoints(debugger, TRAIN, [{"line": line}])
    body, frames = debugger.wait_stopped()
    assert body["reason"] == "breakpoint" and body["allThreadsStopped"] is True
    assert debugger.ok("threads")["threads"] == [{"id": body["threadId"], "name": "MainThread"}]
    assert frames[0]["line"] == line and frames[0]["source"]["path"] == path and frames[0]["name"] == "<module>"
    assert debugger.ok("debugInfo")["stoppedThreads"] == [body["threadId"]]

    variables = debugger.frame_variables(frames[0]["id"])
    assert {"hidden", "cell", "opt", "xs", "x", "epoch"} <= variables.keys()
    assert "torch" in variables and variables["hidden"]["type"] == "Tensor"
    hidden = debugger.variables(variables["hidden"]["variablesReference"])
    assert {"shape", "dtype", "requires_grad", "grad"} <= hidden.keys()
    shape_while_paused = hidden["shape"]["value"]
    evaluated = debugger.ok("evaluate", expression="hidden.shape", frameId=frames[0]["id"], context="watch")
    assert evaluated["result"] == shape_while_paused
    module = debugger.variables(variables["cell"]["variablesReference"])
    assert {"weight_ih", "weight_hh", "bias_ih", "bias_hh"} <= module.keys()
    weight = debugger.variables(module["weight_ih"]["variablesReference"])
    assert weight["requires_grad"]["value"] == "True"

    # The second hit: the loop went on by one step.
    debugger.ok("continue", threadId=body["threadId"])
    debugger.wait_event("continued")
    debugger.wait_stopped()
    # Without breakpoints the cell runs to its end.
    debugger.ok("setBreakpoints", source={"path": path}, breakpoints=[])
    debugger.ok("continue", threadId=body["threadId"])
    reply = shell_reply(debugger.kc, msg_id)
    assert reply["content"]["status"] == "ok"
    assert debugger.output_of(msg_id).split() == ["done", "2"]
    # The shape shown while paused is the one the kernel prints for the same tensor.
    _, outputs = execute(debugger.kc, "hidden.shape")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == [shape_while_paused]
    assert debugger.ok("debugInfo")["stoppedThreads"] == []


def test_function_defined_before_attach_stops_in_its_cell(kernel):
    km, kc = kernel
    definition = "def train(steps):\n    total = 0\n    for step in range(steps):\n        total += step\n    return total\n"
    execute(kc, definition)
    client = DebugClient(kc)
    client.start()
    path = client.ok("dumpCell", code=definition)["sourcePath"]
    client.ok("setBreakpoints", source={"path": path}, breakpoints=[{"line": line_of(definition, "total += step")}])
    msg_id = kc.execute("result = train(3)")
    body, frames = client.wait_stopped()
    assert (frames[0]["name"], frames[0]["line"], frames[0]["source"]["path"]) == (
        "train", line_of(definition, "total += step"), path)
    assert frames[1]["name"] == "<module>" and frames[1]["source"]["path"] != path
    client.ok("disconnect")
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"


HELPER = """def accumulate(steps):
    total = 0
    for step in range(steps):
        total += step
    return total
"""


def test_kernel_sources_list_imported_modules_and_breakpoints_stop_in_them(kernel, debugger, tmp_path):
    km, kc = kernel
    module = tmp_path / "rnn_helpers.py"
    module.write_text(HELPER)
    path = os.path.abspath(module)
    reply, _ = execute(kc, f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\nimport rnn_helpers, math")
    assert reply["content"]["status"] == "ok"
    # JupyterLab's Kernel Sources panel: the modules imported from files (math is built in).
    listed = debugger.ok("modules")
    assert [(m["name"], m["path"]) for m in listed["modules"]] == [("rnn_helpers", path)]
    assert listed["totalModules"] == 1
    assert debugger.ok("source", source={"path": path})["content"] == HELPER
    assert not debugger.request("source", source={"path": "/etc/hostname"})["success"]
    # A breakpoint set in the module's file stops there, with the file as the frame's source.
    line = line_of(HELPER, "total += step")
    set_ = debugger.ok("setBreakpoints", source={"path": path}, breakpoints=[{"line": line}], sourceModified=False)
    assert [b["verified"] for b in set_["breakpoints"]] == [True]
    msg_id = kc.execute("result = rnn_helpers.accumulate(3)")
    body, frames = debugger.wait_stopped()
    assert (frames[0]["name"], frames[0]["line"], frames[0]["source"]["path"]) == ("accumulate", line, path)
    assert frames[1]["name"] == "<module>"
    assert set(debugger.frame_variables(frames[0]["id"])) == {"steps", "total", "step"}
    debugger.ok("setBreakpoints", source={"path": path}, breakpoints=[], sourceModified=False)
    debugger.ok("continue", threadId=body["threadId"])
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"


def test_step_in_over_and_out(debugger):
    path, msg_id = run_to_breakpoints(debugger, CALLS, [{"line": line_of(CALLS, "x = f(1)")}])
    body, frames = debugger.wait_stopped()
    thread = body["threadId"]
    debugger.ok("stepIn", threadId=thread)
    body, frames = debugger.wait_stopped()
    assert body["reason"] == "step"
    assert [(f["name"], f["line"]) for f in frames] == [("f", line_of(CALLS, "b = a + 1")), ("<module>", line_of(CALLS, "x = f(1)"))]
    assert set(debugger.frame_variables(frames[0]["id"])) == {"a"}
    debugger.ok("next", threadId=thread)
    body, frames = debugger.wait_stopped()
    assert (frames[0]["name"], frames[0]["line"]) == ("f", line_of(CALLS, "return b * 2"))
    locals_ = debugger.frame_variables(frames[0]["id"])
    assert set(locals_) == {"a", "b"}
    # evaluate runs in the paused frame, and its value is the one the kernel computes.
    assert debugger.ok("evaluate", expression="b * 10", frameId=frames[0]["id"])["result"] == debugger.ok(
        "evaluate", expression="(a + 1) * 10", frameId=frames[0]["id"])["result"]
    debugger.ok("stepOut", threadId=thread)
    body, frames = debugger.wait_stopped()
    assert [(f["name"], f["line"]) for f in frames] == [("<module>", line_of(CALLS, "y = x + 1"))]
    debugger.ok("next", threadId=thread)
    assert shell_reply(debugger.kc, msg_id)["content"]["status"] == "ok"
    assert not debugger.request("next", threadId=thread)["success"]


LOOP = """total = 0
for i in range(10):
    total += i
done = True
"""


def _stops(debugger, breakpoint: dict) -> list[str]:
    """The values of `i` at each stop of LOOP with `breakpoint` on its loop body."""
    path, msg_id = run_to_breakpoints(debugger, LOOP, [{"line": line_of(LOOP, "total += i"), **breakpoint}])
    seen = []
    while True:
        debugger.pump()
        reply = None
        try:
            reply = debugger.kc.get_shell_msg(timeout=0.05)
        except Exception:
            pass
        if reply is not None and reply["parent_header"].get("msg_id") == msg_id:
            assert reply["content"]["status"] == "ok"
            return seen
        if any(e["event"] == "stopped" for e in debugger.events):
            body, frames = debugger.wait_stopped()
            seen.append(debugger.ok("evaluate", expression="i", frameId=frames[0]["id"])["result"])
            debugger.ok("continue", threadId=body["threadId"])


def _python_stops(predicate) -> list[str]:
    """What CPython says the stops are: the repr of i at every hit the predicate accepts."""
    hits, seen = 0, []
    for i in range(10):
        if predicate(i, hits + 1):
            seen.append(repr(i))
        hits += 1
    return seen


def test_conditions_and_hit_counts(debugger):
    assert _stops(debugger, {"condition": "i % 3 == 1"}) == [repr(i) for i in range(10) if i % 3 == 1]
    assert _stops(debugger, {"hitCondition": "3"}) == _python_stops(lambda i, hit: hit == 3)
    assert _stops(debugger, {"hitCondition": ">= 8"}) == _python_stops(lambda i, hit: hit >= 8)
    assert _stops(debugger, {"hitCondition": "%4"}) == _python_stops(lambda i, hit: hit % 4 == 0)
    # A hit count counts only the hits whose condition holds, as debugpy's does.
    assert _stops(debugger, {"condition": "i > 4", "hitCondition": "2"}) == [repr([i for i in range(10) if i > 4][1])]
    path = debugger.ok("dumpCell", code=LOOP)["sourcePath"]
    bad = debugger.ok("setBreakpoints", source={"path": path}, breakpoints=[{"line": 3, "hitCondition": "often"}])
    assert bad["breakpoints"][0]["verified"] is False and "hitCondition" in bad["breakpoints"][0]["message"]


def test_a_failing_condition_stops_and_says_why(debugger):
    path, msg_id = run_to_breakpoints(debugger, LOOP, [{"line": line_of(LOOP, "total += i"), "condition": "nope > 1"}])
    body, frames = debugger.wait_stopped()
    output = debugger.wait_event("output")["body"]
    assert "NameError" in output["output"] and "nope" in output["output"]
    debugger.ok("setBreakpoints", source={"path": path}, breakpoints=[])
    debugger.ok("continue", threadId=body["threadId"])
    assert shell_reply(debugger.kc, msg_id)["content"]["status"] == "ok"


def test_interrupt_while_paused_raises_keyboard_interrupt(kernel, debugger):
    km, kc = kernel
    execute(kc, "kept = 41")
    path, msg_id = run_to_breakpoints(debugger, LOOP, [{"line": line_of(LOOP, "total += i")}])
    debugger.wait_stopped()
    # While the shell is blocked in the paused cell, heartbeat and control answer, to a
    # second client too.
    assert kc.hb_channel.is_beating()
    # A client of its own (km.client() shares the first one's session, hence its socket identity).
    other = BlockingKernelClient(connection_file=km.connection_file)
    other.load_connection_file()
    other.start_channels()
    try:
        msg = other.session.msg("kernel_info_request", {})
        other.control_channel.send(msg)
        assert other.get_control_msg(timeout=TIMEOUT)["content"]["status"] == "ok"
    finally:
        other.stop_channels()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "KeyboardInterrupt"
    debugger.wait_event("continued")
    _, outputs = execute(kc, "kept + 1, i")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == [repr((42, 0))]


def test_pause_stops_a_running_loop(debugger):
    msg_id = debugger.kc.execute("n = 0\nwhile True:\n    n += 1\n")
    debugger.pump(0.5)
    debugger.ok("pause", threadId=1)
    body, frames = debugger.wait_stopped()
    assert body["reason"] == "pause"
    first = int(debugger.ok("evaluate", expression="n", frameId=frames[0]["id"])["result"])
    assert first > 0
    debugger.ok("continue", threadId=body["threadId"])
    debugger.pump(0.3)
    debugger.ok("pause", threadId=1)
    body, frames = debugger.wait_stopped()
    assert int(debugger.ok("evaluate", expression="n", frameId=frames[0]["id"])["result"]) > first
    # Disconnecting lets the loop run on; an interrupt ends it.
    debugger.ok("disconnect", restart=False, terminateDebuggee=False)
    debugger.wait_event("continued")
    debugger.kc.control_channel.send(debugger.kc.session.msg("interrupt_request", {}))
    assert shell_reply(debugger.kc, msg_id)["content"]["ename"] == "KeyboardInterrupt"


def test_variables_copy_to_globals_and_rich_inspection(debugger):
    kc = debugger.kc
    _, outputs = execute(kc, "import torch\nfrom torch import nn\nw = torch.ones(2, 3)\nlayer = nn.Linear(3, 2)\nitems = [1, 'two', {'k': 3}]")
    listed = {v["name"]: v for v in debugger.ok("inspectVariables")["variables"]}
    assert {"w", "layer", "items", "torch", "nn"} <= listed.keys()
    children = debugger.variables(listed["items"]["variablesReference"])
    _, shown = execute(kc, "repr(items[0]), repr(items[1]), repr(items[2]), repr(len(items))")
    expected = eval(next(m["content"]["data"]["text/plain"] for m in shown if m["msg_type"] == "execute_result"))
    assert [children[k]["value"] for k in ("0", "1", "2", "len()")] == list(expected)
    layer = debugger.variables(listed["layer"]["variablesReference"])
    assert {"weight", "bias", "training"} <= layer.keys()
    rich = debugger.ok("richInspectVariables", variableName="w")
    _, shown = execute(kc, "w")
    assert rich["data"]["text/plain"] == next(m["content"]["data"]["text/plain"] for m in shown if m["msg_type"] == "execute_result")
    assert debugger.ok("richInspectVariables", variableName="special variables") == {"data": {}, "metadata": {}}

    path, msg_id = run_to_breakpoints(debugger, CALLS, [{"line": line_of(CALLS, "return b * 2")}])
    body, frames = debugger.wait_stopped()
    debugger.ok("copyToGlobals", srcVariableName="b", dstVariableName="b_copy", srcFrameId=frames[0]["id"])
    paused_rich = debugger.ok("richInspectVariables", variableName="b", frameId=frames[0]["id"])
    debugger.ok("continue", threadId=body["threadId"])
    assert shell_reply(kc, msg_id)["content"]["status"] == "ok"
    _, outputs = execute(kc, "b_copy")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == [paused_rich["data"]["text/plain"]]


def test_requests_before_attach_and_unknown_requests_fail_cleanly(kernel):
    km, kc = kernel
    client = DebugClient(kc)
    reply = client.request("stackTrace", threadId=1)
    assert reply["success"] is False and reply["message"]
    assert client.ok("debugInfo")["isStarted"] is False
    client.start()
    reply = client.request("gotoTargets", source={"path": "x"}, line=1)
    assert reply["success"] is False and "gotoTargets" in reply["message"]
    assert client.request("variables", variablesReference=99999)["success"] is False
    assert client.request("continue", threadId=1)["success"] is False
    client.ok("disconnect")


def _session_with(kernel_name: str, code: str, line: int) -> dict:
    """One debugging session over `code` with a breakpoint at `line`: the replies and events
    JupyterLab's debugger uses, by name."""
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=60)
    try:
        client = DebugClient(kc)
        seen = {"initialize": client.ok("initialize", clientID="test", adapterID=kernel_name, pathFormat="path",
                                        linesStartAt1=True, columnsStartAt1=True)}
        client.ok("attach")
        client.ok("configurationDone")
        seen["debugInfo"] = client.ok("debugInfo")
        seen["dumpCell"] = client.ok("dumpCell", code=code)
        path = seen["dumpCell"]["sourcePath"]
        seen["setBreakpoints"] = client.ok("setBreakpoints", source={"path": path}, breakpoints=[{"line": line}],
                                           sourceModified=False)
        msg_id = kc.execute(code)
        seen["stopped"] = client.wait_event("stopped")["body"]
        thread = seen["stopped"]["threadId"]
        seen["stackTrace"] = client.ok("stackTrace", threadId=thread)
        frame = seen["stackTrace"]["stackFrames"][0]["id"]
        seen["scopes"] = client.ok("scopes", frameId=frame)
        seen["variables"] = client.ok("variables", variablesReference=seen["scopes"]["scopes"][0]["variablesReference"])
        seen["evaluate"] = client.ok("evaluate", expression="b", frameId=frame, context="watch")
        # ipykernel's reply to this one says `"command": "evaluate"` (it forwards an evaluate).
        rich = client.request("richInspectVariables", variableName="b", frameId=frame)
        assert rich["success"]
        seen["richInspectVariables"] = rich["body"]
        seen["stoppedThreads"] = client.ok("debugInfo")["stoppedThreads"]
        client.ok("continue", threadId=thread)
        seen["continued"] = client.wait_event("continued")["body"]
        seen["status"] = shell_reply(kc, msg_id)["content"]["status"]
        client.ok("disconnect", restart=False, terminateDebuggee=False)
        return seen
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_replies_have_ipykernels_shapes_and_values():
    # ipykernel with debugpy runs live beside Recur on the same program and the same requests.
    pytest.importorskip("debugpy")
    line = line_of(CALLS, "return b * 2")
    recur, python = _session_with(KERNEL_NAME, CALLS, line), _session_with("python3", CALLS, line)

    def keys(value):
        return set(value) if isinstance(value, dict) else set()

    # Every field ipykernel's replies and events carry (that JupyterLab may read), Recur's carry.
    for name in ("debugInfo", "dumpCell", "stopped", "continued", "evaluate", "richInspectVariables"):
        assert keys(python[name]) <= keys(recur[name]), name
    for name, field in (("setBreakpoints", "breakpoints"), ("stackTrace", "stackFrames"), ("scopes", "scopes"),
                        ("variables", "variables")):
        for theirs, ours in zip(python[name][field], recur[name][field]):
            assert keys(theirs) <= keys(ours), name
    assert [keys(f["source"]) - {"name"} for f in recur["stackTrace"]["stackFrames"]] == [
        keys(f["source"]) for f in python["stackTrace"]["stackFrames"]]
    # The same values: cell file name (Murmur2 and seed), the stop, the stack, the frame's
    # variables, evaluation and its rich form, the threads and the outcome.
    file_name = lambda session: session["dumpCell"]["sourcePath"].rsplit("/", 1)[1]  # noqa: E731
    assert file_name(recur) == file_name(python)
    for field in ("hashMethod", "hashSeed", "tmpFileSuffix", "isStarted", "richRendering", "copyToGlobals"):
        assert recur["debugInfo"][field] == python["debugInfo"][field], field
    assert {k: recur["stopped"][k] for k in ("reason", "threadId", "allThreadsStopped")} == {
        k: python["stopped"][k] for k in ("reason", "threadId", "allThreadsStopped")}
    frames = lambda session: [(f["name"], f["line"]) for f in session["stackTrace"]["stackFrames"]]  # noqa: E731
    assert frames(recur) == frames(python)
    values = lambda session: [(v["name"], v["value"], v["type"]) for v in session["variables"]["variables"]]  # noqa: E731
    assert values(recur) == values(python)
    for name in ("evaluate", "richInspectVariables", "continued"):
        assert recur[name] == python[name], name
    # ipykernel also lists one of its own helper threads there; the stopped thread is in both.
    assert recur["stoppedThreads"] == [recur["stopped"]["threadId"]]
    assert python["stopped"]["threadId"] in python["stoppedThreads"]
    assert [s["name"] for s in recur["scopes"]["scopes"]] == [s["name"] for s in python["scopes"]["scopes"]]
    assert recur["status"] == python["status"] == "ok"
