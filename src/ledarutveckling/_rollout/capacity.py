"""What the facilitators and rooms can hold in windows of slots: the bounds' capacities."""

from __future__ import annotations

from collections.abc import Sequence
from math import gcd

from ledarutveckling._rollout.instance import Instance, _people, _present, startable_days

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
