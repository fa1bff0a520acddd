"""Which deadlines the planner does not keep on a generated move could be kept: a plan that does.

Run: ``python benchmarks/rollout_moves_keep.py --staff 30000 --seeds 3 4 9`` (the moves of
``benchmarks/rollout.py --moves``; a few seconds to a minute a seed). For each move it
plans as the library does, then looks for a plan that ends no later and keeps the deadlines
of every unit not proven out of reach (``RolloutPlan.given_up`` with ``proven``):

* whole counts per unit, module and slot, ``Y[g][k][t]`` the cohorts of unit ``g`` that
  have held module ``k`` by slot ``t``, with each module within the unit's earliest and
  latest slots (move dates, deadlines), the modules in order with their gaps, the span, a
  unit's sessions in a slot within the most of its cohorts at once (``max_away``), the
  in-person sessions within the rooms, and per slot and ISO week, for every set of modules,
  the sessions within what those who may lead one of them can give (an integer program);
* the facilitators of each slot chosen by a flow (one session each a slot, their daily and
  weekly caps, their skills; its matrix is totally unimodular, so its solution is whole),
  with ``--joint`` in the integer program itself (when the counts alone cannot be led);
* the ``i``-th session of each module of a unit given to its ``i``-th cohort, which keeps
  each cohort's gaps, span and window (see ``_rollout.counting``), and rooms by slot.

The plan is then checked by ``check_rollout``: it prints the plan's end and the deadlines it
keeps, and the units it misses (only those proven out of reach when it succeeds), against
the planner's. An offline diagnosis, not the planner: its integer program takes seconds.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable

import highspy
import numpy as np
from rollout import CALENDAR, SLOTS, START, generated_move

from ledarutveckling._rollout import away as rollout_away
from ledarutveckling._rollout import counting as rollout_counting
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import planner
from ledarutveckling.scheduling import Rollout, RolloutPlan, check_rollout

NEVER = rollout_instance.NEVER


def _rollout(seed: int, staff: int) -> Rollout:
    """The generated move's rollout (the arguments its closure keeps)."""
    run = generated_move(seed, staff)
    cells = {
        name: cell.cell_contents
        for name, cell in zip(run.__code__.co_freevars, run.__closure__ or (), strict=True)
    }
    return Rollout(
        program=cells["prog"],
        units=cells["units"],
        facilitators=cells["facilitators"],
        rooms=cells["rooms"],
        calendar=CALENDAR,
        slots=SLOTS,
        start=START,
    )


class Counts:
    """The integer program over the plan's own split, up to slot *last*."""

    def __init__(self, setup: planner._Setup, last: int, free: set[int], joint: bool) -> None:
        inst = self.inst = setup.instance
        ns, mods = inst.ns, inst.modules
        n = len(mods)
        slots = self.slots = last + 1
        units = len(setup.units)
        self.members = [
            [c for c, (u, _, _) in enumerate(setup.cohorts) if u == g] for g in range(units)
        ]
        self.n = n
        lower: list[float] = [0.0] * (units * n * slots)
        upper: list[float] = [0.0] * (units * n * slots)
        rows = rollout_counting._Rows()
        inf = highspy.kHighsInf
        plain = inst.earliest_chain()
        y = self.y

        def held(g: int, k: int, s: int, weight: float, into: dict[int, float]) -> None:
            into[y(g, k, s)] = into.get(y(g, k, s), 0.0) + weight
            if s:
                into[y(g, k, s - 1)] = into.get(y(g, k, s - 1), 0.0) - weight

        for g, cohorts in enumerate(self.members):
            count, first = len(cohorts), cohorts[0]
            early = inst.earliest[first] if inst.earliest else plain
            late = (NEVER,) * n if g in free else inst.latest[first]
            for k in range(n):
                opens = max(early[k], plain[k])
                for s in range(slots):
                    upper[y(g, k, s)] = count if s >= opens else 0
                    if s >= late[k]:
                        lower[y(g, k, s)] = count
                    if s:
                        rows.add({y(g, k, s): 1, y(g, k, s - 1): -1}, 0, inf)
                    if k:
                        back = inst.back(s, mods[k].gap)
                        if back < 0:
                            upper[y(g, k, s)] = 0
                        else:
                            rows.add(
                                {y(g, k, s): 1, y(g, k - 1, min(back, slots - 1)): -1}, -inf, 0
                            )
                lower[y(g, k, slots - 1)] = count
            if inst.span is not None:
                for d in range(slots // ns):
                    end = inst.span_end(d)
                    if end < slots - 1:
                        rows.add({y(g, n - 1, end): 1, y(g, 0, d * ns + ns - 1): -1}, 0, inf)
            if inst.away and inst.away[g] < NEVER:
                at_once = rollout_away._at_once([inst.sizes[c] for c in cohorts], inst.away[g])
                for s in range(slots):
                    entries: dict[int, float] = {}
                    for k in range(n):
                        held(g, k, s, 1, entries)
                    rows.add(entries, -inf, at_once)
        for s in range(slots):
            entries = {}
            for g in range(units):
                for k in range(n):
                    if mods[k].in_person:
                        held(g, k, s, 1, entries)
            rows.add(entries, -inf, len(inst.rooms))
        self.columns = len(lower)
        self.leads: list[tuple[int, int, int]] = []
        if joint:
            self._joint(rows, lower, upper, held)
        else:
            self._sets(rows, held)
        self.model = rows.model(lower, upper)

    def y(self, g: int, k: int, s: int) -> int:
        return (g * self.n + k) * self.slots + s

    def _sets(self, rows: rollout_counting._Rows, held: Callable[..., None]) -> None:
        """Per slot and ISO week, each set of modules within what its leaders can give."""
        inst, ns, n = self.inst, self.inst.ns, self.n
        weeks: dict[int, list[int]] = {}
        for d in range(self.slots // ns):
            weeks.setdefault(inst.weeks[d], []).append(d)
        for size in range(1, n + 1):
            for chosen in itertools.combinations(range(n), size):
                leaders = [f for f in inst.facilitators if any(f.may_lead(k) for k in chosen)]
                for s in range(self.slots):
                    entries: dict[int, float] = {}
                    for g in range(len(self.members)):
                        for k in chosen:
                            held(g, k, s, inst.modules[k].facilitators, entries)
                    rows.add(
                        entries, -highspy.kHighsInf, sum(f.available[s // ns] for f in leaders)
                    )
                for days in weeks.values():
                    entries = {}
                    for d in days:
                        for s in range(d * ns, d * ns + ns):
                            for g in range(len(self.members)):
                                for k in chosen:
                                    held(g, k, s, inst.modules[k].facilitators, entries)
                    cap = sum(
                        min(f.week_cap, sum(min(f.day_cap, ns) for d in days if f.available[d]))
                        for f in leaders
                    )
                    rows.add(entries, -highspy.kHighsInf, cap)

    def _joint(
        self,
        rows: rollout_counting._Rows,
        lower: list[float],
        upper: list[float],
        held: Callable[..., None],
    ) -> None:
        """A column per facilitator, slot and module they may lead, with every cap."""
        inst, ns = self.inst, self.inst.ns
        groups: dict[tuple[str, int, int], list[int]] = {}
        for s in range(self.slots):
            for k in range(self.n):
                entries: dict[int, float] = {}
                for g in range(len(self.members)):
                    held(g, k, s, inst.modules[k].facilitators, entries)
                for index, fac in enumerate(inst.facilitators):
                    if fac.available[s // ns] and fac.may_lead(k):
                        column = len(lower)
                        lower.append(0.0)
                        upper.append(1.0)
                        entries[column] = -1.0
                        for key in (("slot", index, s), ("day", index, s // ns)):
                            groups.setdefault(key, []).append(column)
                        groups.setdefault(("week", index, inst.weeks[s // ns]), []).append(column)
                rows.add(entries, 0, 0)
        for (kind, index, _), columns in groups.items():
            fac = inst.facilitators[index]
            cap = {"slot": 1, "day": fac.day_cap, "week": fac.week_cap}[kind]
            rows.add(dict.fromkeys(columns, 1.0), -highspy.kHighsInf, cap)

    def solve(self, seconds: float) -> np.ndarray | None:
        """Whole counts, or ``None``."""
        h = rollout_counting._highs()
        h.passModel(self.model)
        h.setOptionValue("time_limit", seconds)
        h.changeColsIntegrality(
            self.columns,
            np.arange(self.columns, dtype=np.int32),
            np.full(self.columns, highspy.HighsVarType.kInteger),
        )
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return np.round(np.array(h.getSolution().col_value[: self.columns])).astype(int)


def _led(
    inst: rollout_instance.Instance, demand: dict[tuple[int, int], int]
) -> dict[tuple[int, int], list[int]] | None:
    """The facilitators of each slot and module (a flow), or ``None``."""
    columns = [
        (f, s, k)
        for (s, k) in demand
        for f, fac in enumerate(inst.facilitators)
        if fac.available[s // inst.ns] and fac.may_lead(k)
    ]
    groups: dict[tuple[str, int, int], list[int]] = {}
    for i, (f, s, k) in enumerate(columns):
        groups.setdefault(("need", s, k), []).append(i)
        groups.setdefault(("slot", f, s), []).append(i)
        groups.setdefault(("day", f, s // inst.ns), []).append(i)
        groups.setdefault(("week", f, inst.weeks[s // inst.ns]), []).append(i)
    if any(("need", s, k) not in groups for (s, k) in demand):
        return None
    rows = rollout_counting._Rows()
    for (kind, a, b), ids in groups.items():
        if kind == "need":
            rows.add(dict.fromkeys(ids, 1.0), demand[a, b], demand[a, b])
        else:
            fac = inst.facilitators[a]
            rows.add(
                dict.fromkeys(ids, 1.0),
                0,
                {"slot": 1, "day": fac.day_cap, "week": fac.week_cap}[kind],
            )
    h = rollout_counting._highs()
    h.passModel(rows.model([0.0] * len(columns), [1.0] * len(columns)))
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    chosen = np.round(np.array(h.getSolution().col_value)).astype(int)
    led: dict[tuple[int, int], list[int]] = {}
    for i, (f, s, k) in enumerate(columns):
        if chosen[i]:
            led.setdefault((s, k), []).append(f)
    return led


def keeping(rollout: Rollout, plan: RolloutPlan, joint: bool, seconds: float) -> RolloutPlan | str:
    """A plan ending by *plan*'s last day keeping every deadline not proven out of reach."""
    sizes: dict[str, dict[int, int]] = {}
    for session in plan.sessions:
        sizes.setdefault(session.unit, {})[session.cohort] = session.size
    split = tuple(tuple(sizes[u.name][i] for i in sorted(sizes[u.name])) for u in rollout.units)
    setup = planner._Setup(rollout, years=2, split=split)
    inst = setup.instance
    names = [unit.name for unit in rollout.units]
    free = {names.index(given.unit) for given in plan.given_up if given.proven}
    last = (setup.days.index(plan.end_date) + 1) * inst.ns - 1
    counts = Counts(setup, last, free, joint)
    values = counts.solve(seconds)
    if values is None:
        return "no whole counts (within the time limit)"
    held: dict[tuple[int, int, int], int] = {}
    for g in range(len(names)):
        for k in range(counts.n):
            before = 0
            for s in range(counts.slots):
                now = int(values[counts.y(g, k, s)])
                if now > before:
                    held[g, k, s] = now - before
                before = now
    demand: dict[tuple[int, int], int] = {}
    for (_, k, s), count in held.items():
        demand[s, k] = demand.get((s, k), 0) + count * inst.modules[k].facilitators
    led = _led(inst, demand)
    if led is None:
        return "the counts cannot be led (try --joint)"
    placements = []
    taken: dict[tuple[int, int], int] = {}
    rooms: dict[int, int] = {}
    for g, k, s in sorted(held, key=lambda key: (key[2], key[1], key[0])):
        for _ in range(held[g, k, s]):
            cohort = counts.members[g][taken.get((g, k), 0)]
            taken[g, k] = taken.get((g, k), 0) + 1
            need = inst.modules[k].facilitators
            leaders, led[s, k] = led[s, k][:need], led[s, k][need:]
            room = -1
            if inst.modules[k].in_person:
                room = rooms[s] = rooms.get(s, -1) + 1
            placements.append(rollout_instance.Placement(cohort, k, s, tuple(leaders), room))
    return RolloutPlan(rollout=rollout, sessions=setup.sessions(placements), bound=plan.bound)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="*", default=[3, 4, 9], help="the moves' seeds")
    parser.add_argument("--staff", type=int, default=30000, help="the moves' size")
    parser.add_argument("--joint", action="store_true", help="the facilitators in the program")
    parser.add_argument("--seconds", type=float, default=600.0, help="the program's time limit")
    args = parser.parse_args(argv)
    for seed in args.seeds:
        rollout = _rollout(seed, args.staff)
        plan = planner.plan_rollout(rollout)
        met = plan.deadlines_met
        not_kept = sorted(given.unit for given in plan.given_up if not given.proven)
        print(
            f"seed {seed}: planner ends {plan.end_date}, keeps {sum(met.values())}/{len(met)}, "
            f"not kept (not proven): {', '.join(not_kept) or 'none'}",
            flush=True,
        )
        if not not_kept:
            continue
        began = time.perf_counter()
        found = keeping(rollout, plan, args.joint, args.seconds)
        took = time.perf_counter() - began
        if isinstance(found, str):
            print(f"  no plan keeping them: {found} ({took:.0f} s)", flush=True)
            continue
        problems = check_rollout(found)
        codes = sorted({str(p.code) for p in problems})
        whose = sorted({str(p.params.get("unit")) for p in problems})
        kept = found.deadlines_met
        missed = sorted(unit for unit, ok in kept.items() if not ok)
        proven = sorted(given.unit for given in plan.given_up if given.proven)
        print(
            f"  a plan ends {found.end_date}, keeps {sum(kept.values())}/{len(kept)}; misses "
            f"{'only the units proven out of reach' if missed == proven else missed}; "
            f"check_rollout: {codes or 'no problem'} of "
            f"{'the proven units only' if set(whose) <= set(proven) else whose} ({took:.0f} s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
