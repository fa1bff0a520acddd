"""The planner's integer instance: modules, facilitators, rooms, days."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, Literal

Resource = Literal["facilitators", "rooms", "chain", "away"]


NEVER: Final = 1 << 40
"""A latest slot that never binds."""

SOFT: Final = 1 << 39
"""Added to a dropped deadline's slot to rank it after every kept one (see
:meth:`Instance.ranks`)."""


@dataclass(frozen=True, slots=True)
class ModSpec:
    """What one module needs: facilitators, a room or not, and its gap to the previous module."""

    facilitators: int
    in_person: bool
    gap: int


@dataclass(frozen=True, slots=True)
class FacSpec:
    """One facilitator: caps per day and per ISO week, and the working days they can work."""

    day_cap: int
    week_cap: int
    available: tuple[bool, ...]
    skills: frozenset[int] | None = None
    """The module indices they may lead; ``None``: every module."""

    def may_lead(self, k: int) -> bool:
        """Whether they may lead module *k*."""
        return self.skills is None or k in self.skills


@dataclass(frozen=True, slots=True)
class Instance:
    """A rollout in integer form.

    Attributes:
        ns: Slots per working day.
        ords: The proleptic ordinal of each working day, ascending.
        weeks: An ISO-week key for each working day (equal keys: the same ISO week).
        modules: The program's modules in order.
        span: The most calendar days from a cohort's first to its last session, or ``None``.
        sizes: The size of each cohort.
        latest: For each cohort and module, the latest slot its unit's deadlines allow
            (deadlines of later modules already carried backwards through the gaps).
        facilitators: The facilitators.
        rooms: Room capacities.
        earliest: For each cohort and module, the earliest slot its unit's ``not_before``
            dates allow (carried forwards through the gaps); empty: slot 0 for all.
        units: The unit (group) of each cohort; empty when no unit limits its staff away.
        away: For each unit, the most participants in sessions in one slot.
        away_range: For each unit, ``(headcount, fewest, most)``: the cohort counts any
            allowed split gives it, so that a bound from :attr:`away` holds for every
            split (:func:`ledarutveckling._rollout.bounds.window_bound`); empty: only the
            instance's own cohorts.
        soft: For each cohort, its first module's latest slot under deadlines this instance
            dropped (:data:`NEVER` where none were); empty: none dropped. The list schedulers
            order sessions by it where :attr:`latest` leaves them alike (see :meth:`ranks`),
            so a plan that need not keep those deadlines still comes as close as it can.
    """

    ns: int
    ords: tuple[int, ...]
    weeks: tuple[int, ...]
    modules: tuple[ModSpec, ...]
    span: int | None
    sizes: tuple[int, ...]
    latest: tuple[tuple[int, ...], ...]
    facilitators: tuple[FacSpec, ...]
    rooms: tuple[int, ...]
    earliest: tuple[tuple[int, ...], ...] = ()
    units: tuple[int, ...] = ()
    away: tuple[int, ...] = ()
    away_range: tuple[tuple[int, int, int], ...] = ()
    soft: tuple[tuple[int, ...], ...] = ()
    _rest: list[list[int]] = field(default_factory=list, compare=False, repr=False)
    _startable: list[bool] = field(default_factory=list, compare=False, repr=False)
    _starts: list[int] = field(default_factory=list, compare=False, repr=False)
    _present: list[int] = field(default_factory=list, compare=False, repr=False)
    _leaders: list[int] = field(default_factory=list, compare=False, repr=False)
    _week_index: list[tuple[list[int], list[int]]] = field(
        default_factory=list, compare=False, repr=False
    )
    _unit_starts: dict[float, dict[int, list[int]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _people: dict[tuple[int, tuple[int, ...]], int] = field(
        default_factory=dict, compare=False, repr=False
    )

    def releases(self) -> list[list[int]]:
        """For each cohort and module: the first slot it may use (a fresh list)."""
        if self.earliest:
            return [list(row) for row in self.earliest]
        return [[0] * len(self.modules) for _ in self.sizes]

    def ranks(self) -> list[int]:
        """For each cohort: its rank among sessions due alike, smaller first.

        Its first module's latest slot; for a cohort whose deadlines were dropped
        (:attr:`soft`), after every cohort with a deadline, in the order of the dropped ones
        (earliest due first), and before the cohorts that never had any.

        Examples:
            >>> inst = Instance(ns=1, ords=(0,), weeks=(0,), modules=(), span=None,
            ...     sizes=(1, 1, 1), latest=((5,), (NEVER,), (NEVER,)), facilitators=(),
            ...     rooms=(), soft=((NEVER,), (7,), (NEVER,)))
            >>> [rank - SOFT if SOFT <= rank < NEVER else rank for rank in inst.ranks()]
            [5, 7, 1099511627776]
        """
        ranks = [row[0] for row in self.latest]
        if not self.soft:
            return ranks
        return [
            SOFT + soft[0] if rank >= NEVER and soft[0] < NEVER else rank
            for rank, soft in zip(ranks, self.soft, strict=True)
        ]

    @property
    def slots(self) -> int:
        """The number of slots up to the horizon."""
        return len(self.ords) * self.ns

    # -- moving along the calendar ------------------------------------------------------

    def release(self, t: int, gap: int) -> int:
        """The first slot a module with *gap* may use after a session in slot *t*."""
        if gap == 0:
            return t + 1
        day = bisect_left(self.ords, self.ords[t // self.ns] + gap)
        return day * self.ns

    def back(self, t: int, gap: int) -> int:
        """The last slot a module may use so that the next one, with *gap*, can be in slot *t*."""
        if t < 0:
            return -1
        if t >= NEVER:
            return NEVER
        if gap == 0:
            return t - 1
        day = bisect_right(self.ords, self.ords[t // self.ns] - gap) - 1
        return day * self.ns + self.ns - 1 if day >= 0 else -1

    def span_end(self, first_day: int) -> int:
        """The last slot a cohort whose first session is on *first_day* may use."""
        if self.span is None:
            return NEVER
        day = bisect_right(self.ords, self.ords[first_day] + self.span) - 1
        return day * self.ns + self.ns - 1

    def before_ordinal(self, ordinal: int) -> int:
        """The last slot of the last working day strictly before the day *ordinal*."""
        day = bisect_left(self.ords, ordinal) - 1
        return day * self.ns + self.ns - 1 if day >= 0 else -1

    def earliest_chain(self, origin: int = 0) -> list[int]:
        """The first slot each module can be held in by a cohort starting in slot *origin*."""
        chain = [origin]
        for module in self.modules[1:]:
            chain.append(self.release(chain[-1], module.gap))
        return chain

    def latest_chain(self, last: int) -> list[int]:
        """The last slot each module can be held in for the last module to be in slot *last*."""
        chain = [last]
        for index in range(len(self.modules) - 1, 0, -1):
            chain.append(self.back(chain[-1], self.modules[index].gap))
        chain.reverse()
        return chain

    # -- capacity ------------------------------------------------------------------------

    def facilitator_capacity(self, fac: FacSpec, first: int, last: int) -> int:
        """The most sessions *fac* can lead in slots *first* to *last*, caps and absences kept."""
        if last < first:
            return 0
        ns = self.ns
        total = 0
        week_total = 0
        week = None
        day_first, day_last = first // ns, last // ns
        for day in range(day_first, day_last + 1):
            if self.weeks[day] != week:
                total += min(week_total, fac.week_cap)
                week_total = 0
                week = self.weeks[day]
            if not fac.available[day]:
                continue
            lo = first - day * ns if day == day_first else 0
            hi = last - day * ns if day == day_last else ns - 1
            week_total += min(fac.day_cap, hi - lo + 1)
        return total + min(week_total, fac.week_cap)


class _Capacities:
    """What each facilitator can give from one slot to another, as ``facilitator_capacity``.

    From sums made once per facilitator: of their sessions a day up to each day (the day's
    cap, or its slots, on the days they are present), and of each ISO week's, capped at the
    weekly cap, up to each week. A window is then its two end weeks, counted from the day
    sums (the end days' slots in the window only), and the weeks between: the same number in
    a few steps instead of one a day.
    """

    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        self.week_of: list[int] = []  # the week of each day, counted from 0
        starts: list[int] = []  # the first day of each week
        for day, key in enumerate(inst.weeks):
            if not starts or key != inst.weeks[day - 1]:
                starts.append(day)
            self.week_of.append(len(starts) - 1)
        self.starts = [*starts, len(inst.weeks)]
        self.days: list[list[int]] = []  # per facilitator: their sessions before each day
        self.weeks: list[list[int]] = []  # per facilitator: capped, before each week
        for fac in inst.facilitators:
            per_day = min(fac.day_cap, inst.ns)
            days = [0]
            for present in fac.available:
                days.append(days[-1] + (per_day if present else 0))
            weeks = [0]
            for week in range(len(starts)):
                given = days[self.starts[week + 1]] - days[self.starts[week]]
                weeks.append(weeks[-1] + min(given, fac.week_cap))
            self.days.append(days)
            self.weeks.append(weeks)

    def __call__(self, index: int, first: int, last: int) -> int:
        """The most sessions facilitator *index* can lead in slots *first* to *last*."""
        if last < first:
            return 0
        ns = self.inst.ns
        head, tail = self.week_of[first // ns], self.week_of[last // ns]
        if head == tail:
            return self._within(index, first, last)
        return (
            self._within(index, first, self.starts[head + 1] * ns - 1)
            + self.weeks[index][tail]
            - self.weeks[index][head + 1]
            + self._within(index, self.starts[tail] * ns, last)
        )

    def _within(self, index: int, first: int, last: int) -> int:
        """As :meth:`__call__`, for slots *first* to *last* of one ISO week."""
        fac = self.inst.facilitators[index]
        ns = self.inst.ns
        begin, end = first // ns, last // ns
        if begin == end:
            given = min(fac.day_cap, last - first + 1) if fac.available[begin] else 0
        else:
            days = self.days[index]
            given = (
                (min(fac.day_cap, ns - first % ns) if fac.available[begin] else 0)
                + days[end]
                - days[begin + 1]
                + (min(fac.day_cap, last % ns + 1) if fac.available[end] else 0)
            )
        return min(given, fac.week_cap)


def from_day(inst: Instance, first: int) -> Instance:
    """The same rollout with its days before day *first* taken away (sessions wait for it).

    Slot ``t`` of the result is slot ``t + first * ns`` of *inst*; the deadlines move with
    them (a deadline before day *first* becomes ``-1``: it cannot be met).
    """
    shift = first * inst.ns
    return Instance(
        ns=inst.ns,
        ords=inst.ords[first:],
        weeks=inst.weeks[first:],
        modules=inst.modules,
        span=inst.span,
        sizes=inst.sizes,
        latest=tuple(
            tuple(t if t >= NEVER else max(t - shift, -1) for t in row) for row in inst.latest
        ),
        facilitators=tuple(
            FacSpec(f.day_cap, f.week_cap, f.available[first:], f.skills) for f in inst.facilitators
        ),
        rooms=inst.rooms,
        earliest=tuple(tuple(max(t - shift, 0) for t in row) for row in inst.earliest),
        units=inst.units,
        away=inst.away,
        away_range=inst.away_range,
        soft=tuple(
            tuple(t if t >= NEVER else max(t - shift, -1) for t in row) for row in inst.soft
        ),
    )


def _smallest_day(ok: Callable[[int], bool], low: int, high: int) -> int | None:
    """The smallest day in [low, high] for which the monotone predicate *ok* holds.

    Gallops up from *low* (bounds are usually close to the best found so far), then bisects.
    """
    if low > high:
        return None
    if ok(low):
        return low
    step = 1
    while True:
        probe = min(low + step, high)
        if ok(probe):
            break
        if probe == high:
            return None
        low = probe
        step *= 2
    low += 1
    while low < probe:
        middle = (low + probe) // 2
        if ok(middle):
            probe = middle
        else:
            low = middle + 1
    return probe


def _present(inst: Instance) -> list[int]:
    """For each day: how many facilitators are present."""
    if not inst._present:
        inst._present.extend(
            sum(1 for f in inst.facilitators if f.available[day]) for day in range(len(inst.ords))
        )
    return inst._present


def _people(inst: Instance) -> Callable[[int, tuple[int, ...]], int]:
    """A function giving the most sessions the facilitators can lead in part of a week.

    Its arguments are the first day and, for it and each following day of the same week, the
    slots open that day; each facilitator leads at most one session per open slot, their
    daily cap a day and their weekly cap in all. Results are kept on the instance.
    """
    known = inst._people
    facs = inst.facilitators

    def people(first: int, opened: tuple[int, ...]) -> int:
        key = (first, opened)
        if key not in known:
            total = 0
            for f in facs:
                used = sum(
                    min(f.day_cap, slots)
                    for slots, here in zip(opened, f.available[first:], strict=False)
                    if here
                )
                total += min(f.week_cap, used)
            known[key] = total
        return known[key]

    return people


@dataclass(frozen=True, slots=True)
class Placement:
    """One session: cohort, module index, slot, facilitator indices and room index (-1: none)."""

    cohort: int
    module: int
    slot: int
    facilitators: tuple[int, ...]
    room: int


def _rest_of_week(inst: Instance) -> list[list[int]]:
    """For each facilitator and day: sessions they could still lead later in that ISO week."""
    if inst._rest:
        return inst._rest
    result = []
    days = len(inst.ords)
    for fac in inst.facilitators:
        rest = [0] * days
        following = 0
        for day in range(days - 1, -1, -1):
            if day + 1 < days and inst.weeks[day + 1] != inst.weeks[day]:
                following = 0
            rest[day] = following
            if fac.available[day]:
                following += min(fac.day_cap, inst.ns)
        result.append(rest)
    inst._rest.extend(result)
    return result


def startable_days(inst: Instance) -> list[bool]:
    """For each day: whether a cohort starting then can still hold every module in its span.

    With a blackout ahead, a cohort started just before it could not finish within the span;
    such days are not used for first modules.
    """
    if inst._startable:
        return inst._startable
    days = len(inst.ords)
    if inst.span is None:
        inst._startable.extend([True] * days)
        return inst._startable
    result = []
    for day in range(days):
        t = day * inst.ns
        for module in inst.modules[1:]:
            t = inst.release(t, module.gap)
            if t >= inst.slots:
                break
        result.append(t < inst.slots and t <= inst.span_end(day))
    inst._startable.extend(result)
    return inst._startable


def leaders_present(inst: Instance) -> list[int]:
    """For each slot: how many facilitators are present that day and may lead a session then.

    Those available that day with a daily cap above 0. Made once per instance (the list
    schedulers' spread of the due slots starts from it on every pass); read it, do not
    change it.
    """
    if not inst._leaders:
        ns = inst.ns
        per_day = [
            sum(1 for f in inst.facilitators if f.available[day] and f.day_cap > 0)
            for day in range(len(inst.ords))
        ]
        inst._leaders.extend(count for count in per_day for _ in range(ns))
    return inst._leaders


def _week_index(inst: Instance) -> tuple[list[int], list[int]]:
    """A compact week number for each day, and the last day of each week.

    Made once per instance (each list scheduler's pass asks for it; the lists are only read).
    """
    if inst._week_index:
        return inst._week_index[0]
    week_of: list[int] = []
    week_last: list[int] = []
    for day, key in enumerate(inst.weeks):
        if day and key == inst.weeks[day - 1]:
            week_last[-1] = day
        else:
            week_last.append(day)
        week_of.append(len(week_last) - 1)
    inst._week_index.append((week_of, week_last))
    return week_of, week_last
