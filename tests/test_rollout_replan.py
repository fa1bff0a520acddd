"""Tests of re-planning a rollout (ledarutveckling._rollout.replan) and the calendar update."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import icalendar
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus

from ledarutveckling import DateRange, DeliveryFormat, ProblemCode, ValidationError, serialization
from ledarutveckling._base.messages import ReplanRule
from ledarutveckling._rollout import completion as completion_module
from ledarutveckling._rollout import replan as replan_module
from ledarutveckling._rollout import replan_board, replan_repair
from ledarutveckling.formatting import format_problem
from ledarutveckling.scheduling import (
    Facilitator,
    Replan,
    ResizedCohort,
    RolloutPlan,
    RolloutUnit,
    Room,
    SessionSlot,
    check_rollout,
    plan_rollout,
    replan,
    to_ical,
    to_ical_update,
)
from ledarutveckling.testing import RolloutInstance, rollout_instances
from tests.test_rollout import day, module, plan, program

PROGRAM = program(
    module("M1", DeliveryFormat.IN_PERSON),
    module("M2", DeliveryFormat.DIGITAL, gap=7),
    module("M3", DeliveryFormat.IN_PERSON, gap=7, facilitators=2),
    span=35,
)
UNITS = (
    RolloutUnit(name="Trafikkontoret", headcount=120, deadlines={"M3": day("2027-04-01")}),
    RolloutUnit(name="Exploateringskontoret", headcount=80, deadlines={"M3": day("2027-05-03")}),
    RolloutUnit(name="Stadsbyggnadskontoret", headcount=100),
)
FACILITATORS = tuple(Facilitator(name=n) for n in ("Anna", "Björn", "Cecilia", "David"))
ROOMS = (Room(name="Ateljén", capacity=12), Room(name="Verkstan", capacity=12))
TODAY = day("2027-01-25")
START_DAY = day("2027-01-11")
STAMP = pendulum.datetime(2027, 1, 22, 15, tz="Europe/Stockholm")


@pytest.fixture(scope="module")
def base() -> RolloutPlan:
    return plan(program=PROGRAM, units=UNITS, facilitators=FACILITATORS, rooms=ROOMS)


def sick(base: RolloutPlan) -> Any:
    """Anna off sick for two weeks from today."""
    anna = attrs.evolve(FACILITATORS[0], absences=[DateRange(start=TODAY, end=TODAY.add(days=13))])
    return attrs.evolve(base.rollout, facilitators=[anna, *FACILITATORS[1:]])


def held_untouched(result: Replan) -> None:
    before = [s for s in result.previous.sessions if s.date < result.today]
    assert [s for s in result.plan.sessions if s.date < result.today] == before
    assert result.held == tuple(before)


def test_the_base_plan(base: RolloutPlan) -> None:
    assert (base.end_date, base.lower_bound, len(base.sessions)) == (
        day("2027-02-08"),
        day("2027-02-08"),
        78,
    )


def test_nothing_changed_changes_nothing(base: RolloutPlan) -> None:
    result = replan(base, base.rollout, TODAY)
    assert result.changes == 0
    assert (len(result.held), len(result.kept), result.moved, result.added, result.cancelled) == (
        46,
        32,
        (),
        (),
        (),
    )
    assert result.plan.sessions == base.sessions
    assert not result.fallback


def test_a_sick_facilitator_moves_only_her_sessions_and_what_they_drag(base: RolloutPlan) -> None:
    result = replan(base, sick(base), pendulum.Date(2027, 1, 25))
    held_untouched(result)
    assert check_rollout(result.plan) == ()
    assert (len(result.kept), len(result.moved), result.changes) == (18, 14, 14)
    assert result.plan.end_date == day("2027-02-11")
    assert not any(
        "Anna" in s.facilitators
        for s in result.plan.sessions
        if TODAY <= s.date <= day("2027-02-07")
    )
    assert all(before.date >= TODAY for before, _ in result.moved)
    # Every session of hers in the absence was changed; the others kept their place.
    hers = {
        (s.unit, s.cohort, s.module)
        for s in base.sessions
        if "Anna" in s.facilitators and TODAY <= s.date <= day("2027-02-07")
    }
    assert hers <= {(b.unit, b.cohort, b.module) for b, _ in result.moved}


def test_a_lost_room_is_no_longer_used_after_today(base: RolloutPlan) -> None:
    result = replan(base, attrs.evolve(base.rollout, rooms=ROOMS[:1]), TODAY)
    held_untouched(result)
    assert (len(result.moved), result.plan.end_date) == (11, day("2027-02-10"))
    assert not any(s.room == "Verkstan" for s in result.plan.sessions if s.date >= TODAY)
    # Only the held sessions break a rule, the room they were held in.
    held = {f"sessions[{i}].room" for i, s in enumerate(result.plan.sessions) if s.date < TODAY}
    assert {p.path for p in check_rollout(result.plan)} <= held


def test_a_deadline_moved_earlier_moves_the_sessions_after_it(base: RolloutPlan) -> None:
    last = max(s.date for s in base.sessions if s.unit == UNITS[1].name and s.module == "M3")
    units = [UNITS[0], attrs.evolve(UNITS[1], deadlines={"M3": last}), UNITS[2]]
    result = replan(base, attrs.evolve(base.rollout, units=units), TODAY)
    held_untouched(result)
    assert check_rollout(result.plan) == ()
    # Two M3s swap: 3 without the polish (replan_insert._polish), 5 before the re-insertion.
    assert result.changes == 2
    assert result.plan.deadlines_met[UNITS[1].name]
    assert result.plan.end_date == day("2027-02-08")  # 9 February before the re-insertion


def test_fewer_people_cancel_cohorts_before_anything_is_held(base: RolloutPlan) -> None:
    units = [UNITS[0], attrs.evolve(UNITS[1], headcount=60), UNITS[2]]
    result = replan(base, attrs.evolve(base.rollout, units=units), dt.date(2027, 1, 11))
    assert (len(result.kept), len(result.moved), len(result.added), len(result.cancelled)) == (
        72,
        0,
        0,
        6,
    )
    assert {(s.unit, s.cohort) for s in result.cancelled} == {
        ("Exploateringskontoret", 6),
        ("Exploateringskontoret", 7),
    }
    assert check_rollout(result.plan) == ()


def test_more_people_add_a_cohort(base: RolloutPlan) -> None:
    units = [UNITS[0], UNITS[1], attrs.evolve(UNITS[2], headcount=110)]
    result = replan(base, attrs.evolve(base.rollout, units=units), day("2027-01-11"))
    assert len(result.added) == 3
    assert {(s.unit, s.cohort) for s in result.added} == {("Stadsbyggnadskontoret", 10)}
    assert all(s.size == 11 for s in result.plan.sessions if s.unit == "Stadsbyggnadskontoret")
    assert check_rollout(result.plan) == ()


def test_the_summary_lists_the_added_sessions(base: RolloutPlan) -> None:
    units = [UNITS[0], UNITS[1], attrs.evolve(UNITS[2], headcount=110)]
    result = replan(base, attrs.evolve(base.rollout, units=units), day("2027-01-11"))
    assert result.summary().splitlines()[2:] == [
        "Stadsbyggnadskontoret, kohort 1: 12 → 11 deltagare",
        "Stadsbyggnadskontoret, kohort 10: ny kohort med 11 deltagare",
        "Stadsbyggnadskontoret, kohort 10, M1: ny träff 19 januari 2027 (Cecilia)",
        "Stadsbyggnadskontoret, kohort 10, M2: ny träff 8 februari 2027 (David)",
        "Stadsbyggnadskontoret, kohort 10, M3: ny träff 15 februari 2027 (Cecilia, David)",
    ]
    assert result.summary("en_GB").splitlines()[3:5] == [
        "Stadsbyggnadskontoret, cohort 10: new cohort of 11 participants",
        "Stadsbyggnadskontoret, cohort 10, M1: new session 19 January 2027 (Cecilia)",
    ]
    assert result.new_cohorts == (("Stadsbyggnadskontoret", 10, 11),)
    # A session added to a cohort the previous plan had (a module added) is no new cohort.
    assert attrs.evolve(result, added=(*result.added, base.sessions[-1])).new_cohorts == (
        ("Stadsbyggnadskontoret", 10, 11),
    )


def test_the_summary_lists_the_cancelled_sessions(base: RolloutPlan) -> None:
    units = [UNITS[0], attrs.evolve(UNITS[1], headcount=60), UNITS[2]]
    result = replan(base, attrs.evolve(base.rollout, units=units), day("2027-01-11"))
    lines = result.summary().splitlines()
    assert lines[0] == (
        "Omplanering från 11 januari 2027: 0 träffar redan hållna, 72 oförändrade, "
        "0 flyttade, 0 tillagda, 6 inställda; 2 kohorter med ny storlek."
    )
    # 80 in 7 cohorts of 12 and 11 become 60 in 5 of 12: cohorts 4 and 5 take one more each
    assert lines[2:6] == [
        "Exploateringskontoret, kohort 4: 11 → 12 deltagare",
        "Exploateringskontoret, kohort 5: 11 → 12 deltagare",
        "Exploateringskontoret, kohort 7, M1: 12 januari 2027 ställs in",
        "Exploateringskontoret, kohort 6, M1: 14 januari 2027 ställs in",
    ]
    assert len(lines) == 2 + 2 + 6
    assert result.summary("en_GB").splitlines()[3:5] == [
        "Exploateringskontoret, cohort 5: 11 → 12 participants",
        "Exploateringskontoret, cohort 7, M1: 12 January 2027 cancelled",
    ]


def test_cohorts_that_change_size_are_resized_and_their_sessions_kept(base: RolloutPlan) -> None:
    """100 in 9 cohorts (one of 12, eight of 11) become 110 in 10 of 11: cohort 1 gives one.

    The cohort's sessions keep their invitations (kept, no change to send); the cohort is
    named in ``resized``, and a new cohort is only in ``added``.
    """
    units = [UNITS[0], UNITS[1], attrs.evolve(UNITS[2], headcount=110)]
    result = replan(base, attrs.evolve(base.rollout, units=units), day("2027-01-11"))
    assert result.resized == (
        ResizedCohort(unit="Stadsbyggnadskontoret", cohort=1, before=12, after=11),
    )
    assert (len(result.kept), len(result.moved), len(result.added), result.changes) == (
        78,
        0,
        3,
        3,
    )
    resized = [s for s in result.kept if (s.unit, s.cohort) == ("Stadsbyggnadskontoret", 1)]
    assert [s.size for s in resized] == [11, 11, 11]
    lines = result.summary().splitlines()
    assert lines[:3] == [
        "Omplanering från 11 januari 2027: 0 träffar redan hållna, 78 oförändrade, "
        "0 flyttade, 3 tillagda, 0 inställda; 1 kohort med ny storlek.",
        "Sista träffen var 8 februari 2027, blir 15 februari 2027.",
        "Stadsbyggnadskontoret, kohort 1: 12 → 11 deltagare",
    ]
    assert result.summary("en_GB").splitlines()[:3] == [
        "Re-plan from 11 January 2027: 0 sessions already held, 78 unchanged, 0 moved, "
        "3 added, 0 cancelled; 1 cohort resized.",
        "The last session was 8 February 2027, becomes 15 February 2027.",
        "Stadsbyggnadskontoret, cohort 1: 12 → 11 participants",
    ]


def test_the_resized_cohorts_are_counted_and_numbered_as_the_reader_writes(
    base: RolloutPlan,
) -> None:
    """Several cohorts in the plural, a size of one in the singular, thousands with a space."""
    result = replan(base, base.rollout, TODAY)
    assert result.resized == ()
    resized = attrs.evolve(
        result,
        resized=[
            ResizedCohort(unit="Trafikkontoret", cohort=2, before=1200, after=1),
            ResizedCohort(unit="Trafikkontoret", cohort=3, before=2, after=1500),
        ],
    )
    assert isinstance(resized.resized, tuple)
    assert resized.changes == 0  # nothing to send: an invitation does not carry the size
    assert resized.summary().splitlines() == [
        "Omplanering från 25 januari 2027: 46 träffar redan hållna, 32 oförändrade, "
        "0 flyttade, 0 tillagda, 0 inställda; 2 kohorter med ny storlek.",
        "Sista träffen var 8 februari 2027, blir 8 februari 2027.",
        "Trafikkontoret, kohort 2: 1\xa0200 → 1 deltagare",
        "Trafikkontoret, kohort 3: 2 → 1\xa0500 deltagare",
    ]
    assert resized.summary("en_GB").splitlines()[0::2] == [
        "Re-plan from 25 January 2027: 46 sessions already held, 32 unchanged, 0 moved, "
        "0 added, 0 cancelled; 2 cohorts resized.",
        "Trafikkontoret, cohort 2: 1,200 → 1 participant",
    ]
    assert resized.summary("en_GB").splitlines()[3] == (
        "Trafikkontoret, cohort 3: 2 → 1,500 participants"
    )


def test_a_resized_cohort_refuses_what_no_cohort_has() -> None:
    with pytest.raises(ValidationError) as caught:
        ResizedCohort(unit=" ", cohort=0, before=True, after=2.5)  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("unit", ProblemCode.EMPTY_TEXT),
        ("cohort", ProblemCode.TOO_SMALL),
        ("before", ProblemCode.NOT_WHOLE_NUMBER),
        ("after", ProblemCode.NOT_WHOLE_NUMBER),
    ]


def test_a_replan_without_resized_cohorts_is_saved_as_before(base: RolloutPlan) -> None:
    """``resized`` is left out of a document while empty: a result saved before reads as is."""
    unchanged = replan(base, base.rollout, TODAY)
    text = serialization.to_json(unchanged, indent=None)
    assert '"resized"' not in text
    assert serialization.from_json(Replan, text) == unchanged
    units = [UNITS[0], UNITS[1], attrs.evolve(UNITS[2], headcount=110)]
    resized = replan(base, attrs.evolve(base.rollout, units=units), day("2027-01-11"))
    text = serialization.to_json(resized, indent=None)
    entry = '{"unit":"Stadsbyggnadskontoret","cohort":1,"before":12,"after":11}'
    assert f'"resized":[{entry}]' in text
    assert serialization.from_json(Replan, text) == resized


def test_the_split_of_a_started_unit_cannot_change(base: RolloutPlan) -> None:
    units = [UNITS[0], attrs.evolve(UNITS[1], headcount=60), UNITS[2]]
    with pytest.raises(ValidationError) as error:
        replan(base, attrs.evolve(base.rollout, units=units), TODAY)
    (problem,) = error.value.problems
    assert problem.path == "rollout.units[1].headcount"
    assert problem.message.startswith("splits Exploateringskontoret into other cohorts")


def test_the_summary_says_what_changed(base: RolloutPlan) -> None:
    result = replan(base, sick(base), TODAY)
    lines = result.summary().splitlines()
    assert lines[:2] == [
        "Omplanering från 25 januari 2027: 46 träffar redan hållna, 18 oförändrade, "
        "14 flyttade, 0 tillagda, 0 inställda.",
        "Sista träffen var 8 februari 2027, blir 11 februari 2027.",
    ]
    assert len(lines) == 2 + 14
    english = result.summary("en_GB").splitlines()
    assert english[0] == (
        "Re-plan from 25 January 2027: 46 sessions already held, 18 unchanged, 14 moved, "
        "0 added, 0 cancelled."
    )
    # the change itself: the time on the same day, and who leads it instead
    assert english[2] == (
        "Trafikkontoret, cohort 7, M2: 25 January 2027 at 13:00 → 09:00; facilitators Anna → Björn"
    )


def test_bad_arguments_are_all_reported(base: RolloutPlan) -> None:
    with pytest.raises(ValidationError) as error:
        replan("plan", "rollout", "2027-01-25")  # type: ignore[arg-type]
    assert [p.path for p in error.value.problems] == ["plan", "rollout", "today"]
    # A datetime is a pendulum Date too, but which day it is depends on the zone.
    with pytest.raises(ValidationError) as error:
        replan(base, base.rollout, pendulum.datetime(2027, 4, 1))
    assert str(error.value) == (
        "today: must be a date, not a datetime; take the day in a zone first, e.g. "
        "moment.in_tz('Europe/Stockholm').date(), got DateTime(2027, 4, 1, 0, 0, 0, "
        "tzinfo=Timezone('UTC'))"
    )


def test_when_keeping_later_sessions_fails_every_unheld_session_is_placed_again(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    result = replan(base, sick(base), TODAY)
    assert result.fallback
    held_untouched(result)
    assert check_rollout(result.plan) == ()
    assert "Det gick inte att behålla de senare träffarna" in result.summary()


def test_the_fallback_leaves_sessions_where_they_were_unless_a_more_urgent_one_needs_them(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback's sticky list schedule keeps most sessions; the plain one moves more."""
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    monkeypatch.setattr(replan_module, "_polished", lambda *args: args[-1])
    sticky = replan(base, sick(base), TODAY)
    plain_schedule = completion_module.Completion.schedule

    def plain(self: Any, hint: Any = None, tries: int = 64, sticky: int | None = None) -> Any:
        return None if sticky is not None else plain_schedule(self, hint, tries)

    monkeypatch.setattr(completion_module.Completion, "schedule", plain)
    result = replan(base, sick(base), TODAY)
    assert result.fallback
    assert sticky.fallback
    held_untouched(result)
    assert check_rollout(result.plan) == check_rollout(sticky.plan) == ()
    assert (len(sticky.kept), len(sticky.moved)) == (6, 26)
    assert (len(result.kept), len(result.moved)) == (3, 29)


def test_the_polish_puts_back_what_the_fallback_moved(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sessions the fallback moved go back where they were when those holding it move too."""
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    polished = replan(base, sick(base), TODAY)
    monkeypatch.setattr(replan_module, "_polished", lambda *args: args[-1])
    rough = replan(base, sick(base), TODAY)
    held_untouched(polished)
    assert check_rollout(polished.plan) == ()
    assert (len(rough.kept), len(rough.moved), rough.plan.end_date) == (6, 26, day("2027-02-09"))
    # Twelve fewer changes; fewest changes come first, so it may end later.
    assert (len(polished.kept), len(polished.moved)) == (18, 14)
    assert polished.plan.end_date == day("2027-02-11")
    assert polished.fallback


def test_a_polish_that_breaks_a_rule_is_not_taken(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the polish break a rule the board does not know, the plan stays as it was."""
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    monkeypatch.setattr(replan_module, "_acceptable", lambda *args: False)
    result = replan(base, sick(base), TODAY)
    assert check_rollout(result.plan) == ()
    assert (len(result.kept), len(result.moved)) == (6, 26)  # the fallback's, not polished


def test_when_the_greedy_repair_fails_the_rest_is_scheduled_around_the_kept_sessions(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*args: Any) -> Any:
        raise replan_board._NoSlotError(("Trafikkontoret", 1), "M3")

    monkeypatch.setattr(replan_repair, "_place", fails)
    result = replan(base, sick(base), TODAY)
    assert not result.fallback
    held_untouched(result)
    assert check_rollout(result.plan) == ()
    assert (len(result.kept), len(result.moved)) == (18, 14)


def test_with_nothing_held_the_fallback_is_the_planner(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    monkeypatch.setattr(replan_module, "_polished", lambda *args: args[-1])
    monkeypatch.setattr(completion_module.Completion, "schedule", lambda *a, **k: None)
    result = replan(base, sick(base), day("2027-01-04"))
    assert result.fallback
    assert result.held == ()
    assert check_rollout(result.plan) == ()
    assert result.plan.sessions == plan_rollout(attrs.evolve(sick(base), start=START_DAY)).sessions


def test_a_re_plan_not_found_and_not_proven_impossible_says_so(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    monkeypatch.setattr(completion_module.Completion, "schedule", lambda *a, **k: None)
    monkeypatch.setattr(completion_module.Completion, "exact", lambda self: None)
    with pytest.raises(ValidationError) as error:
        replan(base, sick(base), TODAY)
    (problem,) = error.value.problems
    assert problem.code is ProblemCode.REPLAN_NOT_FOUND
    assert problem.value == "2027-01-25"
    assert format_problem(problem, locale="en_GB") == (
        "No re-plan was found that keeps the sessions before 25 January 2027: Trafikkontoret, "
        "cohort 1, gets no time for M2 within its deadline, the gaps between the modules, "
        "the program's longest span and the facilitators' and rooms' times; plan again from "
        "the start with plan_rollout"
    )
    assert "Trafikkontoret, kohort 1, får ingen tid för M2" in format_problem(problem)
    assert "Trafikkontoret, cohort 1, gets no time for M2" in problem.message
    # A unit without deadlines has no last day, a program without a span no longest time.
    changed = sick(base)
    changed = attrs.evolve(
        changed,
        program=attrs.evolve(changed.program, max_span_days=None),
        units=[attrs.evolve(u, deadlines={}) for u in changed.units],
    )
    with pytest.raises(ValidationError) as error:
        replan(base, changed, TODAY)
    (problem,) = error.value.problems
    assert problem.params["rules"] == (ReplanRule.GAPS, ReplanRule.TIMES)
    assert format_problem(problem) == (
        "Ingen omplanering hittades som behåller träffarna före 25 januari 2027: "
        "Trafikkontoret, kohort 1, får ingen tid för M2 inom modulernas mellanrum och "
        "utbildningsledarnas och lokalernas tider; planera om från början med plan_rollout"
    )
    assert format_problem(problem, locale="en_GB") == (
        "No re-plan was found that keeps the sessions before 25 January 2027: Trafikkontoret, "
        "cohort 1, gets no time for M2 within the gaps between the modules and the "
        "facilitators' and rooms' times; plan again from the start with plan_rollout"
    )


def test_a_cohort_due_earlier_takes_the_slot_of_one_due_later() -> None:
    """One facilitator, one cohort kept in the only slot a more urgent cohort can use."""
    one = program(module("M1", DeliveryFormat.IN_PERSON))
    units = [RolloutUnit(name="A", headcount=10), RolloutUnit(name="B", headcount=10)]
    before = plan(
        program=one,
        units=units,
        facilitators=[Facilitator(name="Anna", max_sessions_per_day=1)],
        rooms=[Room(name="Ateljén", capacity=12)],
    )
    assert [(s.unit, s.date) for s in before.sessions] == [
        ("B", day("2027-01-11")),
        ("A", day("2027-01-12")),
    ]
    urgent = [attrs.evolve(units[0], deadlines={"M1": day("2027-01-12")}), units[1]]
    result = replan(before, attrs.evolve(before.rollout, units=urgent), day("2027-01-11"))
    assert [(s.unit, s.date) for s in result.plan.sessions] == [
        ("A", day("2027-01-11")),
        ("B", day("2027-01-12")),
    ]
    assert result.changes == 2
    assert check_rollout(result.plan) == ()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rollout_instances(), st.integers(0, 60))
def test_replanning_an_unchanged_rollout_changes_nothing(
    instance: RolloutInstance, days: int
) -> None:
    before = instance.plan()
    result = replan(before, before.rollout, before.start.add(days=days))
    assert result.changes == 0
    assert result.plan.sessions == before.sessions


# -- the calendar update -------------------------------------------------------------------


def test_the_update_moves_events_under_their_uid_with_a_higher_sequence(base: RolloutPlan) -> None:
    result = replan(base, sick(base), TODAY)
    first = icalendar.Calendar.from_ical(to_ical(base, stamp=STAMP))
    uids = {str(e["UID"]) for e in first.walk("VEVENT")}
    changes, cancellations = to_ical_update(
        result.previous, result.plan, stamp=STAMP, sequence=1, organiser="kurs@example.se"
    )
    assert changes is not None
    assert cancellations is None
    calendar = icalendar.Calendar.from_ical(changes)
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    assert len(events) == 14
    assert {str(e["UID"]) for e in events} <= uids
    assert {e.decoded("SEQUENCE") for e in events} == {1}
    assert {e.decoded("SEQUENCE") for e in first.walk("VEVENT")} == {0}
    moved = {session.uid: session for session in result.plan.to_sessions()}
    for event in events:
        assert event.decoded("DTSTART") == moved[str(event["UID"])].start
    other = IcsCalendarStream.calendar_from_ics(changes.decode())
    assert len(other.events) == 14
    assert {e.uid for e in other.events} <= uids
    assert {e.sequence for e in other.events} == {1}


def test_the_update_cancels_removed_events(base: RolloutPlan) -> None:
    units = [UNITS[0], attrs.evolve(UNITS[1], headcount=60), UNITS[2]]
    result = replan(base, attrs.evolve(base.rollout, units=units), day("2027-01-11"))
    changes, cancellations = to_ical_update(
        result.previous, result.plan, stamp=STAMP, sequence=2, locale="en_GB"
    )
    assert cancellations is not None
    calendar = icalendar.Calendar.from_ical(cancellations)
    assert str(calendar["METHOD"]) == "CANCEL"
    events = calendar.walk("VEVENT")
    assert [str(e["STATUS"]) for e in events] == ["CANCELLED"] * 6
    assert {e.decoded("SEQUENCE") for e in events} == {2}
    # The UIDs are those of the Swedish export the invitations were sent with, whatever the
    # language of the update (the cohorts' names are not: "kohort 6", "cohort 6").
    gone = {
        s.uid
        for s in result.previous.to_sessions()
        if s.cohort.endswith(("6", "7")) and "Exploat" in s.cohort
    }
    assert {str(e["UID"]) for e in events} == gone
    first = icalendar.Calendar.from_ical(to_ical(base, stamp=STAMP))
    assert gone <= {str(e["UID"]) for e in first.walk("VEVENT")}
    assert {str(e["DESCRIPTION"]).split("\n")[2] for e in events} == {
        "Cohort: Exploateringskontoret, cohort 6",
        "Cohort: Exploateringskontoret, cohort 7",
    }
    other = IcsCalendarStream.calendar_from_ics(cancellations.decode())
    assert {e.uid for e in other.events} == gone
    assert {e.status for e in other.events} == {EventStatus.CANCELLED}
    assert {e.sequence for e in other.events} == {2}
    # The cohorts that stay grew from 10 to 12 people: their invitations say nothing of
    # sizes, so nothing else is sent.
    assert changes is None


def test_a_self_paced_window_that_moves_is_updated_as_a_to_do() -> None:
    blended = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.SELF_PACED, gap=7),
        module("M3", DeliveryFormat.IN_PERSON, gap=7),
    )
    before = plan(program=blended, units=[RolloutUnit(name="A", headcount=10)])
    anna = Facilitator(name="Anna", absences=[DateRange.from_iso("2027-01-25", "2027-01-29")])
    # The window opens on 11 January (M1's day): a re-plan from that day may still move it.
    result = replan(before, attrs.evolve(before.rollout, facilitators=[anna]), day("2027-01-11"))
    assert result.plan.held_windows == ()
    changes, cancellations = to_ical_update(before, result.plan, stamp=STAMP)
    assert changes is not None
    assert cancellations is None
    calendar = icalendar.Calendar.from_ical(changes)
    assert [str(c["UID"]) for c in calendar.walk("VTODO")] == [
        s.uid for s in before.to_sessions() if s.module.code == "M2"
    ]
    assert len(calendar.walk("VEVENT")) == 1
    (todo,) = IcsCalendarStream.calendar_from_ics(changes.decode()).todos
    assert todo.sequence == 1
    # From 18 January the window has opened: it is kept as it was sent (due 18 January), the
    # follow-up moves after Anna's absence, and only the follow-up is sent again.
    later = replan(before, attrs.evolve(before.rollout, facilitators=[anna]), day("2027-01-18"))
    assert later.plan.self_paced == before.self_paced == later.plan.held_windows
    assert replan(before, before.rollout, day("2027-01-18")).plan == before  # nothing moved
    changes, cancellations = to_ical_update(before, later.plan, stamp=STAMP)
    assert changes is not None
    assert cancellations is None
    calendar = icalendar.Calendar.from_ical(changes)
    assert calendar.walk("VTODO") == []
    assert [c.decoded("DTSTART").date() for c in calendar.walk("VEVENT")] == [dt.date(2027, 2, 1)]


def test_an_update_with_nothing_to_send_is_none_and_bad_arguments_are_refused(
    base: RolloutPlan,
) -> None:
    assert to_ical_update(base, base, stamp=STAMP) == (None, None)
    for sequence in (0, -1):
        with pytest.raises(ValidationError) as error:
            to_ical_update(base, base, stamp=STAMP, sequence=sequence)
        assert str(error.value) == f"sequence: must be at least 1, got {sequence}"
    with pytest.raises(ValidationError) as error:
        to_ical_update(base, base, stamp=dt.datetime(2027, 1, 1))
    assert [p.path for p in error.value.problems] == ["stamp"]
    with pytest.raises(ValidationError) as error:
        to_ical_update(base, [], stamp=STAMP)
    assert [p.path for p in error.value.problems] == ["sessions"]


# -- the machinery, case by case -------------------------------------------------------------


def test_a_later_session_is_kept_only_when_it_keeps_every_rule_of_its_own(
    base: RolloutPlan,
) -> None:
    work = replan_board._Replanner(base.rollout, START_DAY)
    m1 = next(s for s in base.sessions if s.module == "M1")
    m2 = next(s for s in base.sessions if s.module == "M2")
    m3 = next(s for s in base.sessions if s.module == "M3")
    assert work.valid_alone(m1, m1.size)
    hour = pendulum.duration(hours=1)
    saturday = attrs.evolve(m1, start=m1.start.add(days=5), end=m1.end.add(days=5))
    broken = [
        attrs.evolve(m1, start=m1.start.add(hours=1), end=m1.end.add(hours=1)),  # no slot
        attrs.evolve(m1, module="M9"),  # no such module
        attrs.evolve(m1, end=m1.end - hour),  # not its duration
        saturday,  # not a working day
        attrs.evolve(m1, facilitators=("Anna", "Björn")),  # one too many
        attrs.evolve(m3, facilitators=("Anna", "Anna")),  # the same one twice
        attrs.evolve(m1, facilitators=("Okänd",)),  # unknown
        attrs.evolve(m1, room=None),  # in person without a room
        attrs.evolve(m1, room="Okänd"),  # an unknown room
        attrs.evolve(m2, room="Ateljén"),  # a digital session with a room
    ]
    assert [work.valid_alone(s, s.size) for s in broken] == [False] * len(broken)
    assert not work.valid_alone(m1, 13)  # the room is too small for the cohort
    later = attrs.evolve(base.rollout, start=m1.date.add(days=1))
    late = replan_board._Replanner(later, START_DAY)
    assert not late.valid_alone(m1, m1.size)  # before the (new) start


def test_a_deadline_on_a_self_paced_module_binds_the_session_before_it() -> None:
    blended = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.SELF_PACED, gap=7),
        module("M3", DeliveryFormat.IN_PERSON, gap=7),
        module("M4", DeliveryFormat.SELF_PACED, gap=7),
    )
    unit = RolloutUnit(name="A", headcount=10, deadlines={"M2": day("2027-03-01")})
    before = plan(program=blended, units=[unit])
    units = [attrs.evolve(unit, deadlines={"M2": day("2027-03-01"), "M4": day("2027-03-01")})]
    work = replan_board._Replanner(attrs.evolve(before.rollout, units=units), START_DAY)
    # M2 is due at least 7 days after M1 (it may be due earlier than 7 days before M3): M1
    # before 22 Feb; M4 is due 14 days (self_paced_days) after M3: M3 before 15 Feb.
    assert work.latest["A"] == {"M1": day("2027-02-22"), "M3": day("2027-02-15")}


def test_a_later_session_past_its_new_deadline_is_not_kept(base: RolloutPlan) -> None:
    m3 = next(s for s in base.sessions if s.module == "M3")
    units = [attrs.evolve(u, deadlines={"M3": m3.date}) for u in UNITS]
    work = replan_board._Replanner(attrs.evolve(base.rollout, units=units), START_DAY)
    assert not work.valid_alone(m3, m3.size)


@pytest.mark.parametrize(
    ("change", "moved"),
    [
        ({"program": attrs.evolve(PROGRAM, max_span_days=20)}, 2),
        ({"facilitators": [attrs.evolve(f, max_sessions_per_day=1) for f in FACILITATORS]}, 16),
    ],
)
def test_later_sessions_out_of_step_with_a_changed_program_or_caps_move(
    base: RolloutPlan, change: dict[str, Any], moved: int
) -> None:
    result = replan(base, attrs.evolve(base.rollout, **change), TODAY)
    assert replan_repair._acceptable(result.plan, TODAY)
    assert len(result.moved) == moved
    held_untouched(result)


def test_a_longer_gap_moves_the_sessions_too_close_to_the_one_before(base: RolloutPlan) -> None:
    modules = (*PROGRAM.modules[:2], attrs.evolve(PROGRAM.modules[2], min_days_after_previous=9))
    result = replan(
        base, attrs.evolve(base.rollout, program=attrs.evolve(PROGRAM, modules=modules)), TODAY
    )
    assert check_rollout(result.plan) == ()
    assert result.moved
    held_untouched(result)


def test_a_plan_is_acceptable_when_only_held_sessions_break_a_rule(base: RolloutPlan) -> None:
    last = base.sessions[-1]
    saturday = attrs.evolve(last, start=last.start.add(days=5), end=last.end.add(days=5))
    broken = attrs.evolve(base, sessions=(*base.sessions[:-1], saturday))
    assert not replan_repair._acceptable(broken, TODAY)
    assert replan_repair._acceptable(broken, saturday.date.add(days=1))


def test_a_cancelled_self_paced_window_is_a_cancelled_to_do() -> None:
    blended = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.SELF_PACED, gap=7),
        module("M3", DeliveryFormat.IN_PERSON, gap=7),
    )
    unit = RolloutUnit(name="A", headcount=20)
    before = plan(program=blended, units=[unit])
    smaller = attrs.evolve(before.rollout, units=[attrs.evolve(unit, headcount=10)])
    result = replan(before, smaller, START_DAY)
    assert len(result.cancelled) == 2
    _, cancellations = to_ical_update(list(before.to_sessions()), result.plan, stamp=STAMP)
    assert cancellations is not None
    (todo,) = icalendar.Calendar.from_ical(cancellations).walk("VTODO")
    assert str(todo["STATUS"]) == "CANCELLED"
    (other,) = IcsCalendarStream.calendar_from_ics(cancellations.decode()).todos
    assert other.uid == str(todo["UID"])


def test_a_refusal_for_one_scheduled_module_without_a_span_names_only_the_times() -> None:
    from tests.test_rollout import ONE_MODULE, rollout

    single = rollout(program=ONE_MODULE)
    assert replan_module._rules(single, None) == (ReplanRule.TIMES,)
    assert replan_module._rules(single, ReplanRule.OWN_DEADLINE) == (
        ReplanRule.OWN_DEADLINE,
        ReplanRule.TIMES,
    )


def test_a_started_cohort_no_room_left_takes_is_refused_not_split(base: RolloutPlan) -> None:
    """The rooms of 12 are lost for one of 10: the started cohorts of 12 have nowhere to go."""
    small = attrs.evolve(base.rollout, rooms=[Room(name="Lilla rummet", capacity=10)])
    with pytest.raises(ValidationError) as caught:
        replan(base, small, TODAY)
    (problem,) = caught.value.problems
    assert problem.code is ProblemCode.REPLAN_ROOM_TOO_SMALL
    assert (problem.path, problem.value) == ("rooms", 10)
    assert format_problem(problem) == (
        "Trafikkontoret, kohort 1, har börjat med 12 deltagare, men ingen lokal som finns kvar "
        "från 25 januari 2027 rymmer dem till M3 (den största har 10 platser); en påbörjad "
        "kohort delas inte"
    )
    assert format_problem(problem, locale="en_GB") == (
        "Trafikkontoret, cohort 1, started with 12 participants, but no room left from "
        "25 January 2027 takes them for M3 (the largest has 10 seats); a started cohort is "
        "not split"
    )


def test_a_room_lost_before_anything_is_held_splits_the_units_anew(base: RolloutPlan) -> None:
    """Nothing held: every unit is split into cohorts of at most 10, and none is refused."""
    small = attrs.evolve(base.rollout, rooms=[Room(name="Lilla rummet", capacity=10)])
    result = replan(base, small, START_DAY)
    assert not result.held
    assert max(s.size for s in result.plan.sessions) == 10
    assert replan_repair._acceptable(result.plan, START_DAY)


def test_a_facilitator_who_may_no_longer_lead_a_module_hands_over_only_those_sessions(
    base: RolloutPlan,
) -> None:
    """Anna may lead only M1 from now on: her later M2 and M3 sessions get someone else."""
    anna = attrs.evolve(FACILITATORS[0], modules=("M1",))
    result = replan(base, attrs.evolve(base.rollout, facilitators=[anna, *FACILITATORS[1:]]), TODAY)
    held_untouched(result)
    assert not result.fallback
    # Only held sessions (Anna led M2 before today) break the new rule.
    assert replan_repair._acceptable(result.plan, TODAY)
    assert check_rollout(result.plan)
    hers = {
        (s.unit, s.cohort, s.module)
        for s in base.sessions
        if "Anna" in s.facilitators and s.module != "M1" and s.date >= TODAY
    }
    moved = {(b.unit, b.cohort, b.module) for b, _ in result.moved}
    assert hers <= moved
    assert not any(
        "Anna" in s.facilitators and s.module != "M1"
        for s in result.plan.sessions
        if s.date >= TODAY
    )
    # Before the repair knew skills, this went to the fallback: 29 moved, 3 kept.
    assert (len(hers), len(result.moved), len(result.kept)) == (15, 15, 17)
    assert result.plan.end_date == day("2027-02-16")


def test_the_greedy_repair_keeps_a_units_people_at_work() -> None:
    """With max_away one cohort, the greedy never puts two of a unit's cohorts in one slot."""
    units = [attrs.evolve(u, max_away=12) for u in UNITS]
    before = plan(program=PROGRAM, units=units, facilitators=FACILITATORS, rooms=ROOMS)
    changed = sick(before)
    placed = replan_repair._place(before, changed, TODAY, True, replan_board.ATTEMPTS[0])
    candidate = RolloutPlan(
        rollout=changed,
        sessions=replan_repair._ordered(changed, placed.values()),
        bound=before.bound,
    )
    assert check_rollout(candidate) == ()
    result = replan(before, changed, TODAY)
    assert not result.fallback
    assert (len(result.moved), len(result.kept)) == (14, 19)


@pytest.mark.parametrize(
    ("change", "changes", "end"),
    [
        ("sick", 14, "2027-02-11"),
        ("room", 11, "2027-02-10"),
        ("deadline", 5, "2027-02-09"),
        ("skill", 15, "2027-02-16"),
        ("max_away", 14, "2027-02-11"),
        ("caps", 17, "2027-02-15"),
        ("span", 2, "2027-02-08"),
        ("away", 3, "2027-02-08"),
        ("small room", 84, "2027-03-01"),
    ],
)
def test_the_greedy_repair_alone_re_plans_each_change(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch, change: str, changes: int, end: str
) -> None:
    """Where the re-insertion finds nothing, the greedy repair still keeps every rule."""
    monkeypatch.setattr(replan_module, "_reinsert", lambda *args: None)
    previous = base
    if change == "sick":
        changed = sick(base)
    elif change == "room":
        changed = attrs.evolve(base.rollout, rooms=[ROOMS[0]])
    elif change == "deadline":
        last = max(s.date for s in base.sessions if s.unit == UNITS[1].name and s.module == "M3")
        later = attrs.evolve(UNITS[1], deadlines={"M3": last})
        changed = attrs.evolve(base.rollout, units=[UNITS[0], later, UNITS[2]])
    elif change == "skill":
        anna = attrs.evolve(FACILITATORS[0], modules=("M1",))
        changed = attrs.evolve(base.rollout, facilitators=[anna, *FACILITATORS[1:]])
    elif change == "max_away":
        units = [attrs.evolve(u, max_away=12) for u in UNITS]
        previous = plan(program=PROGRAM, units=units, facilitators=FACILITATORS, rooms=ROOMS)
        changed = sick(previous)
    elif change == "caps":
        caps = [attrs.evolve(f, max_sessions_per_day=1) for f in FACILITATORS]
        changed = attrs.evolve(base.rollout, facilitators=caps)
    elif change == "span":
        changed = attrs.evolve(base.rollout, program=attrs.evolve(PROGRAM, max_span_days=20))
    elif change == "away":  # Anna away on the day of her first later session
        first = next(s for s in base.sessions if s.date >= TODAY and "Anna" in s.facilitators)
        anna = attrs.evolve(FACILITATORS[0], absences=[DateRange(start=first.date, end=first.date)])
        changed = attrs.evolve(base.rollout, facilitators=[anna, *FACILITATORS[1:]])
    else:  # nothing held: the units split anew into cohorts the small room takes
        changed = attrs.evolve(base.rollout, rooms=[Room(name="Lilla rummet", capacity=10)])
    today = START_DAY if change == "small room" else TODAY
    result = replan(previous, changed, today)
    held_untouched(result)
    assert not result.fallback
    assert replan_repair._acceptable(result.plan, today)
    assert (result.changes, result.plan.end_date) == (changes, day(end))


def test_a_greedy_plan_that_breaks_a_rule_is_not_taken(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the greedy break a rule it does not know, the repair goes on around the kept."""
    monkeypatch.setattr(replan_module, "_reinsert", lambda *args: None)
    calls: list[int] = []
    acceptable = replan_repair._acceptable

    def first_refused(plan: RolloutPlan, today: pendulum.Date, *previous: RolloutPlan) -> bool:
        calls.append(1)
        return len(calls) > 2 and acceptable(plan, today, *previous)

    monkeypatch.setattr(replan_repair, "_acceptable", first_refused)
    result = replan(base, sick(base), TODAY)
    assert not result.fallback
    held_untouched(result)
    assert check_rollout(result.plan) == ()


def test_a_re_insertion_that_breaks_a_rule_is_not_taken(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the re-insertion break a rule it does not know, the greedy repair's plan is taken."""
    calls: list[int] = []
    acceptable = replan_repair._acceptable

    def first_refused(plan: RolloutPlan, today: pendulum.Date, *previous: RolloutPlan) -> bool:
        calls.append(1)
        return len(calls) > 1 and acceptable(plan, today, *previous)

    greedy = replan_repair._repair
    found: list[Any] = []

    def recorded(*args: Any, **kwargs: Any) -> Any:
        found.append(greedy(*args, **kwargs))
        return found[-1]

    monkeypatch.setattr(replan_module, "_acceptable", first_refused)
    monkeypatch.setattr(replan_repair, "_repair", recorded)
    result = replan(base, sick(base), TODAY)
    assert not result.fallback
    held_untouched(result)
    assert check_rollout(result.plan) == ()
    # The greedy repair ran (its 14 changes, as many as the re-insertion's) and was taken.
    assert len(found) == 1
    assert result.plan.sessions == found[0]
    assert result.changes == 14


def test_moved_sessions_go_back_where_they_were_when_their_slots_are_free(
    base: RolloutPlan,
) -> None:
    """The last session moved a week on, another put in its slot: both go back, in two passes."""
    last = base.sessions[-1]
    other = next(s for s in reversed(base.sessions) if s.date >= TODAY and s.cohort != last.cohort)
    week = pendulum.duration(days=7)
    moved = attrs.evolve(last, start=last.start + week, end=last.end + week)
    squatter = attrs.evolve(
        other,
        start=last.start,
        end=last.start + (other.end - other.start),
        facilitators=last.facilitators,
        room=last.room,
    )
    rest = [s for s in base.sessions if s not in (last, other)]
    restored = replan_repair._restore(base, base.rollout, TODAY, (moved, squatter, *rest))
    assert restored == base.sessions


def test_a_moved_session_stays_moved_when_its_old_place_breaks_a_rule(base: RolloutPlan) -> None:
    """Anna is away on the day of her session: it is not put back there."""
    session = next(s for s in base.sessions if s.date >= TODAY and "Anna" in s.facilitators)
    away = DateRange(start=session.date, end=session.date)
    anna = attrs.evolve(FACILITATORS[0], absences=[away])
    rollout = attrs.evolve(base.rollout, facilitators=[anna, *FACILITATORS[1:]])
    result = replan(base, rollout, TODAY)
    assert session in [before for before, _ in result.moved]
    assert replan_repair._acceptable(result.plan, TODAY)


def test_a_slot_moved_moves_only_the_later_sessions_in_it(base: RolloutPlan) -> None:
    """The morning slot starts at 08:00 from now on: the afternoon sessions stay."""
    slots = [
        SessionSlot(start=dt.time(8), end=dt.time(11)),
        SessionSlot(start=dt.time(13), end=dt.time(16)),
    ]
    result = replan(base, attrs.evolve(base.rollout, slots=slots), TODAY)
    held_untouched(result)
    assert not result.fallback
    assert replan_repair._acceptable(result.plan, TODAY)
    assert all(s.start.hour == 13 for s in result.kept)
    assert (len(result.moved), len(result.kept)) == (19, 13)


@pytest.mark.parametrize("shallow", [0, 1])
def test_the_chain_of_swaps_alone_re_inserts_a_sick_facilitators_sessions(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch, shallow: int
) -> None:
    # The chain of swaps (replan_search._Search.chain) is tried after the shallow searches;
    # tried first, it still gives a valid re-plan that keeps the held sessions.
    from ledarutveckling._rollout import replan_insert

    monkeypatch.setattr(replan_insert, "SHALLOW", shallow)
    monkeypatch.setattr(replan_repair, "_repair", lambda *args, **kwargs: None)
    result = replan(base, sick(base), pendulum.Date(2027, 1, 25))
    held_untouched(result)
    assert check_rollout(result.plan) == ()
    assert not result.fallback
    assert result.changes >= 14  # her sessions in the absence must change


def test_a_plan_that_gave_up_a_units_deadlines_is_re_planned_without_them() -> None:
    # plan_rollout planned Trafikkontoret without its deadlines (its staff away cannot meet
    # them); a re-plan that put them back found no re-plan at all, not even with nothing
    # changed. The given-up units stay without them, the other units keep theirs.
    from tests.test_rollout_constraints import PROVEN, _one_proven_one_not

    rollout = _one_proven_one_not()
    first = plan_rollout(rollout)
    assert first.given_up == (PROVEN,)
    today = pendulum.date(2027, 9, 1)
    same = replan(first, rollout, today)
    assert (same.moved, same.added, same.cancelled) == ((), (), ())
    assert same.plan.sessions == first.sessions
    assert (same.plan.rollout, same.plan.given_up, same.previous) == (rollout, (PROVEN,), first)
    sick = attrs.evolve(
        rollout.facilitators[0],
        absences=[DateRange(start=pendulum.date(2027, 9, 6), end=pendulum.date(2027, 9, 17))],
    )
    changed = attrs.evolve(rollout, facilitators=[sick, *rollout.facilitators[1:]])
    result = replan(first, changed, today)
    assert result.moved
    assert result.plan.given_up == (PROVEN,)
    assert result.plan.rollout == changed
    assert {(p.code, p.params["unit"]) for p in check_rollout(result.plan)} == {
        (ProblemCode.ROLLOUT_TOO_LATE.value, "Trafikkontoret")
    }


# -- nothing new before today: a new cohort's first self-paced window ---------------------------

LEADING = program(
    module("E1", DeliveryFormat.SELF_PACED),
    module("M1", DeliveryFormat.IN_PERSON, gap=3),
    module("M2", DeliveryFormat.SELF_PACED, gap=7),
    module("M3", DeliveryFormat.IN_PERSON, gap=7),
)
"""A program opening with self-study: E1's window is the 14 days (self_paced_days) before it
is due, 3 days before M1."""


@pytest.fixture(scope="module")
def leading() -> RolloutPlan:
    """One cohort of 10: M1 on 11 January, its E1 from 25 December to 8 January."""
    return plan(
        program=LEADING,
        units=[RolloutUnit(name="A", headcount=10)],
        facilitators=[Facilitator(name="Anna"), Facilitator(name="Bo")],
    )


def grown(before: RolloutPlan) -> Any:
    return attrs.evolve(before.rollout, units=[RolloutUnit(name="A", headcount=20)])


def windows_of(result: Replan, cohort: int) -> list[tuple[str, pendulum.Date, pendulum.Date]]:
    return [(w.module, w.opens, w.due) for w in result.plan.self_paced if w.cohort == cohort]


def test_a_cohort_added_by_a_replan_opens_its_first_window_on_or_after_today(
    leading: RolloutPlan,
) -> None:
    """The new cohort's E1 opened on 2 January and was due on 16 January, before today."""
    today = day("2027-01-19")
    result = replan(leading, grown(leading), today)
    assert [(s.cohort, s.module, s.date) for s in result.added] == [
        (2, "M1", day("2027-02-05")),
        (2, "M3", day("2027-02-19")),
    ]
    assert windows_of(result, 2) == [
        ("E1", today, day("2027-02-02")),
        ("M2", day("2027-02-05"), day("2027-02-12")),
    ]
    # Cohort 1 began before today: its windows stay where they were.
    assert windows_of(result, 1) == [
        ("E1", day("2026-12-25"), day("2027-01-08")),
        ("M2", day("2027-01-11"), day("2027-01-18")),
    ]
    assert check_rollout(result.plan) == ()
    assert replan_repair._acceptable(result.plan, today, leading)
    assert result.summary().splitlines()[2] == "A, kohort 2: ny kohort med 10 deltagare"


def test_a_result_that_opens_a_new_window_before_today_is_not_acceptable(
    leading: RolloutPlan,
) -> None:
    """The plan the re-plan used to give: the new cohort's M1 on today, its E1 in the past."""
    today = day("2027-01-19")
    result = replan(leading, grown(leading), today)
    back = pendulum.duration(days=17)
    early = attrs.evolve(
        result.plan,
        sessions=[
            attrs.evolve(s, start=s.start - back, end=s.end - back) if s.cohort == 2 else s
            for s in result.plan.sessions
        ],
    )
    assert windows_of(attrs.evolve(result, plan=early), 2)[0] == (
        "E1",
        day("2027-01-02"),
        day("2027-01-16"),
    )
    assert check_rollout(early) == ()  # a plan alone does not know today
    assert replan_repair._acceptable(early, today)
    assert not replan_repair._acceptable(early, today, leading)
    assert replan_board._opened_early(leading, early, today)
    assert not replan_board._opened_early(leading, result.plan, today)


def test_the_list_schedule_opens_a_new_cohort_s_window_on_or_after_today_too(
    leading: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the minimal-change repair out of the way, the completion keeps the rule."""
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    today = day("2027-01-19")
    result = replan(leading, grown(leading), today)
    assert result.fallback
    assert windows_of(result, 2)[0] == ("E1", today, day("2027-02-02"))
    assert min(s.date for s in result.added) == day("2027-02-05")


def test_a_new_cohort_s_first_day_is_the_later_of_today_s_and_its_unit_s() -> None:
    rollout = plan(program=LEADING).rollout
    fresh = {("A", 2): ("M1", day("2027-02-05"))}
    for moved, expected in (("2027-02-01", "2027-02-05"), ("2027-03-01", "2027-03-01")):
        units = [RolloutUnit(name="A", headcount=20, not_before={"M1": day(moved)})]
        work = replan_board._Replanner(
            attrs.evolve(rollout, units=units), day("2027-01-19"), fresh=fresh
        )
        assert work.not_before("A", 2, "M1") == day(expected)
        assert work.not_before("A", 1, "M1") == day(moved)
        assert work.not_before("A", 2, "M3") is None


def test_a_plan_from_today_that_opens_a_window_before_it_is_not_taken(
    leading: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing held, plan_rollout from today opens E1 before today: the exact search decides.

    Today is the first session's day; the repair and the list schedules are out of the way.
    """
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    monkeypatch.setattr(completion_module.Completion, "schedule", lambda *args, **kw: None)
    today = day("2027-01-11")
    fresh = plan_rollout(attrs.evolve(grown(leading), start=today))
    assert replan_board._opened_early(leading, fresh, today)  # what plan_rollout gives
    result = replan(leading, grown(leading), today)
    assert result.fallback
    assert not replan_board._opened_early(leading, result.plan, today)
    assert windows_of(result, 2)[0] == ("E1", today, day("2027-01-25"))
