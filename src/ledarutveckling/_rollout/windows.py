"""Self-paced modules in a rollout: no session, a window between the sessions around them.

A self-paced module (its format is not scheduled, :attr:`DeliveryFormat.is_scheduled`) takes
no facilitator, no room and no slot. Each cohort gets a window for it instead, from the
day of the module before it (the previous session, or the previous window's due day) to its
due day:

* with a scheduled module after it, the due day is that module's session day less the gaps
  (``min_days_after_previous``) of the modules after it up to that one, so the gaps hold
  from the due day; the gaps are a least, so a unit's deadline for a module *between* two
  sessions makes it due the day before the deadline when it would be due later, down to
  the day of the module before it plus its own gap (:func:`deadline_rule`: the deadline
  holds back the session *before* the window, not the one after it);
* with none after it, the due day is the previous module's day (or due day) plus the
  larger of its own gap and the rollout's ``self_paced_days``;
* a leading self-paced module (no module before it) opens ``self_paced_days`` before its
  due day; its window may open before the rollout's start, which is the first day
  *sessions* may be held, but a re-plan opens it on or after *today* for every cohort
  whose window had not opened before (``replan_board._fresh``); a deadline on it holds
  back the session after it;
* a unit's ``not_before`` date for the module opens the window on that day when it would
  open earlier, and the due day is at least ``self_paced_days`` after that date: with a
  scheduled module after the window the planner holds that session back so that it is
  (:func:`earliest_rule`); with none after it (a last module) the date moves only the
  window's due day, and holds no session back. A deadline the dates alone put out of
  reach (:func:`earliest_dues`) is refused by ``Rollout``.

The planner therefore plans only the scheduled modules, each with the sum of the gaps from
the scheduled module before it, and the checker and the calendar export derive the windows
from the sessions and the unit's dates with :func:`windows`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pendulum

from ledarutveckling._procurement.offerings import Module

__all__ = [
    "Anchor",
    "anchors",
    "deadline_rule",
    "earliest_dues",
    "earliest_rule",
    "scheduled",
    "windows",
]


Anchor = tuple[int, int, bool]
"""Where a self-paced module's due day comes from: ``(module index, days, after)``: the due day
is that scheduled module's day minus *days* (``after`` false: the next scheduled module) or
plus *days* (``after`` true: the last scheduled module)."""


def scheduled(modules: Sequence[Module]) -> list[int]:
    """The indices of the scheduled modules, in order."""
    return [index for index, module in enumerate(modules) if module.format.is_scheduled]


def gaps(modules: Sequence[Module]) -> list[int]:
    """For each scheduled module: the calendar days after the scheduled module before it.

    The first scheduled module gets 0 (a leading self-paced module's gap is kept by its
    window, which may open before the start); a later one the sum of its own gap and those
    of the self-paced modules between.
    """
    result = []
    previous: int | None = None
    for index in scheduled(modules):
        if previous is None:
            result.append(0)
        else:
            result.append(sum(m.min_days_after_previous for m in modules[previous + 1 : index + 1]))
        previous = index
    return result


def anchors(modules: Sequence[Module], days: int) -> dict[int, Anchor]:
    """For each self-paced module's index: the scheduled module and days its due day follows."""
    led = scheduled(modules)
    result: dict[int, Anchor] = {}
    for index, module in enumerate(modules):
        if module.format.is_scheduled:
            continue
        after = [k for k in led if k > index]
        if after:
            nxt = after[0]
            back = sum(m.min_days_after_previous for m in modules[index + 1 : nxt + 1])
            result[index] = (nxt, back, False)
        else:
            last = led[-1]
            ahead = sum(max(m.min_days_after_previous, days) for m in modules[last + 1 : index + 1])
            result[index] = (last, ahead, True)
    return result


def earliest_rule(modules: Sequence[Module], days: int, code: str) -> tuple[int, int] | None:
    """Where a unit's earliest date (``not_before``) for *code* falls among the sessions.

    ``(index, shift)``: the session of the scheduled module *index* may not be held before
    the date plus *shift* days. A scheduled module holds itself back; a self-paced one with a
    scheduled module after it holds that module back so that the window, opening on the
    date, is due at least *days* after it and the gaps hold from the due day. ``None`` for
    a self-paced module with no scheduled module after it: the date only opens its window
    later and moves its due day (at least *days* after the date), no session.
    """
    index = [m.code for m in modules].index(code)
    if modules[index].format.is_scheduled:
        return index, 0
    anchor, back, after = anchors(modules, days)[index]
    return None if after else (anchor, days + back)


def deadline_rule(modules: Sequence[Module], days: int, code: str) -> tuple[int, int]:
    """Where a unit's deadline for *code* falls among the sessions.

    ``(index, shift)``: the session of the scheduled module *index* must be held before the
    deadline plus *shift* days. A scheduled module is its own; a self-paced module between
    two scheduled ones may be due earlier than the next session less the gaps (the gaps are
    a least), so its deadline holds back the scheduled module *before* it by the gaps up to
    the window (:func:`windows` then makes it due the day before the deadline); a first
    self-paced module's holds back the next session (its window opens *days* before its due
    day, so it is due as late as it may be), and a last one's the last session by the days
    its due day follows it.
    """
    index = [m.code for m in modules].index(code)
    if modules[index].format.is_scheduled:
        return index, 0
    anchor, offset, after = anchors(modules, days)[index]
    if after:
        return anchor, -offset
    led = [k for k in scheduled(modules) if k < index]
    if not led:
        return anchor, offset
    previous = led[-1]
    return previous, -sum(m.min_days_after_previous for m in modules[previous + 1 : index + 1])


def earliest_dues(
    modules: Sequence[Module], days: int, not_before: Mapping[str, pendulum.Date]
) -> dict[str, tuple[pendulum.Date, str]]:
    """For each self-paced module: the earliest due day the earliest dates alone allow.

    ``(due, code)``, with the module whose earliest date gives it. A self-paced module's
    earliest date makes its window due at least *days* after it; the self-paced modules
    straight after it follow by their gaps (before a session) or by the larger of their
    gaps and *days* (after the last session). A module with no earliest date of its own
    or before it in its run of self-paced modules is left out. (A deadline on or before
    this day can never be met: ``Rollout`` refuses it.)
    """
    found: dict[str, tuple[pendulum.Date, str]] = {}
    running: tuple[pendulum.Date, str] | None = None
    for index, module in enumerate(modules):
        if module.format.is_scheduled:
            running = None
            continue
        trailing = not any(m.format.is_scheduled for m in modules[index:])
        if running is not None:
            step = module.min_days_after_previous
            running = (running[0].add(days=max(step, days) if trailing else step), running[1])
        earliest = not_before.get(module.code)
        if earliest is not None and (running is None or earliest.add(days=days) > running[0]):
            running = (earliest.add(days=days), module.code)
        if running is not None:
            found[module.code] = running
    return found


def windows(
    modules: Sequence[Module],
    held: Mapping[str, pendulum.Date],
    days: int,
    not_before: Mapping[str, pendulum.Date] | None = None,
    deadlines: Mapping[str, pendulum.Date] | None = None,
) -> dict[str, tuple[pendulum.Date, pendulum.Date]]:
    """For each self-paced module's code: its window ``(opens, due)``, both days included.

    *held* gives the day of each scheduled module's session (a module missing from it leaves
    the windows that depend on it out). A module's date in *not_before* (its unit's) opens
    its window on that day when it would open earlier; a window after the last session is
    then due at least *days* after it (the planner holds the sessions after any other so
    that it is). A module's date in *deadlines* (its unit's) makes a window between two
    sessions due the day before it when it would be due later (and the self-paced windows
    just before it in the same run due early enough for their gaps), but never before the
    day of the module before it plus its gap, nor *days* after its earliest date.
    """
    not_before = not_before or {}
    deadlines = deadlines or {}
    caps = _caps(modules, deadlines)
    found: dict[str, tuple[pendulum.Date, pendulum.Date]] = {}
    previous: pendulum.Date | None = None
    for index, (code, (anchor, offset, after)) in _in_order(modules, days):
        module = modules[index]
        base = held.get(modules[anchor].code)
        if base is None:
            previous = None
            continue
        opens: pendulum.Date | None = None
        if index:
            before = modules[index - 1]
            opens = held.get(before.code) if before.format.is_scheduled else previous
            if opens is None:
                continue
        earliest = not_before.get(code)
        if after:
            assert opens is not None  # a last module has a module before it
            due = opens.add(days=max(module.min_days_after_previous, days))
            if earliest is not None and earliest.add(days=days) > due:
                due = earliest.add(days=days)
        else:
            due = base.subtract(days=offset)
            cap = caps.get(code)
            if opens is not None and cap is not None and cap < due:
                least = opens.add(days=module.min_days_after_previous)
                if earliest is not None and earliest.add(days=days) > least:
                    least = earliest.add(days=days)
                due = max(cap, least) if least <= due else due
        if opens is None:
            opens = due.subtract(days=days)
        if earliest is not None and earliest > opens:
            opens = earliest
        found[code] = (opens, due)
        previous = due
    return found


def _caps(
    modules: Sequence[Module], deadlines: Mapping[str, pendulum.Date]
) -> dict[str, pendulum.Date]:
    """For each self-paced module before a session: the last due day its run's deadlines allow.

    The day before its own deadline, or before a later self-paced module's in the same run
    (up to the next session) less the gaps between them, whichever is earlier.
    """
    caps: dict[str, pendulum.Date] = {}
    later: pendulum.Date | None = None  # the cap of the module after, in the same run
    after_last = True
    for module in reversed(modules):
        if module.format.is_scheduled:
            later, after_last = None, False
            continue
        if after_last:
            continue
        cap = later
        deadline = deadlines.get(module.code)
        if deadline is not None and (cap is None or deadline.subtract(days=1) < cap):
            cap = deadline.subtract(days=1)
        if cap is not None:
            caps[module.code] = cap
        later = None if cap is None else cap.subtract(days=module.min_days_after_previous)
    return caps


def _in_order(modules: Sequence[Module], days: int) -> list[tuple[int, tuple[str, Anchor]]]:
    return [
        (index, (modules[index].code, a)) for index, a in sorted(anchors(modules, days).items())
    ]
