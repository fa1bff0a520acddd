"""Benchmark ``import ledarutveckling`` against importing its core dependencies, like for like.

Run: ``python benchmarks/startup.py`` (``--runs N`` fresh interpreters per figure, default 30;
``--importtime`` adds the library's own modules' import times from ``python -X importtime``).

What is compared (see docs/performance.md, "Start-up"):

- ``import ledarutveckling`` in a fresh interpreter;
- the core dependencies, like for like: in a fresh interpreter, exactly the modules of attrs,
  cattrs, pendulum and babel that ``import ledarutveckling`` itself leaves in ``sys.modules``
  (found by a first interpreter, so ``cattrs.gen`` and ``babel.dates``/``babel.numbers`` are in
  it and ``cattrs.preconf`` is not), imported in the order the library imported them. The
  other dependencies (holidays, icalendar, python-stdnum, tomli-w, highspy) are loaded on first
  use, so they are in neither figure.

Each figure is the minimum over the runs of a fresh interpreter's wall time, minus the minimum
of an empty interpreter's (``python -c pass``): the minimum is the run the shared machine
disturbed least. The processor time (user + system) of the same interpreters is shown beside
it, the same way: other work on a shared machine delays it far less than the wall clock. The
runs are interleaved (one of each per round) so that a busy moment hits them alike. The
library's bytecode is written first, as installing a wheel does (this machine sets
``PYTHONDONTWRITEBYTECODE=1``, which would otherwise compile the library at every start).

The last line is ``import/core-deps=<ratio>``; the target is at most 1.3.
"""

from __future__ import annotations

import argparse
import compileall
import resource
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

CORE = ("attr", "attrs", "cattrs", "pendulum", "babel")

FIND_CORE = (
    "import sys; before = set(sys.modules); import ledarutveckling; "
    f"print(' '.join(m for m in sys.modules if m not in before and m.split('.')[0] in {CORE!r}))"
)


def core_modules() -> list[str]:
    """The modules of the core dependencies that ``import ledarutveckling`` loads, in order."""
    found = subprocess.run(
        [sys.executable, "-c", FIND_CORE], check=True, capture_output=True, text=True
    )
    return found.stdout.split()


def compile_library() -> None:
    """Write the library's bytecode, as installing a wheel does."""
    import ledarutveckling

    compileall.compile_dir(Path(ledarutveckling.__file__).parent, quiet=1)


def _children_cpu() -> float:
    """The processor time (user + system) of the finished child processes so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def start_times(codes: Mapping[str, str], runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """The minimum wall time and processor time of a fresh interpreter running each code.

    Each less an empty interpreter's. The processor time is the child's own (user + system):
    the other work of a shared machine delays it less than it delays the wall clock.
    """

    def run(source: str) -> tuple[float, float]:
        cpu = _children_cpu()
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", source], check=True)
        return time.perf_counter() - start, _children_cpu() - cpu

    contestants = {"": "pass", **codes}
    best = dict.fromkeys(contestants, float("inf"))
    best_cpu = dict.fromkeys(contestants, float("inf"))
    for _ in range(runs):
        for name, code in contestants.items():
            wall, cpu = run(code)
            best[name] = min(best[name], wall)
            best_cpu[name] = min(best_cpu[name], cpu)
    return (
        {name: best[name] - best[""] for name in codes},
        {name: best_cpu[name] - best_cpu[""] for name in codes},
    )


def own_import_times() -> dict[str, float]:
    """Self time (ms) of each of the library's modules in one ``-X importtime`` run."""
    found = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import ledarutveckling"],
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    times = {}
    for line in found.splitlines():
        parts = line.split("|")
        name = parts[-1].strip()
        if name.startswith("ledarutveckling"):
            times[name] = int(parts[0].split(":")[1]) / 1e3
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--importtime", action="store_true")
    arguments = parser.parse_args()
    compile_library()
    modules = core_modules()
    print(f"core dependency modules loaded by the import: {len(modules)}")
    print("  " + " ".join(m for m in modules if m.count(".") <= 1 and "._" not in m))
    figures, processor = start_times(
        {
            "import ledarutveckling": "import ledarutveckling",
            "import the core dependencies": "import " + ", ".join(modules),
        },
        arguments.runs,
    )
    print(f"Fresh interpreters, minimum of {arguments.runs}, an empty interpreter's taken off:")
    print(f"  {'':32} {'wall':>9} {'processor':>11}")
    for label, value in figures.items():
        print(f"  {label:32} {value * 1e3:6.1f} ms {processor[label] * 1e3:8.1f} ms")
    library = figures["import ledarutveckling"]
    deps = figures["import the core dependencies"]
    cpu_library = processor["import ledarutveckling"]
    cpu_deps = processor["import the core dependencies"]
    print(
        f"  {'the library on top':32} {(library - deps) * 1e3:6.1f} ms "
        f"{(cpu_library - cpu_deps) * 1e3:8.1f} ms"
    )
    print(f"  {'import/core-deps, processor time':32} {cpu_library / cpu_deps:6.2f}")
    if arguments.importtime:
        print("The library's own modules (self time, one -X importtime run):")
        times = own_import_times()
        for name, value in sorted(times.items(), key=lambda item: -item[1]):
            print(f"  {name:48} {value:5.1f} ms")
        print(f"  {'total':48} {sum(times.values()):5.1f} ms")
    print(f"import/core-deps={library / deps:.2f}")


if __name__ == "__main__":
    main()
