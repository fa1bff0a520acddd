"""The limit on a unit's staff away as a bound: the day its sessions fit, its deadlines."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from ledarutveckling._rollout.instance import NEVER, Instance, _Capacities, _smallest_day


def _at_once(sizes: Sequence[int], limit: int) -> int:
    """The most of cohorts of *sizes* that can be in sessions at once within *limit* people.

    Examples:
        >>> _at_once([24, 25, 24], 48)
        2
        >>> _at_once([25, 25], 48)
        1
    """
    most = people = 0
    for size in sorted(sizes):
        people += size
        if people > limit:
            break
        most += 1
    return most


def _away_options(
    inst: Instance, unit: int, cohorts: list[int]
) -> list[tuple[int, int, int]] | None:
    """``(cohorts, at once, people)`` for each split of *unit* that :func:`_away_day` counts.

    Each module's sessions of a unit with ``c`` cohorts of ``h`` people in all take at
    least ``c / p`` slots, ``p`` the most cohorts at once, and ``h / limit`` (the people
    away in a slot are at most the limit). With :attr:`Instance.away_range`, every allowed
    balanced split, whatever the instance's own cohorts (which may be a relaxation's, not a
    split's), but only the fewest cohorts for each number at once: more cohorts, no more
    of them at once, and the same people need more sessions (and facilitators) in the same
    slots, so their day is no earlier. Counts ascending (the number at once grows with
    them, as the cohorts shrink). ``None`` when the unit's cohorts do not all have the
    same earliest slots (then nothing is counted). Else the instance's own cohorts.

    Examples:
        >>> inst = Instance(ns=1, ords=(0,), weeks=(0,), modules=(), span=None,
        ...     sizes=(20, 20), latest=(), facilitators=(), rooms=(), units=(0, 0),
        ...     away=(20,), away_range=((40, 1, 4),))
        >>> _away_options(inst, 0, [0, 1])
        [(1, 0, 40), (2, 1, 40), (4, 2, 40)]
    """
    limit = inst.away[unit]
    if not inst.away_range:
        own = [inst.sizes[c] for c in cohorts]
        return [(len(cohorts), _at_once(own, limit), sum(own))]
    if inst.earliest and len({inst.earliest[c] for c in cohorts}) > 1:
        return None
    headcount, fewest, most = inst.away_range[unit]
    found: list[tuple[int, int, int]] = []
    for count in range(max(fewest, 1), most + 1):
        base, extra = divmod(headcount, count)
        at_once = _at_once([base + 1] * extra + [base] * (count - extra), limit)
        if not found or at_once > found[-1][1]:
            found.append((count, at_once, headcount))
    return found


def _away_day(inst: Instance, low: int) -> tuple[int, int | None, int, int]:
    """The first day, from *low* on, by which each unit's sessions fit its limit on staff away.

    A unit whose staff away in one slot is limited (:attr:`Instance.away`) holds at most
    ``p`` of its sessions in a slot, the most of its cohorts, smallest first, whose sizes
    add up to the limit (a cohort has one session in a slot at most), and at most the limit
    in people. Each session is held no earlier than its cohort's earliest slot for it (its
    unit's move dates carried through the gaps, and the chain from the start) and, for
    module ``j``, no later than the latest slot the chain back from the plan's last slot
    allows. So for every earliest slot ``r`` and module ``j``, the unit's sessions of
    modules up to ``j`` whose earliest slot is ``r`` or later fit ``p`` sessions and the
    limit's people times the slots from ``r`` to that latest slot on days some facilitator
    works; and they need their modules' facilitators from those who may lead one of them
    (and module ``j``'s alone from those who may lead it), each at most one session a slot
    within their caps and absences from ``r`` to that slot (the unit's own sessions only: a
    relaxation of the whole plan). With :attr:`Instance.away_range`, each unit's day is the
    earliest over every allowed split of it (:func:`_away_options`), so it holds for every
    split.

    Returns:
        ``(day, unit, at_once, sessions)``: the day (the number of days when none), the
        unit whose limit gives it (``None`` when no limit raises *low*), the most of its
        cohorts at once and its sessions (of the split that gives the day).
    """
    found: tuple[int, int | None, int, int] = (low, None, 0, 0)
    if not inst.away:
        return found
    days = len(inst.ords)
    count = _AwayCount(inst)
    for unit, cohorts in _members(inst).items():
        options = _away_options(inst, unit, cohorts)
        if options is None:
            continue
        limit = inst.away[unit]
        if any(at_once >= number and people <= limit for number, at_once, people in options):
            continue  # every cohort at once in some split: the limit never binds
        unit_day: tuple[int, int, int] | None = None  # the earliest day, at once, sessions
        for number, at_once, people in options:
            if at_once == 0:
                continue  # a limit below every cohort of this split: no plan with it
            waiting = count.waiting(cohorts, number, people)

            def ok(
                day: int,
                waiting: _Waiting = waiting,
                at_once: int = at_once,
                limit: int = limit,
            ) -> bool:
                return count.miss(day, waiting, at_once, limit) is None

            # Only a day before the earliest found so far for this unit can lower it.
            high = days - 1 if unit_day is None else unit_day[0] - 1
            first = _smallest_day(ok, min(found[0], days - 1), high)
            if first is not None:
                unit_day = (first, at_once, number * len(inst.modules))
                if first <= found[0]:
                    break  # no later than the day already found: this unit raises nothing
        if unit_day is None:
            return days, unit, 0, options[0][0] * len(inst.modules)
        if unit_day[0] > found[0]:
            found = (unit_day[0], unit, unit_day[1], unit_day[2])
    return found


@dataclass(frozen=True, slots=True)
class LeadersMiss:
    """Why a unit's own sessions do not fit those who may lead them, whatever its limit.

    The unit's facilitator-sessions (*demand*, a session led in pairs counting twice) of
    modules *first* to *last* that may not be held before their earliest slots need more
    than the *leaders* facilitators who may lead one of those modules can give from then
    until the last slot the chain allows those modules, in the fewest cohorts of a split
    whose cohorts the limit lets into a session at all (the least demand).
    """

    first: int
    last: int
    demand: int
    leaders: int


def away_leaders_miss(inst: Instance, unit: int, day: int) -> LeadersMiss | None:
    """Whether those who may lead the unit's modules alone prove that no plan ends by *day*.

    :func:`_away_day` counts a unit's sessions against two things: the slots within its
    limit on staff away, and the facilitators who may lead its modules. When the day
    before the bound it gives fails on the facilitators for every split of the unit, even
    with the slots left out, it is the facilitators with those skills that bind, not the
    limit: the count for the fewest cohorts (the least demand) says which ones. ``None``
    when the slots within the limit are needed for the proof, or the unit is not counted.
    """
    options = _away_options(inst, unit, _members(inst)[unit])
    if options is None or day <= 0:
        return None
    count = _AwayCount(inst)
    limit = inst.away[unit]
    found: LeadersMiss | None = None
    for number, at_once, people in options:
        if at_once == 0:
            continue
        cohorts = _members(inst)[unit]
        miss = count.miss(day - 1, count.waiting(cohorts, number, people), at_once, limit, False)
        if not miss:
            return None
        if found is None:
            alone, j, demand = miss
            leaders = count.own_leaders[j] if alone else count.prefix_leaders[j]
            found = LeadersMiss(j if alone else 0, j, demand, len(leaders))
    return found


_Waiting: TypeAlias = tuple[dict[int, list[list[int]]], list[int]]
"""For each earliest slot, the sessions and people of each module that wait for it; the
earliest slots, latest first."""


class _AwayCount:
    """What :func:`_away_day` counts a unit's sessions against, made once per instance."""

    def __init__(self, inst: Instance) -> None:
        self.inst = inst
        n = len(inst.modules)
        self.plain = inst.earliest_chain()
        self.open_before = _open_before(inst)
        self.capacities = _Capacities(inst)
        self.needs = [module.facilitators for module in inst.modules]
        self.prefix_leaders = [
            [i for i, f in enumerate(inst.facilitators) if any(f.may_lead(k) for k in range(j + 1))]
            for j in range(n)
        ]
        self.own_leaders = [
            [i for i, f in enumerate(inst.facilitators) if f.may_lead(j)] for j in range(n)
        ]
        self.given: dict[tuple[bool, int, int, int], int] = {}

    def open_slots(self, first: int, last: int) -> int:
        """Open slots from slot *first* to slot *last* (at most; whole days counted)."""
        if last < first:
            return 0
        ns, open_before = self.inst.ns, self.open_before
        skipped = first % ns if open_before[first // ns + 1] > open_before[first // ns] else 0
        return open_before[last // ns + 1] - open_before[first // ns] - skipped

    def leading(self, alone: bool, j: int, first: int, last: int) -> int:
        """Sessions those who may lead module *j* (*alone*) or one up to it can give."""
        key = (alone, j, first, last)
        if key not in self.given:
            leaders = self.own_leaders[j] if alone else self.prefix_leaders[j]
            self.given[key] = sum(self.capacities(i, first, last) for i in leaders)
        return self.given[key]

    def waiting(self, cohorts: list[int], number: int, people: int) -> _Waiting:
        """The sessions of *cohorts* waiting for each earliest slot.

        With :attr:`Instance.away_range`, those of a split of *number* cohorts of *people*
        in all, whose cohorts wait alike.
        """
        inst, n = self.inst, len(self.inst.modules)
        waiting: dict[int, list[list[int]]] = {}
        for c in cohorts[:1] if inst.away_range else cohorts:
            row = inst.earliest[c] if inst.earliest else self.plain
            weight = (number, people) if inst.away_range else (1, inst.sizes[c])
            for k in range(n):
                bucket = waiting.setdefault(max(row[k], self.plain[k]), [[0, 0] for _ in range(n)])
                bucket[k][0] += weight[0]
                bucket[k][1] += weight[1]
        return waiting, sorted(waiting, reverse=True)

    def miss(
        self, day: int, waiting: _Waiting, at_once: int, limit: int, slots: bool = True
    ) -> tuple[()] | tuple[bool, int, int] | None:
        """What the sessions *waiting* do not fit by *day*, or ``None`` when they fit.

        ``()`` for the slots within the limit (not counted unless *slots*), else ``(alone,
        j, demand)``: the facilitator-sessions of modules up to ``j`` (of module ``j``
        *alone*) that those who may lead them cannot give.
        """
        inst, n = self.inst, len(self.inst.modules)
        latest = inst.latest_chain(day * inst.ns + inst.ns - 1)
        buckets, thresholds = waiting
        held = [[0, 0] for _ in range(n)]
        for r in thresholds:
            for k in range(n):
                held[k][0] += buckets[r][k][0]
                held[k][1] += buckets[r][k][1]
            sessions = people = demand = 0
            for j in range(n):
                sessions += held[j][0]
                people += held[j][1]
                demand += held[j][0] * self.needs[j]
                if slots:
                    room = self.open_slots(r, latest[j])
                    if sessions > at_once * room or people > limit * room:
                        return ()
                if demand > self.leading(False, j, r, latest[j]):
                    return False, j, demand
                if held[j][0] * self.needs[j] > self.leading(True, j, r, latest[j]):
                    return True, j, held[j][0] * self.needs[j]
        return None


@dataclass(frozen=True, slots=True)
class AwayMiss:
    """Why a unit's limit on staff away proves its deadlines out of reach (all in slots).

    The unit's ``sessions`` (of ``people`` in all) with a deadline that may be held no
    earlier than slot ``first`` and must be held by slot ``last`` do not fit the ``slots``
    open slots from ``first`` to ``last`` with at most ``at_once`` of its cohorts and its
    limit in people in sessions in a slot.
    """

    unit: int
    first: int
    last: int
    sessions: int
    people: int
    slots: int
    at_once: int


def away_deadlines_missed(inst: Instance) -> dict[int, AwayMiss]:
    """The units whose sessions cannot meet their deadlines within their limit on staff away.

    As in :func:`_away_day`, with the instance's own cohorts: the unit's sessions of
    modules up to ``j`` whose earliest slot is ``r`` or later are held from ``r`` to their
    latest slot for module ``j`` (the unit's deadlines), at most so many cohorts and
    people at once, on days some facilitator works. Each unit is proven on its own (its
    limit holds only its own sessions), so a unit named proves that no plan meets every
    deadline of that unit, whatever the other units' deadlines; the units not named may
    meet theirs. Returns each such unit's first window that does not fit, by unit index.
    """
    missed: dict[int, AwayMiss] = {}
    if not inst.away or not inst.latest:
        return missed
    open_before = _open_before(inst)
    for unit, cohorts in _members(inst).items():
        limit = inst.away[unit]
        at_once = _at_once([inst.sizes[c] for c in cohorts], limit)
        if at_once >= len(cohorts):
            continue
        miss = _first_miss(_windows(inst, cohorts), open_before, inst.ns, at_once, limit)
        if miss is not None:
            missed[unit] = AwayMiss(unit, *miss, at_once)
    return missed


def _open_before(inst: Instance) -> list[int]:
    """Slots, before each day, on days when some facilitator works."""
    open_before = [0]
    for day in range(len(inst.ords)):
        here = any(f.available[day] and f.day_cap > 0 and f.week_cap > 0 for f in inst.facilitators)
        open_before.append(open_before[-1] + (inst.ns if here else 0))
    return open_before


def _members(inst: Instance) -> dict[int, list[int]]:
    """The cohorts of each unit, by unit index."""
    members: dict[int, list[int]] = {}
    for cohort, unit in enumerate(inst.units):
        members.setdefault(unit, []).append(cohort)
    return members


def _windows(inst: Instance, cohorts: list[int], later: int = 0) -> list[tuple[int, int, int]]:
    """``(earliest slot, latest slot, people)`` of each session of *cohorts* with a deadline.

    *later* moves every latest slot that many slots later, to the horizon at most.
    """
    plain = inst.earliest_chain()
    sessions = []
    for c in cohorts:
        row = inst.earliest[c] if inst.earliest else plain
        for k in range(len(inst.modules)):
            latest = inst.latest[c][k]
            if latest < NEVER:
                latest = min(latest + later, inst.slots - 1) if later else latest
                sessions.append((max(row[k], plain[k]), latest, inst.sizes[c]))
    return sessions


def away_deadlines_moved(inst: Instance, units: Collection[int]) -> tuple[tuple[int, ...], ...]:
    """The latest slots of :attr:`Instance.latest`, those of *units* moved just within reach.

    Each unit of *units* (whose limit on staff away proves its deadlines out of reach,
    :func:`away_deadlines_missed`) has every latest slot moved later by the fewest slots
    after which no window of its sessions is too small; a unit that no move brings within
    reach by the horizon keeps none (:data:`NEVER`). A plan that keeps the slots moved is
    late by at most so many slots on each of those units' sessions, and no rule proves a
    smaller move enough.
    """
    moved = [list(row) for row in inst.latest]
    open_before = _open_before(inst)
    members = _members(inst)
    for unit in sorted(units):
        cohorts = members[unit]
        limit = inst.away[unit]
        at_once = _at_once([inst.sizes[c] for c in cohorts], limit)

        def fits(
            later: int, cohorts: list[int] = cohorts, at_once: int = at_once, limit: int = limit
        ) -> bool:
            windows = _windows(inst, cohorts, later)
            return _first_miss(windows, open_before, inst.ns, at_once, limit) is None

        later = _smallest_day(fits, 0, inst.slots) if at_once else None
        for c in cohorts:
            moved[c] = [
                t if t >= NEVER else NEVER if later is None else min(t + later, inst.slots - 1)
                for t in moved[c]
            ]
    return tuple(tuple(row) for row in moved)


def _first_miss(
    sessions: list[tuple[int, int, int]], open_before: list[int], ns: int, at_once: int, limit: int
) -> tuple[int, int, int, int, int] | None:
    """The first window ``(first, last, sessions, people, slots)`` too small, or ``None``."""
    for r in sorted({e for e, _, _ in sessions}):
        for last in sorted({d for _, d, _ in sessions}):
            inside = [p for e, d, p in sessions if e >= r and d <= last]
            if last < r:
                if inside:
                    return r, last, len(inside), sum(inside), 0
                continue
            skipped = r % ns if open_before[r // ns + 1] > open_before[r // ns] else 0
            room = open_before[last // ns + 1] - open_before[r // ns] - skipped
            if len(inside) > at_once * room or sum(inside) > limit * room:
                return r, last, len(inside), sum(inside), room
    return None


def away_deadlines_fit(inst: Instance) -> bool:
    """Whether each unit's sessions can meet its deadlines within its limit on staff away.

    ``False`` proves that no plan meets every deadline (see :func:`away_deadlines_missed`).
    """
    return not away_deadlines_missed(inst)
