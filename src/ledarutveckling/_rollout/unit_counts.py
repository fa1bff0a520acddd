"""A bound for moves: the whole plan counted at once, per unit and day (private).

:class:`ledarutveckling._rollout.counting.Relaxation` counts every cohort alike: it does not
see the units' move dates (``not_before``), the facilitators' skills or a unit's limit on
staff away. On a move those bind together: a unit whose last module may only be held after
its move date, with few of its cohorts away at once, needs the weeks after that date, when
the other units' follow-ups need the same rooms and facilitators. Counted per unit, a plan
that the windows and the plain counts let end on their bound may still be impossible.

Here, per day and per group of cohorts (those of one unit with the same earliest slots),
``Y[g][k][d]`` counts the cohorts that have held module ``k`` by the end of day ``d``. Every
valid plan's counts meet:

* each module no earlier than the group's earliest slot for it (move dates);
* the modules in order with their gaps, and the program's span, in counts;
* in-person sessions per day within the rooms' slots;
* for every set of modules, their facilitator-sessions (a pair counts twice) per day and
  per ISO week within what those who may lead one of them can give (daily and weekly caps,
  absences; no more sessions a day than the day's slots);
* a unit's sessions per day within :func:`_at_once` times the day's slots.

So when no fractional counts meet them by a day, no plan ends by it. The bound holds for
every split of the units, not only the instance's own: a unit's count is the instance's
(the fewest: every split has at least as many cohorts, and leaving some out of a plan
keeps every condition above), and its limit on cohorts at once is the most, over every
split of ``c'`` cohorts with at most ``a`` of them at once, of ``c * a / c'`` (the average,
over every choice of ``c`` of those cohorts, of their sessions in one day: the average of
such plans' counts meets every condition, the linear ones being kept by averages).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from ledarutveckling._rollout import counting
from ledarutveckling._rollout.away import _at_once
from ledarutveckling._rollout.instance import NEVER, Instance, Resource, _smallest_day

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

Key = tuple[int, tuple[int, ...], int]
"""A group of cohorts counted together: its unit (-1: any), its earliest slots, and how many
rooms take its cohorts (all the rooms where sizes are not counted)."""

COLUMNS: Final = 6000
"""The most counts (groups times modules times days) the model is built for.

On the generated 3,000-staff moves the model has 1,500-3,000 counts and answers in
hundredths of a second a day; at 30,000 staff it has 20,000 and takes tens of seconds,
more than the whole plan may."""


def _at_once_limit(inst: Instance, unit: int, count: int) -> float:
    """The most of *unit*'s *count* cohorts in sessions at once, on average over every split.

    With :attr:`Instance.away_range`, ``max(count * a(c) / c)`` over the unit's allowed
    counts ``c``, ``a(c)`` the most of its balanced cohorts of that split within the limit;
    else the instance's own cohorts'.
    """
    limit = inst.away[unit]
    if not inst.away_range:
        return _at_once([s for c, s in enumerate(inst.sizes) if inst.units[c] == unit], limit)
    headcount, fewest, most = inst.away_range[unit]
    best = 0.0
    for split in range(max(fewest, count, 1), most + 1):
        base, extra = divmod(headcount, split)
        at_once = _at_once([base + 1] * extra + [base] * (split - extra), limit)
        best = max(best, count * at_once / split)
    return best


def unit_day(inst: Instance, low: int, high: int) -> tuple[int, Resource] | None:
    """The first day from *low* to *high* by which the counts per unit fit, and what binds.

    The rooms bind when the counts would fit the day before with a room per session, else
    the facilitators (as for the plain counts). ``None`` when they fit by no such day, and
    for instances without move dates, skills or staff away (those the plain counts see) or
    with more than :data:`COLUMNS` counts up to *high*.
    """
    n = len(inst.modules)
    special = inst.earliest or inst.away or any(f.skills is not None for f in inst.facilitators)
    groups: dict[Key, int] = {}
    for c in range(len(inst.sizes)):
        key = (
            inst.units[c] if inst.units else 0,
            inst.earliest[c] if inst.earliest else (0,) * n,
            len(inst.rooms),
        )
        groups[key] = groups.get(key, 0) + 1
    if not special or len(groups) * n * (high + 1) > COLUMNS:
        return None
    model = _Model(inst, groups, high)
    day = _smallest_day(model.ends_by, low, high)
    if day is None:
        return None
    return day, model.binding(day - 1)


def size_day(
    inst: Instance, low: int, high: int
) -> tuple[int, Resource, tuple[int, ...] | None, bool] | None:
    """The first day from *low* to *high* by which the counts per cohort size fit, and what binds.

    The counts of :func:`unit_day`, with the cohorts grouped by their earliest slots and by
    how many rooms take them (not by unit), and for each such number ``v`` of rooms, the
    in-person sessions of the cohorts that at most ``v`` rooms take within ``v`` rooms'
    slots a day: a cohort that only the ``v`` largest rooms take is held in one of them,
    one session a room and slot. So the counts see the facilitators' skills, the span and
    the gaps together with the room each cohort needs, where the windows see each alone
    and the plain counts (:class:`ledarutveckling._rollout.counting.Relaxation`) neither
    skills nor sizes: with a blackout, a short span and few who may lead a follow-up, the
    cohorts that start before the blackout are few, and those after it need the large
    rooms too.

    The bound holds for every split that :class:`ledarutveckling._rollout.split.OverSplits`
    relaxes to *inst*: its cohorts are matched to the instance's, the largest first, each
    to one no larger (which more rooms take) with the same earliest slots, and the others
    left out; so no unit's identity is used (the limits on staff away are not counted).

    A plan's counts are whole: where HiGHS proves that no whole counts fit by the first day
    fractional ones do (an integer program, :meth:`_Model.whole`), the day moves on, at most
    :data:`WHOLE_DAYS` days and not to *high*, which the caller's plan ends by.

    Returns:
        The day; the rooms when the counts would fit the day before with a room per
        session, else the facilitators; then the set of modules whose facilitators
        (those who may lead one of them, not all) bind, if such a set is found
        (:meth:`_Model.skills`); and whether whole counts moved the day (the resource is
        then named by whole counts found, :meth:`_Model.whole`). The day after *high*
        when the counts fit by no day up to it (the resource named by the counts by
        *high*); ``None`` when that day is past the horizon, and with more than
        :data:`COLUMNS` counts up to *high*.
    """
    n = len(inst.modules)
    groups: dict[Key, int] = {}
    for c, size in enumerate(inst.sizes):
        key = (
            -1,
            inst.earliest[c] if inst.earliest else (0,) * n,
            sum(1 for r in inst.rooms if r >= size),
        )
        groups[key] = groups.get(key, 0) + 1
    if len(groups) * n * (high + 1) > COLUMNS:
        return None
    model = _Model(inst, groups, high)
    day = _smallest_day(model.ends_by, low, high)
    if day is None:  # no plan ends by *high*: the day after it, if within the horizon
        if high + 1 >= len(inst.ords):
            return None
        day = high + 1
    whole = False
    reach = min(high, day + WHOLE_DAYS)
    while day < reach and model.whole(day) is False:
        day, whole = day + 1, True
    resource = model.binding(day - 1, whole)
    chosen = model.skills(day - 1, whole) if resource == "facilitators" else None
    return day, resource, chosen, whole


WHOLE_DAYS: Final = 5
"""The most days :func:`size_day` moves its day on where whole counts are proven not to fit
(each an integer program of at most :data:`ledarutveckling._rollout.counting.WHOLE_NODES`
nodes, hundredths of a second on the moves measured)."""


class _Model:
    """The counts up to one last day; :meth:`ends_by` asks for an earlier one."""

    def __init__(
        self,
        inst: Instance,
        groups: dict[Key, int],
        high: int,
    ) -> None:
        import highspy
        import numpy as np

        inf = highspy.kHighsInf
        ns, mods = inst.ns, inst.modules
        n = len(mods)
        keys = list(groups)
        days = high + 1
        self.days, self.n, self.keys, self.groups = days, n, keys, groups
        self.inst = inst

        def y(g: int, k: int, d: int) -> int:
            return (g * n + k) * days + d

        def held(g: int, k: int, d: int, weight: float, into: dict[int, float]) -> None:
            into[y(g, k, d)] = into.get(y(g, k, d), 0.0) + weight
            if d:
                into[y(g, k, d - 1)] = into.get(y(g, k, d - 1), 0.0) - weight

        columns = len(keys) * n * days
        self.lower = np.zeros(columns)
        self.upper = np.zeros(columns)
        rows = counting._Rows()
        away: dict[int, list[int]] = {}
        for g, key in enumerate(keys):
            unit, earliest = key[0], key[1]
            count = groups[key]
            if unit >= 0 and inst.away and inst.away[unit] < NEVER:
                away.setdefault(unit, []).append(g)
            for k in range(n):
                for d in range(days):
                    back = inst.back(d * ns + ns - 1, mods[k].gap) if k else 0
                    open_ = d * ns + ns - 1 >= earliest[k] and back >= 0
                    self.upper[y(g, k, d)] = count if open_ else 0
                    if d:
                        rows.add({y(g, k, d): 1, y(g, k, d - 1): -1}, 0, inf)
                    if k and back >= 0:
                        rows.add({y(g, k, d): 1, y(g, k - 1, back // ns): -1}, -inf, 0)
            for d in range(days) if n > 1 else ():  # one module: its own span
                end = inst.span_end(d) // ns
                if end < days - 1:
                    rows.add({y(g, n - 1, end): 1, y(g, 0, d): -1}, 0, inf)
        for unit, members in away.items():
            count = sum(groups[keys[g]] for g in members)
            limit = _at_once_limit(inst, unit, count) * ns
            for d in range(days):
                entries: dict[int, float] = {}
                for g, k in itertools.product(members, range(n)):
                    held(g, k, d, 1, entries)
                rows.add(entries, -inf, limit)
        weeks: dict[int, list[int]] = {}
        self.room_rows: list[tuple[int, float]] = []
        in_person = [k for k in range(n) if mods[k].in_person]
        for d in range(days):
            weeks.setdefault(inst.weeks[d], []).append(d)
            if in_person:
                entries = {}
                for g, k in itertools.product(range(len(keys)), in_person):
                    held(g, k, d, 1, entries)
                self.room_rows.append((len(rows.lower), len(inst.rooms) * ns))
                rows.add(entries, -inf, len(inst.rooms) * ns)
                # Grouped by the rooms that take them (size_day): the cohorts only the v
                # largest rooms take, within those rooms' slots.
                for v in sorted({key[2] for key in keys}):
                    if v >= len(inst.rooms):
                        continue  # every room: the row above
                    entries = {}
                    for g, k in itertools.product(range(len(keys)), in_person):
                        if keys[g][2] <= v:
                            held(g, k, d, 1, entries)
                    self.room_rows.append((len(rows.lower), v * ns))
                    rows.add(entries, -inf, v * ns)
        self.skill_rows: dict[tuple[int, ...], list[tuple[int, float]]] = {}
        """For each set of modules: its facilitators' rows and their caps."""
        for size in range(1, n + 1):
            for chosen in itertools.combinations(range(n), size):
                leaders = [f for f in inst.facilitators if any(f.may_lead(k) for k in chosen)]
                skill_rows = self.skill_rows.setdefault(chosen, [])
                daily = [
                    sum(min(f.day_cap, ns) for f in leaders if f.available[d]) for d in range(days)
                ]
                for d in range(days):
                    entries = {}
                    for g, k in itertools.product(range(len(keys)), chosen):
                        held(g, k, d, mods[k].facilitators, entries)
                    skill_rows.append((len(rows.lower), daily[d]))
                    rows.add(entries, -inf, daily[d])
                for in_week in weeks.values():
                    entries = {}
                    for g, k, d in itertools.product(range(len(keys)), chosen, in_week):
                        held(g, k, d, mods[k].facilitators, entries)
                    cap = sum(
                        min(f.week_cap, sum(min(f.day_cap, ns) for d in in_week if f.available[d]))
                        for f in leaders
                    )
                    skill_rows.append((len(rows.lower), cap))
                    rows.add(entries, -inf, cap)
        self.h = counting._highs()
        self.h.setOptionValue("presolve", "off")  # so that each day starts from the basis
        self.h.passModel(rows.model(self.lower.tolist(), self.upper.tolist()))
        self.columns = np.arange(columns, dtype=np.int32)

    def _complete(self, day: int) -> npt.NDArray[np.float64] | None:
        """The counts' lower bounds with every count complete from *day* on.

        ``None`` when a count that must stay 0 would have to be complete.
        """
        lower = self.lower.copy()
        for g, key in enumerate(self.keys):
            for k in range(self.n):
                first = (g * self.n + k) * self.days
                lower[first + day : first + self.days] = self.groups[key]
        return None if (lower > self.upper).any() else lower

    def ends_by(self, day: int) -> bool:
        """Whether fractional counts can all be complete by the end of *day*."""
        import highspy

        lower = self._complete(day)
        if lower is None:
            return False
        self.h.changeColsBounds(len(self.columns), self.columns, lower, self.upper)
        self.h.run()
        return bool(self.h.getModelStatus() != highspy.HighsModelStatus.kInfeasible)

    def whole(self, day: int) -> bool | None:
        """Whether whole counts can all be complete by the end of *day*.

        ``True`` when HiGHS finds such counts, ``False`` when it proves there are none,
        ``None`` when its :data:`ledarutveckling._rollout.counting.WHOLE_NODES` nodes run
        out first. The rows are the model's as they stand (see :meth:`binding`).
        """
        import highspy
        import numpy as np

        lower = self._complete(day)
        if lower is None:
            return False
        h = counting._highs()
        h.setOptionValue("mip_max_nodes", counting.WHOLE_NODES)
        h.passModel(self.h.getLp())
        h.changeColsBounds(len(self.columns), self.columns, lower, self.upper)
        kinds = np.full(len(self.columns), highspy.HighsVarType.kInteger)
        h.changeColsIntegrality(len(self.columns), self.columns, kinds)
        h.run()
        if h.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
            return False
        return True if h.getSolution().value_valid else None

    def _fits(self, day: int, whole: bool) -> bool:
        """:meth:`ends_by`, or with *whole* whether whole counts are found (:meth:`whole`)."""
        return self.whole(day) is True if whole else self.ends_by(day)

    def binding(self, day: int, whole: bool = False) -> Resource:
        """The rooms when the counts fit by *day* with no limit on rooms, else the facilitators.

        With *whole*, whole counts (:meth:`_fits`).
        """
        import highspy

        if day < 0 or not self.room_rows:
            return "facilitators"
        for row, _ in self.room_rows:
            self.h.changeRowBounds(row, -highspy.kHighsInf, highspy.kHighsInf)
        fits = self._fits(day, whole)
        for row, cap in self.room_rows:
            self.h.changeRowBounds(row, -highspy.kHighsInf, cap)
        return "rooms" if fits else "facilitators"

    def skills(self, day: int, whole: bool = False) -> tuple[int, ...] | None:
        """The set of modules whose facilitators keep the counts from ending by *day*.

        Of the sets that not every facilitator may lead, the first (fewest who may lead
        one of them, then fewest modules) without whose facilitators' rows the counts
        (whole ones with *whole*, :meth:`_fits`) would fit by *day*; ``None`` when there
        is none.
        """
        import highspy

        if day < 0:
            return None
        inst = self.inst
        leading = {
            chosen: sum(1 for f in inst.facilitators if any(f.may_lead(k) for k in chosen))
            for chosen in self.skill_rows
        }
        sets = sorted(
            (chosen for chosen, leaders in leading.items() if leaders < len(inst.facilitators)),
            key=lambda chosen: (leading[chosen], len(chosen), chosen),
        )
        for chosen in sets:
            for row, _ in self.skill_rows[chosen]:
                self.h.changeRowBounds(row, -highspy.kHighsInf, highspy.kHighsInf)
            fits = self._fits(day, whole)
            for row, cap in self.skill_rows[chosen]:
                self.h.changeRowBounds(row, -highspy.kHighsInf, cap)
            if fits:
                return chosen
        return None
