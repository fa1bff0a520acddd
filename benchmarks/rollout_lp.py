"""How much of a rollout plan's distance to its bound is the bound's: a linear relaxation.

Run: ``python benchmarks/rollout_lp.py`` (needs scipy: ``pip install -e ".[bench]"``). For every
benchmark instance and ``--generated N`` random ones from ``--first-seed`` (those of
``benchmarks/rollout.py``) whose plan ends more than ``--over`` working days after the
planner's bound, it finds the first day an aggregate linear relaxation allows: per day, how
many sessions of each module are held (fractions allowed), with

* every cohort's modules in order with their gaps (cumulative counts: no more cohorts have
  had module k+1 by a day than had module k by that day less the gap),
* the span (every cohort that started by a day has had its last module by the span's end),
  first modules on startable days only, and the units' deadlines (in counts),
* facilitator-sessions per day and per ISO week within the facilitators' caps and absences,
  and in-person sessions per day within the rooms.

Every valid plan gives a solution, so no plan ends before that day either. It is not the
planner's bound (it needs an LP solver and ignores which facilitators pair up in a slot and
which rooms take which cohorts); it shows, for the plans that miss, how far the bound could
still rise and how much of the distance is the scheduler's.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections.abc import Callable
from unittest import mock

import numpy as np
from rollout import INSTANCES, generated
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

from ledarutveckling._rollout import bounds as rollout_bounds
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import search as rollout_search
from ledarutveckling.scheduling import RolloutPlan


def relaxation_allows(inst: rollout_instance.Instance, end: int) -> bool:
    """Whether the aggregate relaxation has a solution that ends by day *end*."""
    ns, ords, mods = inst.ns, inst.ords, inst.modules
    n, count, days = len(mods), len(inst.sizes), end + 1

    def var(k: int, d: int) -> int:
        return k * days + d

    rows: list[dict[int, float]] = []
    limits: list[float] = []

    def add(row: dict[int, float], limit: float) -> None:
        rows.append(row)
        limits.append(limit)

    def cumulative(k: int, last: int, sign: float, row: dict[int, float]) -> None:
        for d in range(last + 1):
            row[var(k, d)] = row.get(var(k, d), 0.0) + sign

    for k in range(1, n):
        for d in range(days):
            back = d if mods[k].gap == 0 else bisect.bisect_right(ords, ords[d] - mods[k].gap) - 1
            row: dict[int, float] = {}
            cumulative(k, d, 1.0, row)
            cumulative(k - 1, back, -1.0, row)
            add(row, 0.0)
    if inst.span is not None:
        ends = [bisect.bisect_right(ords, ords[d] + inst.span) - 1 for d in range(days)]
        for d in range(days):
            started = [e for e in range(days) if ends[e] <= d]
            if started:
                row = {}
                cumulative(0, max(started), 1.0, row)
                cumulative(n - 1, d, -1.0, row)
                add(row, 0.0)
    for k in range(n):
        due = sorted(row[k] // ns for row in inst.latest if row[k] < rollout_instance.NEVER)
        for d in sorted(set(due)):
            if d < days:
                row = {}
                cumulative(k, d, -1.0, row)
                add(row, -float(bisect.bisect_right(due, d)))
    facs = inst.facilitators
    week_days: dict[int, list[int]] = {}
    for d in range(days):
        week_days.setdefault(inst.weeks[d], []).append(d)
        add(
            {var(k, d): mods[k].facilitators for k in range(n)},
            sum(min(f.day_cap, ns) for f in facs if f.available[d]),
        )
        room_row = {var(k, d): 1.0 for k in range(n) if mods[k].in_person}
        if room_row:
            add(room_row, len(inst.rooms) * ns)
    for group in week_days.values():
        capacity = sum(
            min(f.week_cap, sum(min(f.day_cap, ns) for d in group if f.available[d])) for f in facs
        )
        add({var(k, d): mods[k].facilitators for k in range(n) for d in group}, capacity)
    matrix = lil_matrix((len(rows), n * days))
    for i, row in enumerate(rows):
        for j, value in row.items():
            matrix[i, j] = value
    totals = lil_matrix((n, n * days))
    for k in range(n):
        for d in range(days):
            totals[k, var(k, d)] = 1.0
    startable = rollout_instance.startable_days(inst)
    bounds = [
        (0.0, 0.0 if k == 0 and not startable[d] else None) for k in range(n) for d in range(days)
    ]
    result = linprog(
        np.zeros(n * days),
        A_ub=matrix.tocsr(),
        b_ub=limits,
        A_eq=totals.tocsr(),
        b_eq=[count] * n,
        bounds=bounds,
        method="highs",
    )
    return bool(result.status == 0)


def planned(
    run: Callable[[], RolloutPlan],
) -> tuple[RolloutPlan, rollout_instance.Instance, int, int]:
    """The plan, its solver instance, and the bound's and the plan's last working day."""
    seen: list[rollout_instance.Instance] = []
    original = rollout_search.lower_bound

    def keep(inst: rollout_instance.Instance) -> rollout_bounds.Bound:
        seen.append(inst)
        return original(inst)

    with mock.patch.object(rollout_search, "lower_bound", keep):
        plan = run()
    inst = seen[0]
    bound = bisect.bisect_left(inst.ords, plan.lower_bound.toordinal())
    end = bisect.bisect_left(inst.ords, plan.end_date.toordinal())
    return plan, inst, bound, end


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--generated", type=int, default=40, help="random instances to check")
    parser.add_argument("--over", type=int, default=1, help="check plans further than this")
    parser.add_argument(
        "--first-seed", type=int, default=0, help="the first random instance's seed"
    )
    args = parser.parse_args(argv)
    cases = [(i.name, i.run) for i in INSTANCES]
    seeds = range(args.first_seed, args.first_seed + args.generated)
    cases += [(f"generated {seed}", generated(seed)) for seed in seeds]
    print(f"{'instance':<28}{'bound':>6}{'LP':>6}{'plan':>6}  (working days from the bound)")
    for name, run in cases:
        plan, inst, bound, end = planned(run)
        if plan.gap_working_days <= args.over:
            continue
        day = bound
        while day < end and not relaxation_allows(inst, day):
            day += 1
        print(f"{name:<28}{0:>6}{day - bound:>6}{end - bound:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
