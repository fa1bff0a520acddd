"""Schedule and rollout request documents: every field's problem with its path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pendulum
import pytest

from ledarutveckling import MISSING, Problem, ValidationError
from ledarutveckling._documents.requests import read_rollout_request, read_schedule_request
from ledarutveckling._rollout.plan import plan_sessions

EXAMPLES = Path(__file__).parent.parent / "examples"

SCHEDULE_HEAD = 'document = "schedule_request"\nschema_version = 1\nprogram = "SVS"\n'
COHORT = '[[cohorts]]\nname = "Grupp 1"\nfirst_day = 2027-02-01\nstart_time = "09:00"\n'
ROLLOUT_HEAD = (
    'document = "rollout_request"\nschema_version = 1\nprogram = "SVS"\nstart = 2027-02-01\n'
    '[[slots]]\nstart = "09:00"\nend = "12:00"\n'
    '[[units]]\nname = "Stadsarkivet"\nheadcount = 30\n'
    '[[facilitators]]\nname = "Anna"\n'
    '[[facilitators]]\nname = "Bo"\n'
    '[[rooms]]\nname = "Sal 1"\ncapacity = 20\n'
)


def schedule_problems(text: str) -> list[tuple[str, object, str]]:
    with pytest.raises(ValidationError) as info:
        read_schedule_request(text)
    return [(p.path, p.value, p.message) for p in info.value.problems]


def rollout_problems(text: str) -> list[tuple[str, object, str]]:
    with pytest.raises(ValidationError) as info:
        read_rollout_request(text)
    return [(p.path, p.value, p.message) for p in info.value.problems]


def test_the_example_schedule_request_reads() -> None:
    request = read_schedule_request((EXAMPLES / "schedule-request.toml").read_text("utf-8"))
    assert request.program.code == "FOR-LED"
    first = request.cohorts[0]
    assert (first.name, first.first_day, first.start_time) == (
        "Grupp 1",
        pendulum.date(2027, 2, 1),
        dt.time(9, 0),
    )
    assert (first.weekday, first.every_weeks, first.room) == (1, 4, "Skärholmen, sal 2")
    assert first.facilitators == ("Anna Lindqvist", "Johan Ek")
    assert not request.calendar.is_working_day(pendulum.date(2027, 3, 2))  # sportlov
    assert not request.calendar.is_working_day(pendulum.date(2027, 5, 7))  # extra day off
    assert len(request.schedule()) == 8


def test_a_minimal_schedule_request_uses_the_swedish_calendar() -> None:
    request = read_schedule_request(SCHEDULE_HEAD + COHORT)
    assert request.calendar.eves
    assert request.cohorts[0].weekday is None
    assert request.cohorts[0].facilitators == ()


def test_not_toml_is_one_problem_at_the_root() -> None:
    ((path, _, message),) = schedule_problems("program = ")
    assert path == ""
    assert message.startswith("is not valid TOML: ")


def test_the_header_must_name_the_kind_and_version() -> None:
    text = 'document = "rollout_request"\nschema_version = 2\nprogram = "SVS"\n' + COHORT
    assert schedule_problems(text) == [
        ("document", "rollout_request", "must be 'schedule_request'"),
        ("schema_version", 2, "must be 1"),
    ]


def test_every_problem_of_a_schedule_request_is_reported_with_its_path() -> None:
    text = (
        'document = "schedule_request"\nschema_version = true\nprogram = "NOPE"\ncolour = 1\n'
        "[calendar]\neves = 1\nextra_days_off = [2027-13-01, 2027-05-07]\n"
        "[[calendar.blackouts]]\nname = 'sommar'\nyear = 2027\nfirst_week = 27\n"
        "last_week = 60\n"
        "[[cohorts]]\nname = ' Grupp 1'\nfirst_day = 'måndag'\nstart_time = '9'\n"
        "weekday = 'sunday'\nevery_weeks = 0\nfacilitators = ['Anna', 3]\nroom = 7\n"
        "[[cohorts]]\nfirst_day = 2027-02-01T09:00:00\nstart_time = 2027-02-01T09:00:00+01:00\n"
        "facilitators = 'Anna'\n"
    )
    with pytest.raises(ValidationError) as info:
        read_schedule_request(text.replace("2027-13-01", "'2027-13-01'"))
    found = [(p.path, p.message) for p in info.value.problems]
    assert found[:4] == [
        ("schema_version", "must be 1"),
        (
            "colour",
            "is not a field here (the fields are document, schema_version, program, "
            "calendar, cohorts)",
        ),
        (
            "program",
            "must be a program code of the bundled catalogue (SOC-CHEF, FOR-LED, LGA, "
            "SVS, FAC, COACH, AMS, PROC, TRAINEE, LUC, ABW)",
        ),
        ("calendar.eves", "must be true or false"),
    ]
    paths = [path for path, _ in found]
    assert paths[4:] == [
        "calendar.blackouts[0].last",
        "calendar.extra_days_off[0]",
        "cohorts[0].name",
        "cohorts[0].first_day",
        "cohorts[0].start_time",
        "cohorts[0].weekday",
        "cohorts[0].every_weeks",
        "cohorts[0].facilitators[1]",
        "cohorts[0].room",
        "cohorts[1].name",
        "cohorts[1].first_day",
        "cohorts[1].start_time",
        "cohorts[1].facilitators",
    ]
    messages = dict(found)
    assert messages["cohorts[0].weekday"] == (
        "must be one of monday, tuesday, wednesday, thursday, friday"
    )
    assert messages["cohorts[1].name"] == "is required (text)"
    assert messages["cohorts[0].start_time"] == "must be a time of day, HH:MM"
    assert messages["calendar.extra_days_off[0]"] == "must be a date, YYYY-MM-DD"


def test_a_blackout_the_calendar_refuses_is_reported_under_its_table() -> None:
    text = (
        SCHEDULE_HEAD
        + "[[calendar.blackouts]]\nname = 'x'\nyear = 2027\nfirst_week = 30\nlast_week = 27\n"
        + COHORT
    )
    ((path, _, _),) = schedule_problems(text)
    assert path.startswith("calendar.blackouts[0]")


def test_cohorts_are_required_and_must_be_tables() -> None:
    assert schedule_problems(SCHEDULE_HEAD) == [
        ("cohorts", MISSING, "is required (a list of tables)"),
    ]
    assert schedule_problems(SCHEDULE_HEAD + "cohorts = []\n") == [
        ("cohorts", [], "must not be empty")
    ]
    assert schedule_problems(SCHEDULE_HEAD + "cohorts = [1]\n") == [
        ("cohorts[0]", 1, "must be a table")
    ]
    assert schedule_problems(SCHEDULE_HEAD + "calendar = 3\n" + COHORT) == [
        ("calendar", 3, "must be a table")
    ]


def test_a_date_given_as_text_is_read() -> None:
    request = read_schedule_request(SCHEDULE_HEAD + COHORT.replace("2027-02-01", "'2027-02-01'"))
    assert request.cohorts[0].first_day == pendulum.date(2027, 2, 1)


def test_a_cohort_that_cannot_be_scheduled_names_its_index() -> None:
    text = SCHEDULE_HEAD + COHORT.replace('"09:00"', '"22:00"')
    with pytest.raises(ValidationError) as info:
        read_schedule_request(text).schedule()
    assert info.value.problems[0].path.startswith("cohorts[0]")


# -- rollout requests ------------------------------------------------------------------------


def test_the_example_rollout_request_reads_and_plans() -> None:
    request = read_rollout_request((EXAMPLES / "rollout-request.toml").read_text("utf-8"))
    assert request.program.code == "ABW"
    assert request.cohort_size == (20, 40)
    assert [u.name for u in request.units] == [
        "Trafikkontoret",
        "Exploateringskontoret",
        "Stadsbyggnadskontoret",
    ]
    assert request.units[0].deadlines == {"ABW-2": pendulum.date(2027, 4, 30)}
    assert request.facilitators[1].max_sessions_per_week == 5
    assert request.facilitators[0].max_sessions_per_day == 2
    assert [r.capacity for r in request.rooms] == [40, 30]
    plan = request.plan()
    assert len(plan.sessions) == 24


def test_a_minimal_rollout_request() -> None:
    request = read_rollout_request(ROLLOUT_HEAD)
    assert request.cohort_size is None
    assert request.start == pendulum.date(2027, 2, 1)
    assert request.plan().participants == 30


def test_rooms_may_be_left_out() -> None:
    text = ROLLOUT_HEAD.replace('[[rooms]]\nname = "Sal 1"\ncapacity = 20\n', "")
    assert read_rollout_request(text).rooms == ()


def test_every_problem_of_a_rollout_request_is_reported_with_its_path() -> None:
    text = (
        'document = "rollout_request"\nschema_version = 1\nprogram = "SVS"\n'
        "cohort_size = [20, 8]\n"
        '[[slots]]\nstart = "12:00"\nend = "09:00"\n'
        '[[slots]]\nstart = "09:00"\n'
        '[[units]]\nname = "A"\nheadcount = 0\n'
        '[[units]]\nname = "B"\nheadcount = 5\ndeadlines = { "SVS-2" = "snart" }\n'
        '[[units]]\nname = "C"\nheadcount = 5\ndeadlines = { "NOPE" = 2027-03-01 }\n'
        '[[facilitators]]\nname = ""\nmax_sessions_per_day = 0\n'
        '[[rooms]]\nname = "Sal"\ncapacity = "stor"\n'
    )
    found = [(p.path, p.message) for p in _problems_of(text)]
    paths = [path for path, _ in found]
    assert paths == [
        "start",
        "cohort_size",
        "slots[0].end",
        "slots[1].end",
        "units[0].headcount",
        "units[1].deadlines.SVS-2",
        "facilitators[0].name",
        "facilitators[0].max_sessions_per_day",
        "rooms[0].capacity",
    ]
    messages = dict(found)
    assert messages["start"] == "is required (a date, YYYY-MM-DD)"
    assert messages["cohort_size"] == "must be [min, max], whole numbers, 1 <= min <= max"


def _problems_of(text: str) -> tuple[Problem, ...]:
    with pytest.raises(ValidationError) as info:
        read_rollout_request(text)
    return info.value.problems


def test_a_unit_the_planner_refuses_is_reported_at_its_index() -> None:
    text = ROLLOUT_HEAD + '[[units]]\nname = "Stadsarkivet"\nheadcount = 3\n'
    request = read_rollout_request(text)
    with pytest.raises(ValidationError) as info:
        request.plan()
    assert info.value.problems[0].path.startswith("units")


def test_wrong_types_are_reported_not_coerced() -> None:
    text = ROLLOUT_HEAD.replace("headcount = 30", "headcount = true").replace(
        'program = "SVS"', "program = 3"
    )
    assert rollout_problems(text) == [
        ("program", 3, "must be text"),
        ("units[0].headcount", True, "must be a whole number"),
    ]


def test_a_blackout_missing_a_field_is_reported() -> None:
    text = SCHEDULE_HEAD + "[[calendar.blackouts]]\nyear = 2027\nfirst_week = 27\n"
    assert schedule_problems(text + "last_week = 32\n" + COHORT) == [
        ("calendar.blackouts[0].name", MISSING, "is required (text)"),
    ]


def test_plan_sessions_name_cohorts_by_unit_in_the_locale() -> None:
    plan = read_rollout_request(ROLLOUT_HEAD).plan()
    swedish = plan_sessions(plan)
    english = plan_sessions(plan, "en_GB")
    assert {s.cohort for s in swedish} == {"Stadsarkivet, kohort 1", "Stadsarkivet, kohort 2"}
    assert english[0].cohort.startswith("Stadsarkivet, cohort ")
    assert [s.module.code for s in swedish] == [s.module for s in plan.sessions]
