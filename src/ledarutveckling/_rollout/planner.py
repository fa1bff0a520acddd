r"""Rollout planning (utrullning): a program for thousands of participants in cohorts.

Public names are re-exported from :mod:`ledarutveckling.scheduling`.

When a whole administration goes through a program before a date (say, before it moves into
an activity-based office), every unit's staff is split into cohorts, and each cohort takes the
program's modules in order, in session slots on working days, led by facilitators and, in
person, in a room. :func:`plan_rollout` plans that, proves a lower bound on how early any
valid plan can end, and :func:`check_rollout` checks any plan against every rule.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, overload

import attrs
import pendulum

from ledarutveckling._base.extras import require
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._rollout.lower_bound import LowerBound
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._rollout.planner_setup import _infeasible as _infeasible
from ledarutveckling._rollout.planner_setup import _Setup as _Setup
from ledarutveckling._rollout.problem import (
    Facilitator,
    Rollout,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingDays,
)
from ledarutveckling.errors import ValidationError

if TYPE_CHECKING:  # the engine is imported by the functions that run it, on the first plan
    from ledarutveckling._rollout import bounds as rollout_bounds
    from ledarutveckling._rollout import instance as rollout_instance
    from ledarutveckling._rollout import split as rollout_split

__all__ = ["plan_rollout"]


@overload
def plan_rollout(rollout: Rollout, /) -> RolloutPlan: ...


@overload
def plan_rollout(
    program: Program,
    units: Sequence[RolloutUnit],
    facilitators: Sequence[Facilitator],
    rooms: Sequence[Room],
    calendar: WorkingDays,
    slots: Sequence[SessionSlot],
    start: dt.date,
    cohort_size: tuple[int, int] | None = None,
    self_paced_days: int = 14,
) -> RolloutPlan: ...


def plan_rollout(*args: Any, **kwargs: Any) -> RolloutPlan:
    """Plan a rollout: cohorts, and a dated session for every cohort and module.

    Give the problem as a :class:`Rollout` (``plan_rollout(rollout)``), or its fields as
    arguments (``plan_rollout(program=..., units=..., ...)``), which make one.

    Each unit's headcount is split into balanced cohorts within the cohort size range: the
    fewest cohorts, or, when smaller rooms make another split end earlier, the split that
    ends earliest of those tried (:func:`ledarutveckling._rollout.split.choose`; the bound
    then holds for every split).
    Every module of every cohort gets one session in a slot of a working
    day within a year of *start*, with the module's number of distinct facilitators and,
    when held in person, a room that takes the cohort; modules keep their order, their
    ``min_days_after_previous`` gaps and the program's ``max_span_days``; facilitators keep
    their caps and absences; each unit's deadlines are met when that is possible.

    The planner first proves a lower bound on the last session's day (see
    :class:`LowerBound`), then tries candidate end days from the bound upwards. For each, it
    gives every session a due slot (the latest that still lets its cohort finish by that day
    and meet its unit's deadline, with the last module's sessions spread back over the
    capacity that can hold them) and places sessions slot by slot from the start, earliest
    due first; when a session misses its due slot it retries with that module put a week
    earlier in the order, then tries every module spread, then a plan built backwards from
    the end day. Facilitators whose weekly sessions would otherwise go unused are used
    first, sessions due later are held back when they would take capacity that this week's
    due sessions need, and no cohort starts where its span would run into a blackout.
    When the plan still ends more than a working day after the bound, the rollout is planned
    again from later start days (a plan for a later start is one for this start too) and a
    plan that ends earlier is kept (:func:`_later`).

    The planner solves its programs with HiGHS (highspy) and numpy, dependencies of the
    library loaded on first use.

    Args:
        *args: The :class:`Rollout` alone; or, in this order, its fields ``program``,
            ``units``, ``facilitators``, ``rooms``, ``calendar``, ``slots``, ``start`` and
            ``cohort_size`` (see :class:`Rollout` for each).
        **kwargs: Those fields by name, e.g. ``start=pendulum.date(2027, 1, 11)``;
            ``cohort_size`` (``(min, max)``) is the program's by default.

    Returns:
        The plan, which keeps the rollout (:attr:`RolloutPlan.rollout`). When a unit's
        limit on staff away, or the facilitators or rooms in the days between its move date
        and its deadlines (for every split), prove its deadlines out of reach, that unit is
        planned without them and :attr:`RolloutPlan.given_up` names it with the rule; every
        other unit keeps its deadlines. When the deadlines could not all be met although no
        proof says they cannot be, the plan keeps every other rule and
        :attr:`RolloutPlan.deadlines_met` says which units miss theirs.

    Raises:
        ValidationError: For bad input (every problem, with its path, as :class:`Rollout`
            reports them), or when no valid plan exists within a year of *start*; then the
            message, in Swedish for the planners who read it, names the binding constraint,
            e.g. ``units[2]: Trafikkontoret: 59 kohorter hinner inte genomföra M1 före
            2027-04-05 med 6 utbildningsledare``.
        ImportError: When highspy or numpy is not installed; the message names the extra.
        TypeError: For arguments that neither form takes.
    """
    from ledarutveckling._rollout import split as rollout_split

    if len(args) == 1 and not kwargs and isinstance(args[0], Rollout):
        rollout = args[0]
    else:
        rollout = _rollout(*args, **kwargs)
    require("highspy", "rollout", "plan_rollout()")
    require("numpy", "rollout", "plan_rollout()")
    proofs = _Proofs()
    return _later(
        rollout,
        rollout_split.choose(
            rollout, _plan, proofs.split_bound, proofs.counted_bound, _away_missed, _split_missed
        ),
        proofs,
    )


MAX_LATER_STARTS: Final = 12
"""The most later start days :func:`_later` plans from."""


def _later(rollout: Rollout, plan: RolloutPlan, proofs: _Proofs | None = None) -> RolloutPlan:
    """*plan*, or a plan from a later start that ends earlier, when *plan* misses the bound.

    *start* is only the first day sessions may be held, so a plan for a later start is a plan
    for this one too; yet the list schedulers, which place every session as early as they
    can, may hold a module so early that its cohort's span runs into a blackout (workshops
    early in June push the follow-ups, 30 days later and within the span, past the summer),
    where a later start holds them after it. When *plan* ends more than one working day
    after its bound, the rollout is planned again from later days (the first working day
    after each long break and each Monday, earliest first, before *plan*'s last day, at most
    :data:`MAX_LATER_STARTS`), and a plan that ends earlier, with no more units missing
    their deadlines and the same units given up, replaces it, until one ends within a
    working day of the bound, or the bound from the day tried (over every split, hundredths
    of a second) is not before the best plan's last day. The plan kept is for *rollout*,
    with *plan*'s bound and reasons (a later start's proofs need not hold from this one).
    Not for a plan that misses or gives up a unit's deadlines: it ends late for them.
    A day before which no cohort can start (:func:`_first_start`) is skipped: from it the
    rollout is the same. *proofs* keeps the bounds proven for a day, which the plan from
    it proves again (a fresh one when ``None``).
    """
    from ledarutveckling._rollout import split as rollout_split

    if plan.gap_working_days <= 1 or plan.given_up or not all(plan.deadlines_met.values()):
        # A plan that gives up a unit's deadlines ends late for them, not for a heuristic's
        # early start: planning it again from later days (each a whole plan) gains nothing.
        return plan
    given_up = {item.unit for item in plan.given_up}
    days = _later_days(rollout, plan.end_date)
    first = _first_start(rollout)
    proofs = proofs or _Proofs()
    best = plan
    for day in days[:MAX_LATER_STARTS]:
        if first is not None and day <= first:
            # No cohort can start before *day* (its span would run into a blackout), so no
            # session is held before it either: from *day* the rollout is the same one,
            # its plans the same. Planned again, it cost a second and more on 1,600 staff
            # for the plan already found (from 7 June, the summer weeks 27-32 blocked, no
            # cohort starts before 17 June: 14 June gave the four plans of 7 June again).
            continue
        later = attrs.evolve(rollout, start=day)
        bound = _bound(later, proofs)
        if bound is None or bound.date >= best.end_date:
            break  # the bounds grow with the start: no later day ends earlier either
        try:
            found = rollout_split.choose(later, _plan, proofs.split_bound)
        except ValidationError:
            continue
        if {item.unit for item in found.given_up} != given_up:
            continue
        found = attrs.evolve(found, rollout=rollout, bound=plan.bound, given_up=plan.given_up)
        if rollout_split._key(found) < rollout_split._key(best):
            best = found
            if best.gap_working_days <= 1:
                break
    return best


def _first_start(rollout: Rollout) -> pendulum.Date | None:
    """The first day a cohort of *rollout* can start, by its span and calendar alone.

    A cohort's first session must leave its later modules room within the span (see
    :func:`ledarutveckling._rollout.instance.startable_days`, which counts no facilitator
    nor room): on an earlier day no valid plan holds any session. ``None`` when no day
    within a year is.
    """
    from ledarutveckling._rollout import instance as rollout_instance

    setup = _Setup(rollout)
    startable = rollout_instance.startable_days(setup.instance)
    return next((day for day, ok in zip(setup.days, startable, strict=True) if ok), None)


def _bound(rollout: Rollout, proofs: _Proofs | None = None) -> LowerBound | None:
    """The lower bound over every split, as :func:`ledarutveckling._rollout.split.choose`'s.

    Proven by *proofs* (a fresh one when ``None``), which keeps them for ``choose``.
    """
    from ledarutveckling._rollout import split as rollout_split

    proofs = proofs or _Proofs()
    if rollout_split.dominated(rollout):
        return proofs.split_bound(rollout, rollout_split.candidates(rollout)[0])
    return rollout_split.OverSplits(rollout).bound(proofs.split_bound)[0]


def _later_days(rollout: Rollout, end: pendulum.Date) -> list[pendulum.Date]:
    """The days :func:`_later` tries, before *end*: after each long break, and each Monday."""
    days: list[pendulum.Date] = []
    day = pendulum.date(rollout.start.year, rollout.start.month, rollout.start.day)
    while day < end:
        day = day.add(days=1)
        if day < end and rollout.calendar.is_working_day(day):
            days.append(day)
    breaks, mondays = _later_starts([rollout.start, *days])
    return [days[index - 1] for index in sorted(breaks + mondays)]


def _rollout(
    program: Program,
    units: Sequence[RolloutUnit],
    facilitators: Sequence[Facilitator],
    rooms: Sequence[Room],
    calendar: WorkingDays,
    slots: Sequence[SessionSlot],
    start: dt.date,
    cohort_size: tuple[int, int] | None = None,
    self_paced_days: int = 14,
) -> Rollout:
    """The keyword form of :func:`plan_rollout`: its arguments as a :class:`Rollout`."""
    return Rollout(
        program=program,
        units=units,
        facilitators=facilitators,
        rooms=rooms,
        calendar=calendar,
        slots=slots,
        start=start,
        cohort_size=cohort_size,
        self_paced_days=self_paced_days,
    )


def _plan(rollout: Rollout, split: rollout_split.Split | None = None) -> RolloutPlan:
    """Plan a valid rollout (see :func:`plan_rollout`) for one split (``None``: the fewest)."""
    from ledarutveckling._rollout import deadline_capacity
    from ledarutveckling._rollout import search as rollout_search

    setup = _Setup(rollout, split=split)
    bound = rollout_search.lower_bound(setup.instance)
    if bound.day is None:
        waited = _wait(rollout, bound, split)
        if waited is not None:
            return waited
        raise setup.no_capacity(bound)
    setup.prove_deadlines()
    missed = deadline_capacity.deadlines_missed(setup, rollout)
    placements = None
    searched = setup.searched(missed)
    proven = bound
    for index, instance in enumerate(searched):
        if index and instance == searched[0] and bound == proven:
            # No unit has a deadline to drop: the same instance from the same bound, a
            # search that found no plan (tenths of a second from 7 June) would find none again.
            continue
        failed: dict[int, int] = {}
        placements, bound = rollout_search.plan(instance, bound, failed)
        if placements is not None:
            if instance is searched[-1]:  # without deadlines: keep what it can
                placements = setup.keeping(
                    missed, placements, pinned_first=_only_pinned(instance, placements, failed)
                )
            break
    if placements is None:
        waited = _wait(rollout, bound, split)
        if waited is not None:
            return waited
        raise setup.not_found(bound)
    bound = rollout_search.units_bound(setup.instance, bound, placements)
    return setup.given_up(
        RolloutPlan(
            rollout=rollout,
            sessions=setup.sessions(placements),
            bound=setup.lower_bound(bound),
        ),
        missed,
    )


def _split_bound(rollout: Rollout, split: rollout_split.Split) -> LowerBound | None:
    """The lower bound for one split, over two years when none ends within one."""
    return _Proofs().split_bound(rollout, split)


class _Proofs:
    """The bounds one :func:`plan_rollout` call proves, each proven once.

    The bound over every split proves the same relaxed rollouts again and again: once in
    :func:`ledarutveckling._rollout.split.choose`, once more with the counts by room
    (:meth:`counted_bound`, which starts from the same bound), and twice for each later
    start :func:`_later` tries (its bound, then its plan's). Each proof costs hundredths of
    a second; a dozen of them, proven again, cost half a second of a plan of 1,600 staff
    from 7 June. A relaxed rollout is the rollout, with its start, and one more unit when
    the split has one more (:meth:`ledarutveckling._rollout.split.OverSplits.problem`), so
    within one call the start and the split name it. Local to the call: nothing is kept
    between plans.
    """

    def __init__(self) -> None:
        self._proven: dict[
            tuple[int, int, rollout_split.Split], tuple[_Setup, rollout_bounds.Bound]
        ] = {}

    def _year(
        self, rollout: Rollout, split: rollout_split.Split
    ) -> tuple[_Setup, rollout_bounds.Bound]:
        """The setup for *split* over a year, and its lower bound."""
        from ledarutveckling._rollout import search as rollout_search

        key = (rollout.start.toordinal(), len(rollout.units), split)
        if key not in self._proven:
            setup = _Setup(rollout, split=split)
            self._proven[key] = setup, rollout_search.lower_bound(setup.instance)
        return self._proven[key]

    def split_bound(self, rollout: Rollout, split: rollout_split.Split) -> LowerBound | None:
        """:func:`_split_bound`, the year's bound proven once."""
        from ledarutveckling._rollout import search as rollout_search

        setup, bound = self._year(rollout, split)
        if bound.day is not None:
            return setup.lower_bound(bound)
        setup = _Setup(rollout, years=WAIT_YEARS, split=split)
        bound = rollout_search.lower_bound(setup.instance)
        return setup.lower_bound(bound) if bound.day is not None else None

    def counted_bound(
        self, rollout: Rollout, split: rollout_split.Split, end: pendulum.Date
    ) -> LowerBound | None:
        """:func:`_counted_bound`, from the year's bound proven once."""
        from ledarutveckling._rollout import search as rollout_search

        setup, bound = self._year(rollout, split)
        if bound.day is None:
            return self.split_bound(rollout, split)
        inst = setup.instance
        last = bisect_right(inst.ords, end.toordinal()) - 1
        return setup.lower_bound(rollout_search.size_bound(inst, bound, last))


def _away_missed(rollout: Rollout, split: rollout_split.Split) -> frozenset[int]:
    """The units of *split* whose limit on staff away proves their deadlines out of reach.

    :func:`ledarutveckling._rollout.away.away_deadlines_missed` on the split's instance,
    by unit index.
    """
    from ledarutveckling._rollout import away as rollout_away

    return frozenset(rollout_away.away_deadlines_missed(_Setup(rollout, split=split).instance))


def _split_missed(rollout: Rollout, split: rollout_split.Split) -> frozenset[int]:
    """The units of *split* whose deadlines a count proves out of reach with that split.

    :func:`ledarutveckling._rollout.deadline_capacity.split_deadlines_missed` on the
    split's instance, by unit index: no plan of the split keeps those units' deadlines.
    None without deadlines (then the split's instance is not even built).
    """
    from ledarutveckling._rollout import deadline_capacity

    if not any(unit.deadlines for unit in rollout.units):
        return frozenset()
    return deadline_capacity.split_deadlines_missed(_Setup(rollout, split=split), rollout)


def _counted_bound(
    rollout: Rollout, split: rollout_split.Split, end: pendulum.Date
) -> LowerBound | None:
    """The lower bound for one split, raised by counting cohorts by their rooms up to *end*.

    :func:`ledarutveckling._rollout.search.size_bound`, up to the last working day by *end*
    (a plan's last day: asked only for a plan that ends more than a working day after its
    bound). The same as :func:`_split_bound` where that one
    finds no day within a year or the counts do not raise it.
    """
    return _Proofs().counted_bound(rollout, split, end)


WAIT_YEARS: Final = 2
"""The horizon, in years from the start, of a plan whose sessions wait for a later start."""


def _wait(
    rollout: Rollout, bound: rollout_bounds.Bound, split: rollout_split.Split | None = None
) -> RolloutPlan | None:
    """A plan whose sessions begin on a later day, when none was found from the start.

    *start* is only the first day sessions may be held: every plan for a later start is a
    plan for this one too, so when the search finds no plan (a summer blackout the spans
    cannot cross, say, or a horizon of a year too short) the sessions may simply wait. The
    later days tried are the first working day after each long break in the calendar, then
    each Monday, up to a year after the start; when no plan can end within a year (*bound*'s
    ``day`` is ``None``), the start itself is tried first, over the longer horizon. After a
    break the search is run in full, as for a rollout starting that day; a Monday is first
    tried with the list schedulers alone (:func:`_places`). The first day that gives a plan
    is kept, with the deadlines if any day allows them, else without (at once when some
    units' limits on staff away, or the capacity in their windows, prove theirs out of
    reach, :func:`ledarutveckling._rollout.deadline_capacity.deadlines_missed`; the other
    units' are
    then kept when the list schedulers keep them on the same last day, see
    :meth:`_Setup.keeping`).
    The horizon is then two years from the start, and *bound* (``day`` ``None`` when no plan
    ends within a year) is proven again over it when needed: it stays a bound for this
    start, so the plan's gap to it says what waiting costs.
    """
    from ledarutveckling._rollout import deadline_capacity
    from ledarutveckling._rollout import instance as rollout_instance
    from ledarutveckling._rollout import search as rollout_search

    wide = _Setup(rollout, years=WAIT_YEARS, split=split)
    inst = wide.instance
    days: list[tuple[int, bool]] = []
    at_start: rollout_bounds.Bound | None = None  # the bound over two years, from day 0
    if bound.day is None:
        bound = at_start = rollout_search.lower_bound(inst)
        if bound.day is None:
            return None
        days.append((0, True))  # no plan ends within a year: first, no wait, over two
    limit = bisect_left(wide.days, rollout.start.add(years=1))
    breaks, mondays = _later_starts(wide.days)
    days += [(day, day in breaks) for day in breaks + mondays if day < limit]
    missed = deadline_capacity.deadlines_missed(wide, rollout)
    searched = wide.searched(missed)
    for index, instance in enumerate(searched):
        if index and instance == searched[0]:
            continue  # no unit has a deadline to drop: every day was searched so already
        for day, after_break in days:
            later = rollout_instance.from_day(instance, day)
            if not (after_break or _places(later)):
                continue
            # The bound leaves the deadlines out: from day 0 it is the one proven above.
            proven = at_start if day == 0 and at_start is not None else None
            failed: dict[int, int] = {}
            placements, _ = rollout_search.plan(
                later, proven or rollout_search.lower_bound(later), failed
            )
            if placements is None:
                continue
            if instance is searched[-1]:  # without deadlines: keep what it can
                placements = wide.keeping(
                    missed, placements, day, _only_pinned(later, placements, failed)
                )
            shift = day * inst.ns
            waited = RolloutPlan(
                rollout=rollout,
                sessions=wide.sessions(
                    dataclasses.replace(p, slot=p.slot + shift) for p in placements
                ),
                bound=wide.lower_bound(bound),
            )
            return wide.given_up(waited, missed)
    return None


def _only_pinned(
    inst: rollout_instance.Instance,
    placements: list[rollout_instance.Placement],
    failed: dict[int, int],
) -> bool:
    """Whether the search's passes found no plan by *placements*' last day but the pinned one.

    Then the plan is the pinned pass's (:func:`ledarutveckling._rollout.heuristic.schedule_pinned`),
    and the list schedulers that keep the deadlines try it first (:meth:`_Setup.keeping`):
    with more deadlines the others find no plan by that day either, and cost a second or
    more on large moves.
    """
    from ledarutveckling._rollout import heuristic

    return heuristic.only_pinned(inst, heuristic._end(placements) // inst.ns, failed)


def _places(inst: rollout_instance.Instance) -> bool:
    """Whether the list schedulers place every session, on some last day tried.

    The days tried gallop up from the windows' bound (no linear program), as the search
    does: a list schedule for a far last day may fail where a nearer one succeeds, for
    loose due slots let early starts jam the weeks before the spans end.
    """
    from ledarutveckling._rollout import bounds as rollout_bounds
    from ledarutveckling._rollout import heuristic

    first = rollout_bounds.window_bound(inst).day
    if first is None:
        return False
    last = len(inst.ords) - 1
    step = 0
    while first + step <= last:
        if heuristic.schedule_either(inst, first + step) is not None:
            return True
        step = step * 2 or 1
    return heuristic.schedule_either(inst, last) is not None


LONG_BREAK: Final = 7
"""Calendar days without a working day that make a long break (a blackout week or more)."""


def _later_starts(days: Sequence[pendulum.Date]) -> tuple[list[int], list[int]]:
    """The later days to wait for, by index: after each long break, and each other Monday."""
    breaks = [
        index for index in range(1, len(days)) if (days[index] - days[index - 1]).days > LONG_BREAK
    ]
    mondays = [
        index for index in range(1, len(days)) if index not in breaks and days[index].weekday() == 0
    ]
    return breaks, mondays
