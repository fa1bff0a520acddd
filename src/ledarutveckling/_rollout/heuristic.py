"""The rollout planner's engine: integer time, a lower bound and a list scheduler (private).

Time is counted in *slots*: slot ``t`` is slot ``t % ns`` of working day ``t // ns``, where the
working days are those of the calendar from the start to the planning horizon and ``ns`` is
the number of session slots per day. Everything here works on plain integers so that planning
several thousand participants takes a fraction of a second; :mod:`ledarutveckling._rollout`
turns the public objects into an :class:`Instance` and the result back into sessions.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Final

from ledarutveckling._rollout.instance import (
    NEVER,
    FacSpec,
    Instance,
    ModSpec,
    Placement,
    _rest_of_week,
    _week_index,
    startable_days,
)


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


def _at_once(sizes: list[int], limit: int) -> int:
    """The most cohorts of *sizes* in sessions at once within *limit* people, smallest first.

    Examples:
        >>> _at_once([24, 25, 24], 48), _at_once([25, 25], 48)
        (2, 1)
    """
    most = people = 0
    for size in sorted(sizes):
        people += size
        if people > limit:
            break
        most += 1
    return most


def unit_start_limits(inst: Instance, share: float) -> dict[int, list[int]]:
    """For each unit with a limit on staff away: how many of its cohorts may start by each day.

    Every cohort of the unit that has started by a day holds its last module by the span's
    end from that day, and no earlier than that module's first slot for the unit (its move
    date, say); at most so many of the unit's cohorts are in sessions in one slot
    (:attr:`Instance.away`). So no more of them can have started than that many times the
    slots between those two, and as the unit's earlier modules take its slots too, a
    *share* of that. Started all at once on the first day allowed, a unit's cohorts would
    need their last modules in the same few days after its move: more than it may send.
    Without a span or a limit, no unit is limited.
    """
    if not inst.away or inst.span is None:
        return {}
    n = len(inst.modules)
    plain = inst.earliest_chain()
    members: dict[int, list[int]] = {}
    for cohort, unit in enumerate(inst.units):
        if inst.away[unit] < NEVER:
            members.setdefault(unit, []).append(cohort)
    limits: dict[int, list[int]] = {}
    for unit, cohorts in members.items():
        at_once = _at_once([inst.sizes[c] for c in cohorts], inst.away[unit])
        first = max(inst.earliest[cohorts[0]][n - 1] if inst.earliest else 0, plain[n - 1])
        limits[unit] = [
            int(share * at_once * max(min(inst.span_end(day), inst.slots - 1) - first + 1, 0))
            for day in range(len(inst.ords))
        ]
    return limits


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
    share: float = 0.0,
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
        share: If not zero, no more of a unit's cohorts start by a day than this share of
            what its limit on staff away lets it finish (see :func:`unit_start_limits`).

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

    other_modules = [k for k in range(n) if not mods[k].in_person]
    queued = [0] * n  # sessions of each module waiting in other_heap
    blocked: set[int] = set()  # modules no facilitator left in this slot may lead

    def push(item: tuple[int, int, int, int, int, int]) -> None:
        k = item[5]
        if mods[k].in_person:
            heapq.heappush(room_heaps[k], item)
        else:
            queued[k] += 1
            heapq.heappush(other_heap, item)

    def next_room_module() -> int:
        """The in-person module whose head session comes first, or -1 (blocked ones left)."""
        best = -1
        for k in person_modules:
            heap = room_heaps[k]
            if heap and k not in blocked and (best < 0 or heap[0] < room_heaps[best][0]):
                best = k
        return best

    def others_open() -> bool:
        """Whether some session waiting in other_heap is of a module not blocked."""
        return any(queued[k] and k not in blocked for k in other_modules)

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
    unit_starts = unit_start_limits(inst, share) if share else {}
    started_in = dict.fromkeys(unit_starts, 0)
    all_skilled = all(f.skills is None for f in facs)
    skilled = [[f.may_lead(k) for f in facs] for k in range(n)]
    away, units = inst.away, inst.units
    away_used = [0] * len(away)
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
        if away:
            away_used = [0] * len(away)
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
        blocked.clear()
        while avail:
            chosen_module = next_room_module() if free else -1
            if chosen_module < 0 and not (other_heap and (not blocked or others_open())):
                break
            use_room = chosen_module >= 0 and (
                rooms_first
                or not other_heap
                or room_heaps[chosen_module][0][2] <= other_heap[0][2]
                or (blocked and not others_open())
            )
            item = heapq.heappop(room_heaps[chosen_module] if use_room else other_heap)
            _, _, due_slot, _, cohort, k = item
            if not use_room:
                queued[k] -= 1
            if due_slot < t:
                if failed is not None:
                    failed.append(k)
                return None
            need = mods[k].facilitators
            if all_skilled:
                leaders = avail
            else:
                # The first *need* of those present who may lead it, in order of urgency.
                may = skilled[k]
                leaders = []
                for f in avail:
                    if may[f]:
                        leaders.append(f)
                        if len(leaders) == need:
                            break
            if need > len(leaders):
                blocked.add(k)  # the facilitators left this slot only get fewer
                deferred.append(item)
                continue
            if k == 0 and (
                not startable[day]
                or (starts and started >= starts[day])
                or (
                    started_in
                    and units[cohort] in started_in
                    and started_in[units[cohort]] >= unit_starts[units[cohort]][day]
                )
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
            if away and away_used[units[cohort]] + sizes[cohort] > away[units[cohort]]:
                deferred.append(item)
                continue
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
            chosen = tuple(leaders[:need])
            if leaders is avail:
                del avail[:need]
            else:
                for f in chosen:
                    avail.remove(f)
            if away:
                away_used[units[cohort]] += sizes[cohort]
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
            if k == 0 and unit_starts and units[cohort] in started_in:
                started_in[units[cohort]] += 1
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
    stagger: bool = False,
    share: float = 0.0,
    critical: bool = False,
) -> list[Placement] | None:
    """Place every session as early as the due slots allow, ending by *last_day*, or fail.

    *spread*, *rooms_first* and *reserve* are described at :func:`_spread_tail` and
    :func:`schedule`; with *throttle*, no more cohorts start by a day than
    :func:`start_limits` allows; with *stagger*, see :func:`_stagger`; with *share*, see
    :func:`unit_start_limits`; with *critical*, see :func:`_critical_first`.
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
    rank = [row[0] for row in inst.latest]
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
    n = len(inst.modules)
    members: dict[int, list[int]] = {}
    for cohort, unit in enumerate(inst.units):
        if inst.away[unit] < NEVER:
            members.setdefault(unit, []).append(cohort)
    slack: dict[int, int] = {}
    for unit, cohorts in members.items():
        at_once = _at_once([inst.sizes[c] for c in cohorts], inst.away[unit])
        first = inst.earliest[cohorts[0]][0] if inst.earliest else 0
        slack[unit] = last - first - n * len(cohorts) // at_once
    return [
        r if r < NEVER or inst.units[c] not in slack else NEVER - (1 << 20) + slack[inst.units[c]]
        for c, r in enumerate(rank)
    ]


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
    inst: Instance, last_day: int, failed: dict[int, int] | None = None
) -> list[Placement] | None:
    """Try each of :data:`STRATEGIES` until one places every session (see :func:`schedule_each`)."""
    passes = (
        schedule_each(inst, last_day) if failed is None else schedule_each(inst, last_day, failed)
    )
    return next(passes, None)


def schedule_each(
    inst: Instance, last_day: int, failed: dict[int, int] | None = None
) -> Iterator[list[Placement]]:
    """The plans each of :data:`STRATEGIES` finds ending by *last_day*, in their order.

    Rooms first only differs when some modules are in person and some are not, and the
    throttle only with a span; otherwise those passes are skipped. With move dates, two
    passes with staggered starts follow (:func:`_stagger`); with limits on staff away and
    a span, one pass for each of :data:`UNIT_PASSES` (:func:`unit_start_limits`). They come
    last, so that the plans the others find stay as they were.

    *failed*, if given, maps each pass (by its position) to the latest last day it found no
    plan for, and is updated: a pass is not tried again for that day or an earlier one. A
    pass that places nothing by a day rarely does by an earlier one, and on large moves
    each pass costs a tenth of a second or more.
    """
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
    for position, run in enumerate(runs):
        if failed is not None and failed.get(position, -1) >= last_day:
            continue
        placed = run()
        if placed is not None:
            yield placed
        elif failed is not None:
            failed[position] = max(failed.get(position, -1), last_day)


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
    release = inst.releases()
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
