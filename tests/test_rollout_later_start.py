"""A later start never ends earlier (issue 17, ``benchmarks/rollout_starts.py``).

*start* is only the first day sessions may be held, so a plan for a later start is a plan for
an earlier one too. The blended move of the benchmark (a self-paced introduction, a workshop
7 days later, a digital follow-up 30 days after that, within 60 days, the summer weeks 27-32
blocked) with one unit of 1,000 staff ended on 16 September from 7 June 2027 and on
31 August (its bound) from 21 June: from 7 June the list schedulers held workshops early in
June whose follow-ups the span then pushed past the summer. The planner now plans again from
later days when its plan ends more than a working day after the bound
(:func:`ledarutveckling._rollout.planner._later`).
"""

from __future__ import annotations

import types
from typing import Any, cast

import attrs
import pendulum
import pytest

from ledarutveckling import (
    ValidationError,
)
from ledarutveckling._rollout import planner
from ledarutveckling._rollout import split as rollout_split
from ledarutveckling._rollout.lower_bound import BindingResource, LowerBound
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling.errors import Problem
from ledarutveckling.examples import stockholm_catalogue
from ledarutveckling.scheduling import (
    Blackout,
    Facilitator,
    Rollout,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingCalendar,
    check_rollout,
    plan_rollout,
)

# The bundled catalogue's move program: a self-paced introduction, a workshop 7 days later
# and a digital follow-up 30 days after it, within 60 days, 20 to 40 a cohort.
PROGRAM = stockholm_catalogue().program("ABW")


def _move(headcount: int, start: pendulum.Date) -> Rollout:
    return Rollout(
        program=PROGRAM,
        units=[RolloutUnit(name="Stadsbyggnadskontoret", headcount=headcount)],
        facilitators=[
            Facilitator(name="Anna", modules=["ABW-2"]),
            Facilitator(name="Johan", modules=["ABW-2"]),
            Facilitator(name="Sara", modules=["ABW-3"]),
            Facilitator(name="Per"),
        ],
        rooms=[Room(name="Sal A", capacity=40), Room(name="Sal B", capacity=30)],
        calendar=WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("sommar", 2027, 27, 32)]),
        slots=[
            SessionSlot(start=pendulum.time(9), end=pendulum.time(12)),
            SessionSlot(start=pendulum.time(13), end=pendulum.time(16)),
        ],
        start=start,
    )


JUNE_7 = pendulum.date(2027, 6, 7)
JUNE_21 = pendulum.date(2027, 6, 21)


def _first(rollout: Rollout) -> RolloutPlan:
    """The plan before the later starts are tried."""
    return rollout_split.choose(rollout, planner._plan, planner._split_bound)


def test_the_earlier_start_ends_on_the_bound_as_the_later_one_does() -> None:
    early = _move(1000, JUNE_7)
    first = _first(early)
    assert (first.end_date, first.lower_bound) == (
        pendulum.date(2027, 9, 16),
        pendulum.date(2027, 8, 31),
    )
    plan = plan_rollout(early)
    later = plan_rollout(_move(1000, JUNE_21))
    assert (plan.end_date, plan.lower_bound, plan.gap_working_days) == (
        pendulum.date(2027, 8, 31),
        pendulum.date(2027, 8, 31),
        0,
    )
    assert (later.end_date, later.lower_bound) == (plan.end_date, plan.end_date)
    assert plan.rollout == early
    assert plan.bound == first.bound
    assert (plan.cohort_count, len(plan.sessions)) == (33, 66)
    assert min(session.date for session in plan.sessions) >= JUNE_21
    assert check_rollout(plan) == ()


def test_no_later_day_is_tried_once_its_bound_is_not_before_the_best_end() -> None:
    # 1,200 staff: from 7 June the first plan ends on 20 September, the one from 21 June on
    # 15 September, its bound; from 28 June the bound is later, so no later day is tried.
    # The bound from 7 June is 15 September too, counted by the rooms that take each
    # cohort with the skills (1 September before: the plan was on the optimum already).
    early = _move(1200, JUNE_7)
    first = _first(early)
    assert (first.end_date, first.lower_bound) == (
        pendulum.date(2027, 9, 20),
        pendulum.date(2027, 9, 1),
    )
    plan = plan_rollout(early)
    assert (plan.end_date, plan.lower_bound, plan.gap_working_days) == (
        pendulum.date(2027, 9, 15),
        pendulum.date(2027, 9, 15),
        0,
    )
    later = plan_rollout(_move(1200, JUNE_21))
    assert (later.end_date, later.lower_bound) == (plan.end_date, plan.end_date)
    assert planner._bound(_move(1200, pendulum.date(2027, 6, 28))) is not None
    assert check_rollout(plan) == ()


def test_the_later_starts_are_the_days_after_long_breaks_and_the_mondays() -> None:
    days = planner._later_days(_move(1000, JUNE_7), pendulum.date(2027, 8, 24))
    assert days == [
        pendulum.date(2027, 6, 14),
        pendulum.date(2027, 6, 21),
        pendulum.date(2027, 6, 28),
        pendulum.date(2027, 8, 16),
        pendulum.date(2027, 8, 23),
    ]


def test_a_refused_later_start_or_one_that_gives_up_other_units_is_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    early = _move(1000, JUNE_7)
    first = _first(early)
    refusal = ValidationError([Problem(path="start", value=JUNE_7, message="m")])

    def refused(rollout: Rollout, *_: Any) -> RolloutPlan:
        raise refusal

    # The first later day, 14 June, is skipped (no cohort can start before 17 June): the
    # second, 21 June, is the one refused.
    monkeypatch.setattr(planner, "MAX_LATER_STARTS", 2)
    monkeypatch.setattr(rollout_split, "choose", refused)
    assert planner._later(early, first) is first
    other = types.SimpleNamespace(given_up=(types.SimpleNamespace(unit="Gatukontoret"),))
    monkeypatch.setattr(rollout_split, "choose", lambda *_: cast(RolloutPlan, other))
    assert planner._later(early, first) is first
    monkeypatch.setattr(rollout_split, "choose", lambda *_: first)  # ends no earlier
    assert planner._later(early, first) is first


def test_the_bound_of_a_later_start_is_the_one_over_every_split() -> None:
    dominated = attrs.evolve(_move(1000, JUNE_21), cohort_size=(40, 40))
    assert rollout_split.dominated(dominated)
    assert not rollout_split.dominated(_move(1000, JUNE_21))
    found = planner._bound(dominated)
    assert found is not None
    assert found.date == plan_rollout(dominated).lower_bound
    over = planner._bound(_move(1000, JUNE_21))
    assert over is not None
    assert over.date == pendulum.date(2027, 8, 31)


def _three_units(start: pendulum.Date) -> Rollout:
    """The move of ``benchmarks/rollout_starts.py``: 1,600 staff in three units."""
    return attrs.evolve(
        _move(900, start),
        units=[
            RolloutUnit(name="Stadsbyggnadskontoret", headcount=900, max_away=90),
            RolloutUnit(name="Fastighetskontoret", headcount=400),
            RolloutUnit(name="Gatukontoret", headcount=300),
        ],
    )


def test_the_three_units_from_7_june_end_on_the_bound_the_follow_ups_leaders_set() -> None:
    # The bound over every split was 15 September and the plan ended 17 September. No plan
    # ends before 17 September (benchmarks/rollout_starts_ip.py): a workshop before summer
    # must be followed up from 16 August within 60 days, by the two who may lead ABW-3,
    # seven a week each; so at most 36 cohorts start before the summer, and the rest need
    # workshops from 16 August, 30 days before their last day, in rooms that take them.
    early = _three_units(JUNE_7)
    first = _first(early)
    assert (first.end_date, first.lower_bound) == (
        pendulum.date(2027, 9, 24),
        pendulum.date(2027, 9, 15),
    )
    counted = rollout_split.choose(
        early, planner._plan, planner._split_bound, planner._counted_bound
    )
    assert (counted.end_date, counted.lower_bound) == (first.end_date, pendulum.date(2027, 9, 17))
    plan = plan_rollout(early)
    assert (plan.end_date, plan.lower_bound, plan.gap_working_days) == (
        pendulum.date(2027, 9, 17),
        pendulum.date(2027, 9, 17),
        0,
    )
    bound = plan.bound
    assert (bound.resource, bound.facilitators, bound.first_module, bound.last_module) == (
        BindingResource.FACILITATORS,
        2,
        "ABW-3",
        "ABW-3",
    )
    assert bound.combined
    assert bound.explain("en") == (
        "It is the facilitators that limit the plan: 2 facilitators cannot lead 47 sessions "
        "for ABW-3 before September 17, 2027 (sessions per day and week, absences and the "
        "modules' gaps counted; the whole plan taken at once)."
    )
    assert check_rollout(plan) == ()


def test_a_plan_on_its_bound_or_next_to_it_asks_for_no_counted_bound() -> None:
    def refused(*_: Any) -> LowerBound | None:
        raise AssertionError("not asked")

    plan = rollout_split.choose(_move(1000, JUNE_21), planner._plan, planner._split_bound, refused)
    assert plan.gap_working_days == 0


def test_a_counted_bound_no_later_than_the_first_is_not_kept() -> None:
    early = _move(1000, JUNE_7)
    first = _first(early)
    plan = rollout_split.choose(early, planner._plan, planner._split_bound, lambda *_: first.bound)
    assert plan.bound == first.bound
    assert (
        rollout_split.choose(early, planner._plan, planner._split_bound, lambda *_: None).bound
        == first.bound
    )


def _planned_starts(monkeypatch: pytest.MonkeyPatch) -> list[pendulum.Date]:
    """The start days the split choice is asked to plan from, recorded as it is asked."""
    planned: list[pendulum.Date] = []
    choose = rollout_split.choose

    def recorded(rollout: Rollout, *rest: Any) -> RolloutPlan:
        planned.append(rollout.start)
        return choose(rollout, *rest)

    monkeypatch.setattr(rollout_split, "choose", recorded)
    return planned


def test_a_later_day_before_which_no_cohort_can_start_is_not_planned_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A workshop before 17 June has its follow-up, 30 to 60 days later, in the summer: no
    # cohort starts before it, so from 14 June the rollout is the one from 7 June.
    early = _move(1000, JUNE_7)
    assert planner._first_start(early) == pendulum.date(2027, 6, 17)
    assert planner._first_start(_move(1000, JUNE_21)) == JUNE_21
    first = _first(early)
    planned = _planned_starts(monkeypatch)
    plan = planner._later(early, first)
    assert planned == [JUNE_21]
    assert (plan.end_date, plan.gap_working_days) == (pendulum.date(2027, 8, 31), 0)


def test_each_bound_is_proven_once_within_a_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    from ledarutveckling._rollout import search as rollout_search

    rollout = _move(1000, JUNE_21)
    split = rollout_split.candidates(rollout)[1]
    proofs = planner._Proofs()
    proven = rollout_search.lower_bound
    calls: list[object] = []

    def counted(inst: Any) -> Any:
        calls.append(inst)
        return proven(inst)

    far = pendulum.date(2029, 1, 1)
    alone = planner._split_bound(rollout, split), planner._counted_bound(rollout, split, far)
    monkeypatch.setattr(rollout_search, "lower_bound", counted)
    assert proofs.split_bound(rollout, split) == alone[0]
    assert proofs.counted_bound(rollout, split, far) == alone[1]
    assert proofs.split_bound(rollout, split) == alone[0]
    assert len(calls) == 1  # the counted bound starts from the one proven first
    assert planner._bound(rollout, proofs) == planner._bound(rollout)


def test_a_later_plan_that_ends_earlier_but_off_the_bound_lets_the_next_day_be_tried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1,200 staff from 7 June: the first plan ends on 20 September against its first bound,
    # 1 September; the one from 21 June ends on 15 September, still ten working days after
    # it, so 28 June is asked for its bound, which is not before 15 September: no plan.
    early = _move(1200, JUNE_7)
    first = _first(early)
    planned = _planned_starts(monkeypatch)
    plan = planner._later(early, first)
    assert planned == [JUNE_21]
    assert (plan.end_date, plan.lower_bound) == (pendulum.date(2027, 9, 15), first.lower_bound)
    assert plan.gap_working_days > 1
