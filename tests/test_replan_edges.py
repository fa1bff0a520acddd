"""The re-plan's small helpers at their edges.

A move that only changes a cohort's size, which changes of a rollout keep the previous
plan's lower bound (``_restricts``), and the greedy repair on a day shared by two modules.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import DateRange, DeliveryFormat, ProblemCode, ValidationError
from ledarutveckling._rollout import replan as replan_module
from ledarutveckling._rollout import replan_repair, replan_result
from ledarutveckling.scheduling import (
    Facilitator,
    Rollout,
    RolloutSession,
    Room,
    plan_rollout,
    replan,
)
from tests.test_rollout import START as START_DAY
from tests.test_rollout import day, module, plan, program

P = DeliveryFormat.IN_PERSON

START = pendulum.datetime(2027, 3, 9, 9, tz="Europe/Stockholm")
SESSION = RolloutSession(
    unit="T",
    cohort=1,
    size=20,
    module="M1",
    start=START,
    end=START.add(hours=3),
    facilitators=("Anna",),
    room="Hörsalen",
)


def test_a_move_that_only_changes_the_size_names_the_day_as_the_calendar_does() -> None:
    smaller = attrs.evolve(SESSION, size=18)
    assert replan_result._change(SESSION, smaller, "sv_SE") == "9 mars 2027 → 9 mars 2027 (Anna)"
    assert replan_result._change(SESSION, smaller, "en_GB") == (
        "9 March 2027 → 9 March 2027 (Anna)"
    )


def _rollout() -> Rollout:
    return plan(facilitators=[Facilitator(name="Anna")]).rollout


def test_fewer_sessions_a_day_restrict_the_rollout() -> None:
    rollout = _rollout()
    fewer = attrs.evolve(rollout.facilitators[0], max_sessions_per_day=1)
    assert replan_module._restricts(rollout, rollout)
    assert replan_module._restricts(attrs.evolve(rollout, facilitators=[fewer]), rollout)


def test_a_facilitator_added_or_freer_does_not_restrict_the_rollout() -> None:
    """The old lower bound need not hold: a plan may now end sooner."""
    rollout = _rollout()
    anna = rollout.facilitators[0]
    more = attrs.evolve(anna, max_sessions_per_day=anna.max_sessions_per_day + 1)
    added = [anna, Facilitator(name="Björn")]
    assert not replan_module._restricts(attrs.evolve(rollout, facilitators=added), rollout)
    assert not replan_module._restricts(attrs.evolve(rollout, facilitators=[more]), rollout)


def test_a_larger_room_does_not_restrict_the_rollout() -> None:
    rollout = _rollout()
    larger = [Room(name="Ateljén", capacity=20)]
    assert not replan_module._restricts(attrs.evolve(rollout, rooms=larger), rollout)


def test_the_greedy_repair_puts_a_session_after_the_one_before_it_on_the_same_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """M2 follows M1 with no gap: Björn takes it over at 13:00, not at 09:00 beside M1."""
    monkeypatch.setattr(replan_module, "_reinsert", lambda *args: None)
    two = program(module("M1", P), module("M2", DeliveryFormat.DIGITAL, gap=0))
    base = plan(program=two)
    anna = Facilitator(name="Anna", modules=("M1",))
    changed = attrs.evolve(base.rollout, facilitators=[anna, Facilitator(name="Björn")])
    result = replan(base, changed, START_DAY)
    assert not result.fallback
    assert [
        (s.module, s.start.format("YYYY-MM-DD HH:mm"), s.facilitators) for s in base.sessions
    ] == [
        ("M1", "2027-01-11 09:00", ("Anna",)),
        ("M2", "2027-01-11 13:00", ("Anna",)),
    ]
    assert [
        (s.module, s.start.format("YYYY-MM-DD HH:mm"), s.facilitators) for s in result.plan.sessions
    ] == [("M1", "2027-01-11 09:00", ("Anna",)), ("M2", "2027-01-11 13:00", ("Björn",))]


def test_with_nothing_held_and_no_plan_from_today_the_refusal_claims_no_proof() -> None:
    """Anna, the only facilitator, is away for three years.

    plan_rollout (two years) finds no plan, the exact search none within its horizon:
    nothing is proven impossible.
    """
    base = plan()
    away = Facilitator(
        name="Anna", absences=[DateRange(start=day("2027-01-11"), end=day("2029-12-31"))]
    )
    changed = attrs.evolve(base.rollout, facilitators=[away])
    with pytest.raises(ValidationError):
        plan_rollout(changed)
    with pytest.raises(ValidationError) as error:
        replan(base, changed, START_DAY)
    (problem,) = error.value.problems
    assert problem.code is ProblemCode.REPLAN_NOT_FOUND
    assert (problem.path, problem.value) == ("rollout", "2027-01-11")  # today: from when


def test_when_no_plan_ends_within_a_year_the_previous_bound_is_kept() -> None:
    """Björn joins (no restriction: a new bound is sought), but both are away all of 2027."""
    base = plan()
    year = [DateRange(start=day("2027-01-11"), end=day("2027-12-31"))]
    pair = [Facilitator(name="Anna", absences=year), Facilitator(name="Björn", absences=year)]
    changed = attrs.evolve(base.rollout, facilitators=pair)
    assert not replan_module._restricts(changed, base.rollout)
    result = replan(base, changed, START_DAY)
    assert result.plan.end_date == day("2028-01-17")
    assert result.plan.bound == base.bound
    assert base.bound.date == day("2027-01-25")


def _refusing(monkeypatch: pytest.MonkeyPatch, refused: int) -> list[int]:
    """The repair finds nothing, and the first *refused* completions break a rule unknown."""
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    accepted = replan_repair._accepted
    calls: list[int] = []

    def first_refused(*args: Any) -> Any:
        calls.append(1)
        return None if len(calls) <= refused else accepted(*args)

    monkeypatch.setattr(replan_module, "_accepted", first_refused)
    return calls


SICK = [DateRange(start=day("2027-01-25"), end=day("2027-01-25"))]


def test_a_list_schedule_that_breaks_a_rule_leaves_the_exact_search_to_decide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Anna is off sick on 25 January, M3's day: the exact search's M3 is on the 26th."""
    calls = _refusing(monkeypatch, 1)
    base = plan()
    changed = attrs.evolve(base.rollout, facilitators=[Facilitator(name="Anna", absences=SICK)])
    result = replan(base, changed, day("2027-01-19"))
    assert (result.fallback, result.changes, len(calls)) == (True, 1, 2)
    assert [(s.module, s.date) for s in result.plan.sessions] == [
        ("M1", day("2027-01-11")),
        ("M2", day("2027-01-18")),
        ("M3", day("2027-01-26")),
    ]


def test_when_the_exact_search_s_completion_breaks_a_rule_too_nothing_is_proven(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _refusing(monkeypatch, 2)
    base = plan()
    changed = attrs.evolve(base.rollout, facilitators=[Facilitator(name="Anna", absences=SICK)])
    with pytest.raises(ValidationError) as error:
        replan(base, changed, day("2027-01-19"))
    (problem,) = error.value.problems
    assert (problem.code, problem.value) == (ProblemCode.REPLAN_NOT_FOUND, "2027-01-19")
    assert len(calls) == 2
