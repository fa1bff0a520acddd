"""Reading and writing documents, and starting the library, against pydantic v2 and msgspec.

Prints figures, asserts nothing. Three parts:

1. The library's own figures for the bundled examples (to_dict/from_dict, to_json/from_json,
   to_toml/from_toml) next to the standard library's json.loads/json.dumps of the same text.
2. The benchmark document (``serialization_document.make_workload``: one agreement, 1,000
   call-offs of 3 lines and 2 programs of 4 modules, each module with 3 dated sessions) read
   from JSON and written back by the library, by pydantic v2 and by msgspec (the same data and
   rules, ``serialization_peers``), interleaved in one process over many rounds: medians and
   the interquartile range; then the memory the decoded graph holds (tracemalloc).
3. Start-up in fresh interpreters: ``import ledarutveckling`` against importing the
   third-party modules it loads (``import/deps``, like for like), and against importing every
   declared dependency (``import/declared-deps``: that includes holidays and icalendar, which
   the library leaves for their first use), and import + first Swedish formatting + first
   working-day query against the dependencies doing the same.

The last line holds the ratios (library / peer; below 1.0 the library is faster or smaller):
``decode/pydantic=… encode/pydantic=… decode/msgspec=… memory/pydantic=… import/deps=…``.

Run: .venv/bin/pip install -e ".[bench]" && .venv/bin/python benchmarks/serialization.py
(``--quick`` runs fewer rounds; ``--start-up`` only part 3.)
"""

from __future__ import annotations

import compileall
import gc
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import serialization_peers as peers
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from serialization_document import Workload, make_workload

import ledarutveckling
from ledarutveckling import AgreementLedger, Evaluation
from ledarutveckling._documents.text import _orjson, json_document
from ledarutveckling.examples import stockholm_evaluations, stockholm_ledger
from ledarutveckling.serialization import (
    from_dict,
    from_json,
    from_toml,
    to_dict,
    to_json,
    to_toml,
)

QUICK = "--quick" in sys.argv
ROUNDS = 5 if QUICK else 15
STARTS = 7 if QUICK else 21


# -- 1. the bundled examples -------------------------------------------------------------------


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


# -- 2. the benchmark document against the peers -----------------------------------------------


def timed(function: Callable[[], Any]) -> float:
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def spread(samples: list[float]) -> str:
    quartiles = statistics.quantiles(samples, n=4)
    return (
        f"median {statistics.median(samples) * 1e3:8.1f} ms  "
        f"IQR {quartiles[0] * 1e3:7.1f}–{quartiles[2] * 1e3:7.1f}  "
        f"min {min(samples) * 1e3:7.1f}  max {max(samples) * 1e3:7.1f}"
    )


def retained(function: Callable[[], Any]) -> tuple[int, int]:
    """Bytes the result of *function* holds, and the peak while making it (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = function()
    gc.collect()
    after, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return after - before, peak - before


def compare() -> dict[str, float]:
    document = make_workload()
    text = to_json(document, indent=None)
    data = text.encode()
    sessions = sum(len(s.sessions) for s in document.call_offs)
    print(
        f"\nBenchmark document: {len(document.call_offs)} call-offs, {sessions} sessions, "
        f"{text.count('[Europe/Stockholm]')} aware datetimes, {len(data) / 1e6:.2f} MB of JSON"
    )
    print(f"orjson installed (the fast extra): {_orjson() is not None}")
    ours = from_json(Workload, data)
    assert ours == document
    by_pydantic = peers.pydantic_decode(data)
    by_msgspec = peers.msgspec_decode(data)
    assert peers.pydantic_encode(by_pydantic) == data  # the same document, byte for byte
    # msgspec writes durations in seconds (PT10800S for PT3H); the library reads it the same.
    assert from_json(Workload, peers.msgspec_encode(by_msgspec)) == document
    contestants: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
        "ledarutveckling": (lambda: from_json(Workload, data), lambda: to_json(ours, indent=None)),
        "(no orjson)": (
            lambda: from_json(Workload, data),
            lambda: json_document(ours, indent=None, orjson=False),
        ),
        "pydantic": (
            lambda: peers.pydantic_decode(data),
            lambda: peers.pydantic_encode(by_pydantic),
        ),
        "msgspec": (lambda: peers.msgspec_decode(data), lambda: peers.msgspec_encode(by_msgspec)),
    }
    decode: dict[str, list[float]] = {name: [] for name in contestants}
    encode: dict[str, list[float]] = {name: [] for name in contestants}
    names = list(contestants)
    for round_ in range(ROUNDS):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:  # rotate who goes first
            read, write = contestants[name]
            if name != "(no orjson)":  # it reads like the library: only its writing differs
                decode[name].append(timed(read))
            encode[name].append(timed(write))
    del decode["(no orjson)"]
    print(f"Interleaved, {ROUNDS} rounds (JSON bytes → validated objects, objects → JSON):")
    for name in decode:
        print(f"  decode {name:16} {spread(decode[name])}")
    for name in names:
        print(f"  encode {name:16} {spread(encode[name])}")
    median = {key: statistics.median(values) for key, values in decode.items()}
    median_out = {key: statistics.median(values) for key, values in encode.items()}
    memory = {name: retained(contestants[name][0]) for name in decode}
    print("Memory of the decoded graph (tracemalloc; peak while decoding in brackets):")
    for name, (held, peak) in memory.items():
        print(f"  {name:23} {held / 1e6:8.1f} MB  ({peak / 1e6:.1f} MB)")
    ratios = {
        "decode/pydantic": median["ledarutveckling"] / median["pydantic"],
        "encode/pydantic": median_out["ledarutveckling"] / median_out["pydantic"],
        "decode/msgspec": median["ledarutveckling"] / median["msgspec"],
        "encode/msgspec": median_out["ledarutveckling"] / median_out["msgspec"],
        "encode without orjson/pydantic": median_out["(no orjson)"] / median_out["pydantic"],
        "memory/pydantic": memory["ledarutveckling"][0] / memory["pydantic"][0],
        "memory/msgspec": memory["ledarutveckling"][0] / memory["msgspec"][0],
    }
    for key, value in ratios.items():
        print(f"  {key:30} {value:.2f}")
    return ratios


# -- 3. start-up ---------------------------------------------------------------------------------

FIND_LOADED = (
    "import sys; import ledarutveckling; "
    "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] not in "
    "sys.stdlib_module_names and not m.startswith(('ledarutveckling', '_')))))"
)


def loaded_dependencies() -> str:
    """Import every third-party module that `import ledarutveckling` imports, and no more.

    (holidays, icalendar and the locale data are loaded on first use only.)
    """
    found = subprocess.run(
        [sys.executable, "-c", FIND_LOADED], check=True, capture_output=True, text=True
    )
    return "import " + ", ".join(found.stdout.split())


def declared_dependencies() -> str:
    """Import the top-level modules of every distribution in pyproject's ``dependencies``.

    Read from the installed metadata (so as pyproject.toml was at the last install).
    """
    wanted = {
        canonicalize_name(requirement.name)
        for requirement in map(Requirement, metadata.requires("ledarutveckling") or ())
        if requirement.marker is None
    }
    found = {
        module: {canonicalize_name(d) for d in distributions} & wanted
        for module, distributions in metadata.packages_distributions().items()
        if not module.startswith("_")
    }
    missing = wanted - set().union(*found.values())
    if missing:
        raise SystemExit(f"declared dependencies not installed: {', '.join(sorted(missing))}")
    return "import " + ", ".join(sorted(module for module, names in found.items() if names))


def compile_library() -> None:
    """Write the library's bytecode, as installing a wheel does.

    An editable install under ``PYTHONDONTWRITEBYTECODE=1`` (this machine sets it) would
    otherwise compile every module of the library at every start, while the dependencies,
    installed by pip, start from their bytecode.
    """
    package = Path(ledarutveckling.__file__).parent
    compileall.compile_dir(package, quiet=1)


LOADED = loaded_dependencies()
DECLARED = declared_dependencies()
FIRST_USE = (
    "import ledarutveckling as l, pendulum; "
    "l.formatting.format_date(pendulum.date(2026, 11, 27)); "
    "l.WorkingCalendar.sweden().add_working_days(pendulum.date(2026, 12, 23), 1)"
)
FIRST_USE_DEPENDENCIES = (
    LOADED + "; import babel.dates, datetime, importlib.util, pathlib, holidays.holiday_base; "
    "babel.dates.format_date(datetime.date(2026, 11, 27), format='long', locale='sv_SE'); "
    # holidays' Sweden alone, as the library loads it (not every country)
    "path = pathlib.Path(holidays.holiday_base.__file__).parent / 'countries' / 'sweden.py'; "
    "spec = importlib.util.spec_from_file_location('sweden', path); "
    "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
    "module.Sweden(years=2026, language='sv')"
)


def start_times(codes: dict[str, str]) -> dict[str, float]:
    """Median wall time of a fresh interpreter running each code, minus one running nothing.

    Round by round, every code and an empty interpreter run once each, in a rotating order, so
    that a busy moment of the shared machine hits them all alike.
    """

    def run(source: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", source], check=True)
        return time.perf_counter() - start

    contestants = {"": "pass", **codes}
    names = list(contestants)
    runs: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(STARTS):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            runs[name].append(run(contestants[name]))
    bare = statistics.median(runs[""])
    return {name: statistics.median(runs[name]) - bare for name in codes}


def start_up() -> dict[str, float]:
    compile_library()
    print(
        f"\nStart-up in fresh interpreters (median of {STARTS}, an empty interpreter's taken off;"
        " the library's bytecode written first, as a wheel install does):"
    )
    for label, code in (("declared", DECLARED), ("loaded", LOADED)):
        modules = code.removeprefix("import ").split(", ")
        packages = sorted({module.split(".")[0] for module in modules})
        print(f"  ({label} dependencies: {len(modules)} modules of {', '.join(packages)})")
    figures = start_times(
        {
            "import ledarutveckling": "import ledarutveckling",
            "its declared dependencies": DECLARED,
            "the dependencies' modules it loads": LOADED,
            "import + first formatting + working day": FIRST_USE,
            "dependencies doing the same": FIRST_USE_DEPENDENCIES,
        }
    )
    for label, value in figures.items():
        print(f"  {label:42} {value * 1e3:7.1f} ms")
    library = figures["import ledarutveckling"]
    ratios = {
        "import/deps": library / figures["the dependencies' modules it loads"],
        "import/declared-deps": library / figures["its declared dependencies"],
        "first-use/deps": figures["import + first formatting + working day"]
        / figures["dependencies doing the same"],
    }
    for key, value in ratios.items():
        print(f"  {key:42} {value:.2f}")
    return ratios


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    if "--start-up" in sys.argv:
        start_up()
        sys.exit()
    report("AgreementLedger (7 call-offs)", stockholm_ledger(), AgreementLedger)
    report("Evaluation (9 responses)", stockholm_evaluations()[3], Evaluation)
    ratios = compare() | start_up()
    print(
        " ".join(
            f"{key}={ratios[key]:.2f}"
            for key in (
                "decode/pydantic",
                "encode/pydantic",
                "decode/msgspec",
                "memory/pydantic",
                "import/deps",
            )
        )
    )
