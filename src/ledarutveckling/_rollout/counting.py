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
* **capacity**: in each slot the in-person sessions are at most the rooms, and the sessions
  led by ``g`` facilitators at most the facilitators present divided by ``g``; the
  facilitator-sessions held (a pair counts twice) are led by facilitators present, one
  session each at a time, within their daily and weekly caps (in each ISO week, those
  present on the same days with the same caps are counted together as a class);
* every cohort holds every module by the plan's last slot.

So when no fractional counts meet them by a day, no plan ends by that day
(:class:`Relaxation`): a bound that sees every resource, gap and span at once,
where :func:`ledarutveckling._rollout.search.lower_bound` looks at one window at a time.

The other way round, whole counts become a plan (:func:`exact_plan`): taking the cohorts in
one order, the ``i``-th session of every module goes to the ``i``-th cohort. The gap, span
and deadline conditions then hold for each cohort (the ``i``-th session of module ``k`` in
slot ``t`` means ``Y[k][t] > i``, hence ``Y[k-1][back(t)] > i``). The plan's counts are taken
per day, which halves the integer program; the cohorts are counted in classes by the rooms
that take them, each class in its own order (a plan whose large cohorts fit only the large
rooms and the others every room); each day's sessions are then spread over its slots and the
facilitators of each slot chosen by a second, linear model whose matrix is totally
unimodular, so its basic solutions are whole (:func:`_into_slots`).

The linear and integer programs are solved by HiGHS (:mod:`highspy`), imported on first use.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from ledarutveckling._rollout import instance as rollout_instance

if TYPE_CHECKING:
    import highspy


MIP_NODES: Final = 2000
"""The most branch-and-bound nodes HiGHS may search in one search for whole counts.

A limit on work, not on time, so that the same rollout always gets the same plan, whatever
the machine and its load (HiGHS on one thread is deterministic; a clock is not). The
searches measured on the benchmarks end at the root node: those next to the fractional
counts, and the proofs that no whole counts exist. A search that reaches the limit finds
nothing (the list schedulers' later plan stands) and proves nothing."""

IPM_ITERATIONS: Final = 500
"""The most iterations of the interior point method that finds a point inside the
fractional counts (the benchmarks take 15-30)."""


WIDTHS: Final = (0, 1, None)
"""The ranges :meth:`CountModel.whole` searches for whole counts by default: within the
fractional counts rounded down and up, within one more each way, and anywhere."""


_EPS: Final = 1e-6


def _highs() -> highspy.Highs:
    """A silent HiGHS instance on one thread.

    ``highspy.Highs()`` prints a banner as it is made, before any option can be set; the
    class it extends does not, so it is made from that and the output switched off first.

    One thread: HiGHS's worker threads are shared by the whole process, and a process forked
    after they started (``multiprocessing`` on Linux before Python 3.14) hangs in its first
    integer program. One thread also keeps plans the same on machines with more cores.
    """
    import highspy

    make = getattr(getattr(highspy, "_core", None), "_Highs", highspy.Highs)
    h: highspy.Highs = make()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
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

    def model(self, lower: Sequence[float], upper: Sequence[float]) -> highspy.HighsLp:
        """A HiGHS model with these rows, no objective and columns within *lower*/*upper*."""
        import highspy
        import numpy as np

        lp = highspy.HighsLp()
        lp.num_col_ = len(lower)
        lp.num_row_ = len(self.lower)
        lp.col_cost_ = np.zeros(len(lower))
        lp.col_lower_ = np.asarray(lower, dtype=float)
        lp.col_upper_ = np.asarray(upper, dtype=float)
        lp.row_lower_ = np.array(self.lower)
        lp.row_upper_ = np.array(self.upper)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.array(self.starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(self.index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(self.value)
        return lp


class CountModel:
    """The counting conditions for plans that end by *day*, as a HiGHS model.

    Args:
        inst: The instance.
        day: The plan's last working day.
        rooms: The rooms counted in each slot.
        deadlines: Whether the units' deadlines are conditions. The bound leaves them out:
            when they cannot all be met, the planner still plans, without them.
        leads: The most sessions one facilitator can lead in one of the model's slots: 1
            for the instance's own slots; the slots of a day for an instance whose
            "slots" are whole days (:func:`by_day`).
        classes: The cohorts in classes by the rooms that take them, each class's cohorts
            and how many rooms take them (in each of the model's slots), the fewest rooms
            first: each class is counted on its own (:attr:`classes`), and in each slot the
            in-person sessions of the classes up to each one are at most the rooms that
            take that one's cohorts. By default one class of every cohort, taken by
            *rooms*.
    """

    def __init__(
        self,
        inst: rollout_instance.Instance,
        day: int,
        rooms: int,
        deadlines: bool,
        leads: int = 1,
        classes: Sequence[tuple[Sequence[int], int]] = (),
    ) -> None:
        import highspy
        import numpy as np

        inf = highspy.kHighsInf
        self.inst = inst
        self.day = day
        ns = inst.ns
        mods = inst.modules
        n = len(mods)
        self.classes: Sequence[tuple[Sequence[int], int]] = classes or (
            (range(len(inst.sizes)), rooms),
        )
        """The classes counted: the counts of class ``c`` and module ``k`` are the model's
        ``c * len(inst.modules) + k``-th (one class: the ``k``-th)."""
        slots = day * ns + ns
        self.slots = slots
        self.columns = len(self.classes) * n * slots
        lower = np.zeros(self.columns)
        upper = np.zeros(self.columns)
        rows = _Rows()
        self.room_rows: list[int] = []
        """The rows that count the rooms, one a slot and class."""
        startable = rollout_instance.startable_days(inst)

        def y(k: int, t: int, c: int = 0) -> int:
            return (c * n + k) * slots + t

        def held(k: int, first: int, last: int, weight: float, into: dict[int, float]) -> None:
            """Add weight times the sessions of module k held in slots first..last."""
            for c in range(len(self.classes)):
                into[y(k, last, c)] = into.get(y(k, last, c), 0.0) + weight
                if first:
                    into[y(k, first - 1, c)] = into.get(y(k, first - 1, c), 0.0) - weight

        for c, (cohorts, _) in enumerate(self.classes):
            count = len(cohorts)
            upper[y(0, 0, c) : y(n, 0, c)] = float(count)
            for k in range(n):
                lower[y(k, slots - 1, c)] = float(count)
                for t in range(slots):
                    if k == 0 and not startable[t // ns]:
                        if t:
                            rows.add({y(0, t, c): 1.0, y(0, t - 1, c): -1.0}, 0.0, 0.0)
                        else:
                            upper[y(0, 0, c)] = 0.0
                    elif t:
                        rows.add({y(k, t, c): 1.0, y(k, t - 1, c): -1.0}, 0.0, inf)
                    if k:
                        back = inst.back(t, mods[k].gap)
                        if back < 0:
                            upper[y(k, t, c)] = 0.0
                        else:
                            rows.add({y(k, t, c): 1.0, y(k - 1, back, c): -1.0}, -inf, 0.0)
            if inst.span is not None:
                for d in range(day + 1):
                    end = inst.span_end(d)
                    if end < slots - 1 and (n > 1 or end > d * ns + ns - 1):
                        rows.add({y(n - 1, end, c): 1.0, y(0, d * ns + ns - 1, c): -1.0}, 0.0, inf)
            dated = [inst.latest[i] for i in cohorts if i < len(inst.latest)]
            for k in range(n) if deadlines else ():
                latest = sorted(row[k] for row in dated if row[k] < slots - 1)
                for t in sorted(set(latest)):
                    need = float(bisect_right(latest, t))
                    if t < 0:
                        rows.add({}, need, inf)  # a deadline before the start: no plan
                    else:
                        rows.add({y(k, t, c): 1.0}, need, inf)
        in_person = [k for k in range(n) if mods[k].in_person]
        groups = sorted({m.facilitators for m in mods if m.facilitators > 1})
        weeks: dict[int, list[int]] = {}
        for d in range(day + 1):
            weeks.setdefault(inst.weeks[d], []).append(d)
            present = sum(
                1 for f in inst.facilitators if f.available[d] and f.day_cap and f.week_cap
            )
            for t in range(d * ns, d * ns + ns):
                entries: dict[int, float] = {}
                for c, (_, taken) in enumerate(self.classes if in_person else ()):
                    # The classes up to c, in rooms that take class c: at most those rooms.
                    for k in in_person:
                        entries[y(k, t, c)] = 1.0
                        if t:
                            entries[y(k, t - 1, c)] = -1.0
                    self.room_rows.append(len(rows.lower))
                    rows.add(dict(entries), -inf, float(taken))
                # Sessions led by g facilitators: at most present // g of them at a time.
                for g in groups:
                    entries = {}
                    for k in range(n):
                        if mods[k].facilitators == g:
                            held(k, t, t, 1.0, entries)
                    rows.add(entries, -inf, float(leads * (present // g)))
        # Facilitators: in each week, those present on the same days with the same caps form
        # a class; a class of m works at most m sessions a slot, m times its daily cap a day
        # and m times its weekly cap a week, and each slot's sessions need their leaders.
        extra_upper: list[float] = []
        leaders: dict[int, dict[int, float]] = {}
        for group in weeks.values():
            alike: dict[tuple[tuple[int, ...], int, int], int] = {}
            for fac in inst.facilitators:
                days = tuple(d for d in group if fac.available[d])
                if days and fac.day_cap > 0 and fac.week_cap > 0:
                    key = (days, min(fac.day_cap, ns * leads), fac.week_cap)
                    alike[key] = alike.get(key, 0) + 1
            for (days, day_cap, week_cap), size in alike.items():
                week_entries: dict[int, float] = {}
                most = 0
                for d in days:
                    day_entries: dict[int, float] = {}
                    for t in range(d * ns, d * ns + ns):
                        j = self.columns + len(extra_upper)
                        extra_upper.append(float(size * min(day_cap, leads)))
                        most += min(day_cap, leads)
                        leaders.setdefault(t, {})[j] = -1.0
                        day_entries[j] = week_entries[j] = 1.0
                    if day_cap < ns * leads:
                        rows.add(day_entries, -inf, float(size * day_cap))
                    if leads > 1:
                        # One session at a time: a facilitator leads no more sessions
                        # in a day than the day holds.
                        entries = dict(day_entries)
                        for k in range(n):
                            held(k, d * ns, d * ns + ns - 1, -float(size), entries)
                        rows.add(entries, -inf, 0.0)
                if week_cap < most:
                    rows.add(week_entries, -inf, float(size * week_cap))
        for t in range(slots):
            entries = dict(leaders.get(t, {}))
            for k in range(n):
                held(k, t, t, float(mods[k].facilitators), entries)
            rows.add(entries, -inf, 0.0)
        self.count_columns = self.columns
        self.columns += len(extra_upper)
        self.fractional = True
        """``False`` once :meth:`whole` has found that not even fractional counts meet
        every condition (by the interior point method, which gives no certificate: enough
        to name a resource, not to prove a bound)."""
        self.lp = rows.model(
            [*lower.tolist(), *[0.0] * len(extra_upper)], [*upper.tolist(), *extra_upper]
        )

    def whole(
        self, nodes: int = MIP_NODES, widths: Sequence[int | None] = WIDTHS
    ) -> list[list[int]] | None:
        """Whole counts meeting every condition, found within *nodes* per search, or ``None``.

        An integer program over the whole model spends a second or two at its root (cutting
        planes) before its heuristics find counts. So a point inside the fractional counts
        is found first (HiGHS's interior point method, stopped before crossover moves it to
        a vertex), and whole counts are sought only between its values rounded down and
        rounded up: most counts are then fixed, and the search takes hundredths of a second
        (RENS, "the optimal rounding": T. Berthold, Mathematical Programming Computation 6,
        2014). *widths* are the ranges searched in turn: ``w`` for the values rounded down
        less ``w`` to those rounded up plus ``w``, ``None`` for the whole model (by default
        :data:`WIDTHS`). Each search may take *nodes* branch-and-bound nodes (by default
        :data:`MIP_NODES`; 0: the interior point only, no search), so the result does not
        depend on the machine's speed or load.
        """
        import highspy
        import numpy as np

        n = self.count_columns
        lower = np.asarray(self.lp.col_lower_[:n])
        upper = np.asarray(self.lp.col_upper_[:n])
        ranges = []
        h = _highs()
        h.setOptionValue("solver", "ipm")
        h.setOptionValue("run_crossover", "off")
        h.setOptionValue("ipm_iteration_limit", IPM_ITERATIONS)
        h.passModel(self.lp)
        h.run()
        inside = np.asarray(h.getSolution().col_value[:n])
        found = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        self.fractional = h.getModelStatus() != highspy.HighsModelStatus.kInfeasible
        for width in widths:
            if width is None:
                ranges.append((lower, upper))
            elif found:
                down = np.maximum(lower, np.floor(inside + _EPS) - width)
                ranges.append((down, np.minimum(upper, np.ceil(inside - _EPS) + width)))
        columns = np.arange(n, dtype=np.int32)
        for low, high in ranges:
            if nodes <= 0:
                return None
            h = self._integer(nodes)
            h.changeColsBounds(n, columns, low, high)
            h.run()
            solution = h.getSolution()
            if solution.value_valid:
                values = list(solution.col_value)
                slots = self.slots
                return [
                    [round(v) for v in values[j * slots : (j + 1) * slots]]
                    for j in range(len(self.classes) * len(self.inst.modules))
                ]
        return None

    def _integer(self, nodes: int) -> highspy.Highs:
        """HiGHS with this model, its counts whole, and *nodes* to solve it in."""
        import highspy
        import numpy as np

        h = _highs()
        h.setOptionValue("mip_max_nodes", nodes)
        h.passModel(self.lp)
        n = self.count_columns
        columns = np.arange(n, dtype=np.int32)
        h.changeColsIntegrality(n, columns, np.full(n, highspy.HighsVarType.kInteger))
        return h

    def impossible(self) -> bool:
        """Whether HiGHS proves that no whole counts exist.

        Counts next to the fractional ones are looked for first (they settle at once most
        models that have whole counts); then the whole model is searched. Each search has
        :data:`WHOLE_NODES` nodes. ``False`` when counts are found or the nodes run out.
        """
        import highspy

        if self.whole(nodes=WHOLE_NODES, widths=(0,)) is not None:
            return False
        h = self._integer(WHOLE_NODES)
        h.run()
        return bool(h.getModelStatus() == highspy.HighsModelStatus.kInfeasible)


WHOLE_NODES: Final = 500
"""The most branch-and-bound nodes of each of the two searches of a proof that no whole
counts end by a day (and of the search that names the resource, :func:`whole_binding`).

The proofs measured end at the root node (0.05-0.25 s in all). A proof not finished within
the nodes proves nothing: the bound then stays a day or two lower (still a bound) and the
plan may end a day later, the same on every machine."""


def _whole_model(inst: rollout_instance.Instance, day: int, rooms: int) -> CountModel:
    """The counting conditions by *day* with *rooms* and without deadlines, for a proof.

    Per day when every module but the first follows a day or more after the previous one,
    which makes the model about half the size. The conditions per day then hold for the
    counts of every valid plan too: the gaps, span and startable days are whole days
    anyway; the rooms, the sessions led by ``g`` and each class of facilitators take their
    per-slot limits times the slots of the day, or the daily caps where lower; and a
    facilitator leads no more sessions in a day than the day holds. (With a gap of 0,
    :func:`by_day` would make the module follow on a later day, stricter than the rule:
    right for a plan, wrong for a proof.) Per slot otherwise.
    """
    if all(m.gap >= 1 for m in inst.modules[1:]):
        return CountModel(by_day(inst), day, rooms * inst.ns, deadlines=False, leads=inst.ns)
    return CountModel(inst, day, rooms, deadlines=False)


def no_whole_counts(inst: rollout_instance.Instance, day: int) -> bool:
    """Whether HiGHS proves that no plan ends by *day*, by counting in whole cohorts.

    The counting conditions hold for every valid plan's counts, and a plan's counts are
    whole: when no whole counts meet them by a day (an integer program, every room counted
    as in the bound, no deadlines), no plan ends by that day. Fractional counts, which the
    bound (:class:`Relaxation`) asks for, may fit earlier: a session led in pairs, say,
    can be split over more days than its facilitators' weekly caps allow whole. Such a
    proof takes a tenth of a second or more, so the planner asks for one only where it
    finds no plan.
    """
    return _whole_model(inst, day, len(inst.rooms)).impossible()


def whole_binding(
    inst: rollout_instance.Instance, day: int, otherwise: rollout_instance.Resource
) -> rollout_instance.Resource:
    """Which resource keeps whole counts from ending the day before *day*.

    With as many rooms as cohorts, by that day: the rooms when whole counts are found
    next to the fractional ones (more rooms would let the plan end sooner); the
    facilitators when not even fractional counts fit; *otherwise* (the resource of the
    bound that was raised) when neither is found quickly. No full integer program is
    solved: naming a resource is worth hundredths of a second, not a proof's time.
    """
    if not any(m.in_person for m in inst.modules):
        return "facilitators"
    model = _whole_model(inst, day - 1, len(inst.sizes))
    if model.whole(nodes=WHOLE_NODES, widths=(0,)) is not None:
        return "rooms"
    return otherwise if model.fractional else "facilitators"


REACH: Final = 20
"""Working days after the first day asked that the bound's first model reaches; the model
up to the horizon is built only when the counts do not fit by then."""


class Relaxation:
    """The counting conditions without deadlines: the first day they fit from *low*, and why.

    The conditions only loosen as the day moves later, so the day is found by galloping and
    bisection (:attr:`day`). One model up to a later day answers for every day before it,
    by requiring every count to be complete from that day on: a change of column bounds,
    which HiGHS solves from the previous basis (presolve is off so that it can) in a few
    milliseconds instead of the tenth of a second a new model takes. The model first reaches
    :data:`REACH` working days after *low*, and up to the horizon only if the counts do not
    fit by then.
    """

    def __init__(self, inst: rollout_instance.Instance, low: int) -> None:
        self.inst = inst
        last = len(inst.ords) - 1
        self._build(min(low + REACH, last))
        day = rollout_instance._smallest_day(self.ends_by, low, self.model.day)
        if day is None and self.model.day < last:
            first = self.model.day + 1
            self._build(last)
            day = rollout_instance._smallest_day(self.ends_by, first, last)
        self.day = day
        """The first day from *low* by which the counts fit, or ``None`` within the horizon."""

    def _build(self, day: int) -> None:
        import numpy as np

        inst = self.inst
        self.model = CountModel(inst, day, len(inst.rooms), deadlines=False)
        lp = self.model.lp
        self.upper = np.array(lp.col_upper_[: self.model.count_columns])
        self.lower = np.array(lp.col_lower_[: self.model.count_columns])
        self.columns = np.arange(self.model.count_columns, dtype=np.int32)
        self.h = _highs()
        self.h.setOptionValue("presolve", "off")  # so that each change starts from the basis
        self.h.passModel(lp)

    def ends_by(self, day: int) -> bool:
        """Whether fractional counts can all be complete by the end of *day*.

        *day* is at most the model's last day.
        """
        import highspy

        slots = self.model.slots
        ns = self.inst.ns
        count = float(len(self.inst.sizes))
        lower = self.lower.copy()
        for k in range(len(self.inst.modules)):
            lower[k * slots + day * ns + ns - 1 : (k + 1) * slots] = count
        if (lower > self.upper).any():
            return False  # a count that must stay 0 would have to be complete
        self.h.changeColsBounds(len(self.columns), self.columns, lower, self.upper)
        self.h.run()
        return bool(self.h.getModelStatus() != highspy.HighsModelStatus.kInfeasible)

    def binding(self) -> rollout_instance.Resource:
        """Which resource keeps the counts from ending the day before :attr:`day`.

        The rooms, when the counts would fit a day earlier with as many rooms as cohorts;
        else the facilitators. With no day within the horizon, whether they would fit by
        the horizon's last day with as many rooms as cohorts.
        """
        import highspy

        last = self.model.day if self.day is None else self.day - 1
        rows = self.model.room_rows
        if last < 0 or not rows:
            return "facilitators"
        for row in rows:
            self.h.changeRowBounds(row, -highspy.kHighsInf, float(len(self.inst.sizes)))
        fits = self.ends_by(last)
        for row in rows:
            self.h.changeRowBounds(row, -highspy.kHighsInf, float(len(self.inst.rooms)))
        return "rooms" if fits else "facilitators"


def by_day(inst: rollout_instance.Instance) -> rollout_instance.Instance:
    """The instance with one "slot" a day: what :func:`exact_plan` counts in.

    Latest slots become latest days; a module with no gap must then follow on a later day
    (stricter than the rule, so a plan made so keeps it, but a proof made so would not
    hold: :func:`_whole_model` uses it only when every gap is a day or more).
    """
    ns = inst.ns
    return replace(
        inst,
        ns=1,
        latest=tuple(
            tuple(t if t >= rollout_instance.NEVER else t // ns for t in row) for row in inst.latest
        ),
        _rest=[],
        _startable=[],
        _starts=[],
        _present=[],
        _people={},
    )


def exact_plan(
    inst: rollout_instance.Instance, day: int, widths: Sequence[int | None] = WIDTHS
) -> list[rollout_instance.Placement] | None:
    """A plan ending by *day* from whole counts, or ``None`` when none is found in time.

    The counts are per day (:func:`by_day`), which halves the integer program and, on the
    instances measured, its time; each day's sessions are then spread over its slots with
    their facilitators (:func:`_into_slots`), and the result checked against each cohort's
    gaps, span and deadlines. With sessions in person, the cohorts are counted in classes
    by the rooms that take them (:func:`_classes`): a split that mixes large cohorts, for
    the large rooms only, with smaller ones, for every room, is counted with every room
    (when no whole counts are found so, they are sought once more with only the rooms
    that take the largest cohort, as they once were). A cohort no room takes gets no plan;
    nor do move dates, skills or a limit on staff away, which the counts do not see.
    """
    if inst.earliest or inst.away or any(f.skills is not None for f in inst.facilitators):
        return None  # the counts see no move dates, skills or staff away: rarely a plan
    taken = [sum(1 for room in inst.rooms if room >= size) for size in inst.sizes]
    if any(m.in_person for m in inst.modules):
        if not min(taken):
            return None
    else:
        taken = [len(inst.rooms)] * len(inst.sizes)  # no room is used: one class
    classes = _classes(taken)
    placed = _plan_classes(inst, day, widths, taken, classes)
    if placed is None and len(classes) > 1:
        fewest = [min(taken)] * len(taken)
        placed = _plan_classes(inst, day, widths, fewest, _classes(fewest))
    return placed


def _classes(taken: Sequence[int]) -> list[tuple[list[int], int]]:
    """The cohorts in classes by how many rooms take them (*taken*), the fewest first.

    Examples:
        >>> _classes([1, 2, 1, 2, 2])
        [([0, 2], 1), ([1, 3, 4], 2)]
    """
    found: dict[int, list[int]] = {}
    for cohort, rooms in enumerate(taken):
        found.setdefault(rooms, []).append(cohort)
    return [(found[rooms], rooms) for rooms in sorted(found)]


def _plan_classes(
    inst: rollout_instance.Instance,
    day: int,
    widths: Sequence[int | None],
    taken: Sequence[int],
    classes: Sequence[tuple[Sequence[int], int]],
) -> list[rollout_instance.Placement] | None:
    """:func:`exact_plan` with each cohort in a room among the *taken* smallest that fit it.

    The rooms that take a cohort are the largest ones, so a room among the ``r`` largest
    takes every cohort of a class taken by ``r`` rooms or more: in each slot the sessions
    of the classes taken by at most ``r`` rooms need be at most ``r``, and the rooms are
    then given to the sessions of the fewest rooms first, each the smallest free one that
    takes its cohort. Within each class, the ``i``-th session of every module goes to the
    class's ``i``-th cohort in the order of the deadlines.
    """
    ns = inst.ns
    model = CountModel(
        by_day(inst),
        day,
        classes[0][1] * ns,
        deadlines=True,
        leads=ns,
        classes=[(cohorts, rooms * ns) for cohorts, rooms in classes],
    )
    counts = model.whole(widths=widths)
    if counts is None:
        return None
    n = len(inst.modules)
    by_day_sessions: dict[int, list[tuple[int, int]]] = {}  # day: (module, cohort)
    for c, (cohorts, _) in enumerate(classes):
        order = sorted(cohorts, key=lambda i: (*reversed(inst.latest[i]), i))
        for k in range(n):
            before = 0
            for d, total in enumerate(counts[c * n + k]):
                by_day_sessions.setdefault(d, []).extend(
                    (k, order[i]) for i in range(before, total)
                )
                before = max(before, total)
    sessions = _into_slots(inst, max(taken), by_day_sessions, taken)
    if sessions is None:
        return None
    rooms = sorted(range(len(inst.rooms)), key=lambda r: (inst.rooms[r], r))
    placements = []
    free: dict[int, list[int]] = {}  # slot: the rooms not yet given, the smallest first
    for t, k, cohort, chosen in sorted(
        sessions, key=lambda s: (s[0], not inst.modules[s[1]].in_person, taken[s[2]], s)
    ):
        room = -1
        if inst.modules[k].in_person:
            left = free.setdefault(t, rooms[len(rooms) - max(taken) :])
            room = next(r for r in left if inst.rooms[r] >= inst.sizes[cohort])
            left.remove(room)
        placements.append(rollout_instance.Placement(cohort, k, t, chosen, room))
    placements.sort(key=lambda p: (p.slot, p.module, p.cohort))
    return placements if _meets(inst, placements) else None


Session = tuple[int, int, int, tuple[int, ...]]
"""A session placed: slot, module, cohort and facilitators."""


def _into_slots(
    inst: rollout_instance.Instance,
    rooms: int,
    by_day: dict[int, list[tuple[int, int]]],
    taken: Sequence[int] | None = None,
) -> list[Session] | None:
    """Each day's sessions spread over its slots, with their facilitators, or ``None``.

    Sessions in person or led by more than one facilitator are spread first, each to the
    slot of its day with the fewest in-person sessions (for one in person) and then the
    fewest facilitators so far; the in-person sessions of the cohorts the fewest rooms
    take (*taken*, by cohort; *rooms* for every cohort by default) first, each to a slot
    with fewer in-person sessions so far than rooms that take its cohort. The rooms that
    take a cohort being the largest, each slot's sessions then have rooms. How many of the
    day's other sessions (digital, one facilitator each) go to each slot is left to a
    linear model that also chooses the facilitators: a variable for each facilitator and
    slot of a day they are present on, at most one session each; each slot at least its
    spread sessions' facilitators, each day exactly all its sessions'; each facilitator's
    daily and weekly caps kept. The slot rows nest in the day rows, and each facilitator's
    day rows in their week rows: two laminar families, so the matrix is totally unimodular
    and the simplex method's solution is whole.
    """
    import highspy

    ns = inst.ns
    mods = inst.modules
    spread: dict[int, list[tuple[int, int]]] = {}  # slot: (module, cohort)
    fixed: dict[int, int] = {}
    free: dict[int, list[tuple[int, int]]] = {}
    total: dict[int, int] = {}
    for d, today in sorted(by_day.items()):
        if not today:
            continue
        in_rooms = [0] * ns
        people = [0] * ns
        for k, cohort in sorted(
            today,
            key=lambda s: (
                not mods[s[0]].in_person,
                rooms if taken is None else taken[s[1]],
                -mods[s[0]].facilitators,
                s,
            ),
        ):
            total[d] = total.get(d, 0) + mods[k].facilitators
            if not mods[k].in_person and mods[k].facilitators == 1:
                free.setdefault(d, []).append((k, cohort))
                continue
            limit = rooms if taken is None else taken[cohort]
            choices = [s for s in range(ns) if not mods[k].in_person or in_rooms[s] < limit]
            if not choices:
                return None
            slot = min(
                choices,
                key=lambda s: (in_rooms[s] if mods[k].in_person else 0, people[s], s),
            )
            in_rooms[slot] += mods[k].in_person
            people[slot] += mods[k].facilitators
            spread.setdefault(d * ns + slot, []).append((k, cohort))
        for slot in range(ns):
            fixed[d * ns + slot] = people[slot]
    columns: list[tuple[int, int]] = []
    by_slot: dict[int, list[int]] = {}
    by_date: dict[int, list[int]] = {}
    for f, fac in enumerate(inst.facilitators):
        for d in total:
            if fac.available[d]:
                for t in range(d * ns, d * ns + ns):
                    by_slot.setdefault(t, []).append(len(columns))
                    by_date.setdefault(d, []).append(len(columns))
                    columns.append((f, t))
    rows = _Rows()
    for d, people_today in total.items():
        rows.add(dict.fromkeys(by_date.get(d, []), 1.0), float(people_today), float(people_today))
        for t in range(d * ns, d * ns + ns):
            rows.add(dict.fromkeys(by_slot.get(t, []), 1.0), float(fixed[t]), float(ns * 1000))
    per_day: dict[tuple[int, int], dict[int, float]] = {}
    per_week: dict[tuple[int, int], dict[int, float]] = {}
    for j, (f, t) in enumerate(columns):
        per_day.setdefault((f, t // ns), {})[j] = 1.0
        per_week.setdefault((f, inst.weeks[t // ns]), {})[j] = 1.0
    for (f, _), entries in per_day.items():
        rows.add(entries, 0.0, float(inst.facilitators[f].day_cap))
    for (f, _), entries in per_week.items():
        rows.add(entries, 0.0, float(inst.facilitators[f].week_cap))
    lp = rows.model([0.0] * len(columns), [1.0] * len(columns))
    h = _highs()
    h.setOptionValue("solver", "simplex")
    h.passModel(lp)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    leaders: dict[int, list[int]] = {}
    for (f, t), value in zip(columns, h.getSolution().col_value, strict=True):
        if value > 1 - _EPS:
            leaders.setdefault(t, []).append(f)
        elif value > _EPS:
            return None  # not whole after all (numerical trouble): give up on this plan
    result: list[Session] = []
    for t in sorted(set(spread) | set(leaders)):
        working = leaders.get(t, [])
        for k, cohort in spread.get(t, []):
            need = mods[k].facilitators
            result.append((t, k, cohort, tuple(working[:need])))
            del working[:need]
        waiting = free.get(t // ns, [])
        while working:
            k, cohort = waiting.pop(0)
            result.append((t, k, cohort, (working.pop(0),)))
    result.sort()
    return result


def _meets(
    inst: rollout_instance.Instance, placements: Sequence[rollout_instance.Placement]
) -> bool:
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
