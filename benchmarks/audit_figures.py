"""Every figure the audited year of reports shows or hides, to compare two versions of the audit.

Run: PYTHONPATH=$PWD/src .venv/bin/python benchmarks/audit_figures.py OUT.json [CASES]
     .venv/bin/python benchmarks/audit_figures.py compare BEFORE.json AFTER.json

CASES is a comma-separated list of cohorts:size:seed (programs of ``evaluations.program``);
each is published for three audiences (the defaults; a minimum of 3 with narrower widths; a
minimum of 7 with wider ones) as a year of seven reports: by cohort, unit and year, a
comparison of the two years, last week's and this week's cohort report, and an earlier unit
report. Every figure of every publication (measure, group, shown, count, figure, notes,
invited, the counts of its categories and whether it is unanimous) and every refusal is
written to OUT.json; run it with each version's src on PYTHONPATH and compare the files
(docs/performance.md, "The anonymity audit").
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from evaluations import program

from ledarutveckling import (
    Audience,
    DateRange,
    Dimension,
    Evaluation,
    breakdown,
    compare_periods,
)
from ledarutveckling.errors import ValidationError

CASES = (
    "100:20:7,400:25:7,30:20:1,50:15:2,75:20:3,150:20:4,200:25:5,60:10:6,120:12:8,250:20:9,"
    "40:8:10,90:6:11"
)
AUDIENCES: tuple[dict[str, object], ...] = (
    {"name": "a"},
    {
        "name": "b",
        "minimum": 3,
        "minimum_text": 6,
        "min_mean_width": "0.5",
        "min_share_width": 10,
    },
    {"name": "c", "minimum": 7, "min_mean_width": "1.5", "min_share_width": 30},
)

Step = Callable[[Audience], tuple[object, Audience]]


def _steps(evaluations: list[Evaluation]) -> list[tuple[str, Step]]:
    years = {
        "before": DateRange.from_iso("2025-01-01", "2025-12-31"),
        "after": DateRange.from_iso("2026-01-01", "2026-12-31"),
    }
    earlier = evaluations[: len(evaluations) * 3 // 4]
    return [
        ("cohort", lambda a: breakdown(evaluations, by=Dimension.COHORT, audience=a)),
        ("unit", lambda a: breakdown(evaluations, by=Dimension.UNIT, audience=a)),
        ("year", lambda a: breakdown(evaluations, by=Dimension.YEAR, audience=a)),
        ("compare", lambda a: compare_periods(evaluations, audience=a, **years)),
        ("last week", lambda a: breakdown(evaluations[:-1], by=Dimension.COHORT, audience=a)),
        ("this week", lambda a: breakdown(evaluations, by=Dimension.COHORT, audience=a)),
        ("earlier units", lambda a: breakdown(earlier, by=Dimension.UNIT, audience=a)),
    ]


def year(evaluations: list[Evaluation], board: Audience) -> list[list[object]]:
    """Each publication's figures (or the refusal's messages), in order."""
    result: list[list[object]] = []
    for name, step in _steps(evaluations):
        try:
            _, board = step(board)
        except ValidationError as refused:
            result.append([name, "refused", [f"{p.code}: {p.message}" for p in refused.problems]])
            continue
        figures = [
            [
                f.measure,
                list(f.group),
                f.shown,
                f.count,
                None if f.figure is None else str(f.figure),
                f.at_least,
                f.at_most,
                f.invited,
                list(f.categories),
                f.unanimous,
            ]
            for f in board.publications[-1].figures
        ]
        result.append([name, figures])
    return result


def compare(before: str, after: str) -> None:
    """Print how many figures the two files hold and where they differ."""
    with open(before, encoding="utf-8") as file:
        old = json.load(file)
    with open(after, encoding="utf-8") as file:
        new = json.load(file)
    figures = hidden = refused = differ = 0
    for key in sorted(old.keys() | new.keys()):
        for was, now in zip(old.get(key, []), new.get(key, []), strict=True):
            if was != now:
                differ += 1
                print(f"differs: {key}, {was[0]}")
            if was[1] == "refused":
                refused += 1
            else:
                figures += len(was[1])
                hidden += sum(1 for f in was[1] if not f[2])
    print(
        f"{len(old)} programs x audiences, {figures} figures ({hidden} hidden), "
        f"{refused} refusals; {differ} publications differ"
    )


def main() -> None:
    if sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
        return
    out = sys.argv[1]
    cases = [tuple(map(int, c.split(":"))) for c in (sys.argv[2:] or [CASES])[0].split(",")]
    result = {}
    start = time.process_time()
    for cohorts, size, seed in cases:
        evaluations = program(cohorts, size, seed)
        for audience in AUDIENCES:
            began = time.process_time()
            key = f"{cohorts}:{size}:{seed}:{audience['name']}"
            result[key] = year(evaluations, Audience(**audience))  # type: ignore[arg-type]
            print(f"{key} {time.process_time() - began:.2f} s CPU", flush=True)
    print(f"all: {time.process_time() - start:.2f} s CPU")
    with open(out, "w", encoding="utf-8") as file:
        json.dump(result, file)


if __name__ == "__main__":
    main()
