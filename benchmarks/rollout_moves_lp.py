"""Whose are the days a generated move's plan ends after its bound: the plan's or the bound's?

Run: ``python benchmarks/rollout_moves_lp.py --seeds 4 5 --staff 30000`` (the moves of
``benchmarks/rollout.py --moves``; about half a minute a seed). For each move it prints the
plan's end and bound (working days from the start) and the first day, from the bound on,
by which a linear relaxation with every unit's own cohorts fits. Per day and per unit
(cohorts of a unit share their earliest slots), how many cohorts have held each module,
with

* each module's sessions no earlier than the unit's earliest day for it (move dates),
* the modules in order with their gaps and the program's span, in counts,
* in-person sessions per day within the rooms, a unit's sessions per day within the most
  of its cohorts at once (``max_away``) times the slots,
* for every set of modules, their facilitator-sessions per day and per ISO week within
  what those who may lead one of them can give (caps and absences).

Every valid plan of that split gives a solution, so no plan of it ends before that day.
Then, for each unit that limits its staff away, the first day its own counts fit alone
in whole cohorts (an integer program): no plan ends before the latest of those either.
When both are at the bound, the days after it are the plan's. Per day, not per slot, and
over the planner's own (fewest) split: a diagnosis, not the planner's bound.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time

import highspy
import numpy as np
from rollout import CALENDAR, SLOTS, START, generated_move

from ledarutveckling._rollout import away as rollout_away
from ledarutveckling._rollout import counting as rollout_counting
from ledarutveckling._rollout import heuristic as rollout_heuristic
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import planner
from ledarutveckling._rollout import search as rollout_search
from ledarutveckling.scheduling import Rollout

Inst = rollout_instance.Instance


def fits(inst: Inst, day: int, cohorts: list[int] | None = None, whole: bool = False) -> bool:
    """Whether per-day, per-unit counts of *cohorts* (all by default) can end by *day*."""
    ns, mods = inst.ns, inst.modules
    n = len(mods)
    chosen = range(len(inst.sizes)) if cohorts is None else cohorts
    groups: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    for c in chosen:
        unit = inst.units[c] if inst.units else 0
        groups.setdefault((unit, inst.earliest[c] if inst.earliest else (0,) * n), []).append(c)
    days = day + 1
    keys = list(groups)

    def y(g: int, k: int, d: int) -> int:
        return (g * n + k) * days + d

    lower = np.zeros(len(keys) * n * days)
    upper = np.zeros(len(keys) * n * days)
    rows = rollout_counting._Rows()
    inf = highspy.kHighsInf

    def held(g: int, k: int, d: int, weight: float, into: dict[int, float]) -> None:
        into[y(g, k, d)] = into.get(y(g, k, d), 0.0) + weight
        if d:
            into[y(g, k, d - 1)] = into.get(y(g, k, d - 1), 0.0) - weight

    for g, (unit, earliest) in enumerate(keys):
        count = len(groups[unit, earliest])
        for k in range(n):
            for d in range(days):
                upper[y(g, k, d)] = count if d * ns + ns - 1 >= earliest[k] else 0
                if d:
                    rows.add({y(g, k, d): 1, y(g, k, d - 1): -1}, 0, inf)
                if k:
                    back = inst.back(d * ns + ns - 1, mods[k].gap)
                    if back < 0:
                        upper[y(g, k, d)] = 0
                    else:
                        rows.add({y(g, k, d): 1, y(g, k - 1, back // ns): -1}, -inf, 0)
            lower[y(g, k, days - 1)] = count
        for d in range(days):
            end = inst.span_end(d) // ns
            if end < days - 1:
                rows.add({y(g, n - 1, end): 1, y(g, 0, d): -1}, 0, inf)
        if inst.away and inst.away[unit] < rollout_instance.NEVER:
            at_once = rollout_away._at_once(
                [inst.sizes[c] for c in groups[unit, earliest]], inst.away[unit]
            )
            for d in range(days):
                entries: dict[int, float] = {}
                for k in range(n):
                    held(g, k, d, 1, entries)
                rows.add(entries, -inf, at_once * ns)
    weeks: dict[int, list[int]] = {}
    for d in range(days):
        weeks.setdefault(inst.weeks[d], []).append(d)
        entries = {}
        for g in range(len(keys)):
            for k in range(n):
                if mods[k].in_person:
                    held(g, k, d, 1, entries)
        rows.add(entries, -inf, len(inst.rooms) * ns)
    for size in range(1, n + 1):
        for chosen_modules in itertools.combinations(range(n), size):
            leaders = [f for f in inst.facilitators if any(f.may_lead(k) for k in chosen_modules)]
            for d in range(days):
                entries = {}
                for g in range(len(keys)):
                    for k in chosen_modules:
                        held(g, k, d, mods[k].facilitators, entries)
                cap = sum(min(f.day_cap, ns) for f in leaders if f.available[d])
                rows.add(entries, -inf, cap)
            for in_week in weeks.values():
                entries = {}
                for d in in_week:
                    for g in range(len(keys)):
                        for k in chosen_modules:
                            held(g, k, d, mods[k].facilitators, entries)
                cap = sum(
                    min(f.week_cap, sum(min(f.day_cap, ns) for d in in_week if f.available[d]))
                    for f in leaders
                )
                rows.add(entries, -inf, cap)
    h = rollout_counting._highs()
    h.passModel(rows.model(lower, upper))
    if whole:
        columns = len(lower)
        h.setOptionValue("mip_max_nodes", 5000)
        h.changeColsIntegrality(
            columns,
            np.arange(columns, dtype=np.int32),
            np.full(columns, highspy.HighsVarType.kInteger),
        )
    h.run()
    return bool(h.getModelStatus() == highspy.HighsModelStatus.kOptimal)


def first_day(inst: Inst, low: int, high: int, **kwargs: object) -> int | None:
    """The first day from *low* to *high* by which :func:`fits` holds (``None``: none)."""
    return rollout_instance._smallest_day(lambda day: fits(inst, day, **kwargs), low, high)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="*", default=[4, 5], help="the moves' seeds")
    parser.add_argument("--staff", type=int, default=30000, help="the moves' size")
    args = parser.parse_args(argv)
    for seed in args.seeds:
        began = time.perf_counter()
        run = generated_move(seed, args.staff)
        found = run.__closure__ or ()
        cells = {
            name: cell.cell_contents
            for name, cell in zip(run.__code__.co_freevars, found, strict=True)
        }
        rollout = Rollout(
            program=cells["prog"],
            units=cells["units"],
            facilitators=cells["facilitators"],
            rooms=cells["rooms"],
            calendar=CALENDAR,
            slots=SLOTS,
            start=START,
        )
        setup = planner._Setup(rollout, years=2)
        inst = setup.instance
        bound = rollout_search.lower_bound(inst)
        assert bound.day is not None
        searched = inst if rollout_away.away_deadlines_fit(inst) else setup.without_deadlines()
        placements, _ = rollout_search.plan(searched, bound)
        assert placements is not None
        end = rollout_heuristic._end(placements) // inst.ns
        counted = first_day(inst, bound.day, end)
        units: dict[int, list[int]] = {}
        for cohort, unit in enumerate(inst.units):
            if inst.away[unit] < rollout_instance.NEVER:
                units.setdefault(unit, []).append(cohort)
        alone = max(
            (first_day(inst, 0, end, cohorts=c, whole=True) or end + 1 for c in units.values()),
            default=None,
        )
        print(
            f"seed {seed}: plan ends on working day {end}, bound {bound.day}, all units "
            f"counted at once {counted}, each limited unit alone in whole cohorts {alone} "
            f"({time.perf_counter() - began:.0f} s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
