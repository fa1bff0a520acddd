"""How long reading and writing documents takes; prints figures, asserts nothing.

Times the bundled example ledger (the agreement and its call-offs) and one evaluation through
to_dict/from_dict, to_json/from_json and to_toml/from_toml, next to the standard library's
json.loads/json.dumps of the same text (the floor any JSON reader pays).

Run: .venv/bin/python benchmarks/serialization.py
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from ledarutveckling import AgreementLedger, Evaluation
from ledarutveckling.examples import stockholm_evaluations, stockholm_ledger
from ledarutveckling.serialization import (
    from_dict,
    from_json,
    from_toml,
    to_dict,
    to_json,
    to_toml,
)


def per_call(function: Callable[[], Any], *, seconds: float = 0.5) -> float:
    """Median of five runs of the time per call, in microseconds."""
    function()  # warm up: builds the converter's hooks
    runs = []
    for _ in range(5):
        count = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds / 5:
            function()
            count += 1
        runs.append((time.perf_counter() - start) / count * 1e6)
    return sorted(runs)[2]


def report(name: str, value: Any, cls: type[Any]) -> None:
    data = to_dict(value)
    text = to_json(value)
    compact = to_json(value, indent=None)
    print(f"{name}: {len(text.encode())} bytes of JSON (indented), {len(compact)} compact")
    rows = [
        ("json.loads (stdlib floor)", lambda: json.loads(compact)),
        ("json.dumps of to_dict (floor)", lambda: json.dumps(data)),
        ("to_dict", lambda: to_dict(value)),
        ("from_dict", lambda: from_dict(cls, data)),
        ("to_json (compact)", lambda: to_json(value, indent=None)),
        ("from_json", lambda: from_json(cls, compact)),
    ]
    try:
        toml_text = to_toml(value)
    except ValueError:
        print("  (not writable as TOML: it holds a None that TOML cannot)")
    else:
        rows += [
            ("to_toml", lambda: to_toml(value)),
            ("from_toml", lambda: from_toml(cls, toml_text)),
        ]
    for label, function in rows:
        print(f"  {label:32} {per_call(function):10.1f} µs")


if __name__ == "__main__":
    report("AgreementLedger (7 call-offs)", stockholm_ledger(), AgreementLedger)
    report("Evaluation (9 responses)", stockholm_evaluations()[3], Evaluation)
