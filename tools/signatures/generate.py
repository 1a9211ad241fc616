#!/usr/bin/env python3
"""Generates Sources/ScriptLibrary/Torch/TorchSignature+Table.swift: the keyword arguments PyTorch
accepts for every Tensor method and torch function Recur provides, and the TypeError PyTorch
raises for an unknown keyword.

Run with a Python that has torch installed, after `swift build` (the declared operations
are read from `recur operations`):

    python tools/signatures/generate.py

The parameter names come from PyTorch's own type stubs shipped in the wheel
(torch/_C/__init__.pyi for TensorBase methods, torch/_C/_VariableFunctions.pyi for torch
functions) and, for methods written in Python (Tensor.split, Tensor.backward, ...), from
inspect.signature. The unknown-keyword message is PyTorch's own, captured by calling each
callable with a keyword it does not have; `{keyword}` and `{got}` mark where Recur puts the
caller's keyword and argument types.
"""
import ast
import inspect
import os
import re
import subprocess

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "Sources", "ScriptLibrary", "Torch", "TorchSignature+Table.swift")
PROBE = "recur_probe"


def stub_parameters(stub, class_name=None):
    """name -> sorted keyword-capable parameter names over all overloads in a .pyi stub."""
    tree = ast.parse(open(stub).read())
    body = tree.body
    if class_name:
        body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name).body
    result = {}
    for node in body:
        if isinstance(node, ast.FunctionDef):
            args = node.args
            names = [a.arg for a in args.args + args.kwonlyargs if a.arg != "self"]
            result.setdefault(node.name, set()).update(names)
    return result


def docstring_parameters(attribute):
    """Parameter names on the signature lines at the top of a builtin's docstring."""
    names = set()
    for line in (attribute.__doc__ or "").strip().splitlines()[:3]:
        match = re.match(r"^\s*\w+\((.*)\)\s*->", line)
        if not match:
            continue
        for part in match.group(1).split(","):
            word = re.match(r"^\s*\*?\s*(\w+)", part)
            if word and word.group(1) not in ("self",):
                names.add(word.group(1))
    return names


def declared_operations():
    """(name, is_method, is_function) for each declared TensorOperation, as the built
    `recur operations` lists them (run `swift build` first)."""
    recur = os.environ.get("RECUR", os.path.join(ROOT, ".build", "debug", "recur"))
    listing = subprocess.run([recur, "operations"], capture_output=True, text=True, check=True).stdout
    result = []
    for line in listing.splitlines():
        name, method, function = line.split()
        result.append((name, method == "method", function == "function"))
    return result


# Valid positional arguments for the callables that require some: PyTorch reports a missing
# argument before an unknown keyword, so the probe passes these with its keyword. `t` is a
# 2x3 float tensor.
SAMPLE_ARGUMENTS = {
    "add": "1,", "add_": "1,", "sub": "1,", "sub_": "1,", "mul": "1,", "mul_": "1,", "div": "1,", "div_": "1,",
    "allclose": "t,", "chunk": "2,", "eq": "1,", "ne": "1,", "lt": "1,", "le": "1,", "gt": "1,", "ge": "1,",
    "equal": "t,", "expand": "2, 3", "fill_": "1,", "gather": "1, torch.zeros(2, 3, dtype=torch.long)",
    "index_add": "0, torch.tensor([0]), torch.ones(1, 3)", "index_add_": "0, torch.tensor([0]), torch.ones(1, 3)",
    "index_select": "0, torch.tensor([0])", "masked_fill": "t > 0, 0", "masked_fill_": "t > 0, 0",
    "matmul": "torch.zeros(3, 2),", "narrow": "0, 0, 1", "permute": "1, 0", "pow": "2,",
    "scatter": "0, torch.zeros(1, 3, dtype=torch.long), t", "scatter_": "0, torch.zeros(1, 3, dtype=torch.long), t",
    "scatter_add": "0, torch.zeros(1, 3, dtype=torch.long), t",
    "scatter_add_": "0, torch.zeros(1, 3, dtype=torch.long), t", "select": "0, 0", "split": "1,",
    "take": "torch.tensor([0]),", "transpose": "0, 1", "swapaxes": "0, 1", "swapdims": "0, 1", "movedim": "0, 1",
    "moveaxis": "0, 1", "unflatten": "1, (3, 1)", "unfold": "0, 1, 1", "unsqueeze": "0,", "view": "6,", "reshape": "6,",
    "topk": "1,", "cumsum": "0,", "cumprod": "0,", "roll": "1,", "flip": "0,", "repeat": "1, 1",
    "repeat_interleave": "2,", "mm": "torch.zeros(3, 2),", "bmm": "torch.zeros(1, 3, 2),", "dot": "t[0],",
    "outer": "t[0],", "new_zeros": "2,", "new_ones": "2,", "new_empty": "2,", "new_full": "(2,), 1",
    "new_tensor": "[1],", "type_as": "t,", "view_as": "t,", "reshape_as": "t,", "expand_as": "t,",
    "clamp": "0,", "clamp_": "0,", "clip": "0,", "clip_": "0,",
    "where": "t > 0, t", "multinomial": "1,", "unsqueeze_": "0,", "transpose_": "0, 1", "softmax": "0,", "log_softmax": "0,", "unbind": "", "stack": "", "cat": "",
}


# torch functions whose arguments differ from the method's.
FUNCTION_ARGUMENTS = {"permute": "(1, 0),", "reshape": "(6,),", "flip": "(0,),"}

# torch functions that take no tensor first, with valid arguments.
FACTORY_ARGUMENTS = {"linspace": "0, 1, 3", "logspace": "0, 1, 3", "einsum": "'ij', t"}


def probe(source, t):
    """PyTorch's TypeError for `source`, a call written as a user writes it (CPython words
    some messages differently when keywords come from a dict)."""
    try:
        eval(source, {"torch": torch, "t": t})
    except TypeError as e:
        return str(e)
    raise SystemExit(f"no TypeError for an unknown keyword: {source}")


def template(message):
    message = re.sub(r"got \((?:[^()]|\([^()]*\))*\), but", "got ({got}), but", message)
    message = message.replace(f"incorrect: {PROBE}", "incorrect: {keyword}")
    return message.replace(f"'{PROBE}'", "'{keyword}'")


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def entry(name, parameters, messages, aliases):
    params = ", ".join(swift_string(p) for p in sorted(parameters))
    bare, with_arguments = messages
    return (f"        {swift_string(name)}: TorchSignature(\n"
            f"            keywords: [{params}], numpyAliases: {'true' if aliases else 'false'},\n"
            f"            unknownKeyword: {swift_string(with_arguments)},\n"
            f"            unknownKeywordAlone: {swift_string(bare)}),\n")


def messages(call, sample, t):
    """The unknown-keyword message without other arguments, and with valid ones."""
    bare = template(probe(f"{call}({PROBE}=1)", t))
    if not sample:
        return bare, bare
    return bare, template(probe(f"{call}({sample.rstrip(',')}, {PROBE}=1)", t))


def main():
    stubs = os.path.join(os.path.dirname(torch.__file__), "_C")
    methods = stub_parameters(os.path.join(stubs, "__init__.pyi"), "TensorBase")
    functions = stub_parameters(os.path.join(stubs, "_VariableFunctions.pyi"))
    sample = torch.zeros(2, 3)
    lines = ["// Generated by tools/signatures/generate.py from PyTorch " + torch.__version__ + "'s stubs; do not edit.\n\n",
             "extension TorchSignature {\n",
             "    /// Tensor methods, by name.\n",
             "    static let methods: [String: TorchSignature] = [\n"]
    method_parameters = {}
    for name in sorted({n for n, m, _ in declared_operations() if m}):
        attribute = getattr(torch.Tensor, name)
        if inspect.isfunction(attribute):
            parameters = [p for p in inspect.signature(attribute).parameters if p != "self"]
            aliases = False
        else:
            # The stub misnames a few parameters (requires_grad_'s is `mode` there); the
            # docstring's signature line names what the parser accepts.
            parameters = sorted(methods.get(name, set()) | docstring_parameters(attribute))
            aliases = True
        method_parameters[name] = parameters
        lines.append(entry(name, parameters, messages(f"t.{name}", SAMPLE_ARGUMENTS.get(name), sample), aliases))
    lines.append("    ]\n\n    /// torch functions that take a tensor first, by name.\n")
    lines.append("    static let functions: [String: TorchSignature] = [\n")
    for name in sorted({n for n, _, f in declared_operations() if f}):
        attribute = getattr(torch, name)
        if inspect.isfunction(attribute):
            parameters = list(inspect.signature(attribute).parameters)
            # A function dispatching on its arguments (torch.unique) takes the method's.
            if parameters == ["args", "kwargs"] and name in method_parameters:
                parameters = method_parameters[name]
            aliases = False
        else:
            parameters = sorted(functions.get(name, set()))
            aliases = True
        first = "[t, t], " if name in ("cat", "stack") else "" if name in FACTORY_ARGUMENTS else "t, "
        arguments = FACTORY_ARGUMENTS.get(name) or FUNCTION_ARGUMENTS.get(name) or SAMPLE_ARGUMENTS.get(name)
        bare = template(probe(f"torch.{name}({first}{PROBE}=1)", sample))
        full = template(probe(f"torch.{name}({first}{arguments.rstrip(',')}, {PROBE}=1)", sample)) if arguments else bare
        lines.append(entry(name, parameters, (bare, full), aliases))
    lines.append("    ]\n}\n")
    with open(OUT, "w") as f:
        f.write("".join(lines))
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
