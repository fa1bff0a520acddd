"""Self-paced modules in a rollout: no session, a window between the sessions around them.

A self-paced module (its format is not scheduled, :attr:`DeliveryFormat.is_scheduled`) takes
no facilitator, no room and no slot. Each cohort gets a window for it instead, from the
day of the module before it (the previous session, or the previous window's due day) to its
due day:

* with a scheduled module after it, the due day is that module's session day less the gaps
  (``min_days_after_previous``) of the modules after it up to that one, so the gaps hold
  from the due day;
* with none after it, the due day is the previous module's day plus the larger of its own
  gap and the rollout's ``self_paced_days``;
* a leading self-paced module (no module before it) opens ``self_paced_days`` before its
  due day; its window may open before the rollout's start, which is the first day
  *sessions* may be held, but a re-plan opens it on or after *today* for every cohort
  whose window had not opened before (``replan_board._fresh``);
* a unit's ``not_before`` date for the module opens the window on that day when it would
  open earlier, and the planner holds the sessions around it so that the due day is at
  least ``self_paced_days`` after that date.

The planner therefore plans only the scheduled modules, each with the sum of the gaps from
the scheduled module before it, and the checker and the calendar export derive the windows
from the sessions with :func:`windows`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pendulum

from ledarutveckling._procurement.offerings import Module

__all__ = ["Anchor", "anchors", "scheduled", "windows"]


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


def windows(
    modules: Sequence[Module],
    held: Mapping[str, pendulum.Date],
    days: int,
    not_before: Mapping[str, pendulum.Date] | None = None,
) -> dict[str, tuple[pendulum.Date, pendulum.Date]]:
    """For each self-paced module's code: its window ``(opens, due)``, both days included.

    *held* gives the day of each scheduled module's session (a module missing from it leaves
    the windows that depend on it out). A module's date in *not_before* (its unit's) opens
    its window on that day when it would open earlier; the planner keeps the due day at least
    *days* after it.
    """
    found: dict[str, tuple[pendulum.Date, pendulum.Date]] = {}
    previous: pendulum.Date | None = None
    for index, (code, (anchor, offset, after)) in _in_order(modules, days):
        base = held.get(modules[anchor].code)
        if base is None:
            previous = None
            continue
        due = base.add(days=offset) if after else base.subtract(days=offset)
        opens: pendulum.Date | None = due.subtract(days=days)
        if index:
            before = modules[index - 1]
            opens = held.get(before.code) if before.format.is_scheduled else previous
        if opens is None:
            continue
        earliest = (not_before or {}).get(code)
        if earliest is not None and earliest > opens:
            opens = earliest
        found[code] = (opens, due)
        previous = due
    return found


def _in_order(modules: Sequence[Module], days: int) -> list[tuple[int, tuple[str, Anchor]]]:
    return [
        (index, (modules[index].code, a)) for index, a in sorted(anchors(modules, days).items())
    ]
