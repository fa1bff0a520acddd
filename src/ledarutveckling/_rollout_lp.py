"""The rollout planner's counting model: a linear bound and exact plans (private).

A plan can be described by counts: ``Y[k][t]``, the cohorts that have held module ``k`` by
slot ``t``. Every valid plan's counts meet these conditions:

* **order and gaps**: ``Y[k][t] <= Y[k-1][back(t)]``, where ``back(t)`` is the last slot that
  lets module ``k`` follow by its gap (each cohort that held ``k`` by ``t`` held ``k-1`` by
  then);
* **span**: ``Y[last][span_end(d)] >= Y[0][end of day d]`` (a cohort that started by day
  ``d`` has ended by the span's end from ``d``), and first modules only on startable days;
* **deadlines** (for plans, not for the bound: a plan that cannot meet them all is made
  without them): ``Y[k][L] >=`` the cohorts whose latest slot for ``k`` is ``L`` or earlier;
* **capacity**: in each slot the facilitator-sessions held (a pair counts twice) are at
  most the facilitators present, and the in-person sessions at most the rooms; in each day
  and ISO week at most what the facilitators' daily and weekly caps allow;
* every cohort holds every module by the plan's last slot.

So when no fractional counts meet them by a day, no plan ends by that day
(:func:`relaxation_day`): a bound that sees every resource, gap and span at once,
where :func:`ledarutveckling._rollout_solver.lower_bound` looks at one window at a time.

The other way round, whole counts become a plan (:func:`exact_plan`): taking the cohorts in
one order, the ``i``-th session of every module goes to the ``i``-th cohort. The gap, span
and deadline conditions then hold for each cohort (the ``i``-th session of module ``k`` in
slot ``t`` means ``Y[k][t] > i``, hence ``Y[k-1][back(t)] > i``); rooms are counted only if
they take the largest cohort, and the facilitators of each slot are chosen by a second,
linear model whose matrix is totally unimodular, so its basic solutions are whole.

The linear and integer programs are solved by HiGHS (:mod:`highspy`), imported on first use.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ledarutveckling import _rollout_solver as solver

if TYPE_CHECKING:
    import highspy

MIP_SECONDS: Final = 3.0
"""The most time HiGHS may spend on one integer program before the planner gives up on it."""

_EPS: Final = 1e-6


def _highs() -> highspy.Highs:
    """A silent HiGHS instance.

    ``highspy.Highs()`` prints a banner as it is made, before any option can be set; the
    class it extends does not, so it is made from that and the output switched off first.
    """
    import highspy

    make = getattr(getattr(highspy, "_core", None), "_Highs", highspy.Highs)
    h: highspy.Highs = make()
    h.setOptionValue("output_flag", False)
    return h


class _Rows:
    """A sparse matrix built row by row, with each row's bounds."""

    def __init__(self) -> None:
        self.starts: list[int] = [0]
        self.index: list[int] = []
        self.value: list[float] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def add(self, entries: dict[int, float], lower: float, upper: float) -> None:
        for j, v in entries.items():
            self.index.append(j)
            self.value.append(v)
        self.starts.append(len(self.index))
        self.lower.append(lower)
        self.upper.append(upper)


class CountModel:
    """The counting conditions for plans that end by *day*, as a HiGHS model.

    Args:
        inst: The instance.
        day: The plan's last working day.
        rooms: The rooms counted in each slot.
        deadlines: Whether the units' deadlines are conditions. The bound leaves them out:
            when they cannot all be met, the planner still plans, without them.
    """

    def __init__(self, inst: solver.Instance, day: int, rooms: int, deadlines: bool) -> None:
        import highspy
        import numpy as np

        inf = highspy.kHighsInf
        self.inst = inst
        self.day = day
        ns = inst.ns
        mods = inst.modules
        n = len(mods)
        count = len(inst.sizes)
        slots = day * ns + ns
        self.slots = slots
        self.columns = n * slots
        lower = np.zeros(self.columns)
        upper = np.full(self.columns, float(count))
        rows = _Rows()
        startable = solver.startable_days(inst)

        def y(k: int, t: int) -> int:
            return k * slots + t

        def held(k: int, first: int, last: int, weight: float, into: dict[int, float]) -> None:
            """Add weight times the sessions of module k held in slots first..last."""
            into[y(k, last)] = into.get(y(k, last), 0.0) + weight
            if first:
                into[y(k, first - 1)] = into.get(y(k, first - 1), 0.0) - weight

        for k in range(n):
            lower[y(k, slots - 1)] = float(count)
            for t in range(slots):
                if k == 0 and not startable[t // ns]:
                    if t:
                        rows.add({y(0, t): 1.0, y(0, t - 1): -1.0}, 0.0, 0.0)
                    else:
                        upper[y(0, 0)] = 0.0
                elif t:
                    rows.add({y(k, t): 1.0, y(k, t - 1): -1.0}, 0.0, inf)
                if k:
                    back = inst.back(t, mods[k].gap)
                    if back < 0:
                        upper[y(k, t)] = 0.0
                    else:
                        rows.add({y(k, t): 1.0, y(k - 1, back): -1.0}, -inf, 0.0)
        if inst.span is not None:
            for d in range(day + 1):
                end = inst.span_end(d)
                if end < slots - 1 and (n > 1 or end > d * ns + ns - 1):
                    rows.add({y(n - 1, end): 1.0, y(0, d * ns + ns - 1): -1.0}, 0.0, inf)
        for k in range(n) if deadlines else ():
            latest = sorted(row[k] for row in inst.latest if row[k] < slots - 1)
            for t in sorted(set(latest)):
                need = float(bisect_right(latest, t))
                if t < 0:
                    rows.add({}, need, inf)  # a deadline before the start: no plan
                else:
                    rows.add({y(k, t): 1.0}, need, inf)
        in_person = [k for k in range(n) if mods[k].in_person]
        weeks: dict[int, list[int]] = {}
        for d in range(day + 1):
            weeks.setdefault(inst.weeks[d], []).append(d)
            for t in range(d * ns, d * ns + ns):
                if in_person:
                    entries: dict[int, float] = {}
                    for k in in_person:
                        held(k, t, t, 1.0, entries)
                    rows.add(entries, -inf, float(rooms))
        # Facilitators: in each week, those present on the same days with the same caps form
        # a class; a class of m works at most m sessions a slot, m times its daily cap a day
        # and m times its weekly cap a week, and each slot's sessions need their leaders.
        extra_upper: list[float] = []
        leaders: dict[int, dict[int, float]] = {}
        for group in weeks.values():
            classes: dict[tuple[tuple[int, ...], int, int], int] = {}
            for fac in inst.facilitators:
                days = tuple(d for d in group if fac.available[d])
                if days and fac.day_cap > 0 and fac.week_cap > 0:
                    key = (days, min(fac.day_cap, ns), fac.week_cap)
                    classes[key] = classes.get(key, 0) + 1
            for (days, day_cap, week_cap), size in classes.items():
                week_entries: dict[int, float] = {}
                for d in days:
                    day_entries: dict[int, float] = {}
                    for t in range(d * ns, d * ns + ns):
                        j = self.columns + len(extra_upper)
                        extra_upper.append(float(size))
                        leaders.setdefault(t, {})[j] = -1.0
                        day_entries[j] = week_entries[j] = 1.0
                    if day_cap < ns:
                        rows.add(day_entries, -inf, float(size * day_cap))
                if week_cap < len(week_entries):
                    rows.add(week_entries, -inf, float(size * week_cap))
        for t in range(slots):
            entries = dict(leaders.get(t, {}))
            for k in range(n):
                held(k, t, t, float(mods[k].facilitators), entries)
            rows.add(entries, -inf, 0.0)
        self.count_columns = self.columns
        self.columns += len(extra_upper)
        lower = np.concatenate([lower, np.zeros(len(extra_upper))])
        upper = np.concatenate([upper, np.array(extra_upper)])
        lp = highspy.HighsLp()
        lp.num_col_ = self.columns
        lp.num_row_ = len(rows.lower)
        lp.col_cost_ = np.zeros(self.columns)
        lp.col_lower_ = lower
        lp.col_upper_ = upper
        lp.row_lower_ = np.array(rows.lower)
        lp.row_upper_ = np.array(rows.upper)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.array(rows.starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(rows.index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(rows.value)
        self.lp = lp

    def feasible(self) -> bool:
        """Whether fractional counts meet every condition (``True`` unless proven not)."""
        import highspy

        h = _highs()
        h.passModel(self.lp)
        h.run()
        return bool(h.getModelStatus() != highspy.HighsModelStatus.kInfeasible)

    def whole(self, seconds: float = MIP_SECONDS) -> list[list[int]] | None:
        """Whole counts meeting every condition, found within *seconds*, or ``None``."""
        import highspy
        import numpy as np

        h = _highs()
        h.setOptionValue("time_limit", seconds)
        h.passModel(self.lp)
        columns = np.arange(self.count_columns, dtype=np.int32)
        kinds = np.full(self.count_columns, highspy.HighsVarType.kInteger)
        h.changeColsIntegrality(self.count_columns, columns, kinds)
        h.run()
        solution = h.getSolution()
        if not solution.value_valid:
            return None
        values = list(solution.col_value)
        slots = self.slots
        return [
            [round(v) for v in values[k * slots : (k + 1) * slots]]
            for k in range(len(self.inst.modules))
        ]


def relaxation_day(inst: solver.Instance, low: int) -> int | None:
    """The first day from *low* by which fractional counts meet every condition, or ``None``.

    The conditions only loosen as the day moves later, so the day is found by galloping and
    bisection.
    """
    rooms = len(inst.rooms)
    return solver._smallest_day(
        lambda day: CountModel(inst, day, rooms, deadlines=False).feasible(),
        low,
        len(inst.ords) - 1,
    )


def binding(inst: solver.Instance, day: int) -> solver.Resource:
    """Which resource keeps the counts from ending the day before *day*.

    The rooms, when the counts would fit a day earlier with as many rooms as cohorts; else
    the facilitators.
    """
    if day > 0 and CountModel(inst, day - 1, len(inst.sizes), deadlines=False).feasible():
        return "rooms"
    return "facilitators"


def exact_plan(inst: solver.Instance, day: int) -> list[solver.Placement] | None:
    """A plan ending by *day* from whole counts, or ``None`` when none is found in time.

    Only rooms that take the largest cohort are counted; without one (and with sessions in
    person) no plan is tried.
    """
    rooms = sorted(
        (r for r in range(len(inst.rooms)) if inst.rooms[r] >= max(inst.sizes)),
        key=lambda r: inst.rooms[r],
    )
    if not rooms and any(m.in_person for m in inst.modules):
        return None
    counts = CountModel(inst, day, len(rooms), deadlines=True).whole()
    if counts is None:
        return None
    n = len(inst.modules)
    order = sorted(range(len(inst.sizes)), key=lambda c: (*reversed(inst.latest[c]), c))
    sessions: list[tuple[int, int, int]] = []  # slot, module, cohort
    for k in range(n):
        before = 0
        for t, total in enumerate(counts[k]):
            sessions.extend((t, k, order[i]) for i in range(before, total))
            before = max(before, total)
    sessions.sort()
    leaders = _facilitators(inst, day, sessions)
    if leaders is None:
        return None
    placements = []
    room_at: dict[int, int] = {}
    for t, k, cohort in sessions:
        room = -1
        if inst.modules[k].in_person:
            used = room_at.get(t, 0)
            room_at[t] = used + 1
            room = rooms[used]
        chosen = tuple(leaders[t][: inst.modules[k].facilitators])
        del leaders[t][: inst.modules[k].facilitators]
        placements.append(solver.Placement(cohort, k, t, chosen, room))
    return placements if _meets(inst, placements) else None


def _facilitators(
    inst: solver.Instance, day: int, sessions: Sequence[tuple[int, int, int]]
) -> dict[int, list[int]] | None:
    """For each slot, the facilitators working it, as many as its sessions need, or ``None``.

    A linear model: a variable for each facilitator and slot they are present in, at most
    one session each; each slot's need met; each facilitator's daily and weekly caps kept.
    Each variable is in one slot's row and in its facilitator's nested day and week rows:
    two laminar families, so the matrix is totally unimodular and the simplex method's
    solution is whole.
    """
    import highspy
    import numpy as np

    ns = inst.ns
    need: dict[int, int] = {}
    for t, k, _ in sessions:
        need[t] = need.get(t, 0) + inst.modules[k].facilitators
    columns: list[tuple[int, int]] = []
    by_slot: dict[int, list[int]] = {}
    for f, fac in enumerate(inst.facilitators):
        for t in need:
            if fac.available[t // ns]:
                by_slot.setdefault(t, []).append(len(columns))
                columns.append((f, t))
    rows = _Rows()
    for t, people in need.items():
        rows.add(dict.fromkeys(by_slot.get(t, []), 1.0), float(people), float(people))
    per_day: dict[tuple[int, int], dict[int, float]] = {}
    per_week: dict[tuple[int, int], dict[int, float]] = {}
    for j, (f, t) in enumerate(columns):
        per_day.setdefault((f, t // ns), {})[j] = 1.0
        per_week.setdefault((f, inst.weeks[t // ns]), {})[j] = 1.0
    for (f, _), entries in per_day.items():
        rows.add(entries, 0.0, float(inst.facilitators[f].day_cap))
    for (f, _), entries in per_week.items():
        rows.add(entries, 0.0, float(inst.facilitators[f].week_cap))
    lp = highspy.HighsLp()
    lp.num_col_ = len(columns)
    lp.num_row_ = len(rows.lower)
    lp.col_cost_ = np.zeros(len(columns))
    lp.col_lower_ = np.zeros(len(columns))
    lp.col_upper_ = np.ones(len(columns))
    lp.row_lower_ = np.array(rows.lower)
    lp.row_upper_ = np.array(rows.upper)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(rows.starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(rows.index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(rows.value)
    h = _highs()
    h.setOptionValue("solver", "simplex")
    h.passModel(lp)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    leaders: dict[int, list[int]] = {t: [] for t in need}
    for (f, t), value in zip(columns, h.getSolution().col_value, strict=True):
        if value > 1 - _EPS:
            leaders[t].append(f)
        elif value > _EPS:
            return None  # not whole after all (numerical trouble): give up on this plan
    if any(len(leaders[t]) != people for t, people in need.items()):
        return None
    return leaders


def _meets(inst: solver.Instance, placements: Sequence[solver.Placement]) -> bool:
    """Whether the placements keep each cohort's gaps, span and deadlines.

    The counts promise it when one cohort order suits every module's deadlines; where the
    units' deadlines order the cohorts differently for different modules, it is checked.
    """
    ns = inst.ns
    slots: dict[int, list[int]] = {}
    for p in placements:
        slots.setdefault(p.cohort, [0] * len(inst.modules))[p.module] = p.slot
    for cohort, row in slots.items():
        if any(t > inst.latest[cohort][k] for k, t in enumerate(row)):
            return False
        for k in range(1, len(row)):
            if row[k] < inst.release(row[k - 1], inst.modules[k].gap):
                return False  # pragma: no cover - the counts' gap rows rule it out
        if row[-1] > inst.span_end(row[0] // ns):
            return False  # pragma: no cover - the counts' span rows rule it out
    return True
