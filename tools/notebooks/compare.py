"""Compares a notebook's outputs with a fresh run's, ignoring what legitimately varies:
timings and rates in progress bars, display ids, object addresses, and small numeric
differences (BLAS kernels round differently on different CPUs).

Every number is compared, integers included, so an epoch count or a shape that changes is a
difference. Text numbers may differ by one unit in the fourth decimal (the notebooks print
losses with `%.4f`) or by 0.1% of their size; SVG coordinates, being pixels rounded to two
decimals, may move by a twentieth of a pixel. Integers in text (epochs, counts, shapes) must
be equal."""
from __future__ import annotations

import re

NUMBER = re.compile(r"-?\d+(?:\.\d*)?(?:e[-+]?\d+)?")
VOLATILE = [
    # tqdm's "[00:00<00:00, 5078.78it/s" (also "<" escaped in HTML, "?it/s" before the first step).
    (re.compile(r"\[\d+:\d\d(?::\d\d)?(?:(?:<|&lt;)[^,\]]*)?, *[^\]]*?(?:it/s|s/it)"), "[TIME, RATE"),
    (re.compile(r"0x[0-9a-f]+"), "0xADDR"),
    # A heatmap cell's colour as numbers, scaled so that the SVG tolerance allows two units
    # of 255 per channel (a value a rounding away from the next shade).
    (re.compile(r"#([0-9a-fA-F]{6})\b"),
     lambda m: "rgb(" + ",".join(f"{int(m.group(1)[i:i + 2], 16) * 0.025:.3f}" for i in (0, 2, 4)) + ")"),
]

# (absolute, relative) tolerance per MIME type; text outputs and streams use the default.
TOLERANCES = {"image/svg+xml": (0.05, 1e-4)}
DEFAULT_TOLERANCE = (1.5e-4, 1e-3)


def _normalise(text: str) -> tuple[str, list[str]]:
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return NUMBER.sub("#", text), NUMBER.findall(text)


def _close(a: list[str], b: list[str], mime: str) -> bool:
    if len(a) != len(b):
        return False
    absolute, relative = TOLERANCES.get(mime, DEFAULT_TOLERANCE)
    exact_integers = mime not in TOLERANCES
    for x, y in zip(a, b):
        if exact_integers and x.lstrip("-").isdigit() and y.lstrip("-").isdigit():
            if x != y:
                return False
        elif abs(float(x) - float(y)) > absolute + relative * abs(float(y)):
            return False
    return True


def _outputs(cell) -> list[tuple[str, str, str]]:
    result = []
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream":
            result.append((kind, output["name"], output["text"]))
        elif kind in ("display_data", "execute_result", "update_display_data"):
            for mime, data in sorted(output["data"].items()):
                result.append((kind, mime, data if isinstance(data, str) else "".join(data)))
        elif kind == "error":
            result.append((kind, output["ename"], output["evalue"]))
    return result


def _streams_merged(outputs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Consecutive stream outputs of one name joined: how they are cut into messages depends
    on buffering, not on what the cell printed."""
    merged: list[tuple[str, str, str]] = []
    for kind, name, text in outputs:
        if merged and kind == "stream" and merged[-1][:2] == (kind, name):
            merged[-1] = (kind, name, merged[-1][2] + text)
        else:
            merged.append((kind, name, text))
    return merged


def differences(committed, executed) -> list[str]:
    """Human-readable differences between two runs of the same notebook (empty when equal)."""
    problems = []
    if len(committed.cells) != len(executed.cells):
        return [f"{len(committed.cells)} cells committed, {len(executed.cells)} now"]
    for index, (old, new) in enumerate(zip(committed.cells, executed.cells)):
        if old.cell_type != new.cell_type:
            problems.append(f"cell {index}: {old.cell_type} committed, {new.cell_type} now")
            continue
        if old.cell_type != "code":
            continue
        old_outputs, new_outputs = _streams_merged(_outputs(old)), _streams_merged(_outputs(new))
        if len(old_outputs) != len(new_outputs):
            problems.append(f"cell {index}: {len(old_outputs)} outputs committed, {len(new_outputs)} now")
            continue
        for (kind_a, name_a, text_a), (kind_b, name_b, text_b) in zip(old_outputs, new_outputs):
            shape_a, numbers_a = _normalise(text_a)
            shape_b, numbers_b = _normalise(text_b)
            if (kind_a, name_a) != (kind_b, name_b) or shape_a != shape_b or not _close(numbers_a, numbers_b, name_a):
                problems.append(f"cell {index}: {kind_a} {name_a} differs")
    return problems
