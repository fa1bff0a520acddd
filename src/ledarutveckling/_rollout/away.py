"""The limit on a unit's staff away as a bound: the day its sessions fit, its deadlines."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ledarutveckling._rollout.instance import NEVER, Instance, _smallest_day

if TYPE_CHECKING:
    from fractions import Fraction


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


def _away_cohorts(inst: Instance, unit: int, cohorts: list[int]) -> tuple[int, int, int] | None:
    """``(cohorts, at once, people)`` for *unit*: the split whose sessions need fewest slots.

    Each module's sessions of a unit with ``c`` cohorts of ``h`` people in all take at
    least ``c / p`` slots, ``p`` the most cohorts at once, and ``h / limit`` (the people
    away in a slot are at most the limit). With :attr:`Instance.away_range`, the split
    whose larger of the two is least over every allowed balanced split, whatever the
    instance's own cohorts (which may be a relaxation's, not a split's); ``None`` when the
    unit's cohorts do not all have the same earliest slots (then nothing is counted).
    Else the instance's own cohorts.
    """
    limit = inst.away[unit]
    if not inst.away_range:
        own = [inst.sizes[c] for c in cohorts]
        return len(cohorts), _at_once(own, limit), sum(own)
    if inst.earliest and len({inst.earliest[c] for c in cohorts}) > 1:
        return None

    from fractions import Fraction  # on first use: importing it costs milliseconds at import

    def slots(count: int, at_once: int, people: int) -> Fraction | int:
        return max(Fraction(count, at_once), Fraction(people, limit)) if at_once else INFINITE

    headcount, fewest, most = inst.away_range[unit]
    best: tuple[int, int, int] | None = None
    for count in range(max(fewest, 1), most + 1):
        base, extra = divmod(headcount, count)
        at_once = _at_once([base + 1] * extra + [base] * (count - extra), limit)
        if best is None or slots(count, at_once, headcount) < slots(*best):
            best = (count, at_once, headcount)
    return best


INFINITE: Final = 1 << 60
"""More slots than any horizon has."""


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
    works. With :attr:`Instance.away_range`, each unit is counted in the split that needs
    the fewest slots (:func:`_away_cohorts`), so the day holds for every split.

    Returns:
        ``(day, unit, at_once, sessions)``: the day (the number of days when none), the
        unit whose limit gives it (``None`` when no limit raises *low*), the most of its
        cohorts at once and its sessions.
    """
    found: tuple[int, int | None, int, int] = (low, None, 0, 0)
    if not inst.away:
        return found
    ns = inst.ns
    n = len(inst.modules)
    days = len(inst.ords)
    plain = inst.earliest_chain()
    # Slots, before each day, on days when some facilitator works.
    open_before = [0]
    for day in range(days):
        here = any(f.available[day] and f.day_cap > 0 and f.week_cap > 0 for f in inst.facilitators)
        open_before.append(open_before[-1] + (ns if here else 0))

    def open_slots(first: int, last: int) -> int:
        """Open slots from slot *first* to slot *last* (at most; whole days counted)."""
        if last < first:
            return 0
        skipped = first % ns if open_before[first // ns + 1] > open_before[first // ns] else 0
        return open_before[last // ns + 1] - open_before[first // ns] - skipped

    members: dict[int, list[int]] = {}
    for cohort, unit in enumerate(inst.units):
        members.setdefault(unit, []).append(cohort)
    for unit, cohorts in members.items():
        chosen = _away_cohorts(inst, unit, cohorts)
        if chosen is None:
            continue
        count, at_once, people = chosen
        limit = inst.away[unit]
        if at_once >= count and people <= limit:
            continue  # every cohort at once: the limit never binds
        if at_once == 0:
            return days, unit, 0, count * n
        # For each earliest slot, the sessions and people of each module that wait for it
        # (with away_range, the unit's cohorts all have the same earliest slots: one row).
        waiting: dict[int, list[list[int]]] = {}
        for c in cohorts[:1] if inst.away_range else cohorts:
            row = inst.earliest[c] if inst.earliest else plain
            weight = (count, people) if inst.away_range else (1, inst.sizes[c])
            for k in range(n):
                bucket = waiting.setdefault(max(row[k], plain[k]), [[0, 0] for _ in range(n)])[k]
                bucket[0] += weight[0]
                bucket[1] += weight[1]
        thresholds = sorted(waiting, reverse=True)

        def ok(
            day: int,
            waiting: dict[int, list[list[int]]] = waiting,
            at_once: int = at_once,
            limit: int = limit,
            thresholds: list[int] = thresholds,
        ) -> bool:
            latest = inst.latest_chain(day * ns + ns - 1)
            held = [[0, 0] for _ in range(n)]
            for r in thresholds:
                for k in range(n):
                    held[k][0] += waiting[r][k][0]
                    held[k][1] += waiting[r][k][1]
                sessions = people = 0
                for j in range(n):
                    sessions += held[j][0]
                    people += held[j][1]
                    room = open_slots(r, latest[j])
                    if sessions > at_once * room or people > limit * room:
                        return False
            return True

        first = _smallest_day(ok, min(found[0], days - 1), days - 1)
        if first is None:
            return days, unit, at_once, count * n
        if first > found[0]:
            found = (first, unit, at_once, count * n)
    return found


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
