"""The rollout planner's list scheduler: sessions placed slot by slot, within the limits (private).

Time is counted in *slots*: slot ``t`` is slot ``t % ns`` of working day ``t // ns``, where the
working days are those of the calendar from the start to the planning horizon and ``ns`` is
the number of session slots per day. Everything here works on plain integers so that planning
several thousand participants takes a fraction of a second; :mod:`ledarutveckling._rollout`
turns the public objects into an :class:`Instance` and the result back into sessions.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from ledarutveckling._rollout.instance import (
    NEVER,
    Instance,
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
    Without a span or a limit, no unit is limited. Made once per instance and share (each
    pass of the list schedulers with a share asks for it; the lists are only read).
    """
    if not inst.away or inst.span is None:
        return {}
    known = inst._unit_starts.get(share)
    if known is not None:
        return known
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
    inst._unit_starts[share] = limits
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
    soft: Sequence[Sequence[int]] = (),
    fixed: Sequence[Placement] = (),
    missed: list[int] | None = None,
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
        soft: If given, for each cohort and module a slot it should be placed by but may
            miss (a deadline given up, :attr:`Instance.soft`): sessions are ordered by the
            earlier of it and their due slot, and checked against the due slot alone.
        fixed: Sessions already placed, every module of their cohorts (see
            :func:`ledarutveckling._rollout.heuristic.schedule_pinned`): their
            facilitators, rooms and staff away are taken before any other session's, in
            their slots and in their facilitators' daily and weekly counts, and they are
            returned with the others; their cohorts' release and due slots are not used.
        missed: If given, the cohort of a session that missed its due slot is appended.

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
    held = {p.cohort for p in fixed}
    fixed_at: dict[int, list[Placement]] = {}
    fixed_days: dict[int, list[int]] = {}  # facilitators' fixed sessions per day and week
    fixed_weeks: dict[int, list[int]] = {}
    for p in fixed:
        fixed_at.setdefault(p.slot, []).append(p)
        for f in p.facilitators:
            fixed_days.setdefault(p.slot // ns, [0] * nf)[f] += 1
            fixed_weeks.setdefault(inst.weeks[p.slot // ns], [0] * nf)[f] += 1
    for cohort in range(count):
        if cohort in held:
            continue
        if due[cohort][0] > horizon or due[cohort][0] < release[cohort][0]:
            if missed is not None:
                missed.append(cohort)
            return None
        key = min(due[cohort][0], soft[cohort][0]) if soft else due[cohort][0]
        item = (key + shift[0], 0, due[cohort][0], rank[cohort], cohort, 0)
        released.setdefault(release[cohort][0], []).append(item)
        due_demand[week_of[due[cohort][0] // ns]] += mods[0].facilitators
    startable = startable_days(inst)
    unit_starts = unit_start_limits(inst, share) if share else {}
    started_in = dict.fromkeys(unit_starts, 0)
    all_skilled = all(f.skills is None for f in facs)
    skilled = [[f.may_lead(k) for f in facs] for k in range(n)]
    away, units = inst.away, inst.units
    # On a day no cohort may start, each session of the first module popped is put back
    # unplaced: when it is the only module held in person, and neither soft slots (its
    # order is then its due slot: none is overdue, the check after each slot ensures it) nor
    # a reserve (which looks whether the rooms' modules wait) are given, it is left in its
    # heap as blocked instead, which changes nothing else (an in-person module blocked
    # leaves the choice between the heaps and the end of the slot as they were).
    closed_first = not soft and not reserve and person_modules == [0]
    away_used = [0] * len(away)
    placements: list[Placement] = []
    day_used = [0] * nf
    week_used = [0] * nf
    week = None
    remaining = (count - len(held)) * n
    started = 0
    for t in range(horizon + 1):
        day, slot = divmod(t, ns)
        if slot == 0:
            day_used = list(fixed_days.get(day, ())) or [0] * nf
            if inst.weeks[day] != week:
                week = inst.weeks[day]
                week_used = list(fixed_weeks.get(week, ())) or [0] * nf
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
        pinned = fixed_at.get(t, ()) if fixed_at else ()
        if pinned:  # their facilitators are busy in this slot
            busy = {f for p in pinned for f in p.facilitators}
            avail = [f for f in avail if f not in busy]
        if avail:
            # Most urgent first, ties in the order of the facilitators (avail is ascending).
            ranked = sorted(
                [
                    (
                        -(
                            (facs[f].week_cap - week_used[f])
                            / (min(facs[f].day_cap - day_used[f], ns - slot) + rest[f][day])
                        ),
                        f,
                    )
                    for f in avail
                ]
            )
            avail = [f for _, f in ranked]
        free = list(range(len(rooms)))
        if pinned:
            taken = {p.room for p in pinned}
            free = [r for r in free if rooms[r] not in taken]
        if away:
            away_used = [0] * len(away)
            for p in pinned:
                away_used[units[p.cohort]] += sizes[p.cohort]
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
        if closed_first and not startable[day]:
            blocked.add(0)
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
                if missed is not None:
                    missed.append(cohort)
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
                    if missed is not None:
                        missed.append(cohort)
                    return None
                key = min(row[k + 1], soft[cohort][k + 1]) if soft else row[k + 1]
                released.setdefault(nxt, []).append(
                    (
                        key + shift[k + 1],
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
            if missed is not None:
                head = room_heaps[late[0]] if mods[late[0]].in_person else other_heap
                missed.append(head[0][4])
            return None
    if remaining:
        return None
    return [*placements, *fixed] if fixed else placements
