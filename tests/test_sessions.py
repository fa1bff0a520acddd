"""Tests of sessions, scheduling and conflicts (ledarutveckling._scheduling)."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    Blackout,
    Conflict,
    ConflictKind,
    DateRange,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    Session,
    TargetGroup,
    ValidationError,
    WorkingCalendar,
    count_conflicts,
    find_conflicts,
    schedule_cohort,
)

D = pendulum.date
NINE = dt.time(9, 0)
CALENDAR = WorkingCalendar.sweden()


def _program(*, max_span_days: int | None = 120, code: str = "FOR") -> Program:
    return Program(
        code=code,
        title="Förändringsledarskap",
        service_area=ServiceArea.LEADERSHIP,
        target_group=TargetGroup.MANAGERS,
        kind=ProgramKind.LONG_PROGRAM,
        max_span_days=max_span_days,
        modules=[
            Module(
                code="M1",
                title="Introduktion",
                duration=pendulum.duration(hours=1),
                format=DeliveryFormat.SELF_PACED,
            ),
            Module(
                code="M2",
                title="Att leda i förändring",
                duration=pendulum.duration(hours=3, minutes=30),
                format=DeliveryFormat.IN_PERSON,
                min_days_after_previous=7,
            ),
            Module(
                code="M3",
                title="Digital uppföljning",
                duration=pendulum.duration(hours=2),
                format=DeliveryFormat.DIGITAL,
                min_days_after_previous=14,
            ),
            Module(
                code="M4",
                title="Avslutning",
                duration=pendulum.duration(hours=3),
                format=DeliveryFormat.IN_PERSON,
                min_days_after_previous=14,
            ),
        ],
    )


PROGRAM = _program()


def _at(day: pendulum.Date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz="Europe/Stockholm")


def _session(
    module: str = "M2",
    *,
    start: pendulum.DateTime | None = None,
    hours: int = 3,
    cohort: str = "Grupp 1",
    facilitators: tuple[str, ...] = (),
    room: str | None = None,
    program: Program = PROGRAM,
) -> Session:
    start = start if start is not None else _at(D(2027, 3, 2), 9)
    chosen = program.module(module)
    return Session(
        program=program,
        module=chosen,
        cohort=cohort,
        start=start,
        end=start.add(hours=hours),
        format=chosen.format,
        facilitators=facilitators,
        room=room,
    )


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, object, str]]:
    return [(p.path, p.value, p.message) for p in error.value.problems]


def _starts(sessions: tuple[Session, ...]) -> list[str]:
    return [s.start.isoformat() for s in sessions]


# -- Session ------------------------------------------------------------------------------


def test_a_session_keeps_aware_times_in_stockholm() -> None:
    session = _session(start=pendulum.datetime(2027, 3, 2, 8, tz="UTC"))
    assert session.start == pendulum.datetime(2027, 3, 2, 9, tz="Europe/Stockholm")
    assert session.start.timezone_name == "Europe/Stockholm"
    assert session.end.timezone_name == "Europe/Stockholm"
    assert session.day == D(2027, 3, 2)


def test_a_stdlib_aware_datetime_is_converted_to_pendulum() -> None:
    start = dt.datetime(2027, 3, 2, 8, tzinfo=dt.UTC)
    session = _session(start=pendulum.instance(start))
    plain = attrs.evolve(session, start=start)
    assert type(plain.start) is pendulum.DateTime
    assert plain.start == session.start


@pytest.mark.parametrize(
    ("wall", "fold", "expected"),
    [
        # 02:30 on 28 March 2027 does not exist; Python places it at 01:30 UTC (PEP 495).
        (dt.datetime(2027, 3, 28, 2, 30), 0, "2027-03-28T03:30:00+02:00"),
        (dt.datetime(2027, 3, 28, 2, 30), 1, "2027-03-28T01:30:00+01:00"),
        # 02:30 on 31 October 2027 happens twice: fold says which.
        (dt.datetime(2027, 10, 31, 2, 30), 0, "2027-10-31T02:30:00+02:00"),
        (dt.datetime(2027, 10, 31, 2, 30), 1, "2027-10-31T02:30:00+01:00"),
    ],
)
def test_a_zoneinfo_datetime_keeps_its_instant_across_a_change_of_the_clocks(
    wall: dt.datetime, fold: int, expected: str
) -> None:
    import zoneinfo

    from ledarutveckling import Response

    moment = wall.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"), fold=fold)
    session = attrs.evolve(_session(), start=moment, end=moment + dt.timedelta(hours=5))
    assert session.start.isoformat() == expected
    assert session.start.timestamp() == moment.timestamp()
    response = Response(answers={"Q1": 4}, submitted_at=moment)
    assert response.submitted_at.timestamp() == moment.timestamp()
    assert response.submitted_at.isoformat() == expected


def test_a_session_names_itself_for_messages_and_calendars() -> None:
    session = _session()
    assert session.name() == "FOR Grupp 1 M2 (2 mars 2027 kl. 09:00)"
    assert session.name("en_GB") == "FOR Grupp 1 M2 (2 March 2027 at 09:00)"
    assert session.title() == "Förändringsledarskap: Att leda i förändring (Grupp 1)"


def test_the_uid_depends_only_on_program_cohort_and_module() -> None:
    session = _session()
    moved = attrs.evolve(session, start=_at(D(2027, 4, 6), 13), end=_at(D(2027, 4, 6), 16))
    assert moved.uid == session.uid
    assert session.uid.endswith("@ledarutveckling")
    others = {
        _session(cohort="Grupp 2").uid,
        _session("M3").uid,
        _session(program=_program(code="FOR2")).uid,
        session.uid,
    }
    assert len(others) == 4


def test_the_uid_is_pinned_so_that_exports_stay_stable_between_releases() -> None:
    assert _session().uid == PINNED_UID


PINNED_UID = "325f11f9-dbdc-5478-9eba-4c40bdfb25f1@ledarutveckling"


def test_every_bad_session_field_is_reported() -> None:
    naive = dt.datetime(2027, 3, 2, 9)
    with pytest.raises(ValidationError) as error:
        Session(
            program="FOR",  # type: ignore[arg-type]
            module="M1",  # type: ignore[arg-type]
            cohort=" ",
            start=naive,
            end="12:00",  # type: ignore[arg-type]
            format="on site",  # type: ignore[arg-type]
            facilitators=["Anna", "", "Anna"],
            room="",
        )
    assert _problems(error) == [
        ("program", "FOR", "must be a Program"),
        ("module", "M1", "must be a Module"),
        ("cohort", " ", "must not be empty"),
        (
            "start",
            naive,
            "must be aware (have a time zone), e.g. "
            "pendulum.datetime(2027, 3, 2, 9, tz='Europe/Stockholm')",
        ),
        ("end", "12:00", "must be a datetime, e.g. pendulum.datetime(2027, 3, 2, 9, tz=...)"),
        (
            "format",
            "on site",
            "must be a DeliveryFormat ('in_person', 'digital', 'self_paced')",
        ),
        ("facilitators[1]", "", "must not be empty"),
        ("facilitators[2]", "Anna", "duplicate facilitator; each must be unique"),
        ("room", "", "must not be empty"),
    ]


def test_a_session_must_end_after_it_starts() -> None:
    start = _at(D(2027, 3, 2), 9)
    with pytest.raises(ValidationError) as error:
        attrs.evolve(_session(), end=start)
    assert _problems(error) == [("end", start, "must be after start (2027-03-02T09:00:00+01:00)")]


def test_a_session_module_must_belong_to_its_program() -> None:
    stranger = Module(
        code="X1", title="Annat", duration=pendulum.duration(hours=1), format=DeliveryFormat.DIGITAL
    )
    with pytest.raises(ValidationError) as error:
        attrs.evolve(_session(), module=stranger)
    assert _problems(error) == [
        ("module", "X1", "must be one of the program's modules (M1, M2, M3, M4)")
    ]


def test_facilitators_must_be_a_list() -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(_session(), facilitators="Anna")
    assert _problems(error) == [("facilitators", "Anna", "must be a list of names")]


# -- schedule_cohort --------------------------------------------------------------------


def test_modules_are_placed_in_order_with_their_gaps_at_the_same_wall_clock_time() -> None:
    sessions = schedule_cohort(PROGRAM, "Grupp 1", D(2027, 3, 1), CALENDAR, NINE)
    # Summer time starts on 28 March 2027: the offset changes, 09:00 does not.
    assert _starts(sessions) == [
        "2027-03-01T09:00:00+01:00",
        "2027-03-08T09:00:00+01:00",
        "2027-03-22T09:00:00+01:00",
        "2027-04-05T09:00:00+02:00",
    ]
    assert [s.end.isoformat() for s in sessions] == [
        "2027-03-01T10:00:00+01:00",
        "2027-03-08T12:30:00+01:00",
        "2027-03-22T11:00:00+01:00",
        "2027-04-05T12:00:00+02:00",
    ]
    assert [s.module.code for s in sessions] == ["M1", "M2", "M3", "M4"]
    assert {s.cohort for s in sessions} == {"Grupp 1"}


def test_wall_clock_time_holds_when_summer_time_ends() -> None:
    sessions = schedule_cohort(PROGRAM, "Grupp 1", D(2027, 10, 4), CALENDAR, dt.time(13, 15))
    assert _starts(sessions) == [
        "2027-10-04T13:15:00+02:00",
        "2027-10-11T13:15:00+02:00",
        "2027-10-25T13:15:00+02:00",
        "2027-11-08T13:15:00+01:00",
    ]


def test_the_first_module_skips_days_off() -> None:
    sessions = schedule_cohort(PROGRAM, "Grupp 1", D(2027, 6, 25), CALENDAR, NINE)
    assert sessions[0].day == D(2027, 6, 28)  # after midsommarafton and the weekend


def test_a_preferred_weekday_is_used_for_every_module() -> None:
    sessions = schedule_cohort(PROGRAM, "Grupp 1", D(2027, 3, 1), CALENDAR, NINE, weekday=1)
    assert [s.day for s in sessions] == [
        D(2027, 3, 2),
        D(2027, 3, 9),
        D(2027, 3, 23),
        D(2027, 4, 6),
    ]


def test_a_preferred_weekday_that_is_a_holiday_moves_to_the_next_working_day_that_week() -> None:
    sessions = schedule_cohort(PROGRAM, "Grupp 1", D(2027, 3, 29), CALENDAR, NINE, weekday=0)
    # Annandag påsk is Monday 29 March 2027; the Monday rule resumes for the next module.
    assert [s.day for s in sessions] == [
        D(2027, 3, 30),
        D(2027, 4, 12),
        D(2027, 4, 26),
        D(2027, 5, 10),
    ]


def test_a_cadence_places_modules_every_third_week() -> None:
    sessions = schedule_cohort(
        PROGRAM, "Grupp 1", D(2026, 11, 2), CALENDAR, NINE, weekday=2, every_weeks=3
    )
    # Wednesday 6 January 2027 is trettondedag jul: that session moves to the Thursday.
    assert [s.day for s in sessions] == [
        D(2026, 11, 4),
        D(2026, 11, 25),
        D(2026, 12, 16),
        D(2027, 1, 7),
    ]


def test_a_cadence_without_a_weekday_keeps_the_first_sessions_weekday() -> None:
    sessions = schedule_cohort(PROGRAM, "Grupp 1", D(2026, 11, 5), CALENDAR, NINE, every_weeks=3)
    assert [s.day for s in sessions] == [
        D(2026, 11, 5),
        D(2026, 11, 26),
        D(2026, 12, 17),
        D(2027, 1, 7),
    ]


def test_a_blackout_pushes_the_modules_after_it() -> None:
    calendar = WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("sommar", 2027, 27, 32)])
    sessions = schedule_cohort(PROGRAM, "Grupp 1", D(2027, 6, 21), calendar, NINE)
    assert [s.day for s in sessions] == [
        D(2027, 6, 21),
        D(2027, 6, 28),
        D(2027, 8, 16),
        D(2027, 8, 30),
    ]


def test_facilitators_lead_every_session_but_the_self_paced_and_rooms_are_for_in_person() -> None:
    sessions = schedule_cohort(
        PROGRAM, "Grupp 1", D(2027, 3, 1), CALENDAR, NINE, facilitators=["Anna"], room="Ekoln"
    )
    assert [(s.format, s.facilitators, s.room) for s in sessions] == [
        (DeliveryFormat.SELF_PACED, (), None),
        (DeliveryFormat.IN_PERSON, ("Anna",), "Ekoln"),
        (DeliveryFormat.DIGITAL, ("Anna",), None),
        (DeliveryFormat.IN_PERSON, ("Anna",), "Ekoln"),
    ]


def test_a_span_that_the_calendar_makes_too_long_is_refused() -> None:
    calendar = WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("sommar", 2027, 27, 32)])
    with pytest.raises(ValidationError) as error:
        schedule_cohort(_program(max_span_days=60), "Grupp 1", D(2027, 6, 21), calendar, NINE)
    assert _problems(error) == [
        (
            "program.max_span_days",
            60,
            "cannot be met: with this calendar the modules need 70 days, "
            "from 2027-06-21 to 2027-08-30",
        )
    ]


def test_a_span_within_the_limit_passes() -> None:
    sessions = schedule_cohort(_program(max_span_days=35), "Grupp 1", D(2027, 3, 1), CALENDAR, NINE)
    assert (sessions[-1].day - sessions[0].day).days == 35


def test_a_cadence_shorter_than_a_gap_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        schedule_cohort(PROGRAM, "Grupp 1", D(2027, 3, 1), CALENDAR, NINE, every_weeks=1)
    assert _problems(error) == [
        ("every_weeks", 1, "is shorter than modules[2].min_days_after_previous (14 days)"),
        ("every_weeks", 1, "is shorter than modules[3].min_days_after_previous (14 days)"),
    ]


def test_a_session_that_would_end_after_midnight_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        schedule_cohort(PROGRAM, "Grupp 1", D(2027, 3, 1), CALENDAR, dt.time(22, 0))
    assert _problems(error) == [
        (
            "program.modules[1].duration",
            pendulum.duration(hours=3, minutes=30),
            "does not fit between 22:00:00 and midnight; a session must end on the day it starts",
        )
    ]


@pytest.mark.parametrize(
    ("weekday", "failing"),
    [
        # Thursday 20 May 2100, 27 May, then 10 June is blocked.
        (None, "modules[2] (M3)"),
        # Wednesday 26 May 2100, then 2 June is blocked.
        (2, "modules[1] (M2)"),
    ],
)
def test_running_out_of_working_days_is_refused(weekday: int | None, failing: str) -> None:
    calendar = WorkingCalendar.sweden(blackouts=[DateRange.from_iso("2100-06-01", "2100-12-31")])
    with pytest.raises(ValidationError) as error:
        schedule_cohort(PROGRAM, "Grupp 1", D(2100, 5, 20), calendar, NINE, weekday=weekday)
    assert [(p.path, p.message) for p in error.value.problems] == [
        ("calendar", f"has no working day for {failing} before the end of 2100")
    ]


def test_every_bad_scheduling_argument_is_reported() -> None:
    moment = pendulum.datetime(2027, 3, 1, 9)
    with pytest.raises(ValidationError) as error:
        schedule_cohort(
            "FOR",  # type: ignore[arg-type]
            "",
            moment,
            None,  # type: ignore[arg-type]
            "09:00",  # type: ignore[arg-type]
            weekday=5,
            every_weeks=0,
            facilitators=["Anna", "Anna"],
            room=" ",
        )
    assert _problems(error) == [
        ("program", "FOR", "must be a Program"),
        ("cohort", "", "must not be empty"),
        (
            "first_day",
            moment,
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
        ),
        ("calendar", None, "must be a WorkingCalendar"),
        ("start_time", "09:00", "must be a time of day, e.g. datetime.time(9, 0)"),
        ("weekday", 5, "must be at most 4"),
        ("every_weeks", 0, "must be at least 1"),
        ("facilitators[1]", "Anna", "duplicate facilitator; each must be unique"),
        ("room", " ", "must not be empty"),
    ]


def test_a_first_day_outside_the_holiday_data_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        schedule_cohort(PROGRAM, "Grupp 1", D(1950, 3, 1), CALENDAR, NINE)
    assert _problems(error) == [
        (
            "first_day",
            D(1950, 3, 1),
            "must be in the years 1953–2100, which the Swedish holiday data covers",
        )
    ]


def test_a_cadence_is_not_compared_with_a_program_that_is_not_one() -> None:
    with pytest.raises(ValidationError) as error:
        schedule_cohort("FOR", "Grupp 1", D(2027, 3, 1), CALENDAR, NINE, every_weeks=1)  # type: ignore[arg-type]
    assert [p.path for p in error.value.problems] == ["program"]


def test_a_start_time_with_a_zone_and_a_single_name_as_facilitators_are_refused() -> None:
    zoned = dt.time(9, 0, tzinfo=dt.UTC)
    with pytest.raises(ValidationError) as error:
        schedule_cohort(
            PROGRAM,
            "Grupp 1",
            D(2027, 3, 1),
            CALENDAR,
            zoned,
            facilitators=5,  # type: ignore[arg-type]
        )
    assert _problems(error) == [
        (
            "start_time",
            zoned,
            "must be a wall-clock time without a zone; sessions are in Europe/Stockholm",
        ),
        ("facilitators", 5, "must be a list of names"),
    ]


@settings(max_examples=40, deadline=None)
@given(
    first=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2030, 6, 30)),
    weekday=st.none() | st.integers(min_value=0, max_value=4),
    every_weeks=st.none() | st.integers(min_value=2, max_value=5),
    hour=st.integers(min_value=7, max_value=16),
)
def test_scheduled_sessions_obey_every_rule(
    first: dt.date, weekday: int | None, every_weeks: int | None, hour: int
) -> None:
    calendar = WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("sommar", 2027, 27, 32)])
    sessions = schedule_cohort(
        _program(max_span_days=None),
        "Grupp 1",
        first,
        calendar,
        dt.time(hour, 30),
        weekday=weekday,
        every_weeks=every_weeks,
        facilitators=["Anna"],
        room="Ekoln",
    )
    assert sessions[0].day >= first
    for session in sessions:
        assert calendar.is_working_day(session.day)
        assert (session.start.hour, session.start.minute) == (hour, 30)
        assert session.end - session.start == session.module.duration
    for before, after in itertools.pairwise(sessions):
        assert (after.day - before.day).days >= max(1, after.module.min_days_after_previous)
        if every_weeks is not None:
            assert (after.day - before.day).days >= 7 * every_weeks - 4
    if weekday is not None:
        for session in sessions:
            same_week_late = session.day.weekday() > weekday
            assert session.day.weekday() == weekday or same_week_late
    assert find_conflicts(sessions, calendar) == ()


# -- find_conflicts -----------------------------------------------------------------------


def test_a_plan_without_conflicts_has_none() -> None:
    sessions = schedule_cohort(
        PROGRAM, "Grupp 1", D(2027, 3, 1), CALENDAR, NINE, facilitators=["Anna"], room="Ekoln"
    )
    assert find_conflicts(sessions, CALENDAR) == ()
    assert find_conflicts([]) == ()


def test_a_facilitator_in_two_overlapping_sessions_is_a_conflict_naming_both() -> None:
    first = _session(start=_at(D(2027, 3, 2), 9), facilitators=("Anna", "Erik"))
    second = _session(start=_at(D(2027, 3, 2), 11), cohort="Grupp 2", facilitators=("Anna",))
    (conflict,) = find_conflicts([first, second])
    assert conflict.kind is ConflictKind.FACILITATOR
    assert conflict.sessions == (first, second)
    assert conflict.message == (
        "Anna leder två träffar samtidigt: FOR Grupp 1 M2 (2 mars 2027 kl. 09:00) "
        "och FOR Grupp 2 M2 (2 mars 2027 kl. 11:00)"
    )
    assert str(conflict) == conflict.message


def test_every_shared_facilitator_is_a_conflict_of_its_own() -> None:
    first = _session(facilitators=("Anna", "Erik"))
    second = _session(cohort="Grupp 2", facilitators=("Erik", "Anna"))
    assert [c.message.split()[0] for c in find_conflicts([first, second])] == ["Anna", "Erik"]


def test_sessions_that_only_touch_do_not_overlap() -> None:
    first = _session(start=_at(D(2027, 3, 2), 9), facilitators=("Anna",), room="Ekoln")
    second = _session(
        start=_at(D(2027, 3, 2), 12), cohort="Grupp 2", facilitators=("Anna",), room="Ekoln"
    )
    assert find_conflicts([first, second]) == ()


def test_a_room_in_two_overlapping_sessions_is_a_conflict() -> None:
    first = _session(cohort="Grupp 2", start=_at(D(2027, 3, 2), 10), room="Ekoln")
    second = _session(cohort="Grupp 1", start=_at(D(2027, 3, 2), 9), room="Ekoln")
    other_room = _session(cohort="Grupp 3", start=_at(D(2027, 3, 2), 9), room="Lärkan")
    (conflict,) = find_conflicts([first, second, other_room], locale="en_GB")
    assert conflict.kind is ConflictKind.ROOM
    assert conflict.sessions == (first, second)
    assert conflict.message == (
        "Ekoln is booked for two sessions at once: FOR Grupp 2 M2 (2 March 2027 at 10:00) "
        "and FOR Grupp 1 M2 (2 March 2027 at 09:00)"
    )


def test_a_session_on_a_day_off_is_a_conflict_only_with_a_calendar() -> None:
    session = _session(start=_at(D(2027, 12, 24), 9))
    assert find_conflicts([session]) == ()
    (conflict,) = find_conflicts([session], CALENDAR)
    assert conflict == Conflict(
        kind=ConflictKind.DAY_OFF,
        sessions=(session,),
        message="FOR Grupp 1 M2 (24 december 2027 kl. 09:00) ligger på en ledig dag: Julafton",
    )
    (english,) = find_conflicts([session], CALENDAR, locale="en_GB")
    assert english.message == (
        "FOR Grupp 1 M2 (24 December 2027 at 09:00) falls on a day off: Christmas Eve"
    )


def test_a_session_past_midnight_is_checked_on_every_day_it_covers() -> None:
    session = _session(start=_at(D(2027, 6, 24), 20), hours=6)
    (conflict,) = find_conflicts([session], CALENDAR)
    assert conflict.message.endswith("ligger på en ledig dag: Midsommarafton")


def test_a_later_module_before_an_earlier_one_is_out_of_order() -> None:
    early = _session("M2", start=_at(D(2027, 3, 9), 9))
    late = _session("M3", start=_at(D(2027, 3, 2), 9))
    (conflict,) = find_conflicts([early, late])
    assert conflict.kind is ConflictKind.ORDER
    assert conflict.sessions == (early, late)
    assert conflict.message == (
        "FOR Grupp 1 M3 (2 mars 2027 kl. 09:00) börjar innan FOR Grupp 1 M2 "
        "(9 mars 2027 kl. 09:00), som kommer före i programmet, är slut"
    )
    (english,) = find_conflicts([early, late], locale="en_GB")
    assert english.message == (
        "FOR Grupp 1 M3 (2 March 2027 at 09:00) starts before FOR Grupp 1 M2 "
        "(9 March 2027 at 09:00), which comes earlier in the program, has ended"
    )


def test_a_later_module_starting_before_the_earlier_ends_is_out_of_order() -> None:
    early = _session("M1", start=_at(D(2027, 3, 2), 9), hours=2)
    late = _session("M2", start=_at(D(2027, 3, 2), 10))
    assert [c.kind for c in find_conflicts([late, early])] == [ConflictKind.ORDER]


def test_a_module_too_soon_after_the_previous_is_a_conflict() -> None:
    previous = _session("M2", start=_at(D(2027, 3, 8), 9))
    soon = _session("M3", start=_at(D(2027, 3, 15), 9))
    (conflict,) = find_conflicts([previous, soon])
    assert conflict.kind is ConflictKind.TOO_CLOSE
    assert conflict.message == (
        "FOR Grupp 1 M3 (15 mars 2027 kl. 09:00) ligger 7 dagar efter FOR Grupp 1 M2 "
        "(8 mars 2027 kl. 09:00); modulen kräver minst 14 dagar"
    )
    (english,) = find_conflicts([previous, soon], locale="en_GB")
    assert english.message == (
        "FOR Grupp 1 M3 (15 March 2027 at 09:00) is 7 days after FOR Grupp 1 M2 "
        "(8 March 2027 at 09:00); the module requires at least 14 days"
    )


def test_gaps_of_modules_missing_from_the_plan_add_up() -> None:
    first = _session("M2", start=_at(D(2027, 3, 1), 9))
    last = _session("M4", start=_at(D(2027, 3, 23), 9))
    (conflict,) = find_conflicts([first, last])
    assert conflict.message.endswith(
        "ligger 22 dagar efter FOR Grupp 1 M2 "
        "(1 mars 2027 kl. 09:00); modulen kräver minst 28 dagar"
    )
    assert find_conflicts([first, _session("M4", start=_at(D(2027, 3, 29), 9))]) == ()


def test_one_day_is_singular() -> None:
    program = Program(
        code="KORT",
        title="Kort",
        service_area=ServiceArea.LEADERSHIP,
        target_group=TargetGroup.MANAGERS,
        kind=ProgramKind.SHORT_INTERVENTION,
        modules=[
            Module(
                code="A",
                title="A",
                duration=pendulum.duration(hours=1),
                format=DeliveryFormat.DIGITAL,
            ),
            Module(
                code="B",
                title="B",
                duration=pendulum.duration(hours=1),
                format=DeliveryFormat.DIGITAL,
                min_days_after_previous=1,
            ),
        ],
    )
    a = _session("A", program=program, start=_at(D(2027, 3, 2), 9), hours=1)
    b = _session("B", program=program, start=_at(D(2027, 3, 2), 13), hours=1)
    (conflict,) = find_conflicts([a, b], locale="en_GB")
    assert conflict.message.endswith(
        "is 0 days after KORT Grupp 1 A (2 March 2027 at 09:00); the module requires at least 1 day"
    )
    (swedish,) = find_conflicts([a, b])
    assert swedish.message.endswith("modulen kräver minst 1 dag")


def test_other_cohorts_and_repeats_of_a_module_are_not_compared_for_order() -> None:
    one = _session("M3", start=_at(D(2027, 3, 2), 9))
    other_cohort = _session("M2", start=_at(D(2027, 3, 9), 9), cohort="Grupp 2")
    repeat = _session("M3", start=_at(D(2027, 3, 3), 9))
    assert find_conflicts([one, other_cohort, repeat]) == ()


def test_conflicts_are_ordered_by_kind_then_by_position() -> None:
    a = _session("M3", start=_at(D(2027, 12, 24), 9), facilitators=("Anna",))
    b = _session("M2", start=_at(D(2027, 12, 24), 10), cohort="Grupp 2", facilitators=("Anna",))
    c = _session("M4", start=_at(D(2027, 12, 20), 9))
    kinds = [(conflict.kind, conflict.sessions) for conflict in find_conflicts([a, b, c], CALENDAR)]
    assert kinds == [
        (ConflictKind.FACILITATOR, (a, b)),
        (ConflictKind.DAY_OFF, (a,)),
        (ConflictKind.DAY_OFF, (b,)),
        (ConflictKind.ORDER, (a, c)),
    ]


def test_conflict_kinds_have_swedish_and_english_labels() -> None:
    assert [k.label() for k in ConflictKind] == [
        "dubbelbokad utbildningsledare",
        "dubbelbokad lokal",
        "ledig dag",
        "moduler i fel ordning",
        "för tätt mellan moduler",
        "för få utbildningsledare",
    ]
    assert ConflictKind.ROOM.label("en_GB") == "double-booked room"


def test_sessions_outside_the_holiday_data_cannot_be_checked_against_a_calendar() -> None:
    late = _session(start=_at(D(2100, 12, 31), 22))
    assert find_conflicts([late]) == ()
    with pytest.raises(ValidationError) as error:
        find_conflicts([late], CALENDAR)
    assert _problems(error) == [
        (
            "sessions[0].end",
            D(2101, 1, 1),
            "must be in the years 1953–2100, which the Swedish holiday data covers",
        )
    ]


def test_bad_input_to_find_conflicts_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        find_conflicts([_session(), "M2"], "sweden")  # type: ignore[list-item, arg-type]
    assert _problems(error) == [
        ("sessions[1]", "M2", "must be a Session"),
        ("calendar", "sweden", "must be a WorkingCalendar"),
    ]
    with pytest.raises(ValidationError) as error:
        find_conflicts([_session(), "M2"], CALENDAR)  # type: ignore[list-item]
    assert _problems(error) == [("sessions[1]", "M2", "must be a Session")]
    with pytest.raises(ValidationError) as error:
        find_conflicts(_session())  # type: ignore[arg-type]
    assert [p.path for p in error.value.problems] == ["sessions"]
    with pytest.raises(ValidationError) as error:
        find_conflicts([], locale="fr_FR")
    assert [p.path for p in error.value.problems] == ["locale"]


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.text(max_size=5),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.datetimes(),
    st.times(),
    st.lists(st.text(max_size=3), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(
    first_day=anything,
    start_time=anything,
    weekday=anything,
    every_weeks=anything,
    facilitators=anything,
    room=anything,
)
def test_schedule_cohort_raises_only_validation_errors(
    first_day: object,
    start_time: object,
    weekday: object,
    every_weeks: object,
    facilitators: object,
    room: object,
) -> None:
    try:
        sessions = schedule_cohort(
            PROGRAM,
            "Grupp 1",
            first_day,  # type: ignore[arg-type]
            CALENDAR,
            start_time,  # type: ignore[arg-type]
            weekday=weekday,  # type: ignore[arg-type]
            every_weeks=every_weeks,  # type: ignore[arg-type]
            facilitators=facilitators,  # type: ignore[arg-type]
            room=room,  # type: ignore[arg-type]
        )
    except ValidationError:
        return
    assert len(sessions) == len(PROGRAM.modules)


def test_a_session_led_by_fewer_than_its_module_needs_is_a_conflict() -> None:
    pairs = attrs.evolve(
        PROGRAM, modules=[attrs.evolve(m, facilitators=2) for m in PROGRAM.modules]
    )
    one = _session("M2", facilitators=("Anna",), program=pairs)
    two = _session("M4", start=_at(D(2027, 3, 30), 9), facilitators=("Anna", "Bo"), program=pairs)
    unnamed = _session("M3", start=_at(D(2027, 3, 16), 9), program=pairs)
    self_paced = _session("M1", start=_at(D(2027, 2, 22), 9), facilitators=("Anna",), program=pairs)
    plan = [self_paced, one, unnamed, two]
    (conflict,) = find_conflicts(plan)
    assert conflict.kind is ConflictKind.TOO_FEW_FACILITATORS
    assert conflict.sessions == (one,)
    assert str(conflict) == (
        "FOR Grupp 1 M2 (2 mars 2027 kl. 09:00) leds av 1 utbildningsledare; modulen ska ledas "
        "av 2 utbildningsledare"
    )
    (english,) = find_conflicts(plan, locale="en_GB")
    assert str(english) == (
        "FOR Grupp 1 M2 (2 March 2027 at 09:00) is led by 1 facilitator; the module must be led "
        "by 2 facilitators"
    )
    assert english.kind.label("en_GB") == "too few facilitators"
    assert count_conflicts(plan) == 1
    assert find_conflicts(plan, limit=0) == ()
