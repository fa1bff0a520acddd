"""The rollout planner: inputs, hand-checked optima, infeasibility, the validator, properties."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    DateRange,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
    ValidationError,
)
from ledarutveckling.formatting import format_problem
from ledarutveckling.scheduling import (
    BindingResource,
    Blackout,
    Facilitator,
    Rollout,
    RolloutPlan,
    RolloutSession,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingCalendar,
    check_rollout,
    plan_rollout,
)
from ledarutveckling.testing import RolloutInstance, rollout_instances

CALENDAR = WorkingCalendar.sweden()
START = pendulum.date(2027, 1, 11)  # a Monday
SLOTS = (
    SessionSlot(start=dt.time(9), end=dt.time(12)),
    SessionSlot(start=dt.time(13), end=dt.time(16)),
)
HOURS3 = pendulum.duration(hours=3)


def module(code: str, fmt: DeliveryFormat, gap: int = 0, facilitators: int = 1) -> Module:
    # Built from a dict: the foundation's generic attrs converters (as_duration, as_tuple)
    # make mypy's attrs plugin expect a type variable for those fields.
    fields: dict[str, Any] = {
        "code": code,
        "title": f"Modul {code}",
        "duration": HOURS3 if fmt is DeliveryFormat.IN_PERSON else pendulum.duration(hours=2),
        "format": fmt,
        "facilitators": facilitators,
        "min_days_after_previous": gap,
    }
    return Module(**fields)


def program(*modules: Module, size: tuple[int, int] = (8, 12), span: int | None = None) -> Program:
    fields: dict[str, Any] = {
        "code": "ABW",
        "title": "Att arbeta aktivitetsbaserat",
        "service_area": ServiceArea.EMPLOYEESHIP,
        "target_group": TargetGroup.ALL_STAFF,
        "kind": ProgramKind.SHORT_INTERVENTION,
        "modules": modules
        or (
            module("M1", DeliveryFormat.IN_PERSON),
            module("M2", DeliveryFormat.DIGITAL, gap=7),
            module("M3", DeliveryFormat.IN_PERSON, gap=7),
        ),
        "cohort_size": size,
        "max_span_days": span,
    }
    return Program(**fields)


ONE_MODULE = program(module("M1", DeliveryFormat.IN_PERSON))


def day(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def plan(**overrides: Any) -> RolloutPlan:
    arguments: dict[str, Any] = {
        "program": program(),
        "units": [RolloutUnit(name="Trafikkontoret", headcount=10)],
        "facilitators": [Facilitator(name="Anna")],
        "rooms": [Room(name="Ateljén", capacity=12)],
        "calendar": CALENDAR,
        "slots": SLOTS,
        "start": START,
    }
    arguments.update(overrides)
    return plan_rollout(**arguments)


def replanned(plan: RolloutPlan, **fields: Any) -> RolloutPlan:
    """The plan's sessions for a rollout with other *fields*."""
    return attrs.evolve(plan, rollout=attrs.evolve(plan.rollout, **fields))


# -- inputs ----------------------------------------------------------------------------------


def test_a_unit_keeps_its_deadlines_as_pendulum_dates() -> None:
    unit = RolloutUnit(name="Trafikkontoret", headcount=5, deadlines={"M1": dt.date(2027, 3, 1)})
    assert unit.deadlines == {"M1": pendulum.date(2027, 3, 1)}
    assert type(unit.deadlines["M1"]) is pendulum.Date


def test_a_unit_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as caught:
        RolloutUnit(name=" ", headcount=0, deadlines={"M1": "2027-03-01", 3: START})  # type: ignore[dict-item]
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("name", "must not be empty"),
        ("headcount", "must be at least 1"),
        ("deadlines.M1", "must be a date, e.g. pendulum.date(2026, 11, 27)"),
        ("deadlines", "must have module codes (text) as keys"),
    ]


def test_a_unit_refuses_deadlines_that_are_not_a_mapping() -> None:
    with pytest.raises(ValidationError) as caught:
        RolloutUnit(name="A", headcount=1, deadlines=[START])  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "deadlines"


def test_a_facilitator_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Facilitator(name="", max_sessions_per_day=0, max_sessions_per_week=0, absences=[START])  # type: ignore[list-item]
    assert [p.path for p in caught.value.problems] == [
        "name",
        "max_sessions_per_day",
        "max_sessions_per_week",
        "absences[0]",
    ]


def test_a_facilitator_is_absent_within_an_absence_only() -> None:
    anna = Facilitator(name="Anna", absences=[DateRange.from_iso("2027-02-15", "2027-02-19")])
    assert anna.is_absent(day("2027-02-19"))
    assert not anna.is_absent(day("2027-02-20"))


def test_a_room_needs_a_name_and_a_capacity() -> None:
    with pytest.raises(ValidationError) as caught:
        Room(name="", capacity=0)
    assert [p.path for p in caught.value.problems] == ["name", "capacity"]


def test_a_slot_must_end_after_it_starts() -> None:
    with pytest.raises(ValidationError) as caught:
        SessionSlot(start=dt.time(12), end=dt.time(9))
    assert str(caught.value) == "end: must be after start (12:00:00), got datetime.time(9, 0)"


def test_a_slot_refuses_zoned_times_and_non_times() -> None:
    with pytest.raises(ValidationError) as caught:
        SessionSlot(start=dt.time(9, tzinfo=dt.UTC), end="12:00")  # type: ignore[arg-type]
    assert [p.message for p in caught.value.problems] == [
        "must be a wall-clock time without a zone (Europe/Stockholm)",
        "must be a time of day, e.g. datetime.time(9, 0)",
    ]


def test_a_slot_knows_its_length() -> None:
    assert SLOTS[0].length == pendulum.duration(hours=3)


def test_a_rollout_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Rollout(
            program="ABW",  # type: ignore[arg-type]
            units=[],
            facilitators=[Facilitator(name="Anna"), Facilitator(name="Anna")],
            rooms=["Ateljén"],
            calendar=object(),  # type: ignore[arg-type]
            slots=[],
            start="2027-01-11",  # type: ignore[arg-type]
            cohort_size=(12, 8),
        )
    assert [p.path for p in caught.value.problems] == [
        "program",
        "rooms[0]",
        "units",
        "slots",
        "facilitators[1]",
        "calendar",
        "start",
        "cohort_size",
    ]


def test_plan_rollout_reports_every_bad_argument_as_the_rollout_does() -> None:
    with pytest.raises(ValidationError) as caught:
        plan_rollout(  # type: ignore[call-overload]
            "ABW",
            [],
            [Facilitator(name="Anna"), Facilitator(name="Anna")],
            ["Ateljén"],
            object(),
            [],
            "2027-01-11",
            cohort_size=(12, 8),
        )
    assert [p.path for p in caught.value.problems] == [
        "program",
        "rooms[0]",
        "units",
        "slots",
        "facilitators[1]",
        "calendar",
        "start",
        "cohort_size",
    ]


def rollout(**overrides: Any) -> Rollout:
    fields: dict[str, Any] = {
        "program": program(),
        "units": [RolloutUnit(name="Trafikkontoret", headcount=10)],
        "facilitators": [Facilitator(name="Anna")],
        "rooms": [Room(name="Ateljén", capacity=12)],
        "calendar": CALENDAR,
        "slots": SLOTS,
        "start": START,
    }
    fields.update(overrides)
    return Rollout(**fields)


def test_a_rollout_keeps_tuples_and_pendulum_dates() -> None:
    made = rollout(start=dt.date(2027, 1, 11), cohort_size=[9, 10])
    assert type(made.start) is pendulum.Date
    assert made.start == START
    assert made.units == (RolloutUnit(name="Trafikkontoret", headcount=10),)
    assert made.cohort_size == (9, 10)
    assert made.cohort_sizes == (9, 10)
    assert rollout().cohort_sizes == (8, 12)


def test_a_rollout_refuses_a_datetime_as_its_start() -> None:
    moment = pendulum.datetime(2027, 1, 11, 9, tz="Europe/Stockholm")
    with pytest.raises(ValidationError) as caught:
        rollout(start=moment)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "start",
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
        )
    ]


def test_a_rollout_names_the_unit_that_cannot_be_split() -> None:
    units = [RolloutUnit(name=name, headcount=10) for name in ("A", "B")]
    with pytest.raises(ValidationError) as caught:
        rollout(units=[*units, RolloutUnit(name="C", headcount=7)])
    assert str(caught.value) == (
        "units[2].headcount: cannot be split into balanced cohorts of 8–12 participants, got 7"
    )


def test_plan_rollout_takes_a_rollout_and_the_plan_keeps_it() -> None:
    problem = rollout(program=ONE_MODULE)
    result = plan_rollout(problem)
    assert result.rollout is problem
    assert result == plan(program=ONE_MODULE)
    assert (result.program, result.units, result.facilitators, result.rooms) == (
        problem.program,
        problem.units,
        problem.facilitators,
        problem.rooms,
    )
    assert (result.calendar, result.slots, result.start) == (CALENDAR, SLOTS, START)
    assert result.cohort_size == (8, 12)


def test_plan_rollout_refuses_a_rollout_and_more_arguments() -> None:
    with pytest.raises(TypeError):
        plan_rollout(rollout(), start=START)  # type: ignore[call-overload]


def test_a_plan_needs_a_rollout() -> None:
    result = plan()
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(result, rollout="ABW")  # type: ignore[arg-type]
    assert str(caught.value) == "rollout: must be a Rollout, got 'ABW'"


@pytest.mark.parametrize("missing", ["highspy", "numpy"])
def test_planning_without_the_rollout_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # import raises ImportError
    with pytest.raises(ImportError) as caught:
        plan_rollout(rollout())
    assert str(caught.value) == (
        f"plan_rollout() needs {missing}, which is not installed; install it with "
        "pip install 'ledarutveckling[rollout]'"
    )


def test_slots_must_be_in_order_without_overlaps() -> None:
    slots = [SessionSlot(start=dt.time(9), end=dt.time(12)), SLOTS[0]]
    with pytest.raises(ValidationError) as caught:
        plan(slots=slots)
    assert str(caught.value) == (
        "slots[1].start: must not be before the previous slot ends (12:00:00); "
        "give the slots in order, without overlaps, got datetime.time(9, 0)"
    )


def test_every_module_must_fit_every_slot() -> None:
    short = [SessionSlot(start=dt.time(9), end=dt.time(11))]
    with pytest.raises(ValidationError) as caught:
        plan(slots=short)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "program.modules[0].duration",
            "M1 does not fit slot 0 (09:00–11:00); a session occupies one slot",
        ),
        (
            "program.modules[2].duration",
            "M3 does not fit slot 0 (09:00–11:00); a session occupies one slot",
        ),
    ]


def test_rollout_inputs_must_agree_with_the_program() -> None:
    pairs = program(module("M1", DeliveryFormat.IN_PERSON, facilitators=2))
    with pytest.raises(ValidationError) as caught:
        plan(
            program=pairs,
            units=[
                RolloutUnit(name="A", headcount=7, deadlines={"M9": day("2027-03-01")}),
                RolloutUnit(name="B", headcount=12),
            ],
            rooms=[Room(name="Liten", capacity=10)],
        )
    assert [(p.path, p.value, p.message) for p in caught.value.problems] == [
        ("facilitators", 1, "are too few: M1 needs 2 facilitators at once"),
        ("units[0].deadlines", "M9", "names no module of ABW (M1)"),
        (
            "units[0].headcount",
            7,
            "cannot be split into balanced cohorts of 8–12 participants",
        ),
        (
            "units[1].headcount",
            12,
            "B: 12 participants cannot be split into cohorts that fit the largest room "
            "(10 seats) with at least 8 per cohort",
        ),
    ]
    with pytest.raises(ValidationError) as caught:
        plan(rooms=[])
    assert [(p.path, p.value, p.message) for p in caught.value.problems] == [
        (
            "rooms",
            [],
            "must include a room for the largest cohort (10 participants), "
            "since modules are held in person",
        ),
    ]


def test_a_cohort_size_argument_overrides_the_programs() -> None:
    result = plan(program=ONE_MODULE, cohort_size=(5, 5))
    assert [s.size for s in result.sessions] == [5, 5]
    assert result.cohort_size == (5, 5)


# -- hand-checked optima ---------------------------------------------------------------------


def test_one_cohort_follows_the_gaps_and_the_chain_binds() -> None:
    result = plan()
    assert [(s.module, s.date, s.facilitators, s.room) for s in result.sessions] == [
        ("M1", day("2027-01-11"), ("Anna",), "Ateljén"),
        ("M2", day("2027-01-18"), ("Anna",), None),
        ("M3", day("2027-01-25"), ("Anna",), "Ateljén"),
    ]
    assert result.end_date == result.lower_bound == day("2027-01-25")
    assert result.bound.resource is BindingResource.CHAIN
    assert result.problems() == ()


def test_sessions_start_in_their_slot_and_last_the_modules_duration() -> None:
    session = plan().sessions[1]
    assert session.start.hour in (9, 13)
    assert session.end - session.start == pendulum.duration(hours=2)
    assert session.start.timezone_name == "Europe/Stockholm"


def test_a_facilitators_weekly_cap_binds_ten_sessions_into_a_second_week() -> None:
    # 7 sessions in the first week (2 a day), the last 3 on Monday and Tuesday after.
    result = plan(program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=120)])
    assert len(result.sessions) == 10
    assert result.lower_bound == result.end_date == day("2027-01-19")
    assert result.bound.resource is BindingResource.FACILITATORS
    assert result.bound.demand == 10


def test_one_room_binds_ten_sessions_to_five_days() -> None:
    people = [Facilitator(name=n) for n in ("Anna", "Björn", "Cecilia", "David")]
    result = plan(
        program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=120)], facilitators=people
    )
    assert result.lower_bound == result.end_date == day("2027-01-15")
    assert result.bound.resource is BindingResource.ROOMS
    assert result.bound.rooms == 1


def test_a_digital_module_needs_no_room() -> None:
    digital = program(module("M1", DeliveryFormat.DIGITAL))
    people = [Facilitator(name=n) for n in ("Anna", "Björn", "Cecilia", "David", "Elin")]
    result = plan(
        program=digital, units=[RolloutUnit(name="A", headcount=120)], facilitators=people, rooms=[]
    )
    assert {s.room for s in result.sessions} == {None}
    assert result.end_date == day("2027-01-11")


def test_holidays_and_absences_push_the_chain() -> None:
    # Trettondedag jul (Wednesday 6 January 2027) is off; Anna is away 11-12 January.
    anna = Facilitator(name="Anna", absences=[DateRange.from_iso("2027-01-11", "2027-01-12")])
    result = plan(program=ONE_MODULE, facilitators=[anna], start=day("2027-01-06"))
    assert result.sessions[0].date == day("2027-01-07")
    away = plan(program=ONE_MODULE, facilitators=[anna], start=START)
    assert away.sessions[0].date == day("2027-01-13")


def test_cohorts_are_balanced_and_as_few_as_possible() -> None:
    result = plan(program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=25)])
    assert sorted(s.size for s in result.sessions) == [8, 8, 9]


def test_a_two_facilitator_module_gets_two_distinct_facilitators() -> None:
    pairs = program(module("M1", DeliveryFormat.IN_PERSON, facilitators=2))
    result = plan(program=pairs, facilitators=[Facilitator(name="Anna"), Facilitator(name="B")])
    assert result.sessions[0].facilitators in (("Anna", "B"), ("B", "Anna"))


def test_deadlines_are_met_and_reported_per_unit() -> None:
    units = [
        RolloutUnit(name="Trafikkontoret", headcount=40, deadlines={"M3": day("2027-02-15")}),
        RolloutUnit(name="Stadsarkivet", headcount=12),
    ]
    result = plan(units=units, facilitators=[Facilitator(name="Anna"), Facilitator(name="B")])
    assert result.deadlines_met == {"Trafikkontoret": True, "Stadsarkivet": True}
    assert all(s.date < day("2027-02-15") for s in result.sessions if s.unit == "Trafikkontoret")
    assert result.problems() == ()


def test_the_summary_is_swedish_by_default() -> None:
    units = [
        RolloutUnit(name="Trafikkontoret", headcount=20, deadlines={"M3": day("2027-02-15")}),
        RolloutUnit(name="Stadsarkivet", headcount=12),
    ]
    result = plan(units=units, facilitators=[Facilitator(name="Anna"), Facilitator(name="B")])
    assert result.summary() == (
        "Att arbeta aktivitetsbaserat: 32 deltagare i 3 kohorter, 9 träffar.\n"
        "Sista träffen 26 januari 2027; tidigast möjliga slutdatum 26 januari 2027 (planen "
        "slutar samma dag).\n"
        "Det är lokalerna som begränsar planen: 6 träffar på plats i M1–M3 med kohorter om "
        "minst 10 deltagare får inte plats i 1 lokal före 26 januari 2027 (en träff per lokal "
        "och pass, modulernas mellanrum medräknade).\n"
        "Trafikkontoret: 2 kohorter (20 deltagare), 11–26 januari 2027; "
        "M3 före 15 februari 2027: uppfyllt.\n"
        "Stadsarkivet: 1 kohort (12 deltagare), 11–25 januari 2027; ingen sista dag."
    )


def test_the_summary_speaks_english_when_asked() -> None:
    result = plan(units=[RolloutUnit(name="A", headcount=10, deadlines={"M1": day("2027-03-01")})])
    assert result.summary("en_GB").splitlines() == [
        "Att arbeta aktivitetsbaserat: 10 participants in 1 cohort, 3 sessions.",
        "Last session 25 January 2027; earliest possible end 25 January 2027 (the plan ends "
        "the same day).",
        "It is the order of the modules that limits the plan: M1–M3 with their gaps cannot "
        "be held on working days before 25 January 2027.",
        "A: 1 cohort (10 participants), 11\u2009–\u200925 January 2027; M1 before 1 March 2027: "
        "met.",
    ]


def test_a_late_plan_says_how_many_working_days_it_is_from_the_bound() -> None:
    result = plan()
    later = attrs.evolve(
        result,
        sessions=[
            *result.sessions[:2],
            attrs.evolve(
                result.sessions[2],
                start=result.sessions[2].start.add(days=2),
                end=result.sessions[2].end.add(days=2),
            ),
        ],
    )
    assert later.gap_working_days == 2
    assert "(planen slutar 2 arbetsdagar senare)" in later.summary()
    assert "(the plan ends 2 working days later)" in later.summary("en_GB")
    one = attrs.evolve(
        later,
        sessions=[
            *result.sessions[:2],
            attrs.evolve(
                result.sessions[2],
                start=result.sessions[2].start.add(days=1),
                end=result.sessions[2].end.add(days=1),
            ),
        ],
    )
    assert "(planen slutar 1 arbetsdag senare)" in one.summary()
    assert "(the plan ends 1 working day later)" in one.summary("en_GB")


def test_a_missed_deadline_shows_in_the_summary() -> None:
    result = plan(units=[RolloutUnit(name="A", headcount=10, deadlines={"M3": day("2027-02-01")})])
    late = replanned(
        result, units=(RolloutUnit(name="A", headcount=10, deadlines={"M3": day("2027-01-20")}),)
    )
    assert late.deadlines_met == {"A": False}
    assert late.summary().endswith("M3 före 20 januari 2027: inte uppfyllt.")
    assert late.summary("en_GB").endswith("M3 before 20 January 2027: not met.")


@pytest.mark.parametrize(
    ("resource", "locale", "text"),
    [
        (
            BindingResource.FACILITATORS,
            "en_GB",
            "It is the facilitators that limit the plan: 1 facilitator cannot lead 10 "
            "sessions for M1 before 19 January 2027 (sessions per day and week, absences and "
            "the modules' gaps counted).",
        ),
        (
            BindingResource.FACILITATORS,
            "sv_SE",
            "Det är utbildningsledarna som begränsar planen: 1 utbildningsledare hinner inte "
            "leda 10 pass för M1 före 19 januari 2027 (pass per dag och vecka, frånvaro och "
            "modulernas mellanrum medräknade).",
        ),
        (
            BindingResource.ROOMS,
            "en_GB",
            "It is the rooms that limit the plan: 10 in-person sessions in M1 with cohorts of "
            "0 or more do not fit in 1 room before 19 January 2027 (one session per room and "
            "slot, the modules' gaps counted).",
        ),
        (
            BindingResource.CHAIN,
            "sv_SE",
            "Det är modulernas ordning som begränsar planen: M1 med sina mellanrum kan inte "
            "genomföras på arbetsdagar före 19 januari 2027.",
        ),
    ],
)
def test_the_bound_explains_itself_in_one_line(
    resource: BindingResource, locale: str, text: str
) -> None:
    bound = plan(program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=120)]).bound
    assert attrs.evolve(bound, resource=resource).explain(locale) == text


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        (
            "sv_SE",
            "Det är utbildningsledarna som begränsar planen: 1 utbildningsledare hinner inte "
            "leda 10 pass för M1 före 19 januari 2027 (pass per dag och vecka, frånvaro och "
            "modulernas mellanrum medräknade; hela planen sedd på en gång).",
        ),
        (
            "en_GB",
            "It is the facilitators that limit the plan: 1 facilitator cannot lead 10 "
            "sessions for M1 before 19 January 2027 (sessions per day and week, absences and "
            "the modules' gaps counted; the whole plan taken at once).",
        ),
    ],
)
def test_a_bound_from_counting_the_whole_plan_says_so(locale: str, text: str) -> None:
    bound = plan(program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=120)]).bound
    assert attrs.evolve(bound, combined=True).explain(locale) == text
    whole = attrs.evolve(bound, combined=True, whole_cohorts=True).explain(locale)
    in_whole = " i hela kohorter)." if locale == "sv_SE" else " in whole cohorts)."
    assert whole == text.removesuffix(").") + in_whole


def test_binding_resources_have_labels() -> None:
    assert [r.label() for r in BindingResource] == [
        "utbildningsledarna",
        "lokalerna",
        "modulernas ordning och mellanrum",
        "personal borta samtidigt",
    ]
    assert BindingResource.CHAIN.label("en_GB") == "the modules' order and gaps"
    assert BindingResource.AWAY.label("en_GB") == "the staff away at once"


# -- no valid plan ---------------------------------------------------------------------------


def test_a_deadline_before_the_chain_can_end_is_refused_in_swedish() -> None:
    units = [RolloutUnit(name="Trafikkontoret", headcount=10, deadlines={"M3": day("2027-01-20")})]
    with pytest.raises(ValidationError) as caught:
        plan(units=units)
    assert [(p.path, p.value, format_problem(p)) for p in caught.value.problems] == [
        (
            "units[0]",
            "Trafikkontoret",
            "Trafikkontoret: M3 kan inte hållas före 20 januari 2027; "
            "starten, modulernas mellanrum och kalendern ger tidigast 25 januari 2027",
        )
    ]
    assert caught.value.problems[0].message == (
        "Trafikkontoret: M3 cannot be held before 2027-01-20; the modules' gaps and the "
        "calendar give 2027-01-25 at the earliest"
    )


def test_a_deadline_the_facilitators_cannot_reach_names_the_unit() -> None:
    units = [
        RolloutUnit(name="Stadsarkivet", headcount=20, deadlines={"M1": day("2027-01-13")}),
        RolloutUnit(name="Trafikkontoret", headcount=80, deadlines={"M1": day("2027-01-14")}),
    ]
    with pytest.raises(ValidationError) as caught:
        plan(program=ONE_MODULE, units=units, rooms=[Room(name="R", capacity=12)] * 1)
    assert str(caught.value) == (
        "units[1]: Trafikkontoret: 7 cohorts cannot complete M1 before 2027-01-14 with 1 "
        "facilitator (with 2 cohorts of units whose deadlines come first), got 'Trafikkontoret'"
    )
    assert format_problem(caught.value.problems[0]) == (
        "Trafikkontoret: 7 kohorter hinner inte genomföra M1 före 14 januari 2027 med 1 "
        "utbildningsledare (tillsammans med 2 kohorter från enheter med tidigare krav)"
    )


def test_a_deadline_the_rooms_cannot_reach_names_the_rooms() -> None:
    people = [Facilitator(name=n) for n in ("Anna", "Björn", "Cecilia")]
    units = [RolloutUnit(name="Trafikkontoret", headcount=60, deadlines={"M1": day("2027-01-13")})]
    with pytest.raises(ValidationError) as caught:
        plan(program=ONE_MODULE, units=units, facilitators=people)
    assert caught.value.problems[0].message == (
        "Trafikkontoret: 5 cohorts cannot complete M1 before 2027-01-13 with 1 room"
    )


def test_a_deadline_for_an_earlier_module_is_carried_through_the_gaps() -> None:
    units = [RolloutUnit(name="A", headcount=10, deadlines={"M2": day("2027-01-15")})]
    with pytest.raises(ValidationError) as caught:
        plan(units=units)
    assert caught.value.problems[0].message.startswith("A: M2 cannot be held before 2027-01-15; ")


def test_too_little_capacity_within_a_year_waits_into_the_second_year() -> None:
    slow = Facilitator(name="Anna", max_sessions_per_week=1)
    result = plan(
        program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=700)], facilitators=[slow]
    )
    assert result.problems() == ()
    assert result.end_date > day("2028-01-11")
    assert result.lower_bound > day("2028-01-11")


def test_too_little_capacity_within_two_years_is_refused() -> None:
    slow = Facilitator(name="Anna", max_sessions_per_week=1)
    with pytest.raises(ValidationError) as caught:
        plan(program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=1400)], facilitators=[slow])
    assert str(caught.value) == (
        "facilitators: 1400 participants in 117 cohorts cannot complete ABW within two years "
        "of 2027-01-11 with 1 facilitator, got 1"
    )


def test_too_few_rooms_within_two_years_is_refused() -> None:
    people = [Facilitator(name=str(n)) for n in range(8)]
    with pytest.raises(ValidationError) as caught:
        plan(
            program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=18000)], facilitators=people
        )
    assert caught.value.problems[0].path == "rooms"
    assert caught.value.problems[0].message.endswith("with 1 room")


def test_a_calendar_without_working_days_is_refused() -> None:
    class Never:
        def is_working_day(self, day: dt.date) -> bool:
            return False

    with pytest.raises(ValidationError) as caught:
        plan(calendar=Never())
    assert caught.value.problems[0].message == "has no working day within a year of 2027-01-11"


def test_a_chain_longer_than_two_years_is_refused() -> None:
    long = program(
        module("M1", DeliveryFormat.IN_PERSON), module("M2", DeliveryFormat.IN_PERSON, gap=800)
    )
    with pytest.raises(ValidationError) as caught:
        plan(program=long)
    assert caught.value.problems[0].path == "calendar"


def test_a_span_no_plan_can_keep_is_refused() -> None:
    # Sessions only on Mondays: a 3-day span cannot hold M1 and M3 a day apart each.
    class Mondays:
        def is_working_day(self, day: dt.date) -> bool:
            return day.weekday() == 0

    tight = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.IN_PERSON, gap=1),
        span=3,
    )
    with pytest.raises(ValidationError) as caught:
        plan(program=tight, calendar=Mondays())
    assert str(caught.value) == (
        "program.max_span_days: no cohort can start within two years of 2027-01-11 and "
        "complete ABW within 3 days on the calendar's working days, got 3"
    )


def test_when_no_plan_is_found_the_error_names_what_the_bound_says_binds() -> None:
    # A gap of 0 lets M2 follow in the next slot, but the one facilitator's daily cap of
    # one session and Mondays-only working days leave a week between sessions.
    class Mondays:
        def is_working_day(self, day: dt.date) -> bool:
            return day.weekday() == 0

    tight = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.IN_PERSON),
        span=3,
    )
    with pytest.raises(ValidationError) as caught:
        plan(
            program=tight,
            calendar=Mondays(),
            facilitators=[Facilitator(name="Anna", max_sessions_per_day=1)],
        )
    assert caught.value.problems[0].path == "facilitators"
    assert caught.value.problems[0].message.startswith(
        "no plan was found starting 2027-01-11 or up to a year later; "
        "it is the facilitators that limit the plan"
    )


# -- the validator ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def valid() -> RolloutPlan:
    units = [
        RolloutUnit(name="Trafikkontoret", headcount=20, deadlines={"M3": day("2027-03-01")}),
        RolloutUnit(name="Stadsarkivet", headcount=12),
    ]
    people = [Facilitator(name="Anna"), Facilitator(name="Björn")]
    return plan(
        program=program(span=30),
        units=units,
        facilitators=people,
        rooms=[Room(name="Ateljén", capacity=12), Room(name="Verkstan", capacity=12)],
    )


def change(plan: RolloutPlan, index: int, **fields: Any) -> RolloutPlan:
    sessions = list(plan.sessions)
    sessions[index] = attrs.evolve(sessions[index], **fields)
    return attrs.evolve(plan, sessions=sessions)


def index_of(plan: RolloutPlan, unit: str, cohort: int, code: str) -> int:
    for index, session in enumerate(plan.sessions):
        if (session.unit, session.cohort, session.module) == (unit, cohort, code):
            return index
    raise AssertionError("no such session")


def moved(session: RolloutSession, **shift: int) -> dict[str, pendulum.DateTime]:
    return {"start": session.start.add(**shift), "end": session.end.add(**shift)}


def found(plan: RolloutPlan) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in check_rollout(plan)]


def test_the_planners_plan_breaks_no_rule(valid: RolloutPlan) -> None:
    assert valid.problems() == ()
    assert check_rollout(valid) == ()


def test_the_validator_finds_an_unknown_unit_and_module(valid: RolloutPlan) -> None:
    broken = change(valid, 0, unit="Okänd", module="M9")
    assert found(broken)[:2] == [
        ("sessions[0].unit", "is not a unit of the rollout"),
        ("sessions[0].module", "is not a module of the program"),
    ]


def test_the_validator_finds_a_session_on_a_day_off(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M3")
    saturday = valid.sessions[i].date.next(pendulum.SATURDAY)
    days = (saturday - valid.sessions[i].date).days
    assert (f"sessions[{i}].start", f"is not on a working day ({saturday})") in found(
        change(valid, i, **moved(valid.sessions[i], days=days))
    )


def test_the_validator_finds_a_session_before_the_start(valid: RolloutPlan) -> None:
    broken = replanned(valid, start=day("2027-01-12"))
    assert ("sessions[0].start", "is before the rollout starts (2027-01-12)") in found(broken)


def test_the_validator_finds_a_session_outside_the_slots(valid: RolloutPlan) -> None:
    late = change(valid, 0, **moved(valid.sessions[0], minutes=30))
    assert ("sessions[0].start", "must start a slot (09:00, 13:00)") in found(late)
    long = change(valid, 0, end=valid.sessions[0].end.add(hours=1))
    assert found(long)[:2] == [
        ("sessions[0].end", "must be within its slot (ends 12:00:00)"),
        ("sessions[0].end", "must be M1's duration after the start (3 hours)"),
    ]


def test_the_validator_needs_aware_datetimes(valid: RolloutPlan) -> None:
    naive = change(valid, 0, start=dt.datetime(2027, 1, 11, 9))
    assert found(naive)[0] == ("sessions[0].start", "must be an aware datetime")


def test_the_validator_finds_the_wrong_facilitators(valid: RolloutPlan) -> None:
    assert ("sessions[0].facilitators", "must name 1 facilitator(s) for M1") in found(
        change(valid, 0, facilitators=())
    )
    assert ("sessions[0].facilitators[0]", "is not a facilitator of the rollout") in found(
        change(valid, 0, facilitators=("Okänd",))
    )
    twice = change(valid, 0, facilitators=("Anna", "Anna"))
    assert (
        "sessions[0].facilitators[1]",
        "is named twice; a session needs distinct facilitators",
    ) in found(twice)


def test_the_validator_finds_an_absent_facilitator(valid: RolloutPlan) -> None:
    first = valid.sessions[0]
    name = first.facilitators[0]
    away = Facilitator(name=name, absences=[DateRange.single(first.date)])
    others = [f for f in valid.facilitators if f.name != name]
    broken = replanned(valid, facilitators=(away, *others))
    assert ("sessions[0].facilitators[0]", f"is absent on {first.date}") in found(broken)


def same_time(plan: RolloutPlan) -> tuple[int, int]:
    for i, first in enumerate(plan.sessions):
        for j in range(i + 1, len(plan.sessions)):
            if plan.sessions[j].start == first.start and first.room and plan.sessions[j].room:
                return i, j
    raise AssertionError("no two in-person sessions at the same time")


def test_the_validator_finds_a_facilitator_in_two_places(valid: RolloutPlan) -> None:
    i, j = same_time(valid)
    broken = change(valid, j, facilitators=valid.sessions[i].facilitators)
    assert (
        f"sessions[{j}].facilitators",
        "the facilitator is in another session at the same time",
    ) in found(broken)


def test_the_validator_finds_a_facilitator_over_the_daily_cap(valid: RolloutPlan) -> None:
    strict = tuple(attrs.evolve(f, max_sessions_per_day=1) for f in valid.facilitators)
    problems = found(replanned(valid, facilitators=strict))
    assert any(
        "sessions on 2027-01-1" in message and "at most 1 a day" in message
        for _, message in problems
    )


def test_the_validator_finds_a_facilitator_over_the_weekly_cap(valid: RolloutPlan) -> None:
    strict = tuple(attrs.evolve(f, max_sessions_per_week=1) for f in valid.facilitators)
    problems = found(replanned(valid, facilitators=strict))
    assert any("in week 2 of 2027; at most 1 a week" in message for _, message in problems)


def test_the_validator_finds_room_problems(valid: RolloutPlan) -> None:
    assert ("sessions[0].room", "must name a room: M1 is held in person") in found(
        change(valid, 0, room=None)
    )
    assert ("sessions[0].room", "is not a room of the rollout") in found(
        change(valid, 0, room="Okänd")
    )
    small = replanned(valid, rooms=(Room(name="Ateljén", capacity=5), valid.rooms[1]))
    assert any(
        message == "takes 5 participants, fewer than the cohort's 10"
        or message == "takes 5 participants, fewer than the cohort's 12"
        for _, message in found(small)
    )


def test_the_validator_finds_a_room_in_two_places(valid: RolloutPlan) -> None:
    i, j = same_time(valid)
    broken = change(valid, j, room=valid.sessions[i].room)
    assert (f"sessions[{j}].room", "the room is in another session at the same time") in found(
        broken
    )


def test_the_validator_finds_missing_cohorts_and_modules(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M2")
    sessions = [s for n, s in enumerate(valid.sessions) if n != i]
    assert ("units[1]", "Stadsarkivet's cohort 1 has no session of M2") in found(
        attrs.evolve(valid, sessions=sessions)
    )
    without = [s for s in valid.sessions if s.unit != "Stadsarkivet"]
    assert (
        "units[1]",
        "Stadsarkivet must have cohorts 1 to 1 (12 people in cohorts of 8–12)",
    ) in found(attrs.evolve(valid, sessions=without))


def test_the_validator_finds_a_module_held_twice(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M2")
    extra = attrs.evolve(valid, sessions=(*valid.sessions, valid.sessions[i]))
    n = len(valid.sessions)
    assert (
        f"sessions[{n}].module",
        "Stadsarkivet's cohort 1 already has a session of M2",
    ) in found(extra)


def test_the_validator_finds_wrong_cohort_sizes(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M2")
    problems = found(change(valid, i, size=11))
    assert (f"sessions[{i}].size", "must be the size of cohort 1 elsewhere (12)") in problems
    resized = attrs.evolve(
        valid,
        sessions=[
            attrs.evolve(s, size=11) if s.unit == "Stadsarkivet" else s for s in valid.sessions
        ],
    )
    assert (
        "units[1].headcount",
        "Stadsarkivet's cohort sizes must add up to 12, differ by at most one and lie within 8–12",
    ) in found(resized)


def test_the_validator_finds_a_gap_too_short(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M2")
    before = valid.sessions[index_of(valid, "Stadsarkivet", 1, "M1")]
    broken = change(valid, i, **moved(valid.sessions[i], days=-1))
    assert (
        f"sessions[{i}].start",
        "must be at least 7 days after the cohort's previous module and after it ends "
        f"({before.date})",
    ) in found(broken)


def test_the_validator_finds_a_span_too_long(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M3")
    first = valid.sessions[index_of(valid, "Stadsarkivet", 1, "M1")]
    broken = change(valid, i, **moved(valid.sessions[i], days=28))
    assert (
        f"sessions[{i}].start",
        f"must be at most 30 days after the cohort's first session ({first.date})",
    ) in found(broken)


def test_the_validator_finds_a_missed_deadline(valid: RolloutPlan) -> None:
    i = index_of(valid, "Trafikkontoret", 1, "M3")
    broken = change(valid, i, **moved(valid.sessions[i], days=42))
    assert (
        f"sessions[{i}].start",
        "must be before Trafikkontoret's deadline for M3 (2027-03-01)",
    ) in found(broken)
    assert broken.deadlines_met == {"Trafikkontoret": False, "Stadsarkivet": True}


# -- properties ------------------------------------------------------------------------------


def rollouts() -> st.SearchStrategy[dict[str, Any]]:
    """Rollouts that can be planned: the public strategy, as plan_rollout's arguments."""
    return rollout_instances().map(RolloutInstance.arguments)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rollouts())
def test_every_generated_rollout_gets_a_plan_that_breaks_no_rule(arguments: dict[str, Any]) -> None:
    result = plan_rollout(**arguments)
    assert result.problems() == ()
    assert result.end_date >= result.lower_bound
    calendar = arguments["calendar"]
    assert all(calendar.is_working_day(s.date) for s in result.sessions)
    per_day = Counter((name, s.date) for s in result.sessions for name in s.facilitators)
    per_week = Counter(
        (name, s.date.isocalendar()[:2]) for s in result.sessions for name in s.facilitators
    )
    caps = {f.name: f for f in arguments["facilitators"]}
    assert all(n <= caps[name].max_sessions_per_day for (name, _), n in per_day.items())
    assert all(n <= caps[name].max_sessions_per_week for (name, _), n in per_week.items())


def test_units_with_the_same_deadline_are_proven_together() -> None:
    units = [
        RolloutUnit(name=name, headcount=10, deadlines={"M1": day("2027-01-13")})
        for name in ("A", "B")
    ]
    result = plan(program=ONE_MODULE, units=units)
    assert result.deadlines_met == {"A": True, "B": True}


def test_plan_rollout_needs_a_facilitator() -> None:
    with pytest.raises(ValidationError) as caught:
        plan(facilitators=[])
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("facilitators", "must hold at least one facilitator"),
    ]


def test_the_gap_counts_working_days_only() -> None:
    result = plan(program=ONE_MODULE)
    friday = attrs.evolve(
        result.sessions[0],
        start=result.sessions[0].start.add(days=7),
        end=result.sessions[0].end.add(days=7),
    )
    assert attrs.evolve(result, sessions=[friday]).gap_working_days == 5


def test_the_summary_leaves_out_a_unit_without_sessions() -> None:
    result = plan(program=ONE_MODULE)
    other = RolloutUnit(name="Tom", headcount=10)
    summary = replanned(result, units=(*result.units, other)).summary()
    assert "Tom" not in summary


def test_no_cohort_starts_where_the_span_would_run_into_a_blackout() -> None:
    # Weeks 3-5 of 2027 are blocked; a 14-day span cannot straddle them.
    blocked = WorkingCalendar.sweden(blackouts=[DateRange.from_iso("2027-01-18", "2027-02-07")])
    short = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.IN_PERSON, gap=3),
        span=14,
    )
    result = plan(
        program=short,
        units=[RolloutUnit(name="A", headcount=240)],
        calendar=blocked,
        facilitators=[Facilitator(name="Anna"), Facilitator(name="Björn")],
    )
    assert result.problems() == ()
    firsts = [s.date for s in result.sessions if s.module == "M1"]
    assert not [d for d in firsts if day("2027-01-12") < d < day("2027-02-08")]


def test_a_plan_needs_sessions() -> None:
    result = plan()
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(result, sessions=())
    assert str(caught.value) == "sessions: must hold at least one session, got ()"
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(result, sessions=["M1"])  # type: ignore[list-item]
    assert caught.value.problems[0].path == "sessions[0]"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        (
            "sv_SE",
            "Det är utbildningsledarna som begränsar planen: 1 utbildningsledare hinner inte "
            "leda 10 pass för M1 före 19 januari 2027 (pass per dag och vecka, frånvaro och "
            "modulernas mellanrum medräknade; kohorter som börjar före 16 augusti 2027 måste bli "
            "klara inom programmets längsta tid).",
        ),
        (
            "en_GB",
            "It is the facilitators that limit the plan: 1 facilitator cannot lead 10 "
            "sessions for M1 before 19 January 2027 (sessions per day and week, absences and "
            "the modules' gaps counted; cohorts that start before 16 August 2027 must finish "
            "within the program's span).",
        ),
    ],
)
def test_a_bound_that_splits_the_cohorts_says_so(locale: str, text: str) -> None:
    bound = plan(program=ONE_MODULE, units=[RolloutUnit(name="A", headcount=120)]).bound
    split = attrs.evolve(bound, split=day("2027-08-16"))
    assert split.explain(locale) == text


SUMMER = WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("sommar", 2027, 27, 32)])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rollouts(), st.integers(0, 60), st.integers(0, 10))
def test_a_rollout_over_the_summer_never_ends_before_its_bound(
    arguments: dict[str, Any], weeks_before: int, slack: int
) -> None:
    """Cohorts that must end within a short span before or after a summer blackout."""
    modules = arguments["program"].modules
    gaps = sum(m.min_days_after_previous for m in modules)
    arguments["program"] = attrs.evolve(arguments["program"], max_span_days=gaps + slack + 3)
    arguments["calendar"] = SUMMER
    arguments["start"] = pendulum.date(2027, 7, 5).subtract(days=weeks_before)
    try:
        result = plan_rollout(**arguments)
    except ValidationError:
        return
    assert result.problems() == ()
    assert result.end_date >= result.lower_bound


def test_a_drawn_rollout_reads_through_and_gives_plan_rollouts_arguments() -> None:
    problem = rollout(program=ONE_MODULE, cohort_size=(8, 10))
    instance = RolloutInstance(rollout=problem)
    names = ("program", "units", "facilitators", "rooms", "calendar", "slots", "start")
    assert [getattr(instance, name) for name in names] == [getattr(problem, name) for name in names]
    assert instance.arguments() == {
        **{name: getattr(problem, name) for name in names},
        "cohort_size": (8, 10),
    }
    assert plan_rollout(**instance.arguments()) == instance.plan()
    assert instance.plan().rollout is problem
