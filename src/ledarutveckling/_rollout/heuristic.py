"""The planner's heuristic passes: list schedules forwards and backwards, then tightened (private).

Each pass runs the list scheduler (:mod:`ledarutveckling._rollout.list_schedule`) with its own
release and due slots, order and strategy; a plan found is compacted and justified. Time is
counted in slots, as there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Final, TypeVar

from ledarutveckling._rollout.instance import (
    NEVER,
    FacSpec,
    Instance,
    ModSpec,
    Placement,
    leaders_present,
    startable_days,
)
from ledarutveckling._rollout.list_schedule import _at_once, schedule, start_limits

_T = TypeVar("_T")


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
    flipped = {
        f.skills: frozenset(count - 1 - k for k in f.skills)
        for f in inst.facilitators
        if f.skills is not None
    }
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
            FacSpec(
                f.day_cap,
                f.week_cap,
                tuple(f.available[d] for d in days),
                None if f.skills is None else flipped[f.skills],
            )
            for f in inst.facilitators
        ),
        rooms=inst.rooms,
        units=inst.units,
        away=inst.away,
        away_range=inst.away_range,
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
    own = inst.releases()
    release = []
    due = []
    for cohort in range(len(inst.sizes)):
        release.append([max(0, last - inst.latest[cohort][n - 1 - j]) for j in range(n)])
        due.append([last - max(earliest[n - 1 - j], own[cohort][n - 1 - j]) for j in range(n)])
    # Backwards, the cohorts with the latest deadlines go first: they end up last.
    placed = schedule(mirror, release, due, last, [-rank for rank in inst.ranks()])
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
    stagger: bool = False,
    share: float = 0.0,
    critical: bool = False,
    fixed: Sequence[Placement] = (),
    missed: list[int] | None = None,
) -> list[Placement] | None:
    """Place every session as early as the due slots allow, ending by *last_day*, or fail.

    *spread*, *rooms_first* and *reserve* are described at :func:`_spread_tail` and
    :func:`schedule`; with *throttle*, no more cohorts start by a day than
    :func:`start_limits` allows; with *stagger*, see :func:`_stagger`; with *share*, see
    :func:`unit_start_limits`; with *critical*, see :func:`_critical_first`; *fixed* and
    *missed* are :func:`schedule`'s.
    """
    n = len(inst.modules)
    last = last_day * inst.ns + inst.ns - 1
    by_target = inst.latest_chain(last)
    release = inst.releases()
    due = [[min(by_target[k], row[k]) for k in range(n)] for row in inst.latest]
    if stagger:
        _stagger(inst, release, due)
    if spread:
        _spread_tail(inst, due, every=spread > 1, release=release)
    rank = inst.ranks()
    if critical:
        rank = _critical_first(inst, last, rank)
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
            share,
            inst.soft,
            fixed,
            missed,
        )
        if placed is not None or not failed:
            return placed
        # The module that missed its due slot goes a week earlier in the order next time.
        offset[failed[0]] -= 5 * inst.ns
    return None


def _critical_first(inst: Instance, last: int, rank: list[int]) -> list[int]:
    """*rank* with the cohorts of units that limit their staff away first, least slack first.

    A cohort with a deadline keeps its rank (its latest slot). The others of a unit whose
    staff away is limited rank after every deadline and before the units without a limit,
    by the unit's slack: the slots from its first module's earliest slot to *last*, less
    those its sessions need at the most of its cohorts at once. So among sessions due in
    the same slot, those of the units with the least time to spare go first.

    Examples:
        >>> from ledarutveckling._rollout.instance import ModSpec
        >>> inst = Instance(ns=1, ords=tuple(range(20)), weeks=(0,) * 20,
        ...     modules=(ModSpec(1, False, 0),), span=None, sizes=(10, 10, 10, 10),
        ...     latest=((NEVER,),) * 4, facilitators=(), rooms=(), units=(0, 0, 1, 2),
        ...     away=(10, 20, NEVER))
        >>> ranks = _critical_first(inst, 9, [NEVER, NEVER, 5, NEVER])
        >>> [r - (NEVER - (1 << 20)) for r in ranks[:2]], ranks[2], ranks[3] == NEVER
        ([7, 7], 5, True)
    """
    slack = _slack(inst, last)
    return [
        r if r < NEVER or inst.units[c] not in slack else NEVER - (1 << 20) + slack[inst.units[c]]
        for c, r in enumerate(rank)
    ]


def _limited(inst: Instance) -> dict[int, list[int]]:
    """The cohorts of each unit that limits its staff away, by unit index."""
    members: dict[int, list[int]] = {}
    for cohort, unit in enumerate(inst.units):
        if inst.away[unit] < NEVER:
            members.setdefault(unit, []).append(cohort)
    return members


def _slack(inst: Instance, last: int) -> dict[int, int]:
    """For each unit that limits its staff away: its slots to spare up to slot *last*.

    The slots from its first module's earliest slot to *last*, less those its sessions
    need at the most of its cohorts at once (see :func:`_critical_first`).
    """
    n = len(inst.modules)
    slack: dict[int, int] = {}
    for unit, cohorts in _limited(inst).items():
        at_once = _at_once([inst.sizes[c] for c in cohorts], inst.away[unit])
        first = inst.earliest[cohorts[0]][0] if inst.earliest else 0
        slack[unit] = last - first - n * len(cohorts) // at_once
    return slack


def _stagger(inst: Instance, release: list[list[int]], due: list[list[int]]) -> None:
    """Spread the first sessions of each unit held back by a later earliest slot.

    A cohort whose last module may not be held before some day (a follow-up after a move)
    but whose span starts with its first session must not start all at once at the first
    day allowed: their last sessions would all fall on the same few days. Each such unit's
    cohorts get release slots for their first module evenly between the first slot allowed
    and the last one due, carried forwards through the gaps.
    """
    plain = inst.earliest_chain()
    startable = startable_days(inst)
    groups: dict[tuple[int, int, int], list[int]] = {}
    for cohort, row in enumerate(release):
        if row[-1] > plain[-1]:
            groups.setdefault((row[0], due[cohort][0], row[-1]), []).append(cohort)
    for (first, latest, _), cohorts in groups.items():
        # Spread only over the days a cohort can start on and still finish in its span (a
        # deadline just before a summer blackout leaves its last weeks for none to start).
        latest = min(latest, inst.slots - 1)
        while latest > first and not startable[latest // inst.ns]:
            latest -= 1
        width = max(latest - first, 0)
        for position, cohort in enumerate(cohorts):
            row = release[cohort]
            row[0] = first + width * position // len(cohorts)
            for k in range(1, len(row)):
                before = min(row[k - 1], inst.slots - 1)  # past the horizon stays past it
                row[k] = max(row[k], inst.release(before, inst.modules[k].gap))


RETRIES: Final = 2
"""Forward passes per candidate day: after a failure, the failing module is put earlier."""


def _spread_tail(
    inst: Instance, due: list[list[int]], every: bool, release: list[list[int]] | None = None
) -> None:
    """Tighten due slots so that sessions cannot all pile up at the end.

    Modules are taken from the last to the first. Counting back from each session's due
    slot, a session takes the latest slot where the rooms (in person) and the facilitators
    present, less what later sessions already took, still hold it; its cohort's earlier
    modules are then due before it by the gaps. This is a rough backward plan: it only
    gives the forward pass due slots that spread the work over the capacity. A session
    that would go before its *release* slot keeps its due slot and takes no capacity.
    """
    n = len(inst.modules)
    rooms_left = [len(inst.rooms)] * inst.slots
    people_left = list(leaders_present(inst))
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
            if release is not None and slot < release[cohort][k]:
                continue
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


UNIT_PASSES: Final = ((0.8, False), (0.7, False), (1.0, True))
"""The paced passes tried for each candidate end day when units limit their staff away and
the program has a span: the share of :func:`unit_start_limits`, and whether the units with
least slack go first among sessions due alike (:func:`_critical_first`). Chosen on the
generated moves of 30,000 staff (``benchmarks/rollout.py --moves 6 --staff 30000``, seeds 4
and 5; shares of 0.4 to 1.0 tried with and without): 0.7 ends seed 5 earliest, the whole
limit with the least slack first seed 4, 0.8 either a day or two later."""


def schedule_either(
    inst: Instance, last_day: int, failed: dict[int, int] | None = None, pinned_first: bool = False
) -> list[Placement] | None:
    """Try each of :data:`STRATEGIES` until one places every session (see :func:`schedule_each`)."""
    if pinned_first:
        return next(schedule_each(inst, last_day, failed, pinned_first), None)
    passes = (
        schedule_each(inst, last_day) if failed is None else schedule_each(inst, last_day, failed)
    )
    return next(passes, None)


def schedule_each(
    inst: Instance, last_day: int, failed: dict[int, int] | None = None, pinned_first: bool = False
) -> Iterator[list[Placement]]:
    """The plans each of :data:`STRATEGIES` finds ending by *last_day*, in their order.

    Rooms first only differs when some modules are in person and some are not, and the
    throttle only with a span; otherwise those passes are skipped. With move dates, two
    passes with staggered starts follow (:func:`_stagger`); with limits on staff away and
    a span, one pass for each of :data:`UNIT_PASSES` (:func:`unit_start_limits`). They come
    last, so that the plans the others find stay as they were.

    *failed*, if given, maps each pass (by its position, :func:`schedule_pinned` after the
    others wherever it runs) to the latest last day it found no
    plan for, and is updated: a pass is not tried again for that day or an earlier one. A
    pass that places nothing by a day rarely does by an earlier one, and on large moves
    each pass costs a tenth of a second or more.

    Last of all, on those moves, the units with least slack are placed first and the others
    around them (:func:`schedule_pinned`); with *pinned_first*, that pass goes first, for a
    caller that knows the others to find no plan (see :func:`only_pinned`).
    """
    runs = list(enumerate(_passes(inst, last_day)))  # each pass by its position
    if inst.away and inst.span is not None:
        pinned = (len(runs), partial(schedule_pinned, inst, last_day))
        runs.insert(0 if pinned_first else len(runs), pinned)
    for position, run in runs:
        if failed is not None and failed.get(position, -1) >= last_day:
            continue
        placed = run()
        if placed is not None:
            yield placed
        elif failed is not None:
            failed[position] = max(failed.get(position, -1), last_day)


def _passes(inst: Instance, last_day: int) -> list[Callable[[], list[Placement] | None]]:
    """The passes of :func:`schedule_each` for *last_day*, but :func:`schedule_pinned`."""
    formats = {m.in_person for m in inst.modules}
    runs: list[Callable[[], list[Placement] | None]] = []
    for forwards, spread, rooms_first, reserve, throttle in STRATEGIES:
        if (throttle and inst.span is None) or (rooms_first and len(formats) < 2):
            continue  # the same as a pass already tried
        if forwards:
            runs.append(
                partial(schedule_forwards, inst, last_day, spread, rooms_first, reserve, throttle)
            )
        else:
            runs.append(partial(schedule_backwards, inst, last_day))
    if inst.earliest:
        # Move dates: the first sessions of the units held back spread out (see _stagger).
        for spread in (0, 1):
            runs.append(partial(schedule_forwards, inst, last_day, spread, stagger=True))
    if inst.away and inst.span is not None:
        # Limits on staff away: each unit's starts paced by what it can finish in its spans.
        for share, critical in UNIT_PASSES:
            runs.append(
                partial(schedule_forwards, inst, last_day, 0, share=share, critical=critical)
            )
    return runs


def only_pinned(inst: Instance, last_day: int, failed: dict[int, int]) -> bool:
    """Whether only :func:`schedule_pinned` may place *inst* by *last_day*, by *failed*.

    Every other pass found no plan for that day or a later one (see :func:`schedule_each`).
    """
    return all(failed.get(position, -1) >= last_day for position in range(len(_passes(inst, 0))))


PINNED_UNITS: Final = 3
"""The most units :func:`schedule_pinned` places first."""


def schedule_pinned(inst: Instance, last_day: int) -> list[Placement] | None:
    """Place the units with least slack first, on their own, then every other session.

    On a move whose bound is a unit's limit on staff away (:attr:`Instance.away`), that
    unit must send staff in nearly every slot from its first module's earliest day to the
    end; the other passes take its slots for sessions due earlier and leave some of them
    empty, and each empty slot moves the end later. Here the unit that limits its staff
    away with the least slack (:func:`_slack`) is planned alone, by the first of the
    other passes that places its sessions by *last_day* (compacted), and those sessions are
    kept where they are, with their facilitators and rooms
    (:func:`ledarutveckling._rollout.list_schedule.schedule`'s ``fixed``), while each of
    :data:`UNIT_PASSES` places the rest around them. When none does and a session of
    another unit that limits its staff away misses its due slot, that unit is planned
    together with the first, and so on, up to :data:`PINNED_UNITS` units.
    """
    slack = _slack(inst, last_day * inst.ns + inst.ns - 1)
    members = _limited(inst)
    pinned = [min(slack, key=lambda unit: (slack[unit], unit))]
    while True:
        cohorts = sorted(c for unit in pinned for c in members[unit])
        part = _cohorts_only(inst, cohorts)
        alone = next((p for run in _passes(part, last_day) if (p := run()) is not None), None)
        if alone is None:
            return None
        fixed = [
            Placement(cohorts[p.cohort], p.module, p.slot, p.facilitators, p.room)
            for p in compact(part, alone)
        ]
        missed: list[int] = []
        for share, critical in UNIT_PASSES:
            placed = schedule_forwards(
                inst, last_day, 0, share=share, critical=critical, fixed=fixed, missed=missed
            )
            if placed is not None:
                return placed
        late = [inst.units[c] for c in missed if inst.units[c] in slack]
        added = next((unit for unit in late if unit not in pinned), None)
        if added is None or len(pinned) == PINNED_UNITS:
            return None
        pinned.append(added)


def _cohorts_only(inst: Instance, cohorts: Sequence[int]) -> Instance:
    """*inst* with only *cohorts* (in that order), their units and limits kept."""

    def pick(rows: tuple[_T, ...]) -> tuple[_T, ...]:
        return tuple(rows[c] for c in cohorts) if rows else rows

    return Instance(
        ns=inst.ns,
        ords=inst.ords,
        weeks=inst.weeks,
        modules=inst.modules,
        span=inst.span,
        sizes=pick(inst.sizes),
        latest=pick(inst.latest),
        facilitators=inst.facilitators,
        rooms=inst.rooms,
        earliest=pick(inst.earliest),
        units=pick(inst.units),
        away=inst.away,
        away_range=inst.away_range,
        soft=pick(inst.soft),
    )


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
    release = inst.releases()
    rank = inst.ranks()
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
    release = inst.releases()
    return schedule(inst, release, due, _end(placements), inst.ranks())


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
    placed = schedule(reverse(inst, last_day), release, due, last, [-rank for rank in inst.ranks()])
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
