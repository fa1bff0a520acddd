"""The rollout planner's engine: integer time, a lower bound and a list scheduler (private).

Time is counted in *slots*: slot ``t`` is slot ``t % ns`` of working day ``t // ns``, where the
working days are those of the calendar from the start to the planning horizon and ``ns`` is
the number of session slots per day. Everything here works on plain integers so that planning
several thousand participants takes a fraction of a second; :mod:`ledarutveckling._rollout`
turns the public objects into an :class:`Instance` and the result back into sessions.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from math import gcd
from typing import Final, Literal

Resource = Literal["facilitators", "rooms", "chain"]

NEVER: Final = 1 << 40
"""A latest slot that never binds."""


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
    _rest: list[list[int]] = field(default_factory=list, compare=False, repr=False)
    _startable: list[bool] = field(default_factory=list, compare=False, repr=False)
    _starts: list[int] = field(default_factory=list, compare=False, repr=False)
    _present: list[int] = field(default_factory=list, compare=False, repr=False)
    _people: dict[tuple[int, tuple[int, ...]], int] = field(
        default_factory=dict, compare=False, repr=False
    )

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


# -- the lower bound -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bound:
    """A proven lower bound on the last session's working day.

    Attributes:
        day: The working-day index no valid plan can end before; ``None`` when no plan can end
            within the horizon.
        resource: Which relaxation gives the bound.
        modules: The range of module indices (first, last) whose demand binds.
        demand: Sessions (facilitator-sessions, room-sessions) the binding window must hold.
        min_size: For rooms: the cohort size the binding room count refers to.
        by_resource: Each window relaxation's own bound (``None``: not within the horizon);
            the combined bound (see *combined*) is not among them.
        split: When the bound comes from splitting the cohorts at a break in the calendar
            (see :func:`split_bound`): the first working day after the break; else ``None``.
        combined: Whether the bound comes from counting every resource, gap and span at
            once (:class:`ledarutveckling._rollout_lp.Relaxation`).
        whole: Whether that count was made in whole cohorts (:func:`whole_bound`).
    """

    day: int | None
    resource: Resource
    modules: tuple[int, int]
    demand: int
    min_size: int
    by_resource: dict[str, int | None]
    split: int | None = None
    combined: bool = False
    whole: bool = False


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


Window = tuple[int, int, int, int, int]
"""One module's sessions for a group of cohorts: ``(module, first slot, last slot, first start
day, end start day)``; for the first module, only startable days from the first start day up to
(not including) the end start day count."""


def window_capacity(
    inst: Instance,
    first: int,
    last_module: int,
    last: int,
    min_size: int,
    joint: bool = True,
    origin: int = 0,
    starts_before: int | None = None,
) -> tuple[int, int]:
    """Upper bounds on the sessions modules *first* to *last_module* can get, ending by *last*.

    Module ``k`` can only be held between the earliest slot its chain allows from the start
    and the latest slot that still lets the last module be held by slot *last*; the first
    module only on days from which the chain can end within the program's span. The
    capacity of those slots is counted by :func:`capacity`.

    *origin* and *starts_before* count the capacity open to a subset of the cohorts: those
    whose first module is held in slot *origin* or later, and on a day before the day
    *starts_before* (every day if ``None``).

    Returns:
        ``(facilitator_sessions, room_sessions)``: the most facilitator-sessions the modules
        can use, and the most in-person sessions in rooms that take *min_size* participants.
    """
    earliest = inst.earliest_chain(origin)
    latest = inst.latest_chain(last)
    end = len(inst.ords) if starts_before is None else starts_before
    windows = [(k, earliest[k], latest[k], 0, end) for k in range(first, last_module + 1)]
    return capacity(inst, windows, min_size, joint)


def capacity(
    inst: Instance, windows: Sequence[Window], min_size: int, joint: bool = True
) -> tuple[int, int]:
    """Upper bounds on the sessions that can be held in *windows* together.

    In every slot some window allows, and in every ISO week, the sessions held are limited
    by the facilitators present (one session each per slot, their daily and weekly caps)
    and by the rooms (one session each per slot); where only in-person modules can be held,
    rooms also limit how many facilitators can work, and the facilitators present how many
    rooms can be used. Where every module that can be held is led by a multiple of some
    number of facilitators (two, say), the facilitators working in a slot are a multiple of
    it too: with three present and only pairs to lead, one is idle.

    With *joint* false, each resource is counted alone (rooms do not limit facilitators, nor
    facilitators rooms): a weaker bound, used to tell which resource binds on a tie.

    Returns:
        ``(facilitator_sessions, room_sessions)``: the most facilitator-sessions the
        windows' sessions can use, and the most of their in-person sessions in rooms that
        take *min_size* participants.
    """
    windows = [w for w in windows if w[1] <= w[2]]
    if not windows:
        return 0, 0
    ns = inst.ns
    mods = inst.modules
    lo = min(w[1] for w in windows)
    hi = max(w[2] for w in windows)
    all_rooms = len(inst.rooms)
    rooms = sum(1 for r in inst.rooms if r >= min_size)
    fewest = min((mods[w[0]].facilitators for w in windows if mods[w[0]].in_person), default=1)
    present_on = _present(inst)
    people_in = _people(inst)
    startable = startable_days(inst)
    fac_total = room_total = 0
    opened: list[int] = []
    slot_fac = slot_room = 0
    week = inst.weeks[lo // ns]
    first_day = lo // ns

    def flush() -> None:
        nonlocal fac_total, room_total
        people = people_in(first_day, tuple(opened))
        fac_total += min(people, slot_fac)
        room_total += min(slot_room, people // fewest) if joint else slot_room

    kinds: dict[tuple[tuple[int, ...], int], tuple[int, int]] = {}

    def per_slot(allowed: tuple[int, ...], present: int) -> tuple[int, int]:
        key = (allowed, present)
        if key not in kinds:
            kinds[key] = slot_capacity(allowed, present)
        return kinds[key]

    def slot_capacity(allowed: tuple[int, ...], present: int) -> tuple[int, int]:
        here = [k for k in allowed if mods[k].in_person]
        if len(here) < len(allowed) or not joint:
            fac = present
        else:
            fac = min(present, all_rooms * max(mods[k].facilitators for k in here))
        if joint:
            # Each session takes a multiple of the facilitators' common divisor.
            step = gcd(*(mods[k].facilitators for k in allowed))
            fac -= fac % step
        if not here:
            return fac, 0
        least = min(mods[k].facilitators for k in here)
        return fac, min(rooms, present // least) if joint else rooms

    for day in range(lo // ns, hi // ns + 1):
        if inst.weeks[day] != week:
            flush()
            opened = []
            first_day = day
            slot_fac = slot_room = 0
            week = inst.weeks[day]
        begin, end = day * ns, day * ns + ns - 1
        today = [
            w
            for w in windows
            if w[1] <= end and begin <= w[2] and (w[0] or (startable[day] and w[3] <= day < w[4]))
        ]
        if not today:
            opened.append(0)
            continue
        present = present_on[day]
        if all(w[1] <= begin and end <= w[2] for w in today):
            fac, room = per_slot(tuple(w[0] for w in today), present)
            slot_fac += fac * ns
            slot_room += room * ns
            opened.append(ns)
            continue
        open_slots = 0
        for t in range(begin, end + 1):
            allowed = tuple(w[0] for w in today if w[1] <= t <= w[2])
            if allowed:
                open_slots += 1
                fac, room = per_slot(allowed, present)
                slot_fac += fac
                slot_room += room
        opened.append(open_slots)
    flush()
    return fac_total, room_total


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


def _spare(inst: Instance, detail: tuple[tuple[int, int], int, int], which: int, day: int) -> float:
    """Capacity over demand in one resource's binding window by *day*, counted alone."""
    (a, b), demand, size = detail
    last = day * inst.ns + inst.ns - 1
    return window_capacity(inst, a, b, last, size, joint=False)[which] / max(demand, 1)


SPLIT_BREAK: Final = 8
"""Calendar days between two consecutive working days that make a break to split at."""


def break_days(inst: Instance) -> list[int]:
    """The first working day after each break of at least :data:`SPLIT_BREAK` calendar days."""
    ords = inst.ords
    return [d for d in range(1, len(ords)) if ords[d] - ords[d - 1] >= SPLIT_BREAK]


def split_days(inst: Instance) -> list[int]:
    """The days to split the cohorts at: each break's end, then each ISO week's first day."""
    weeks = inst.weeks
    breaks = break_days(inst)
    starts = [d for d in range(1, len(weeks)) if weeks[d] != weeks[d - 1] and d not in breaks]
    return breaks + starts


Counted = Literal["both", "facilitators", "rooms"]
"""What :func:`split_fits` counts: both resources together, or one alone."""


def split_fits(
    inst: Instance,
    split: int,
    day: int,
    counted: Counted = "both",
    cache: dict[tuple[object, ...], tuple[int, int]] | None = None,
) -> bool:
    """Whether the cohorts can all be planned by *day* when split at the day *split*.

    Every cohort's first module is held before the day *split* (an *early* cohort) or on
    it or later (a *late* one). An early cohort starts on a startable day before *split*,
    so all its sessions fall by the span's end from the last such day; a late one has its
    whole chain from *split* on. Each group's module *k* thus has a window of slots, as in
    :func:`window_capacity`.

    For a run of modules *a* to *b* of the early cohorts, a run *a'* to *b'* of the late
    ones, or both, all those sessions are held in slots that one of their windows allows,
    so with *m* early cohorts, ``m`` times the early run's demand plus ``count - m`` times
    the late run's must fit in :func:`capacity` of those windows together (the
    facilitator-sessions, and the in-person sessions in rooms that take the smallest
    cohort). Each such pair gives a linear condition on *m*; a valid plan has some whole
    *m* from 0 to the number of cohorts that meets them all. Pairs of an early run that
    ends the program and a late run that begins it catch what no single window sees: with
    a short span, the cohorts started early must end early, in the weeks where those that
    start later need their first modules, so starting many early does not free later
    capacity, and starting few leaves the first weeks' capacity unused.

    Args:
        inst: The instance.
        split: The day that divides the early from the late cohorts.
        day: The last day of the plan.
        counted: ``"both"`` (each resource where it limits the other too), or
            ``"facilitators"`` or ``"rooms"`` alone.
        cache: Capacities of earlier calls (the early cohorts' alone do not change with
            *day* once their span ends before it).
    """
    ns = inst.ns
    n = len(inst.modules)
    days = len(inst.ords)
    last = day * ns + ns - 1
    count = len(inst.sizes)
    size = min(inst.sizes)
    startable = startable_days(inst)
    before = [d for d in range(min(split, days)) if startable[d]]
    if not before:
        return True  # no cohort can start early: the whole-program relaxation counts them
    reach = min(inst.span_end(before[-1]), last)
    early_from = inst.earliest_chain()
    early_to = inst.latest_chain(reach)
    late_from = inst.earliest_chain(split * ns)
    late_to = inst.latest_chain(last)
    joint = counted == "both"
    mods = inst.modules
    fac_need = [m.facilitators for m in mods]
    room_need = [int(m.in_person) for m in mods]
    runs = [(a, b) for a in range(n) for b in range(a, n)]
    pairs: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = [
        (run, None) for run in runs
    ]
    pairs += [(None, run) for run in runs]
    pairs += [((a, n - 1), (0, b)) for a in range(n) for b in range(n)]
    low, high = 0, count
    for early, late in pairs:
        windows: list[Window] = []
        if early is not None:
            windows += [(k, early_from[k], early_to[k], 0, split) for k in range(*_upto(early))]
        if late is not None:
            windows += [(k, late_from[k], late_to[k], split, days) for k in range(*_upto(late))]
        key = (split, reach, early, joint) if late is None else None
        if cache is not None and key in cache:
            caps = cache[key]
        else:
            caps = capacity(inst, windows, size, joint)
            if cache is not None and key is not None:
                cache[key] = caps
        for which, need in enumerate((fac_need, room_need)):
            if (counted == "facilitators" and which) or (counted == "rooms" and not which):
                continue
            per_early = sum(need[slice(*_upto(early))]) if early is not None else 0
            per_late = sum(need[slice(*_upto(late))]) if late is not None else 0
            # m * per_early + (count - m) * per_late <= caps[which]
            slope, room = per_early - per_late, caps[which] - count * per_late
            if slope > 0:
                high = min(high, room // slope)
            elif slope < 0:
                low = max(low, -(room // -slope))
            elif room < 0:
                return False
            if low > high:
                return False
    return True


def _reach(inst: Instance, split: int) -> int:
    """The last slot a cohort that starts before the day *split* may use (-1: none can)."""
    startable = startable_days(inst)
    before = [d for d in range(min(split, len(startable))) if startable[d]]
    return inst.span_end(before[-1]) if before else -1


def _upto(run: tuple[int, int]) -> tuple[int, int]:
    return run[0], run[1] + 1


def split_bound(inst: Instance, low: int) -> tuple[int | None, int | None, Resource]:
    """The latest day, from *low* on, before which splitting the cohorts proves no plan ends.

    For each day of :func:`split_days` before the bound so far, a day is too early when
    :func:`split_fits` fails. A short ``max_span_days`` is what makes this bite: cohorts
    started before a long blackout must end soon after it, so the weeks before the
    blackout cannot all be used for the last modules of cohorts that start after it, as the
    whole-program relaxation would allow; and in any week, cohorts started before it must
    end within their span, where those that start later need the capacity too.

    Returns:
        ``(day, split, resource)``: the bound (``None`` when no plan ends within the
        horizon), the split that gives it (``None`` when no split beats *low*), and the
        resource that binds: the one that binds when counted alone, else the
        facilitators (as in :func:`lower_bound`, each counts the other where it limits it).
    """
    days = len(inst.ords)
    cache: dict[tuple[object, ...], tuple[int, int]] = {}
    best: int | None = low
    best_split: int | None = None
    for split in split_days(inst):
        if best is None:
            break
        if split >= best or _reach(inst, split) >= best * inst.ns:
            # The early cohorts' span reaches the bound so far: such a split has not been
            # seen to prove more, and skipping one only weakens the bound (for speed).
            continue

        def fits(day: int, split: int = split) -> bool:
            return split_fits(inst, split, day, cache=cache)

        found = _smallest_day(fits, best, days - 1)
        if found is None or found > best:
            best, best_split = found, split
    resource: Resource = "facilitators"
    if best_split is not None:
        probe = days - 1 if best is None else best - 1
        if split_fits(inst, best_split, probe, "facilitators") and not split_fits(
            inst, best_split, probe, "rooms"
        ):
            resource = "rooms"
    return best, best_split, resource


def lower_bound(inst: Instance) -> Bound:
    """Prove a lower bound on the plan's last day from four relaxations and take the largest.

    The three below give a bound and name the resource and modules behind it
    (:func:`window_bound`); the fourth counts everything at once and raises it where the
    resources, gaps and spans bind together
    (:class:`ledarutveckling._rollout_lp.Relaxation`).
    """
    from ledarutveckling import _rollout_lp

    bound = window_bound(inst)
    if bound.day is None:
        return bound
    relaxation = _rollout_lp.Relaxation(inst, bound.day)
    day = relaxation.day
    if day == bound.day:
        return bound
    return _combined(inst, day, relaxation.binding(), bound.by_resource)


def _combined(
    inst: Instance,
    day: int | None,
    resource: Resource,
    by_resource: dict[str, int | None],
    whole: bool = False,
) -> Bound:
    """A bound from counting the whole plan at once, by *day*, naming *resource*.

    *by_resource* keeps each resource's own (window) bound; the combined day is the bound.
    """
    n = len(inst.modules)
    count = len(inst.sizes)
    if resource == "rooms":
        demand = count * sum(1 for m in inst.modules if m.in_person)
        size = min(inst.sizes)
    else:
        demand, size = count * sum(m.facilitators for m in inst.modules), 0
    return Bound(day, resource, (0, n - 1), demand, size, by_resource, combined=True, whole=whole)


def whole_bound(inst: Instance, bound: Bound, day: int) -> Bound:
    """*bound* raised to *day*, where whole counts are proven unable to end earlier.

    The fractional counts of :func:`lower_bound` may fit where whole cohorts cannot
    (:func:`ledarutveckling._rollout_lp.no_whole_counts`); the resource named is the one
    :func:`ledarutveckling._rollout_lp.whole_binding` finds.
    """
    from ledarutveckling import _rollout_lp

    resource = _rollout_lp.whole_binding(inst, day, bound.resource)
    return _combined(inst, day, resource, bound.by_resource, whole=True)


def window_bound(inst: Instance) -> Bound:
    """Prove a lower bound on the plan's last day from three relaxations and take the largest.

    * **chain**: a cohort's modules follow each other with their gaps on working days, so the
      last module cannot be held before the chain that starts in the first slot ends.
    * **facilitators**: for every run of modules *a* to *b*, the facilitator-sessions they
      need must fit in what :func:`window_capacity` allows them by that day.
    * **rooms**: the same for in-person sessions and rooms large enough for the cohorts, for
      every cohort size at which the number of large enough rooms changes.

    With a span, the cohorts are also split by when they start, at each long break in the
    calendar and at the first day of each week (:func:`split_bound`): those that start
    before the split must end within their span, so the capacity before a summer blackout
    only serves cohorts that start before it, and cohorts started early in a rollout push
    their last modules into the weeks where later cohorts need their first ones.
    """
    n = len(inst.modules)
    ns = inst.ns
    count = len(inst.sizes)
    days = len(inst.ords)
    earliest = inst.earliest_chain()
    chain_day = earliest[-1] // ns if earliest[-1] < inst.slots else None
    bounds: dict[str, int | None] = {"chain": chain_day, "facilitators": None, "rooms": None}
    detail: dict[str, tuple[tuple[int, int], int, int]] = {"chain": ((0, n - 1), 0, 0)}
    if chain_day is None:
        return Bound(None, "chain", (0, n - 1), 0, 0, bounds)
    # The whole program first: it usually binds, so the other runs are checked in one call.
    ranges = sorted(((a, b) for a in range(n) for b in range(a, n)), key=lambda r: r[0] - r[1])

    def first_day(a: int, b: int, need: int, size: int, which: int, low: int) -> int:
        """The first day modules a..b get *need* sessions of resource *which*; *days* if none."""

        def ok(day: int) -> bool:
            return window_capacity(inst, a, b, day * ns + ns - 1, size)[which] >= need

        found = _smallest_day(ok, low, days - 1)
        return days if found is None else found

    fac_day = chain_day
    fac_detail = ((0, n - 1), 0, 0)
    for a, b in ranges:
        demand = count * sum(m.facilitators for m in inst.modules[a : b + 1])
        found = first_day(a, b, demand, 0, 0, min(fac_day, days - 1))
        if found > fac_day:
            fac_day, fac_detail = found, ((a, b), demand, 0)
        if found >= days:
            break
    bounds["facilitators"] = fac_day if fac_day < days else None
    detail["facilitators"] = fac_detail

    # Cohort sizes at which the number of rooms that take them changes: the smallest size
    # of each group counts the most cohorts for the same rooms.
    thresholds: dict[int, int] = {}
    for size in sorted(set(inst.sizes), reverse=True):
        thresholds[sum(1 for r in inst.rooms if r >= size)] = size
    room_day = chain_day
    room_detail = ((0, n - 1), 0, 0)
    for size in sorted(thresholds.values()):
        cohorts = sum(1 for s in inst.sizes if s >= size)
        for a, b in ranges:
            in_person = sum(1 for m in inst.modules[a : b + 1] if m.in_person)
            if not in_person or room_day >= days:
                continue
            demand = cohorts * in_person
            found = first_day(a, b, demand, size, 1, room_day)
            if found > room_day:
                room_day, room_detail = found, ((a, b), demand, size)
    bounds["rooms"] = room_day if room_day < days else None
    detail["rooms"] = room_detail

    best: Resource = "chain"
    for resource in ("facilitators", "rooms"):
        value = bounds[resource]
        if value is None:
            best = resource
            break
        current = bounds[best]
        assert current is not None
        if value > current:
            best = resource
    if bounds["facilitators"] == bounds["rooms"] != chain_day:
        # Each bound counts the other resource where it limits this one; on a tie, name the
        # resource with the least room to spare when counted alone.
        day = min(fac_day, days - 1)
        fac_spare = _spare(inst, detail["facilitators"], 0, day)
        room_spare = _spare(inst, detail["rooms"], 1, day)
        best = "rooms" if room_spare < fac_spare else "facilitators"
    modules, demand, min_size = detail[best]
    current = bounds[best]
    if current is not None and inst.span is not None:
        split_day, split, resource = split_bound(inst, current)
        if split is not None:
            bounds[resource] = split_day
            mods = inst.modules
            if resource == "facilitators":
                demand, min_size = count * sum(m.facilitators for m in mods), 0
            else:
                demand, min_size = count * sum(1 for m in mods if m.in_person), min(inst.sizes)
            return Bound(split_day, resource, (0, n - 1), demand, min_size, bounds, split)
    return Bound(
        day=bounds[best],
        resource=best,
        modules=modules,
        demand=demand,
        min_size=min_size,
        by_resource=bounds,
    )


# -- the scheduler ---------------------------------------------------------------------------


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


def start_limits(inst: Instance) -> list[int]:
    """For each day: the most cohorts that can have started by then and still end in their span.

    Every cohort started by a day ends by the span's end from that day, so together they
    need no more facilitator-sessions, nor in-person sessions, than the days up to it offer
    (a facilitator's weekly cap shared evenly among the days of the week they are present),
    and their later modules no more than the days from the first day a second module can
    be held. Starting more than that early in a rollout only jams the weeks before the
    spans end. Without a span there is no limit.
    """
    if inst._starts:
        return inst._starts
    days = len(inst.ords)
    count = len(inst.sizes)
    if inst.span is None:
        inst._starts.extend([count] * days)
        return inst._starts
    ns = inst.ns
    week_of, _ = _week_index(inst)
    per_day = [0.0] * days
    for fac in inst.facilitators:
        present: dict[int, int] = {}
        for day in range(days):
            if fac.available[day]:
                present[week_of[day]] = present.get(week_of[day], 0) + 1
        for day in range(days):
            if fac.available[day]:
                per_day[day] += min(fac.day_cap, ns, fac.week_cap / present[week_of[day]])
    fac_work = sum(m.facilitators for m in inst.modules)
    room_work = sum(1 for m in inst.modules if m.in_person)
    fac_total = [0.0]
    for day in range(days):
        fac_total.append(fac_total[-1] + per_day[day])
    tail_fac = fac_work - inst.modules[0].facilitators
    tail_room = room_work - inst.modules[0].in_person
    second = inst.earliest_chain()[1] // ns if len(inst.modules) > 1 else 0
    for day in range(days):
        end = min(inst.span_end(day) // ns, days - 1)
        most = fac_total[end + 1] / fac_work
        if tail_fac and end >= second:
            most = min(most, (fac_total[end + 1] - fac_total[second]) / tail_fac)
        if room_work:
            most = min(most, (end + 1) * ns * len(inst.rooms) / room_work)
        if tail_room and end >= second:
            rooms = (end + 1 - second) * ns * len(inst.rooms)
            most = min(most, rooms / tail_room)
        inst._starts.append(min(count, int(most)))
    return inst._starts


def _week_index(inst: Instance) -> tuple[list[int], list[int]]:
    """A compact week number for each day, and the last day of each week."""
    week_of: list[int] = []
    week_last: list[int] = []
    for day, key in enumerate(inst.weeks):
        if day and key == inst.weeks[day - 1]:
            week_last[-1] = day
        else:
            week_last.append(day)
        week_of.append(len(week_last) - 1)
    return week_of, week_last


def schedule(
    inst: Instance,
    release: list[list[int]],
    due: list[list[int]],
    horizon: int,
    rank: Sequence[int],
    offset: Sequence[int] = (),
    failed: list[int] | None = None,
    rooms_first: bool = False,
    reserve: float = 0.0,
    starts: Sequence[int] = (),
) -> list[Placement] | None:
    """Place every session between its release and due slots by list scheduling, or fail.

    Slot by slot, from slot 0 to *horizon*, the sessions that are released (their own release
    slot and the gap after the cohort's previous session have passed) are placed in order of
    due slot, each with the facilitators whose weekly capacity is most at risk of going unused
    and the smallest free room that takes the cohort. A session due later than this ISO week
    is held back when placing it would leave too little facilitator capacity this week for
    the sessions due within it. Once a cohort has started, its span shortens the due slots of
    its remaining modules.

    Args:
        inst: The instance.
        release: For each cohort and module, the first slot it may use.
        due: For each cohort and module, the last slot it may use (changed in place as
            cohorts start).
        horizon: The last slot to use.
        rank: For each cohort, which goes first among sessions due in the same slot
            (smaller first).
        offset: For each module, slots added to its sessions' due slots when ordering them
            (not when checking them): a negative offset puts a module first.
        failed: If given, the module of a session that missed its due slot is appended.
        rooms_first: Fill the free rooms first in each slot, whatever the due slots of the
            sessions that need no room: when rooms and facilitators both bind, a week whose
            facilitators go to digital sessions while rooms stand empty wastes room capacity
            that no later week gives back.
        reserve: If not zero, a session that needs no room is held back when it would leave
            fewer facilitator-sessions this week than *reserve* times the facilitators the
            rooms' remaining slots this week need (while sessions that need a room wait).
        starts: If given, for each day the most cohorts that may have started by its end
            (see :func:`start_limits`).

    Returns:
        The placements, or ``None`` when a session would miss its due slot.
    """
    mods = inst.modules
    n = len(mods)
    ns = inst.ns
    count = len(inst.sizes)
    facs = inst.facilitators
    nf = len(facs)
    rest = _rest_of_week(inst)
    week_of, week_last = _week_index(inst)
    horizon = min(horizon, inst.slots - 1)
    rooms = sorted(range(len(inst.rooms)), key=lambda r: inst.rooms[r])
    room_caps = [inst.rooms[r] for r in rooms]
    sizes = inst.sizes
    room_heaps: list[list[tuple[int, int, int, int, int, int]]] = [[] for _ in mods]
    person_modules = [k for k in range(n) if mods[k].in_person]
    fewest = min((mods[k].facilitators for k in person_modules), default=1)
    other_heap: list[tuple[int, int, int, int, int, int]] = []

    def push(item: tuple[int, int, int, int, int, int]) -> None:
        k = item[5]
        heapq.heappush(room_heaps[k] if mods[k].in_person else other_heap, item)

    def next_room_module() -> int:
        """The in-person module whose head session comes first, or -1."""
        best = -1
        for k in person_modules:
            heap = room_heaps[k]
            if heap and (best < 0 or heap[0] < room_heaps[best][0]):
                best = k
        return best

    released: dict[int, list[tuple[int, int, int, int, int, int]]] = {}
    due_demand = [0] * (week_of[-1] + 1)
    shift = list(offset) or [0] * n
    for cohort in range(count):
        if due[cohort][0] > horizon or due[cohort][0] < release[cohort][0]:
            return None
        item = (due[cohort][0] + shift[0], 0, due[cohort][0], rank[cohort], cohort, 0)
        released.setdefault(release[cohort][0], []).append(item)
        due_demand[week_of[due[cohort][0] // ns]] += mods[0].facilitators
    startable = startable_days(inst)
    placements: list[Placement] = []
    day_used = [0] * nf
    week_used = [0] * nf
    week = None
    remaining = count * n
    started = 0
    for t in range(horizon + 1):
        day, slot = divmod(t, ns)
        if slot == 0:
            day_used = [0] * nf
            if inst.weeks[day] != week:
                week = inst.weeks[day]
                week_used = [0] * nf
        for item in released.pop(t, ()):
            push(item)
        if not other_heap and not any(room_heaps[k] for k in person_modules):
            if remaining == 0:
                break
            continue
        avail = [
            f
            for f in range(nf)
            if facs[f].available[day]
            and day_used[f] < facs[f].day_cap
            and week_used[f] < facs[f].week_cap
        ]
        if avail:
            urgency = {
                f: (facs[f].week_cap - week_used[f])
                / (min(facs[f].day_cap - day_used[f], ns - slot) + rest[f][day])
                for f in avail
            }
            avail.sort(key=lambda f: -urgency[f])
        free = list(range(len(rooms)))
        deferred: list[tuple[int, int, int, int, int, int]] = []
        this_week = week_of[day]
        week_end = week_last[this_week] * ns + ns - 1
        urgent = due_demand[this_week]
        left = 0
        if urgent or reserve:
            for f in range(nf):
                today = (
                    min(facs[f].day_cap - day_used[f], ns - slot) if facs[f].available[day] else 0
                )
                left += min(facs[f].week_cap - week_used[f], today + rest[f][day])
        while avail:
            chosen_module = next_room_module() if free else -1
            if chosen_module < 0 and not other_heap:
                break
            use_room = chosen_module >= 0 and (
                rooms_first or not other_heap or room_heaps[chosen_module][0][2] <= other_heap[0][2]
            )
            item = heapq.heappop(room_heaps[chosen_module] if use_room else other_heap)
            _, _, due_slot, _, cohort, k = item
            if due_slot < t:
                if failed is not None:
                    failed.append(k)
                return None
            need = mods[k].facilitators
            if need > len(avail) or (
                k == 0 and (not startable[day] or (starts and started >= starts[day]))
            ):
                deferred.append(item)
                continue
            if urgent and due_slot > week_end and left - need < urgent:
                deferred.append(item)
                break
            if (
                reserve
                and not use_room
                and left - need < reserve * fewest * (week_end - t) * len(rooms)
                and any(room_heaps[j] for j in person_modules)
            ):
                # Facilitators kept for the rooms' sessions for the rest of the week.
                deferred.append(item)
                break
            room = -1
            if use_room:
                size = sizes[cohort]
                for position, r in enumerate(free):
                    if room_caps[r] >= size:
                        room = rooms[r]
                        del free[position]
                        break
                else:
                    deferred.append(item)
                    continue
            chosen = tuple(avail[:need])
            del avail[:need]
            left -= need
            due_demand[week_of[due_slot // ns]] -= need
            if due_slot <= week_end:
                urgent -= need
            for f in chosen:
                day_used[f] += 1
                week_used[f] += 1
            placements.append(Placement(cohort, k, t, chosen, room))
            remaining -= 1
            started += k == 0
            if k + 1 < n:
                row = due[cohort]
                if k == 0 and inst.span is not None:
                    chain = inst.latest_chain(inst.span_end(day))
                    for j in range(1, n):
                        row[j] = min(row[j], chain[j])
                nxt = max(inst.release(t, mods[k + 1].gap), release[cohort][k + 1])
                if nxt > row[k + 1]:
                    if failed is not None:
                        failed.append(k)
                    return None
                released.setdefault(nxt, []).append(
                    (
                        row[k + 1] + shift[k + 1],
                        -(k + 1),
                        row[k + 1],
                        rank[cohort],
                        cohort,
                        k + 1,
                    )
                )
                due_demand[week_of[row[k + 1] // ns]] += mods[k + 1].facilitators
        for item in deferred:
            push(item)
        late = [k for k in person_modules if room_heaps[k] and room_heaps[k][0][2] <= t]
        if other_heap and other_heap[0][2] <= t:
            late.append(other_heap[0][5])
        if late:
            if failed is not None:
                failed.append(late[0])
            return None
    return placements if remaining == 0 else None


def reverse(inst: Instance, last_day: int) -> Instance:
    """The instance seen backwards in time from the end of *last_day*.

    Day ``j`` of the result is day ``last_day - j``; a slot ``t`` of the original, up to the
    end of *last_day*, is slot ``last_slot - t`` of the result. Module order is reversed, and
    each reversed module carries the gap its successor had, so gaps and spans mean the same.
    """
    days = range(last_day, -1, -1)
    modules = []
    originals = inst.modules
    count = len(originals)
    for j in range(count):
        module = originals[count - 1 - j]
        gap = originals[count - j].gap if j else 0
        modules.append(ModSpec(module.facilitators, module.in_person, gap))
    return Instance(
        ns=inst.ns,
        ords=tuple(-inst.ords[d] for d in days),
        weeks=tuple(inst.weeks[d] for d in days),
        modules=tuple(modules),
        span=inst.span,
        sizes=inst.sizes,
        latest=(),
        facilitators=tuple(
            FacSpec(f.day_cap, f.week_cap, tuple(f.available[d] for d in days))
            for f in inst.facilitators
        ),
        rooms=inst.rooms,
    )


def schedule_backwards(inst: Instance, last_day: int) -> list[Placement] | None:
    """Place every session as late as it can go, ending by *last_day*, or fail.

    The schedule is built on the reversed instance, where the unit deadlines become release
    slots and the start becomes the one due slot every chain must reach: sessions of later
    modules go first, and a cohort's earlier modules follow it backwards through the gaps.
    """
    n = len(inst.modules)
    ns = inst.ns
    last = last_day * ns + ns - 1
    mirror = reverse(inst, last_day)
    earliest = inst.earliest_chain()
    release = []
    due = []
    for cohort in range(len(inst.sizes)):
        release.append([max(0, last - inst.latest[cohort][n - 1 - j]) for j in range(n)])
        due.append([last - earliest[n - 1 - j] for j in range(n)])
    # Backwards, the cohorts with the latest deadlines go first: they end up last.
    placed = schedule(mirror, release, due, last, [-row[0] for row in inst.latest])
    if placed is None:
        return None
    return [
        Placement(p.cohort, n - 1 - p.module, last - p.slot, p.facilitators, p.room) for p in placed
    ]


def schedule_forwards(
    inst: Instance,
    last_day: int,
    spread: int = 1,
    rooms_first: bool = False,
    reserve: float = 0.0,
    throttle: bool = False,
) -> list[Placement] | None:
    """Place every session as early as the due slots allow, ending by *last_day*, or fail.

    *spread*, *rooms_first* and *reserve* are described at :func:`_spread_tail` and
    :func:`schedule`; with *throttle*, no more cohorts start by a day than
    :func:`start_limits` allows.
    """
    n = len(inst.modules)
    last = last_day * inst.ns + inst.ns - 1
    by_target = inst.latest_chain(last)
    release = [[0] * n for _ in inst.sizes]
    due = [[min(by_target[k], row[k]) for k in range(n)] for row in inst.latest]
    if spread:
        _spread_tail(inst, due, every=spread > 1)
    rank = [row[0] for row in inst.latest]
    offset = [0] * n
    for _ in range(RETRIES):
        failed: list[int] = []
        placed = schedule(
            inst,
            release,
            [list(row) for row in due],
            last,
            rank,
            offset,
            failed,
            rooms_first,
            reserve,
            start_limits(inst) if throttle else (),
        )
        if placed is not None or not failed:
            return placed
        # The module that missed its due slot goes a week earlier in the order next time.
        offset[failed[0]] -= 5 * inst.ns
    return None


RETRIES: Final = 2
"""Forward passes per candidate day: after a failure, the failing module is put earlier."""


def _spread_tail(inst: Instance, due: list[list[int]], every: bool) -> None:
    """Tighten due slots so that sessions cannot all pile up at the end.

    Modules are taken from the last to the first. Counting back from each session's due
    slot, a session takes the latest slot where the rooms (in person) and the facilitators
    present, less what later sessions already took, still hold it; its cohort's earlier
    modules are then due before it by the gaps. This is a rough backward plan: it only
    gives the forward pass due slots that spread the work over the capacity.
    """
    n = len(inst.modules)
    ns = inst.ns
    rooms_left = [len(inst.rooms)] * inst.slots
    people_left = [
        sum(1 for f in inst.facilitators if f.available[t // ns] and f.day_cap > 0)
        for t in range(inst.slots)
    ]
    for k in range(n - 1, -1, -1) if every else (n - 1,):
        module = inst.modules[k]
        order = sorted(range(len(due)), key=lambda c: due[c][k], reverse=True)
        slot = inst.slots
        for cohort in order:
            slot = min(slot, due[cohort][k])
            while slot >= 0 and (
                people_left[slot] < module.facilitators
                or (module.in_person and rooms_left[slot] < 1)
            ):
                slot -= 1
            if slot < 0:
                return
            people_left[slot] -= module.facilitators
            if module.in_person:
                rooms_left[slot] -= 1
            row = due[cohort]
            row[k] = slot
            for j in range(k - 1, -1, -1):
                row[j] = min(row[j], inst.back(row[j + 1], inst.modules[j + 1].gap))


STRATEGIES: list[tuple[bool, int, bool, float, bool]] = [
    (True, 1, False, 0.0, False),
    (True, 2, False, 0.0, False),
    (False, 0, False, 0.0, False),
    (True, 0, True, 1.5, False),
    (True, 0, True, 0.0, False),
    (True, 1, True, 1.5, False),
    (True, 1, False, 0.0, True),
]
"""The strategies tried for each candidate end day, in order: (forwards, spread,
rooms_first, reserve, throttle), where spread is 0 (none), 1 (the last module's due slots)
or 2 (every module's); the others are :func:`schedule_forwards`'s (backwards ignores them).

The first three are the original ones; the last four were chosen on 40 generated instances
(``benchmarks/rollout.py --generated 40``): rooms first with a reserve of 1.5 closes the gap
where rooms and facilitators both bind (1.0 to 2.0 were tried; 1.5 was best, not by much),
rooms first alone helps where only the rooms bind, and the throttle helps where early
starts jam the weeks before the spans end. They come last so that instances the first
three already plan pay nothing for them."""


def schedule_either(inst: Instance, last_day: int) -> list[Placement] | None:
    """Try each of :data:`STRATEGIES` until one places every session."""
    return next(schedule_each(inst, last_day), None)


def schedule_each(inst: Instance, last_day: int) -> Iterator[list[Placement]]:
    """The plans each of :data:`STRATEGIES` finds ending by *last_day*, in their order.

    Rooms first only differs when some modules are in person and some are not, and the
    throttle only with a span; otherwise those passes are skipped.
    """
    formats = {m.in_person for m in inst.modules}
    for forwards, spread, rooms_first, reserve, throttle in STRATEGIES:
        if (throttle and inst.span is None) or (rooms_first and len(formats) < 2):
            continue  # the same as a pass already tried
        if forwards:
            placed = schedule_forwards(inst, last_day, spread, rooms_first, reserve, throttle)
        else:
            placed = schedule_backwards(inst, last_day)
        if placed is not None:
            yield placed


def compact(inst: Instance, placements: list[Placement]) -> list[Placement]:
    """Pull a plan earlier: a forward pass that takes each session's slot as its due slot.

    A plan built backwards leaves the first weeks thin; placing the same sessions forwards,
    in the order of their slots, fills them and often ends earlier. The earlier of the two
    plans is returned.
    """
    n = len(inst.modules)
    due = [[0] * n for _ in inst.sizes]
    for p in placements:
        due[p.cohort][p.module] = min(p.slot, inst.latest[p.cohort][p.module])
    last = max(p.slot for p in placements)
    release = [[0] * n for _ in inst.sizes]
    rank = [row[0] for row in inst.latest]
    compacted = schedule(inst, release, due, last, rank)
    if compacted is None or _end(compacted) >= _end(placements):
        return placements
    return compacted


def _end(placements: list[Placement]) -> int:
    return max(p.slot for p in placements)


def _left_justify(inst: Instance, placements: list[Placement]) -> list[Placement] | None:
    """A forward pass that places each session no later than it is in *placements*."""
    n = len(inst.modules)
    due = [[0] * n for _ in inst.sizes]
    for p in placements:
        due[p.cohort][p.module] = min(p.slot, inst.latest[p.cohort][p.module])
    release = [[0] * n for _ in inst.sizes]
    return schedule(inst, release, due, _end(placements), [row[0] for row in inst.latest])


def _right_justify(inst: Instance, placements: list[Placement]) -> list[Placement] | None:
    """A backward pass that places each session no earlier than it is in *placements*.

    It runs on the reversed instance (see :func:`schedule_backwards`) from the end of the
    plan's last day, so sessions go as late as that day and the deadlines allow.
    """
    n = len(inst.modules)
    ns = inst.ns
    last_day = _end(placements) // ns
    last = last_day * ns + ns - 1
    release = [
        [max(0, last - inst.latest[c][n - 1 - j]) for j in range(n)] for c in range(len(inst.sizes))
    ]
    due = [[0] * n for _ in inst.sizes]
    for p in placements:
        due[p.cohort][n - 1 - p.module] = last - p.slot
    placed = schedule(reverse(inst, last_day), release, due, last, [-row[0] for row in inst.latest])
    if placed is None:
        return None
    return [
        Placement(p.cohort, n - 1 - p.module, last - p.slot, p.facilitators, p.room) for p in placed
    ]


JUSTIFY_ROUNDS: Final = 3
"""The most rounds of :func:`justify` (each a backward and a forward pass)."""


def justify(inst: Instance, placements: list[Placement]) -> list[Placement]:
    """Shorten a plan by double justification: all sessions as late, then as early as they go.

    Pushed as late as the plan's last day allows, in the order of their slots from the end,
    the sessions leave the first weeks free; pulled forwards again in the order of those
    slots, they fill the capacity more evenly than the pass that made the plan, and the plan
    often ends earlier (Valls, Ballestín and Quintanilla, "Justification and RCPSP: a
    technique that pays", European Journal of Operational Research 165, 2005). Rounds go on
    while the last day moves earlier; the earliest-ending plan is returned.
    """
    ns = inst.ns
    best = placements
    for _ in range(JUSTIFY_ROUNDS):
        right = _right_justify(inst, best)
        left = _left_justify(inst, right) if right is not None else None
        if left is None or _end(left) // ns >= _end(best) // ns:
            break
        best = left
    return best


def plan(inst: Instance, bound: Bound) -> tuple[list[Placement] | None, Bound]:
    """The placements that end earliest among the last days tried, from the bound upwards.

    When the list schedulers miss the bound, whole counts are tried (:func:`exact`), which
    may also prove the bound too low and raise it (:func:`whole_bound`). When they find no
    plan, the search gallops up from the bound and bisects; each plan found is compacted
    (:func:`compact`) and the search goes on below its end. Returns the placements
    (``None`` when none are found) and the bound, raised or not.
    """
    if bound.day is None:
        return None, bound
    days = len(inst.ords)
    ns = inst.ns

    def attempt(day: int) -> list[Placement] | None:
        placed = schedule_either(inst, day)
        return compact(inst, placed) if placed is not None else None

    first = bound.day
    best = attempt(first)
    if best is not None:
        return best, bound
    close, raised = exact(inst, first)
    if raised != first:
        bound, first = whole_bound(inst, bound, raised), raised
        close = close or attempt(first)
    if close is not None:
        return close, bound
    failed = first
    step = 1
    found_day = None
    while failed + step < days:
        candidate = attempt(failed + step)
        if candidate is not None:
            best, found_day = candidate, _end(candidate) // ns
            break
        failed += step
        step *= 2
    if best is None or found_day is None:
        last_try = attempt(days - 1)
        if last_try is None:
            return None, bound
        return polish(inst, last_try, first), bound
    low, high = failed + 1, found_day
    while low < high:
        middle = (low + high) // 2
        candidate = attempt(middle)
        if candidate is not None:
            best, high = candidate, min(middle, _end(candidate) // ns)
        else:
            low = middle + 1
    return polish(inst, best, first), bound


def exact(inst: Instance, bound: int) -> tuple[list[Placement] | None, int]:
    """A plan from whole counts near the *bound* day, and the bound, raised where proven.

    The list scheduler misses the bound where rooms, facilitators and short spans bind
    together; an integer program over the counts
    (:func:`ledarutveckling._rollout_lp.exact_plan`) then usually finds a plan on the bound
    or the day after. Only the quickest search (whole counts next to the fractional ones)
    is tried on those two days, for it may well fail. When it finds no plan on either and
    HiGHS proves that no whole counts end by the bound
    (:func:`ledarutveckling._rollout_lp.no_whole_counts`), no plan does either: the bound
    moves a day later and the same is tried again, at most :data:`WHOLE_REACH` times.
    Where no proof comes, every search is tried on the day after the bound. Returns the
    plan (``None`` when none is found) and the bound.
    """
    from ledarutveckling import _rollout_lp

    last = len(inst.ords) - 1
    found: dict[int, list[Placement] | None] = {}

    def near(day: int) -> list[Placement] | None:
        if day not in found:
            found[day] = _rollout_lp.exact_plan(inst, day, widths=(0,))
        return found[day]

    day = bound
    while True:
        for end in range(day, min(day + GOOD_ENOUGH, last) + 1):
            placed = near(end)
            if placed is not None:
                return placed, day
        if day == last or day - bound == WHOLE_REACH:
            break
        if not _rollout_lp.no_whole_counts(inst, day):
            break
        day += 1
    later = day + GOOD_ENOUGH
    wider = [width for width in _rollout_lp.WIDTHS if width != 0]
    return (_rollout_lp.exact_plan(inst, later, widths=wider) if later <= last else None), day


WHOLE_REACH: Final = 5
"""The most working days :func:`exact` raises the bound by (each day a proof, about a tenth
of a second)."""


GOOD_ENOUGH: Final = 1
"""Working days after the bound at which :func:`polish` stops trying other plans."""


def polish(inst: Instance, placements: list[Placement], bound: int) -> list[Placement]:
    """The earliest-ending of the plan and every strategy's plan by its last day, justified.

    Which plan :func:`justify` shortens most is not which the strategies find first, so
    each strategy's plan ending by the same day is justified too, until one ends within
    :data:`GOOD_ENOUGH` working days of the *bound* day (the others cost time and gain at
    most that).
    """
    ns = inst.ns
    if _end(placements) // ns <= bound:
        return placements
    best = justify(inst, placements)
    for placed in schedule_each(inst, _end(placements) // ns):
        if _end(best) // ns <= bound + GOOD_ENOUGH:
            break
        candidate = justify(inst, compact(inst, placed))
        if _end(candidate) // ns < _end(best) // ns:
            best = candidate
    return best
