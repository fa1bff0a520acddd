"""Schedule and rollout request documents: registered kinds of the one converter."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import attrs
import pendulum
import pytest

from ledarutveckling import (
    MISSING,
    Catalogue,
    Problem,
    Rollout,
    RolloutUnit,
    ValidationError,
    WorkingCalendar,
)
from ledarutveckling.examples import stockholm_catalogue
from ledarutveckling.serialization import (
    DOCUMENT_KINDS,
    BlackoutWeeks,
    CalendarRequest,
    RolloutRequest,
    ScheduleRequest,
    from_toml,
    load,
    to_json,
    to_toml,
)

EXAMPLES = Path(__file__).parent.parent / "examples"
CATALOGUE = stockholm_catalogue()

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


def problems(cls: type, text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        from_toml(cls, text)
    return [str(p) for p in info.value.problems]


def test_requests_are_registered_document_kinds() -> None:
    assert DOCUMENT_KINDS["schedule_request"].cls is ScheduleRequest
    assert DOCUMENT_KINDS["rollout_request"].cls is RolloutRequest
    assert RolloutRequest.__module__ == "ledarutveckling.serialization"
    request = load(EXAMPLES / "rollout-request.toml")
    assert b"ledarutveckling._documents" not in pickle.dumps(request)


def test_a_rollout_request_has_the_rollouts_fields_and_names_its_catalogue() -> None:
    request_fields = {f.name for f in attrs.fields(RolloutRequest)}
    assert request_fields == {f.name for f in attrs.fields(Rollout)} | {"catalogue"}


def test_the_example_schedule_request_reads() -> None:
    request = load(EXAMPLES / "schedule-request.toml", ScheduleRequest)
    assert (request.program, request.catalogue) == ("FOR-LED", "stockholm-catalogue.toml")
    assert request.catalogue_file(EXAMPLES / "schedule-request.toml") == (
        EXAMPLES / "stockholm-catalogue.toml"
    )
    first = request.cohorts[0]
    assert (first.name, first.first_day, first.start_time) == (
        "Grupp 1",
        pendulum.date(2027, 2, 1),
        dt.time(9, 0),
    )
    assert (first.weekday, first.weekday_number, first.every_weeks, first.room) == (
        "tuesday",
        1,
        4,
        "Skärholmen, sal 2",
    )
    assert first.facilitators == ("Anna Lindqvist", "Johan Ek")
    calendar = request.calendar.working_calendar()
    assert not calendar.is_working_day(pendulum.date(2027, 3, 2))  # sportlov
    assert not calendar.is_working_day(pendulum.date(2027, 5, 7))  # extra day off
    assert request.program_in(CATALOGUE).code == "FOR-LED"
    assert len(request.schedule(CATALOGUE)) == 8


def test_the_example_catalogue_is_the_bundled_one() -> None:
    assert load(EXAMPLES / "stockholm-catalogue.toml", Catalogue) == CATALOGUE


def test_a_rollout_requests_catalogue_is_relative_to_its_file() -> None:
    request = from_toml(RolloutRequest, ROLLOUT_HEAD + "\n")
    assert request.catalogue_file("requests/r.toml") is None
    named = attrs.evolve(request, catalogue="../cat.toml")
    assert named.catalogue_file("requests/r.toml") == Path("requests/../cat.toml")


def test_a_minimal_schedule_request_uses_the_swedish_calendar() -> None:
    request = from_toml(ScheduleRequest, SCHEDULE_HEAD + COHORT)
    assert request.calendar == CalendarRequest()
    assert request.calendar.working_calendar() == WorkingCalendar.sweden()
    assert (request.catalogue, request.catalogue_file("any/where.toml")) == (None, None)
    assert request.cohorts[0].weekday_number is None
    assert request.cohorts[0].facilitators == ()


def test_a_request_writes_and_reads_back() -> None:
    request = load(EXAMPLES / "rollout-request.toml", RolloutRequest)
    assert from_toml(RolloutRequest, to_toml(request)) == request


def test_not_toml_is_one_problem_at_the_root() -> None:
    (problem,) = problems(ScheduleRequest, "program = ")
    assert problem.startswith("is not valid TOML: ")


def test_the_header_must_name_the_kind_and_version() -> None:
    text = 'document = "rollout_request"\nschema_version = 1\nprogram = "SVS"\n' + COHORT
    assert problems(ScheduleRequest, text) == [
        "document: must be 'schedule_request' to be read as a ScheduleRequest, "
        "got 'rollout_request'"
    ]
    text = SCHEDULE_HEAD.replace("schema_version = 1", "schema_version = 2") + COHORT
    assert problems(ScheduleRequest, text) == [
        "schema_version: this schedule_request document was written with schema version 2, "
        "newer than version 1 that this release of ledarutveckling reads; upgrade "
        "ledarutveckling, got 2"
    ]


def test_every_problem_of_a_schedule_request_is_reported_with_its_path() -> None:
    text = (
        'document = "schedule_request"\nschema_version = 1\nprogram = "NOPE"\ncolour = 1\n'
        "[calendar]\neves = 1\nextra_days_off = ['2027-13-01', 2027-05-07]\n"
        "[[calendar.blackouts]]\nname = 'sommar'\nyear = 2027\nfirst_week = 27\n"
        "last_week = 60\n"
        "[[cohorts]]\nname = ' Grupp 1'\nfirst_day = 'måndag'\nstart_time = '9'\n"
        "weekday = 'sunday'\nevery_weeks = 0\nfacilitators = ['Anna', 3]\nroom = 7\n"
        "[[cohorts]]\nfirst_day = 2027-02-01T09:00:00\nstart_time = 2027-02-01T09:00:00+01:00\n"
        "facilitators = 'Anna'\n"
    )
    assert problems(ScheduleRequest, text) == [
        "calendar.eves: must be true or false, not an integer, got 1",
        "calendar.blackouts[0].last_week: is not an ISO week of 2027 (weeks run 1 to 52 or 53), "
        "got 60",
        "calendar.extra_days_off[0]: is not a date in the calendar, got '2027-13-01'",
        "cohorts[0].first_day: must be an ISO date written YYYY-MM-DD, got 'måndag'",
        "cohorts[0].start_time: must be a time of day written HH:MM or HH:MM:SS, got '9'",
        "cohorts[0].weekday: must be one of 'monday', 'tuesday', 'wednesday', 'thursday', "
        "'friday'; or [] for none (TOML's stand-in for null), got 'sunday'",
        "cohorts[0].facilitators[1]: must be a string, not an integer, got 3",
        "cohorts[0].room: must be a string, not an integer; or [] for none (TOML's stand-in "
        "for null), got 7",
        "cohorts[1].name: is required but missing",
        "cohorts[1].first_day: must be an ISO date written YYYY-MM-DD, got '2027-02-01T09:00:00'",
        "cohorts[1].start_time: must be a time of day written HH:MM or HH:MM:SS, "
        "got '2027-02-01T09:00:00+01:00'",
        "cohorts[1].facilitators: must be a list, not a string, got 'Anna'",
        "colour: is not a field of ScheduleRequest; did you mean 'cohorts'?, got 1",
    ]


def test_the_rules_of_each_table_are_reported_with_their_paths() -> None:
    text = (
        SCHEDULE_HEAD
        + "[[calendar.blackouts]]\nname = 'x'\nyear = 2027\nfirst_week = 30\nlast_week = 27\n"
        + COHORT.replace('"Grupp 1"', '" G"')
        + "every_weeks = 0\nfacilitators = ['', 'A']\nroom = ' '\n"
    )
    assert problems(ScheduleRequest, text) == [
        "calendar.blackouts[0].last_week: must not be before first (30), got 27",
        "cohorts[0].name: must not start or end with whitespace, got ' G'",
        "cohorts[0].every_weeks: must be at least 1, got 0",
        "cohorts[0].facilitators[0]: must not be empty, got ''",
        "cohorts[0].room: must not be empty, got ' '",
    ]
    blackout = "[[calendar.blackouts]]\nname = ''\nyear = 0\nfirst_week = 1\nlast_week = 1\n"
    assert problems(ScheduleRequest, SCHEDULE_HEAD + blackout + COHORT) == [
        "calendar.blackouts[0].name: must not be empty, got ''",
        "calendar.blackouts[0].year: must be at least 1, got 0",
    ]


def test_weeks_over_the_new_year_are_refused_at_the_documents_key_with_two_ranges() -> None:
    from ledarutveckling.formatting import format_problem

    blackout = "[[calendar.blackouts]]\nname = 'jul'\nyear = 2027\nfirst_week = 52\n"
    text = SCHEDULE_HEAD + blackout + "last_week = 1\n" + COHORT
    with pytest.raises(ValidationError) as error:
        from_toml(ScheduleRequest, text)
    (problem,) = error.value.problems
    assert (problem.path, problem.code) == (
        "calendar.blackouts[0].last_week",
        "weeks-over-new-year",
    )
    assert format_problem(problem) == (
        "vecka 1 kommer före vecka 52; veckor över nyår anges som två perioder: "
        "vecka 52–52 år 2027 och vecka 1–1 år 2028"
    )
    assert format_problem(problem, locale="en_GB") == (
        "week 1 comes before week 52; weeks over the new year are given as two periods: "
        "weeks 52–52 of 2027 and weeks 1–1 of 2028"
    )
    two = blackout + "last_week = 52\n" + blackout.replace("2027", "2028").replace("52", "1")
    calendar = from_toml(ScheduleRequest, SCHEDULE_HEAD + two + "last_week = 1\n" + COHORT)
    periods = [b.blackout().period for b in calendar.calendar.blackouts]
    assert [(p.start, p.end) for p in periods] == [
        (pendulum.date(2027, 12, 27), pendulum.date(2028, 1, 2)),
        (pendulum.date(2028, 1, 3), pendulum.date(2028, 1, 9)),
    ]
    with pytest.raises(ValidationError) as error:
        from_toml(
            ScheduleRequest,
            SCHEDULE_HEAD + blackout.replace("52", "53") + "last_week = 53\n" + COHORT,
        )
    assert [p.path for p in error.value.problems] == ["calendar.blackouts[0].first_week"]


def test_cohorts_are_required_and_must_be_tables() -> None:
    assert problems(ScheduleRequest, SCHEDULE_HEAD) == ["cohorts: is required but missing"]
    assert problems(ScheduleRequest, SCHEDULE_HEAD + "cohorts = []\n") == [
        "cohorts: must not be empty, got []"
    ]
    assert problems(ScheduleRequest, SCHEDULE_HEAD + "cohorts = [1]\n") == [
        "cohorts[0]: must be an object with the fields of CohortRequest (a table in TOML), "
        "not an integer, got 1"
    ]
    assert problems(ScheduleRequest, SCHEDULE_HEAD + "calendar = 3\n" + COHORT) == [
        "calendar: must be an object with the fields of CalendarRequest (a table in TOML), "
        "not an integer, got 3"
    ]


def test_two_cohorts_of_one_name_are_refused_at_the_second() -> None:
    # Their sessions would be one cohort's, every module twice (the review's validate said
    # "giltig" and schedule then failed at a sessions[3] the file does not have).
    text = SCHEDULE_HEAD + COHORT + COHORT.replace("09:00", "13:00") + COHORT.replace("1", "2")
    assert problems(ScheduleRequest, text) == [
        "cohorts[1]: duplicate cohort name; each must be unique, got 'Grupp 1'"
    ]


def test_cohorts_built_in_python_must_be_cohort_requests() -> None:
    with pytest.raises(ValidationError) as info:
        ScheduleRequest(program="SVS", cohorts=3)
    assert [str(p) for p in info.value.problems] == [
        "cohorts: must be a list of CohortRequest objects, got 3"
    ]
    with pytest.raises(ValidationError) as info:
        ScheduleRequest(program="SVS", cohorts=("Grupp 1", "Grupp 1"))
    assert [p.path for p in info.value.problems] == ["cohorts[0]", "cohorts[1]"]


def test_the_catalogue_and_program_must_be_text() -> None:
    text = SCHEDULE_HEAD.replace('"SVS"', '" SVS"') + 'catalogue = ""\n' + COHORT
    assert problems(ScheduleRequest, text) == [
        "catalogue: must not be empty, got ''",
        "program: must not start or end with whitespace, got ' SVS'",
    ]


def test_a_date_given_as_text_is_read() -> None:
    text = SCHEDULE_HEAD + COHORT.replace("2027-02-01", "'2027-02-01'")
    assert from_toml(ScheduleRequest, text).cohorts[0].first_day == pendulum.date(2027, 2, 1)


def test_a_program_the_catalogue_lacks_is_reported_at_program() -> None:
    request = from_toml(ScheduleRequest, SCHEDULE_HEAD.replace("SVS", "NOPE") + COHORT)
    with pytest.raises(ValidationError) as info:
        request.schedule(CATALOGUE)
    assert str(info.value) == (
        "program: must be a program code of the catalogue (SOC-CHEF, FOR-LED, LGA, SVS, FAC, "
        "COACH, AMS, PROC, TRAINEE, LUC, ABW), got 'NOPE'"
    )


def test_a_cohort_that_cannot_be_scheduled_names_its_index() -> None:
    request = from_toml(ScheduleRequest, SCHEDULE_HEAD + COHORT.replace('"09:00"', '"22:00"'))
    with pytest.raises(ValidationError) as info:
        request.schedule(CATALOGUE)
    assert info.value.problems[0].path.startswith("cohorts[0]")


def test_blackout_weeks_stand_for_a_blackout() -> None:
    weeks = BlackoutWeeks(name="sportlov", year=2027, first_week=9, last_week=9)
    assert str(weeks.blackout().period) == str(
        WorkingCalendar.sweden(blackouts=[weeks.blackout()]).blackouts[0].period
    )
    assert weeks.blackout().period.start == pendulum.date(2027, 3, 1)


# -- rollout requests ------------------------------------------------------------------------


def test_the_example_rollout_request_reads_and_plans() -> None:
    request = load(EXAMPLES / "rollout-request.toml", RolloutRequest)
    assert (request.program, request.catalogue) == ("ABW", "stockholm-catalogue.toml")
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
    plan = request.plan(CATALOGUE)
    # 8 cohorts (120 = 3 x 40, 80 = 2 x 40, 95 = 32 + 32 + 31) x the 2 modules held: ABW-1
    # is self-paced, so it has a window per cohort and no session (issue 17).
    assert len(plan.sessions) == 16
    assert len(plan.self_paced) == 8
    assert {w.module for w in plan.self_paced} == {"ABW-1"}


def test_a_request_resolves_into_a_rollout() -> None:
    request = from_toml(RolloutRequest, ROLLOUT_HEAD)
    rollout = request.rollout(CATALOGUE)
    assert rollout.program == CATALOGUE.program("SVS")
    assert rollout.units == (RolloutUnit(name="Stadsarkivet", headcount=30),)
    assert (rollout.start, rollout.cohort_size) == (pendulum.date(2027, 2, 1), None)
    assert rollout.calendar == WorkingCalendar.sweden()
    assert (rollout.facilitators, rollout.rooms, rollout.slots) == (
        request.facilitators,
        request.rooms,
        request.slots,
    )
    assert request.plan(CATALOGUE).participants == 30
    assert (request.self_paced_days, rollout.self_paced_days) == (14, 14)


def test_a_request_sets_the_days_of_a_self_paced_window() -> None:
    days = ROLLOUT_HEAD.replace(
        "start = 2027-02-01\n", "start = 2027-02-01\nself_paced_days = {}\n"
    )
    request = from_toml(RolloutRequest, days.format(21))
    assert request.rollout(CATALOGUE).self_paced_days == 21
    plan = request.plan(CATALOGUE)
    first = min(plan.sessions, key=lambda s: s.start)
    window = next(w for w in plan.self_paced if (w.unit, w.cohort) == (first.unit, first.cohort))
    # SVS-1 is due the 7 days of SVS-2's gap before it, and opens 21 days before that.
    assert (window.module, window.due, window.opens) == (
        "SVS-1",
        first.date.subtract(days=7),
        first.date.subtract(days=28),
    )
    assert "self_paced_days = 21" in to_toml(request)
    assert problems(RolloutRequest, days.format(0)) == [
        "self_paced_days: must be at least 1, got 0"
    ]


def test_a_request_at_the_default_self_paced_days_is_written_as_before_them() -> None:
    request = from_toml(RolloutRequest, ROLLOUT_HEAD)
    assert "self_paced_days" not in to_toml(request)
    assert "self_paced_days" not in to_json(request)
    assert from_toml(RolloutRequest, to_toml(request)) == request


def test_rooms_may_be_left_out() -> None:
    text = ROLLOUT_HEAD.replace('[[rooms]]\nname = "Sal 1"\ncapacity = 20\n', "")
    assert from_toml(RolloutRequest, text).rooms == ()


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
    assert problems(RolloutRequest, text) == [
        "start: is required but missing",
        "slots[0].end: must be after start (12:00:00), got Time(9, 0, 0)",
        "slots[1].end: is required but missing",
        "units[0].headcount: must be at least 1, got 0",
        "units[1].deadlines[\"SVS-2\"]: must be an ISO date written YYYY-MM-DD, got 'snart'",
        "facilitators[0].name: must not be empty, got ''",
        "facilitators[0].max_sessions_per_day: must be at least 1, got 0",
        "rooms[0].capacity: must be an integer, not a string, got 'stor'",
    ]


def test_the_lists_must_not_be_empty_and_the_cohort_size_must_be_a_range() -> None:
    text = (
        'document = "rollout_request"\nschema_version = 1\nprogram = "SVS"\nstart = 2027-02-01\n'
        "cohort_size = [20, 8]\nslots = []\nunits = []\nfacilitators = []\n"
    )
    assert problems(RolloutRequest, text) == [
        "units: must not be empty, got []",
        "facilitators: must not be empty, got []",
        "slots: must not be empty, got []",
        "cohort_size: must be [min, max] with 1 <= min <= max, got [20, 8]",
    ]
    text = ROLLOUT_HEAD.replace(
        "start = 2027-02-01\n", "start = 2027-02-01\ncohort_size = [0, 8]\n"
    )
    assert problems(RolloutRequest, text) == [
        "cohort_size: must be [min, max] with 1 <= min <= max, got [0, 8]"
    ]


def test_the_rules_of_the_catalogues_program_are_reported_where_the_request_can_change() -> None:
    # The request names the program; it does not hold it: a module longer than a slot is
    # reported at the slot, any other rule of the program at ``program``.
    text = ROLLOUT_HEAD.replace(
        'end = "12:00"\n', 'end = "12:00"\n[[slots]]\nstart = "13:00"\nend = "15:00"\n'
    )
    request = from_toml(RolloutRequest, text)
    with pytest.raises(ValidationError) as info:
        request.rollout(CATALOGUE)
    assert [(p.path, p.code, p.value) for p in info.value.problems] == [
        ("slots[1]", "module-longer-than-slot", request.slots[1])
    ]
    svs = CATALOGUE.program("SVS")
    alone = Catalogue(programs=(attrs.evolve(svs, modules=svs.modules[:1]),))
    with pytest.raises(ValidationError) as info:
        request.plan(alone)
    assert [(p.path, p.code, p.value) for p in info.value.problems] == [
        ("program", "rollout-nothing-scheduled", "SVS")
    ]


def test_a_unit_the_planner_refuses_is_reported_at_its_index() -> None:
    text = ROLLOUT_HEAD + '[[units]]\nname = "Stadsarkivet"\nheadcount = 3\n'
    request = from_toml(RolloutRequest, text)
    with pytest.raises(ValidationError) as info:
        request.plan(CATALOGUE)
    assert info.value.problems[0].path.startswith("units")


def test_wrong_types_are_reported_not_coerced() -> None:
    text = ROLLOUT_HEAD.replace("headcount = 30", "headcount = true").replace(
        'program = "SVS"', "program = 3"
    )
    assert problems(RolloutRequest, text) == [
        "program: must be a string, not an integer, got 3",
        "units[0].headcount: must be an integer, not a boolean, got True",
    ]


def test_a_blackout_missing_a_field_is_reported() -> None:
    text = SCHEDULE_HEAD + "[[calendar.blackouts]]\nyear = 2027\nfirst_week = 27\n"
    with pytest.raises(ValidationError) as info:
        from_toml(ScheduleRequest, text + "last_week = 32\n" + COHORT)
    assert info.value.problems == (
        Problem(
            path="calendar.blackouts[0].name",
            value=MISSING,
            message="is required but missing",
            code="missing-key",
        ),
    )


def test_plan_sessions_name_cohorts_by_unit_in_the_locale() -> None:
    plan = from_toml(RolloutRequest, ROLLOUT_HEAD).plan(CATALOGUE)
    swedish = plan.to_sessions()
    english = plan.to_sessions("en_GB")
    assert {s.cohort for s in swedish} == {"Stadsarkivet, kohort 1", "Stadsarkivet, kohort 2"}
    assert english[0].cohort.startswith("Stadsarkivet, cohort ")
    held = [s for s in swedish if s.format.is_scheduled]
    assert [s.module.code for s in held] == [s.module for s in plan.sessions]
    windows = sorted(
        (s.cohort, s.module.code, s.start.date(), s.end.date())
        for s in swedish
        if not s.format.is_scheduled
    )
    assert windows == sorted(
        (f"{w.unit}, kohort {w.cohort}", w.module, w.opens, w.due.add(days=1))
        for w in plan.self_paced
    )
    assert len(windows) == 2
