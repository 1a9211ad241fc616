"""ipywidgets over the Jupyter widget protocol: states, reprs and interact's abbreviations
against ipywidgets itself (widget_fixtures.json, written by tools/fixtures/widgets.py), and
the comm traffic (open, update and echo_update, callbacks, clicks, Output capture, close,
comm_info) against ipykernel with ipywidgets, run live beside Recur."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import TIMEOUT
from helpers import execute, iopub_until_idle, shell_reply
from recur_kernelspec import KERNEL_NAME

FIXTURES = json.loads((Path(__file__).parent / "widget_fixtures.json").read_text())


def stdout(messages) -> str:
    return "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream"
                   and m["content"]["name"] == "stdout")


def comm_opens(messages):
    return [m for m in messages if m["msg_type"] == "comm_open"]


def opened_models(messages) -> dict[str, str]:
    """comm id -> widget class (its model name without "Model"), for the comms `messages` open."""
    return {m["content"]["comm_id"]: m["content"]["data"]["state"]["_model_name"].removesuffix("Model")
            for m in comm_opens(messages)}


def normalised(state, models: dict[str, str]):
    """A state with model references named by class, as the fixtures write them."""
    if isinstance(state, str) and state.startswith("IPY_MODEL_"):
        return "IPY_MODEL_" + models[state[len("IPY_MODEL_"):]]
    if isinstance(state, dict):
        return {key: normalised(value, models) for key, value in state.items()}
    if isinstance(state, list):
        return [normalised(value, models) for value in state]
    return state


def final_state(messages, comm_id: str) -> dict:
    """The state a frontend holds after `messages`: the comm_open's, then each update."""
    state = {}
    for m in messages:
        if m["msg_type"] == "comm_open" and m["content"]["comm_id"] == comm_id:
            state = dict(m["content"]["data"]["state"])
        elif m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id \
                and m["content"]["data"]["method"] == "update":
            state.update(m["content"]["data"]["state"])
    return state


def model_id(messages, model_name: str) -> str:
    matches = [m["content"]["comm_id"] for m in comm_opens(messages)
               if m["content"]["data"]["state"]["_model_name"] == model_name]
    assert len(matches) == 1, [m["content"]["data"]["state"]["_model_name"] for m in comm_opens(messages)]
    return matches[0]


def send_comm(kc, comm_id: str, data: dict, msg_type: str = "comm_msg"):
    """Sends a comm message as a frontend does; returns it and its iopub messages through idle."""
    content = {"comm_id": comm_id, "data": data}
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return msg, iopub_until_idle(kc, msg["header"]["msg_id"])


def comm_msgs(messages, comm_id: str | None = None):
    return [m["content"]["data"] for m in messages
            if m["msg_type"] == "comm_msg" and (comm_id is None or m["content"]["comm_id"] == comm_id)]


def run_ok(kc, code: str):
    reply, messages = execute(kc, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    return messages


@contextmanager
def started(kernel_name: str):
    """A client of a new kernel of `kernel_name` (Recur, or ipykernel to compare with)."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=TIMEOUT)
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def widgets_kernel():
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=TIMEOUT)
    run_ok(kc, "import ipywidgets as widgets\nfrom ipywidgets import interact, interactive, fixed")
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


@pytest.mark.parametrize("name", sorted(FIXTURES["defaults"]))
def test_default_state_in_comm_open_is_ipywidgets(widgets_kernel, name):
    kc = widgets_kernel
    expected = FIXTURES["defaults"][name]
    messages = run_ok(kc, f"w = widgets.{name}()\nw")
    opens = comm_opens(messages)
    models = opened_models(messages)
    own = opens[-1]["content"]
    assert own["target_name"] == "jupyter.widget"
    assert opens[-1]["metadata"] == {"version": FIXTURES["protocol_version"]}
    assert own["data"]["buffer_paths"] == []
    assert normalised(own["data"]["state"], models) == expected["state"]
    result = next(m for m in messages if m["msg_type"] == "execute_result")["content"]["data"]
    view = result["application/vnd.jupyter.widget-view+json"]
    assert view == {**expected["mimebundle"]["application/vnd.jupyter.widget-view+json"],
                    "model_id": own["comm_id"]}
    assert result["text/plain"] == expected["mimebundle"]["text/plain"] == expected["repr"]


@pytest.mark.parametrize("case", FIXTURES["instances"], ids=lambda case: case["code"])
def test_repr_and_state_of_widgets_built_with_arguments(widgets_kernel, case):
    kc = widgets_kernel
    code = case["code"].replace("IntSlider()", "widgets.IntSlider()").replace("Checkbox()", "widgets.Checkbox()")
    messages = run_ok(kc, f"w = widgets.{code}\nprint(repr(w))")
    assert stdout(messages) == case["repr"] + "\n"
    opens = comm_opens(messages)
    assert normalised(opens[-1]["content"]["data"]["state"], opened_models(messages)) == case["state"]


@pytest.mark.parametrize("case", FIXTURES["errors"], ids=lambda case: case["code"])
def test_invalid_values_raise_traitlets_errors(widgets_kernel, case):
    kc = widgets_kernel
    code = case["code"].replace("IntSlider(", "widgets.IntSlider(").replace("FloatSlider(", "widgets.FloatSlider(")
    for name in ("Checkbox", "Text", "Dropdown"):
        code = code.replace(f"{name}(", f"widgets.{name}(")
    messages = run_ok(kc, "try:\n    " + code + "\nexcept Exception as e:\n    print(type(e).__name__)\n    print(e)")
    assert stdout(messages) == f"{case['type']}\n{case['message']}\n"


@pytest.mark.parametrize("case", FIXTURES["abbreviations"], ids=lambda case: case["abbreviation"])
def test_interact_abbreviations_make_ipywidgets_widgets(widgets_kernel, case):
    kc = widgets_kernel
    messages = run_ok(kc, f"w = interactive(lambda x: x, x={case['abbreviation']})\n"
                          "print(type(w.children[0]).__name__)\nprint(repr(w.children[0]))")
    assert stdout(messages) == f"{case['class']}\n{case['repr']}\n"
    models = opened_models(messages)
    child = model_id(messages, case["class"] + "Model")
    state = {k: v for k, v in normalised(final_state(messages, child), models).items()
             if k not in ("layout", "style")}
    assert state == case["state"]


def test_interactive_is_a_vbox_of_the_controls_and_an_output(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "w = interactive(lambda x, y: x, x=(1, 10), y=fixed(3))\n"
                          "print([type(c).__name__ for c in w.children])")
    assert stdout(messages) == repr(FIXTURES["interactive"]["children"]) + "\n"
    box = final_state(messages, model_id(messages, "VBoxModel"))
    assert normalised(box, opened_models(messages)) == FIXTURES["interactive"]["state"]


def test_update_from_the_frontend_is_echoed_then_observed(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "s = widgets.IntSlider(value=3, max=10)\nchanges = []\n"
                          "def seen(change):\n"
                          "    changes.append(change)\n"
                          "    print('value', change['old'], '->', change['new'])\n"
                          "s.observe(seen, names='value')")
    slider = model_id(messages, "IntSliderModel")
    msg, replies = send_comm(kc, slider, {"method": "update", "state": {"value": 7}, "buffer_paths": []})
    assert comm_msgs(replies, slider) == [{"method": "echo_update", "state": {"value": 7}, "buffer_paths": []}]
    assert stdout(replies) == "value 3 -> 7\n"
    assert all(m["parent_header"]["msg_id"] == msg["header"]["msg_id"] for m in replies)
    checked = run_ok(kc, "c = changes[0]\nprint(s.value, sorted(c), c['name'], c['type'], c['owner'] is s)")
    assert stdout(checked) == "7 ['name', 'new', 'old', 'owner', 'type'] value change True\n"
    # A value past max is clamped, and the clamped value goes back to the frontend.
    _, replies = send_comm(kc, slider, {"method": "update", "state": {"value": 50}, "buffer_paths": []})
    assert comm_msgs(replies, slider) == [
        {"method": "echo_update", "state": {"value": 50}, "buffer_paths": []},
        {"method": "update", "state": {"value": 10}, "buffer_paths": []}]


def test_kernel_side_change_is_sent_as_an_update(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "p = widgets.IntProgress(max=4)")
    bar = model_id(messages, "IntProgressModel")
    messages = run_ok(kc, "p.value = 2\np.description = 'epoch'")
    assert comm_msgs(messages, bar) == [
        {"method": "update", "state": {"value": 2}, "buffer_paths": []},
        {"method": "update", "state": {"description": "epoch"}, "buffer_paths": []}]


def test_request_state_sends_the_whole_state(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "c = widgets.Checkbox(value=True)")
    box = model_id(messages, "CheckboxModel")
    opened = comm_opens(messages)[-1]["content"]["data"]["state"]
    _, replies = send_comm(kc, box, {"method": "request_state"})
    assert comm_msgs(replies, box) == [{"method": "update", "state": opened, "buffer_paths": []}]


def test_button_click_runs_on_click_callbacks(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "b = widgets.Button(description='Train')\n"
                          "b.on_click(lambda button: print('clicked', button.description))")
    button = model_id(messages, "ButtonModel")
    _, replies = send_comm(kc, button, {"method": "custom", "content": {"event": "click"}})
    assert stdout(replies) == "clicked Train\n"


def test_callback_errors_are_shown_as_error_outputs(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "t = widgets.Text()\n"
                          "def fails(change):\n"
                          "    raise ValueError('bad ' + change['new'])\n"
                          "t.observe(fails, names='value')")
    text = model_id(messages, "TextModel")
    msg, replies = send_comm(kc, text, {"method": "update", "state": {"value": "x"}, "buffer_paths": []})
    errors = [m for m in replies if m["msg_type"] == "error"]
    assert [(e["content"]["ename"], e["content"]["evalue"]) for e in errors] == [("ValueError", "bad x")]
    assert errors[0]["parent_header"]["msg_id"] == msg["header"]["msg_id"]
    assert "fails" in "\n".join(errors[0]["content"]["traceback"])
    # The kernel goes on: the value was set before the observer failed.
    assert stdout(run_ok(kc, "print(repr(t.value))")) == "'x'\n"


def test_interact_reruns_the_function_into_its_output(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "@interact(n=(1, 10))\ndef square(n=3):\n    print('square', n * n)")
    slider = model_id(messages, "IntSliderModel")
    output = model_id(messages, "OutputModel")
    # The first call ran in the cell, into the Output widget.
    assert stdout(messages) == "square 9\n"
    views = [m for m in messages if m["msg_type"] == "display_data"]
    box = model_id(messages, "VBoxModel")
    assert [v["content"]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"] for v in views] == [box]
    msg, replies = send_comm(kc, slider, {"method": "update", "state": {"value": 4}, "buffer_paths": []})
    order = [(m["msg_type"], m["content"].get("data", {}).get("state", {}).get("msg_id"),
              m["content"].get("text")) for m in replies
             if m["msg_type"] in ("comm_msg", "stream", "clear_output")
             and (m["msg_type"] != "comm_msg" or m["content"]["comm_id"] == output)]
    assert order == [("comm_msg", msg["header"]["msg_id"], None), ("clear_output", None, None),
                     ("stream", None, "square 16\n"), ("comm_msg", "", None)]


def test_with_output_captures_prints_and_plots_of_the_cell(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "out = widgets.Output()")
    output = model_id(messages, "OutputModel")
    msg_id = kc.execute("import matplotlib.pyplot as plt\n"
                        "with out:\n    print('inside')\n    plt.plot([1, 2, 3])\n    plt.show()\n"
                        "print('outside')")
    reply = shell_reply(kc, msg_id)
    assert reply["content"]["status"] == "ok"
    messages = iopub_until_idle(kc, msg_id)
    order = [(m["msg_type"], m["content"].get("data", {}).get("state", {}).get("msg_id"),
              m["content"].get("text")) for m in messages
             if m["msg_type"] in ("stream", "display_data")
             or (m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output)]
    assert order == [("comm_msg", msg_id, None), ("stream", None, "inside\n"), ("display_data", None, None),
                     ("comm_msg", "", None), ("stream", None, "outside\n")]


def test_an_error_inside_with_output_is_shown_in_it(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "out2 = widgets.Output()\nwith out2:\n    1 / 0\nprint('after')")
    kinds = [m["msg_type"] for m in messages if m["msg_type"] in ("error", "stream")]
    assert kinds == ["error", "stream"]
    error = next(m for m in messages if m["msg_type"] == "error")["content"]
    assert (error["ename"], error["evalue"]) == ("ZeroDivisionError", "division by zero")


def test_close_and_comm_info(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "gone = widgets.Label('bye')")
    label = model_id(messages, "LabelModel")
    msg_id = kc.comm_info(target_name="jupyter.widget")
    comms = shell_reply(kc, msg_id)["content"]["comms"]
    assert comms[label] == {"target_name": "jupyter.widget"}
    messages = run_ok(kc, "gone.close()\ngone")
    closes = [m["content"] for m in messages if m["msg_type"] == "comm_close"]
    assert closes == [{"comm_id": label, "data": {}}]
    result = next(m for m in messages if m["msg_type"] == "execute_result")["content"]["data"]
    assert result == {"text/plain": "Label(value='bye')"}
    msg_id = kc.comm_info()
    assert label not in shell_reply(kc, msg_id)["content"]["comms"]


def test_frontend_close_forgets_the_widget(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "h = widgets.HTML('<b>x</b>')")
    html = model_id(messages, "HTMLModel")
    send_comm(kc, html, {}, msg_type="comm_close")
    msg_id = kc.comm_info()
    assert html not in shell_reply(kc, msg_id)["content"]["comms"]
    # Changes after the frontend closed the comm send nothing.
    messages = run_ok(kc, "h.value = 'y'")
    assert comm_msgs(messages) == []


def test_control_comm_answers_request_states(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "ts = widgets.ToggleButton(value=True)")
    toggle = model_id(messages, "ToggleButtonModel")
    state = comm_opens(messages)[-1]["content"]["data"]["state"]
    msg = kc.session.msg("comm_open", {"comm_id": "control-1", "target_name": "jupyter.widget.control",
                                       "data": {}})
    msg["metadata"] = {"version": "1.0.0"}
    kc.shell_channel.send(msg)
    opened = iopub_until_idle(kc, msg["header"]["msg_id"])
    assert [m for m in opened if m["msg_type"] == "comm_close"] == []
    _, replies = send_comm(kc, "control-1", {"method": "request_states"})
    [answer] = comm_msgs(replies, "control-1")
    assert answer["method"] == "update_states"
    assert answer["states"][toggle] == {"model_name": "ToggleButtonModel",
                                        "model_module": "@jupyter-widgets/controls",
                                        "model_module_version": "2.0.0", "state": state}


def test_unknown_targets_are_still_closed(widgets_kernel):
    kc = widgets_kernel
    msg = kc.session.msg("comm_open", {"comm_id": "other-1", "target_name": "not.a.target", "data": {}})
    kc.shell_channel.send(msg)
    messages = iopub_until_idle(kc, msg["header"]["msg_id"])
    assert [m["content"] for m in messages if m["msg_type"] == "comm_close"] == [
        {"comm_id": "other-1", "data": {}}]


FRONTEND_UPDATES = [
    ("s = widgets.IntSlider(value=3)", "IntSliderModel", {"value": 9}),
    ("s = widgets.IntSlider(value=3, max=10)", "IntSliderModel", {"value": 50}),
    ("s = widgets.FloatLogSlider()", "FloatLogSliderModel", {"value": 100.0}),
    ("s = widgets.Dropdown(options=['a', 'b', 'c'])", "DropdownModel", {"index": 2}),
    ("s = widgets.RadioButtons(options=[('one', 1), ('two', 2)])", "RadioButtonsModel", {"index": 1}),
    ("s = widgets.Text()", "TextModel", {"value": "typed"}),
    ("s = widgets.Checkbox()", "CheckboxModel", {"value": True}),
    ("s = widgets.Tab([widgets.Label('a'), widgets.Label('b')])", "TabModel", {"selected_index": 1}),
    ("s = widgets.Accordion([widgets.Label('a')])", "AccordionModel", {"selected_index": 0}),
    # One trait per update: the kernel's JSON objects do not keep the frontend's key order, so
    # the traits of a several-key update are applied in sorted order (see docs/KERNEL.md).
    ("s = widgets.IntText()", "IntTextModel", {"value": 12}),
]


def _update_traffic(kernel_name: str) -> list:
    """What a kernel publishes when the frontend updates each of FRONTEND_UPDATES's widgets,
    one observer printing every public change."""
    with started(kernel_name) as kc:
        run_ok(kc, "import ipywidgets as widgets")
        results = []
        for code, model, state in FRONTEND_UPDATES:
            # (ipywidgets' own traits, such as _property_lock, change too: left out.)
            messages = run_ok(kc, code + "\ns.observe(lambda change: change['name'].startswith('_') or "
                                         "print(change['name'], change['old'], change['new']))")
            widget = model_id(messages, model)
            _, replies = send_comm(kc, widget, {"method": "update", "state": state, "buffer_paths": []})
            results.append([(m["msg_type"], m["content"].get("data"), m["content"].get("text"),
                             m["content"].get("execution_state")) for m in replies])
        return results


def test_update_traffic_is_ipykernels():
    recur, ipykernel = _update_traffic(KERNEL_NAME), _update_traffic("python3")
    for case, ours, theirs in zip(FRONTEND_UPDATES, recur, ipykernel):
        assert ours == theirs, case


def _tqdm_traffic(kernel_name: str) -> tuple[list, list, str]:
    """tqdm.auto's widgets in a kernel: the models opened, the updates of the description
    and of the bar (the counters' HTML carries timings, so only its first text is kept), and
    the text/plain of the displayed box."""
    with started(kernel_name) as kc:
        messages = run_ok(kc, "from tqdm.auto import tqdm\nimport time\n"
                              "for i in tqdm(range(3), desc='epochs'):\n    time.sleep(0.15)")
        models = {m["content"]["comm_id"]: m["content"]["data"]["state"]["_model_name"]
                  for m in comm_opens(messages)}
        opened = [models[m["content"]["comm_id"]] for m in comm_opens(messages)]
        updates = []
        for m in messages:
            if m["msg_type"] != "comm_msg":
                continue
            state = m["content"]["data"]["state"]
            value = state.get("value")
            if isinstance(value, str) and "[" in value:
                value = value.split("[")[0]
            updates.append((models[m["content"]["comm_id"]], tuple(sorted(state)), value))
        [view] = [m["content"]["data"] for m in messages if m["msg_type"] == "display_data"]
        assert models[view["application/vnd.jupyter.widget-view+json"]["model_id"]] == "HBoxModel"
        return opened, list(dict.fromkeys(updates)), view["text/plain"]


def test_tqdm_auto_shows_tqdm_notebooks_widgets_as_ipykernel_does():
    assert _tqdm_traffic(KERNEL_NAME) == _tqdm_traffic("python3")


def test_tqdm_without_comms_is_the_html_bar(tmp_path):
    # `recur run` has no frontend: tqdm.auto draws its usual bar, and ipywidgets still work
    # as objects (no comm is opened).
    import subprocess

    from recur_kernelspec import recur_binary

    script = tmp_path / "bars.recur"
    script.write_text("from tqdm.auto import tqdm\nimport ipywidgets as widgets\n"
                      "for i in tqdm(range(2)):\n    pass\n"
                      "s = widgets.IntSlider(value=4)\ns.value = 5\nprint(repr(s))\n")
    result = subprocess.run([str(recur_binary()), "run", str(script)], capture_output=True, text=True,
                            timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("IntSlider(value=5)\n")


def test_callbacks_run_while_a_cell_sleeps_and_other_requests_wait(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "slept = widgets.IntSlider()\n"
                          "slept.observe(lambda change: print('moved to', change['new']), names='value')")
    slider = model_id(messages, "IntSliderModel")
    sleeping = kc.execute("import time\ntime.sleep(2)\nprint('woke with', slept.value)")
    # The cell is running (its execute_input is out) when the frontend moves the slider and
    # asks for another cell.
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == sleeping and msg["msg_type"] == "execute_input":
            break
    later = kc.execute("print('after')")
    moved, replies = send_comm(kc, slider, {"method": "update", "state": {"value": 6}, "buffer_paths": []})
    assert stdout(replies) == "moved to 6\n"
    info = kc.comm_info(target_name="jupyter.widget")
    assert slider in shell_reply(kc, info)["content"]["comms"]
    # The callback and comm_info were answered while the cell slept; the cell and the one
    # queued behind it run to their ends, in order.
    first = kc.get_shell_msg(timeout=TIMEOUT)
    assert first["parent_header"]["msg_id"] == sleeping and first["content"]["status"] == "ok"
    assert stdout(iopub_until_idle(kc, sleeping)) == "woke with 6\n"
    second = kc.get_shell_msg(timeout=TIMEOUT)
    assert second["parent_header"]["msg_id"] == later
    assert stdout(iopub_until_idle(kc, later)) == "after\n"


def test_callbacks_run_while_input_waits(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "go = widgets.Button(description='go')\n"
                          "go.on_click(lambda button: print('clicked while waiting'))")
    button = model_id(messages, "ButtonModel")
    asking = kc.execute("answer = input('name? ')\nprint('hello', answer)", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    assert request["content"]["prompt"] == "name? "
    _, replies = send_comm(kc, button, {"method": "custom", "content": {"event": "click"}})
    assert stdout(replies) == "clicked while waiting\n"
    kc.input("Ada")
    reply = shell_reply(kc, asking)
    assert reply["content"]["status"] == "ok"
    assert stdout(iopub_until_idle(kc, asking)) == "hello Ada\n"


def test_interact_manual_runs_only_when_its_button_is_clicked(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "from ipywidgets import interact_manual\n"
                          "@interact_manual(word='hi')\ndef shout(word):\n    print(word.upper())")
    assert stdout(messages) == ""
    button = model_id(messages, "ButtonModel")
    assert final_state(messages, button)["description"] == "Run Interact"
    text = model_id(messages, "TextModel")
    send_comm(kc, text, {"method": "update", "state": {"value": "loud"}, "buffer_paths": []})
    _, replies = send_comm(kc, button, {"method": "custom", "content": {"event": "click"}})
    assert stdout(replies) == "LOUD\n"
    # The button is disabled while the function runs, as ipywidgets does.
    assert [d["state"] for d in comm_msgs(replies, button) if d["method"] == "update"] == [
        {"disabled": True}, {"disabled": False}]


def test_an_interrupt_stops_a_callback_and_shows_in_its_output(widgets_kernel):
    kc = widgets_kernel
    messages = run_ok(kc, "@interact(n=(1, 5))\ndef spin(n=1):\n    while n > 1:\n        pass")
    slider = model_id(messages, "IntSliderModel")
    msg = kc.session.msg("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": 3},
                                                                  "buffer_paths": []}})
    kc.shell_channel.send(msg)
    # Once the callback is running (its echo is out), interrupt it.
    while True:
        seen = kc.get_iopub_msg(timeout=TIMEOUT)
        if seen["parent_header"].get("msg_id") == msg["header"]["msg_id"] and seen["msg_type"] == "comm_msg" \
                and seen["content"]["data"].get("state", {}).get("msg_id"):
            break
    interrupt = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(interrupt)
    replies = iopub_until_idle(kc, msg["header"]["msg_id"])
    errors = [m["content"]["ename"] for m in replies if m["msg_type"] == "error"]
    assert errors == ["KeyboardInterrupt"]
    # The kernel goes on, and the next cell is not interrupted by the old request.
    assert stdout(run_ok(kc, "print('still here')")) == "still here\n"


KERNEL_SIDE_CHANGES = [
    "s = widgets.IntSlider(value=5)\ns.max = 3\ns.min = 1\ns.value = 0",
    "f = widgets.FloatSlider(value=2.5, step=0.5)\nf.value = 7\nf.description = 'lr'",
    "d = widgets.Dropdown(options=['a', 'b', 'c'])\nd.value = 'b'\nd.index = 2\nd.options = ['x', 'y']",
    "r = widgets.RadioButtons(options={'one': 1, 'two': 2}, value=2)\nr.label = 'one'",
    "e = widgets.Dropdown(options=['a'])\ne.options = ['p', 'q']\ne.options = []",
    "t = widgets.Tab([widgets.Label('a'), widgets.Label('b')])\nt.set_title(1, 'second')\nt.selected_index = 1",
    "a = widgets.Accordion(children=[widgets.IntText()], titles=('x',))\na.selected_index = 0",
    "b = widgets.HBox([widgets.Label('a')])\nb.children = b.children + (widgets.Label('b'),)",
    "o = widgets.Output()\no.append_stdout('x\\n')\no.append_stderr('y')",
    "p = widgets.FloatProgress(max=2.0)\np.value = 5\np.bar_style = 'success'",
    "c = widgets.Checkbox()\nc.value = True\nc.close()",
    "l = widgets.Layout(width='50%')\nv = widgets.VBox(layout=l)\nl.height = '100px'",
    "x = widgets.IntText()\ny = widgets.FloatText()\nk = widgets.jslink((x, 'value'), (y, 'value'))\nk.unlink()",
    "m = widgets.Text()\nn = widgets.Textarea()\nwidgets.link((m, 'value'), (n, 'value'))\nn.value = 'both'",
    "q = widgets.ToggleButton(description='on', button_style='info')\nq.value = True\nq.icon = 'check'",
]


def _comm_traffic(kernel_name: str) -> list[list]:
    """The comm messages each of KERNEL_SIDE_CHANGES publishes, comm ids numbered in order."""
    with started(kernel_name) as kc:
        run_ok(kc, "import ipywidgets as widgets")
        cells = []
        for code in KERNEL_SIDE_CHANGES:
            numbers: dict[str, str] = {}

            def number(text):
                if isinstance(text, str):
                    for comm_id in list(numbers):
                        text = text.replace(comm_id, numbers[comm_id])
                    return text
                if isinstance(text, dict):
                    return {key: number(value) for key, value in text.items()}
                if isinstance(text, list):
                    return [number(value) for value in text]
                return text

            traffic = []
            for m in run_ok(kc, code):
                if m["msg_type"] not in ("comm_open", "comm_msg", "comm_close"):
                    continue
                comm_id = m["content"]["comm_id"]
                numbers.setdefault(comm_id, f"#{len(numbers)}")
                traffic.append((m["msg_type"], number(comm_id), number(m["content"]["data"]),
                                m["metadata"] if m["msg_type"] == "comm_open" else None))
            cells.append(traffic)
        return cells


def test_kernel_side_changes_publish_what_ipykernel_publishes():
    recur, ipykernel = _comm_traffic(KERNEL_NAME), _comm_traffic("python3")
    for code, ours, theirs in zip(KERNEL_SIDE_CHANGES, recur, ipykernel):
        assert ours == theirs, code


MALFORMED = [
    {"method": "update", "state": 5},
    {"method": "update", "state": {"value": "not a number"}},
    {"method": "update", "state": {"value": 1}, "buffer_paths": [["value", "deeper"]]},
    {"method": "update", "state": {"no_such_trait": 1, "layout": "IPY_MODEL_nope"}},
    {"method": "custom"},
    {"method": "nonsense"},
    {},
    [1, 2, 3],
    {"method": "update", "state": {"value": 10 ** 30}},
    {"method": "request_state", "extra": {"a": [[[[[[[[[[1]]]]]]]]]]}},
]


@pytest.mark.parametrize("data", MALFORMED, ids=lambda data: json.dumps(data)[:40])
def test_malformed_widget_messages_never_stop_the_kernel(widgets_kernel, data):
    kc = widgets_kernel
    messages = run_ok(kc, "hostile = widgets.IntSlider(value=2)")
    slider = model_id(messages, "IntSliderModel")
    _, replies = send_comm(kc, slider, data)
    assert replies[-1]["content"]["execution_state"] == "idle"
    # Whatever the message did, the widget and the kernel still answer.
    assert stdout(run_ok(kc, "print(type(hostile.value).__name__)")) == "int\n"
