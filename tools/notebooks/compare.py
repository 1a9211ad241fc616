"""Compares a notebook's outputs with a fresh run's, ignoring what legitimately varies:
timings and rates in progress bars, display ids, object addresses, and small numeric
differences (BLAS kernels round differently on different CPUs)."""
from __future__ import annotations

import re

NUMBER = re.compile(r"-?\d+\.\d+(?:e[-+]?\d+)?|-?\d+e[-+]?\d+")
VOLATILE = [
    (re.compile(r"\[\d+:\d\d(?::\d\d)?(?:(?:<|&lt;)[^,\]]*)?, *[^\]]*?(?:it/s|s/it)"), "[TIME, RATE"),
    (re.compile(r"0x[0-9a-f]+"), "0xADDR"),
]


def _normalise(text: str) -> tuple[str, list[float]]:
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    numbers = [float(n) for n in NUMBER.findall(text)]
    return NUMBER.sub("#", text), numbers


def _close(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= 1e-3 + 1e-3 * abs(y) or abs(x - y) <= 0.05 for x, y in zip(a, b))


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


def differences(committed, executed) -> list[str]:
    """Human-readable differences between two runs of the same notebook (empty when equal)."""
    problems = []
    if len(committed.cells) != len(executed.cells):
        return [f"{len(committed.cells)} cells committed, {len(executed.cells)} now"]
    for index, (old, new) in enumerate(zip(committed.cells, executed.cells)):
        if old.cell_type != "code":
            continue
        old_outputs, new_outputs = _outputs(old), _outputs(new)
        if len(old_outputs) != len(new_outputs):
            problems.append(f"cell {index}: {len(old_outputs)} outputs committed, {len(new_outputs)} now")
            continue
        for (kind_a, name_a, text_a), (kind_b, name_b, text_b) in zip(old_outputs, new_outputs):
            shape_a, numbers_a = _normalise(text_a)
            shape_b, numbers_b = _normalise(text_b)
            if (kind_a, name_a) != (kind_b, name_b) or shape_a != shape_b or not _close(numbers_a, numbers_b):
                problems.append(f"cell {index}: {kind_a} {name_a} differs")
    return problems
