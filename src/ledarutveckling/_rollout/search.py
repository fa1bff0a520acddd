"""The planner's search: bound, list schedules, whole counts, polish."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from ledarutveckling._rollout import heuristic
from ledarutveckling._rollout.bounds import Bound, window_bound
from ledarutveckling._rollout.instance import Instance, Placement, Resource


def lower_bound(inst: Instance) -> Bound:
    """Prove a lower bound on the plan's last day from four relaxations and take the largest.

    The three below give a bound and name the resource and modules behind it
    (:func:`window_bound`); the fourth counts everything at once and raises it where the
    resources, gaps and spans bind together
    (:class:`ledarutveckling._rollout.counting.Relaxation`).
    """
    from ledarutveckling._rollout import counting as _rollout_lp

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
    (:func:`ledarutveckling._rollout.counting.no_whole_counts`); the resource named is the one
    :func:`ledarutveckling._rollout.counting.whole_binding` finds.
    """
    from ledarutveckling._rollout import counting as _rollout_lp

    resource = _rollout_lp.whole_binding(inst, day, bound.resource)
    return _combined(inst, day, resource, bound.by_resource, whole=True)


def units_bound(inst: Instance, bound: Bound, placements: list[Placement]) -> Bound:
    """*bound* raised by counting a move per unit, when *placements* end well after it.

    A plan more than :data:`GOOD_ENOUGH` working days after the bound on a move (move
    dates, skills or staff away, which the plain counts do not see) may be the bound's
    fault: :func:`ledarutveckling._rollout.unit_counts.unit_day` counts the plan per unit
    and day, and its first day, when later, is the bound. Only asked then, so that the
    plans on or next to their bound cost nothing more.
    """
    from ledarutveckling._rollout import unit_counts

    assert bound.day is not None
    end = heuristic._end(placements) // inst.ns
    if end <= bound.day + GOOD_ENOUGH:
        return bound
    # From the bound's own day: a plan may end on it, and the first day the counts fit
    # from the day after would then be that day, one later than they prove.
    counted = unit_counts.unit_day(inst, bound.day, end)
    if counted is None or counted[0] == bound.day:
        return bound
    day, resource = counted
    return _combined(inst, day, resource, bound.by_resource)


def size_bound(inst: Instance, bound: Bound, end: int) -> Bound:
    """*bound* raised by counting the cohorts by the rooms that take them, up to day *end*.

    :func:`ledarutveckling._rollout.unit_counts.size_day` sees the facilitators' skills,
    the span and each cohort's rooms at once; asked only where a plan ends more than
    :data:`GOOD_ENOUGH` working days after the bound (the planner passes its last day as
    *end*), so that plans on or next to their bound cost nothing more.
    """
    from ledarutveckling._rollout import unit_counts

    if bound.day is None or end <= bound.day:
        return bound
    counted = unit_counts.size_day(inst, bound.day, end)  # from the bound: see units_bound
    if counted is None or counted[0] == bound.day:
        return bound
    day, resource, chosen, whole = counted
    raised = _combined(inst, day, resource, bound.by_resource, whole=whole)
    if chosen is None:
        return raised
    # Those who may lead one of the chosen modules bind: name them and their sessions.
    leaders = sum(1 for f in inst.facilitators if any(f.may_lead(k) for k in chosen))
    demand = len(inst.sizes) * sum(inst.modules[k].facilitators for k in chosen)
    return replace(raised, modules=(chosen[0], chosen[-1]), demand=demand, leaders=leaders)


def plan(
    inst: Instance, bound: Bound, record: dict[int, int] | None = None
) -> tuple[list[Placement] | None, Bound]:
    """The placements that end earliest among the last days tried, from the bound upwards.

    When the list schedulers miss the bound, whole counts are tried (:func:`exact`), which
    may also prove the bound too low and raise it (:func:`whole_bound`). When they find no
    plan, the search gallops up from the bound and bisects; each plan found is compacted
    (:func:`compact`) and the search goes on below its end. Returns the placements
    (``None`` when none are found) and the bound, raised or not. *record*, if given, is
    filled in with the passes that found no plan, where the search keeps that record (see
    :func:`ledarutveckling._rollout.heuristic.schedule_each`).
    """
    if bound.day is None:
        return None, bound
    days = len(inst.ords)
    ns = inst.ns
    # On moves whose units limit their staff away, each pass that fails is not tried again
    # for an earlier day (see heuristic.schedule_each): such passes cost the most there.
    misses: dict[int, int] | None = None
    if inst.away and inst.span is not None:
        misses = {} if record is None else record

    def attempt(day: int) -> list[Placement] | None:
        if misses is None:
            placed = heuristic.schedule_either(inst, day)
        else:
            placed = heuristic.schedule_either(inst, day, misses)
        return heuristic.compact(inst, placed) if placed is not None else None

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
            best, found_day = candidate, heuristic._end(candidate) // ns
            break
        failed += step
        step *= 2
    if best is None or found_day is None:
        last_try = attempt(days - 1)
        if last_try is None:
            return None, bound
        return (
            polish(inst, last_try, first)
            if misses is None
            else polish(inst, last_try, first, misses)
        ), bound
    low, high = failed + 1, found_day
    while low < high:
        middle = (low + high) // 2
        candidate = attempt(middle)
        if candidate is not None:
            best, high = candidate, min(middle, heuristic._end(candidate) // ns)
        else:
            low = middle + 1
    return (
        polish(inst, best, first) if misses is None else polish(inst, best, first, misses)
    ), bound


def exact(inst: Instance, bound: int) -> tuple[list[Placement] | None, int]:
    """A plan from whole counts near the *bound* day, and the bound, raised where proven.

    The list scheduler misses the bound where rooms, facilitators and short spans bind
    together; an integer program over the counts
    (:func:`ledarutveckling._rollout.counting.exact_plan`) then usually finds a plan on the bound
    or the day after. Only the quickest search (whole counts next to the fractional ones)
    is tried on those two days, for it may well fail. When it finds no plan on either and
    HiGHS proves that no whole counts end by the bound
    (:func:`ledarutveckling._rollout.counting.no_whole_counts`), no plan does either: the bound
    moves a day later and the same is tried again, at most :data:`WHOLE_REACH` times.
    Where no proof comes, every search is tried on the day after the bound. Returns the
    plan (``None`` when none is found) and the bound.
    """
    from ledarutveckling._rollout import counting as _rollout_lp

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


def polish(
    inst: Instance, placements: list[Placement], bound: int, failed: dict[int, int] | None = None
) -> list[Placement]:
    """The earliest-ending of the plan and every strategy's plan by its last day, justified.

    Which plan :func:`justify` shortens most is not which the strategies find first, so
    each strategy's plan ending by the same day is justified too, until one ends within
    :data:`GOOD_ENOUGH` working days of the *bound* day (the others cost time and gain at
    most that). *failed* is the search's record of the passes that found no plan (see
    :func:`ledarutveckling._rollout.heuristic.schedule_each`), or ``None``.
    """
    ns = inst.ns
    if heuristic._end(placements) // ns <= bound:
        return placements
    best = heuristic.justify(inst, placements)
    tried = (
        heuristic.schedule_each(inst, heuristic._end(placements) // ns)
        if failed is None
        else heuristic.schedule_each(inst, heuristic._end(placements) // ns, failed)
    )
    # Checked before each plan is asked for: the next strategy's plan costs as much as a pass.
    while heuristic._end(best) // ns > bound + GOOD_ENOUGH:
        placed = next(tried, None)
        if placed is None:
            break
        candidate = heuristic.justify(inst, heuristic.compact(inst, placed))
        if heuristic._end(candidate) // ns < heuristic._end(best) // ns:
            best = candidate
    return best
