"""Tests of the calendar export (ledarutveckling._scheduling.ical).

The output is read back with icalendar (which wrote it) and with a second, independent
parser, the ``ical`` package (a dev dependency; its own RFC 5545 parser built on pydantic).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import attrs
import icalendar
import pendulum
import pytest
from ical.calendar_stream import IcsCalendarStream

from ledarutveckling import (
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    Session,
    TargetGroup,
    ValidationError,
    WorkingCalendar,
    schedule_cohort,
    to_ical,
)
from ledarutveckling._scheduling.ical import _onsets_before_the_change
from ledarutveckling.scheduling import (
    PRODID,
    Facilitator,
    Rollout,
    RolloutPlan,
    RolloutUnit,
    Room,
    SessionSlot,
    plan_rollout,
)

D = pendulum.date
STAMP = pendulum.datetime(2026, 11, 27, 10, 30, tz="Europe/Stockholm")
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")

PROGRAM = Program(
    code="FOR",
    title="Förändringsledarskap",
    service_area=ServiceArea.LEADERSHIP,
    target_group=TargetGroup.MANAGERS,
    kind=ProgramKind.LONG_PROGRAM,
    modules=[
        Module(
            code="M1",
            title="Att leda i förändring",
            duration=pendulum.duration(hours=3, minutes=30),
            format=DeliveryFormat.IN_PERSON,
        ),
        Module(
            code="M2",
            title="Digital uppföljning",
            duration=pendulum.duration(hours=2),
            format=DeliveryFormat.DIGITAL,
            min_days_after_previous=14,
        ),
        Module(
            code="M3",
            title="Avslutning, reflektion och nästa steg för gruppen",
            duration=pendulum.duration(hours=3),
            format=DeliveryFormat.IN_PERSON,
            min_days_after_previous=14,
        ),
    ],
)


MARCH = D(2027, 3, 8)


def _plan(first_day: pendulum.Date = MARCH) -> tuple[Session, ...]:
    # From 8 March 2027: 8 and 22 March in winter time, 5 April in summer time (from 28 March).
    return schedule_cohort(
        PROGRAM,
        "Grupp 1",
        first_day,
        WorkingCalendar.sweden(),
        dt.time(9, 0),
        facilitators=["Anna Berg", "Erik Lind"],
        room="Ekoln, plan 3",
    )


def _events(data: bytes) -> list[icalendar.Event]:
    return [
        e
        for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
        if isinstance(e, icalendar.Event)
    ]


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, object, str]]:
    return [(p.path, p.value, p.message) for p in error.value.problems]


# -- read back with icalendar ----------------------------------------------------------


def test_the_plan_spans_a_change_to_summer_time() -> None:
    assert [s.start.utcoffset() for s in _plan()] == [
        dt.timedelta(hours=1),
        dt.timedelta(hours=1),
        dt.timedelta(hours=2),
    ]


def test_icalendar_reads_back_one_event_per_session_with_the_same_times() -> None:
    sessions = _plan()
    events = _events(to_ical(sessions, stamp=STAMP))
    assert len(events) == 3
    for session, event in zip(sessions, events, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start == session.start
        assert end == session.end
        assert start.utcoffset() == session.start.utcoffset()
        assert str(start.tzinfo) == "Europe/Stockholm"
        assert (start.hour, start.minute) == (9, 0)
        assert str(event["UID"]) == session.uid


def test_times_are_written_as_stockholm_wall_clock_with_a_tzid() -> None:
    text = to_ical(_plan(), stamp=STAMP).decode()
    lines = text.split("\r\n")
    assert [line for line in lines if line.startswith(("DTSTART;", "DTEND;"))] == [
        "DTSTART;TZID=Europe/Stockholm:20270308T090000",
        "DTEND;TZID=Europe/Stockholm:20270308T123000",
        "DTSTART;TZID=Europe/Stockholm:20270322T090000",
        "DTEND;TZID=Europe/Stockholm:20270322T110000",
        "DTSTART;TZID=Europe/Stockholm:20270405T090000",
        "DTEND;TZID=Europe/Stockholm:20270405T120000",
    ]


def test_the_calendar_has_a_vtimezone_for_stockholm_with_both_offsets() -> None:
    calendar = icalendar.Calendar.from_ical(to_ical(_plan(), stamp=STAMP))
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Stockholm"
    daylight = timezone.walk("DAYLIGHT")
    standard = timezone.walk("STANDARD")
    assert daylight
    assert standard
    assert {str(c["TZNAME"]) for c in daylight} == {"CEST"}
    assert {str(c["TZNAME"]) for c in standard} == {"CET"}
    assert calendar.get_missing_tzids() == set()
    # icalendar notes "This timezone only works from …" in English; a Swedish calendar has none.
    assert "COMMENT" not in timezone
    assert b"COMMENT" not in to_ical(_plan(), stamp=STAMP, locale="en_GB")


def _timezone_lines(data: bytes) -> list[str]:
    lines = data.decode().split("\r\n")
    return lines[lines.index("BEGIN:VTIMEZONE") : lines.index("END:VTIMEZONE") + 1]


def test_summer_time_begins_at_two_in_the_vtimezone_as_rfc_5545_reads_it() -> None:
    # An onset is a local time in TZOFFSETFROM (RFC 5545, 3.6.5): 02:00 CET in March, 03:00
    # CEST in October, as tzdata, Outlook and tzurl.org have them. icalendar wrote 03:00 for
    # March, which read so is 02:00 UTC, an hour after the clocks went forward.
    assert _timezone_lines(to_ical(_plan(), stamp=STAMP)) == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Stockholm",
        "BEGIN:STANDARD",
        "DTSTART:20260101T000000",
        "TZNAME:CET",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20260329T020000",
        "RDATE:20270328T020000,20280326T020000",
        "TZNAME:CEST",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20261025T030000",
        "RDATE:20271031T030000,20281029T030000",
        "TZNAME:CET",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


@pytest.mark.parametrize("first_day", [D(1985, 3, 4), D(1996, 3, 4), D(2027, 3, 8), D(2099, 3, 2)])
def test_every_onset_of_the_vtimezone_is_the_instant_the_clocks_change(
    first_day: pendulum.Date,
) -> None:
    # Until 1995 summer time in Sweden ended on the last Sunday of September, not October.
    calendar = icalendar.Calendar.from_ical(to_ical(_plan(first_day), stamp=STAMP))
    (zone,) = calendar.timezones
    changes = 0
    for part in [*zone.standard, *zone.daylight]:
        assert isinstance(part, icalendar.TimezoneStandard | icalendar.TimezoneDaylight)
        before, after = part.TZOFFSETFROM, part.TZOFFSETTO
        assert before is not None
        if before == after:
            continue
        for local in [part.DTSTART, *(onset for onset, _ in part.rdates)]:
            instant = (local - before).replace(tzinfo=dt.UTC)
            second = dt.timedelta(seconds=1)
            assert (instant - second).astimezone(STOCKHOLM).utcoffset() == before
            assert instant.astimezone(STOCKHOLM).utcoffset() == after
            changes += 1
    assert changes == 6


def test_an_onset_without_later_ones_is_put_right_too() -> None:
    zone = icalendar.Timezone.from_tzid(
        "Europe/Stockholm", first_date=dt.date(2027, 1, 1), last_date=dt.date(2027, 6, 30)
    )
    (daylight,) = zone.daylight
    assert "RDATE" not in daylight
    _onsets_before_the_change(daylight, "Europe/Stockholm")
    assert dt.datetime(2027, 3, 28, 2) == daylight.DTSTART
    assert "RDATE" not in daylight


def test_the_calendar_header_is_fixed() -> None:
    calendar = icalendar.Calendar.from_ical(to_ical(_plan(), stamp=STAMP))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID == "-//ledarutveckling//ledarutveckling//SV"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"


def test_dtstamp_is_the_stamp_given_in_utc() -> None:
    for event in _events(to_ical(_plan(), stamp=STAMP)):
        assert event.decoded("DTSTAMP") == pendulum.datetime(2026, 11, 27, 9, 30, tz="UTC")
    text = to_ical(_plan(), stamp=STAMP).decode()
    assert "DTSTAMP:20261127T093000Z" in text.split("\r\n")


def test_summary_description_and_location_are_swedish() -> None:
    first, second, _ = _events(to_ical(_plan(), stamp=STAMP))
    assert str(first["SUMMARY"]) == "Förändringsledarskap: Att leda i förändring (Grupp 1)"
    assert str(first["DESCRIPTION"]) == (
        "Program: Förändringsledarskap (FOR)\n"
        "Modul: M1 Att leda i förändring\n"
        "Grupp: Grupp 1\n"
        "Format: på plats\n"
        "Plats: Ekoln, plan 3\n"
        "Utbildningsledare: Anna Berg och Erik Lind"
    )
    assert str(first["LOCATION"]) == "Ekoln, plan 3"
    assert str(second["DESCRIPTION"]) == (
        "Program: Förändringsledarskap (FOR)\n"
        "Modul: M2 Digital uppföljning\n"
        "Grupp: Grupp 1\n"
        "Format: digitalt\n"
        "Plats: Digitalt\n"
        "Utbildningsledare: Anna Berg och Erik Lind"
    )
    assert "LOCATION" not in second


def test_the_description_is_english_on_request() -> None:
    first = _events(to_ical(_plan(), stamp=STAMP, locale="en_GB"))[0]
    assert str(first["DESCRIPTION"]) == (
        "Program: Förändringsledarskap (FOR)\n"
        "Module: M1 Att leda i förändring\n"
        "Cohort: Grupp 1\n"
        "Format: in person\n"
        "Location: Ekoln, plan 3\n"
        "Facilitators: Anna Berg and Erik Lind"
    )


def test_an_in_person_session_without_a_room_has_its_place_to_be_announced() -> None:
    session = attrs.evolve(_plan()[0], room=None, facilitators=())
    (event,) = _events(to_ical([session], stamp=STAMP))
    assert "LOCATION" not in event
    assert str(event["DESCRIPTION"]).splitlines()[-1] == "Plats: meddelas senare"
    (english,) = _events(to_ical([session], stamp=STAMP, locale="en_GB"))
    assert str(english["DESCRIPTION"]).splitlines()[-1] == "Location: to be announced"


def test_a_self_paced_session_is_a_to_do_due_on_its_day_without_facilitators() -> None:
    session = attrs.evolve(_plan()[1], format=DeliveryFormat.SELF_PACED, facilitators=("Johan Ek",))
    data = to_ical([session], stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar.walk("VEVENT") == []
    (todo,) = calendar.walk("VTODO")
    assert todo.decoded("DUE") == session.start.date()
    assert "DTSTART" not in todo
    assert str(todo["DESCRIPTION"]).endswith("Format: självstudier")  # held nowhere: no place
    assert "Utbildningsledare" not in str(todo["DESCRIPTION"])
    assert "LOCATION" not in todo
    (other,) = IcsCalendarStream.calendar_from_ics(data.decode()).todos
    assert other.uid == session.uid
    assert other.due == session.start.date()
    assert other.dtstart is None


def test_a_self_paced_window_of_whole_days_opens_and_is_due_on_its_days() -> None:
    session = attrs.evolve(
        _plan()[1],
        format=DeliveryFormat.SELF_PACED,
        start=pendulum.datetime(2027, 3, 1, tz="Europe/Stockholm"),
        end=pendulum.datetime(2027, 3, 13, tz="Europe/Stockholm"),
        facilitators=(),
    )
    data = to_ical([session], stamp=STAMP)
    (todo,) = icalendar.Calendar.from_ical(data).walk("VTODO")
    assert todo.decoded("DTSTART") == dt.date(2027, 3, 1)
    assert todo.decoded("DUE") == dt.date(2027, 3, 12)
    (other,) = IcsCalendarStream.calendar_from_ics(data.decode()).todos
    assert (other.dtstart, other.due) == (dt.date(2027, 3, 1), dt.date(2027, 3, 12))


def test_sequence_and_organiser_are_written_when_given() -> None:
    plain, named = (
        _events(to_ical(_plan(), stamp=STAMP, organiser=who, sequence=2))[0]
        for who in ("kurs@example.se", "Anna Berg <anna@example.se>")
    )
    assert plain.decoded("SEQUENCE") == 2
    assert str(plain["ORGANIZER"]) == "mailto:kurs@example.se"
    assert "CN" not in plain["ORGANIZER"].params
    assert str(named["ORGANIZER"]) == "mailto:anna@example.se"
    assert named["ORGANIZER"].params["CN"] == "Anna Berg"
    default = _events(to_ical(_plan(), stamp=STAMP))[0]
    assert default.decoded("SEQUENCE") == 0
    assert "ORGANIZER" not in default


# -- read back with a second, independent parser ----------------------------------------


def test_a_second_parser_reads_the_same_events_and_times() -> None:
    sessions = _plan()
    data = to_ical(sessions, stamp=STAMP, organiser="kurs@example.se").decode()
    calendar = IcsCalendarStream.calendar_from_ics(data)
    assert len(calendar.events) == 3
    for session, event in zip(sessions, calendar.events, strict=True):
        assert event.uid == session.uid
        assert event.dtstart == session.start
        assert event.dtend == session.end
        assert isinstance(event.dtstart, dt.datetime)
        assert event.dtstart.utcoffset() == session.start.utcoffset()
        assert event.dtstart.replace(tzinfo=None) == session.start.naive()
        assert event.summary == session.title()
        assert event.dtstamp == pendulum.datetime(2026, 11, 27, 9, 30, tz="UTC")
    assert calendar.events[0].location == "Ekoln, plan 3"
    assert calendar.events[1].location is None
    assert calendar.events[0].description is not None
    assert calendar.events[0].description.startswith("Program: Förändringsledarskap (FOR)\n")


def test_a_second_parser_agrees_across_the_end_of_summer_time() -> None:
    sessions = _plan(D(2027, 10, 18))
    # 18 October and 1 November 2027 straddle the change on 31 October.
    assert [s.start.utcoffset() for s in sessions] == [
        dt.timedelta(hours=2),
        dt.timedelta(hours=1),
        dt.timedelta(hours=1),
    ]
    calendar = IcsCalendarStream.calendar_from_ics(to_ical(sessions, stamp=STAMP).decode())
    starts = [event.dtstart for event in calendar.events]
    assert starts == [s.start for s in sessions]
    assert [s.astimezone(STOCKHOLM).hour for s in starts if isinstance(s, dt.datetime)] == [9] * 3


def test_a_session_in_the_hour_the_clocks_show_twice_keeps_its_instants() -> None:
    """02:30 on 31 October 2027 happens twice; a local time with TZID is the first (RFC 5545)."""
    module = PROGRAM.modules[0]
    night = pendulum.datetime(2027, 10, 31, 2, 30, tz="Europe/Stockholm", fold=0)
    sessions = [
        Session(  # the second 02:30 (01:30 UTC) to 04:00: one and a half hours
            program=PROGRAM,
            module=module,
            cohort="Natt 1",
            format=module.format,
            start=night.replace(fold=1),
            end=pendulum.datetime(2027, 10, 31, 4, tz="Europe/Stockholm"),
        ),
        Session(  # the first 02:30 (00:30 UTC) to the second 02:45 (01:45 UTC)
            program=PROGRAM,
            module=module,
            cohort="Natt 2",
            format=module.format,
            start=night,
            end=night.replace(minute=45, fold=1),
        ),
    ]
    data = to_ical(sessions, stamp=STAMP)
    assert [(e["DTSTART"].to_ical(), e["DTEND"].to_ical()) for e in _events(data)] == [
        (b"20271031T013000Z", b"20271031T040000"),
        (b"20271031T023000", b"20271031T014500Z"),
    ]
    # Compared as instants: an aware time in a repeated hour never equals one of another
    # zone (PEP 495), so the two parsers' values are compared by their timestamps.
    expected = [(s.start.timestamp(), s.end.timestamp()) for s in sessions]
    read = [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in _events(data)]
    assert [(a.timestamp(), b.timestamp()) for a, b in read] == expected
    calendar = IcsCalendarStream.calendar_from_ics(data.decode())
    read = [(e.dtstart, e.dtend) for e in calendar.events]
    assert [(a.timestamp(), b.timestamp()) for a, b in read] == expected
    assert [e.dtend - e.dtstart for e in calendar.events] == [  # type: ignore[operator]
        dt.timedelta(hours=1, minutes=30),
        dt.timedelta(hours=1, minutes=15),
    ]


# -- format ------------------------------------------------------------------------------


def test_lines_end_in_crlf_and_are_folded_at_75_octets() -> None:
    data = to_ical(_plan(), stamp=STAMP)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert any(line.startswith(b" ") for line in lines)  # something was folded


def test_the_same_plan_and_stamp_give_the_same_bytes() -> None:
    assert to_ical(_plan(), stamp=STAMP) == to_ical(_plan(), stamp=STAMP)


def test_a_moved_plan_keeps_its_uids_so_calendars_update_the_events() -> None:
    before = _events(to_ical(_plan(D(2027, 3, 8)), stamp=STAMP))
    after = _events(to_ical(_plan(D(2027, 4, 12)), stamp=STAMP, sequence=1))
    assert [str(e["UID"]) for e in before] == [str(e["UID"]) for e in after]
    assert [e.decoded("DTSTART") for e in before] != [e.decoded("DTSTART") for e in after]


def test_another_cohort_gets_other_uids() -> None:
    first = _plan()
    second = [attrs.evolve(s, cohort="Grupp 2") for s in first]
    uids = {str(e["UID"]) for e in _events(to_ical([*first, *second], stamp=STAMP))}
    assert len(uids) == 6


# -- validation --------------------------------------------------------------------------


def test_every_bad_argument_is_reported() -> None:
    naive = dt.datetime(2026, 11, 27, 10)
    with pytest.raises(ValidationError) as error:
        to_ical(
            [_plan()[0], "M2"],  # type: ignore[list-item]
            stamp=naive,
            organiser="Anna Berg",
            sequence=-1,
        )
    assert _problems(error) == [
        ("sessions[1]", "M2", "must be a Session"),
        (
            "stamp",
            naive,
            "must be an aware datetime, the moment of export, e.g. "
            "pendulum.datetime(2026, 11, 27, 10, tz='Europe/Stockholm')",
        ),
        (
            "organiser",
            "Anna Berg",
            "must be an e-mail address, e.g. 'kurs@example.se' or 'Anna Berg <anna@example.se>'",
        ),
        ("sequence", -1, "must be at least 0"),
    ]


def test_an_empty_plan_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        to_ical([], stamp=STAMP)
    assert _problems(error) == [("sessions", [], "must hold at least one Session")]


def test_a_single_session_instead_of_a_list_is_refused() -> None:
    session = _plan()[0]
    with pytest.raises(ValidationError) as error:
        to_ical(session, stamp=STAMP, organiser=5)  # type: ignore[arg-type]
    assert _problems(error) == [
        (
            "sessions",
            "<Session>",
            "must be a list of Session objects, or a plan with to_sessions() (a RolloutPlan)",
        ),
        (
            "organiser",
            5,
            "must be an e-mail address, e.g. 'kurs@example.se' or 'Anna Berg <anna@example.se>'",
        ),
    ]


def test_two_sessions_with_the_same_uid_are_refused() -> None:
    session = _plan()[0]
    repeat = attrs.evolve(session, start=session.start.add(days=7), end=session.end.add(days=7))
    with pytest.raises(ValidationError) as error:
        to_ical([session, repeat], stamp=STAMP)
    assert _problems(error) == [
        (
            "sessions[1]",
            "FOR Grupp 1 M1 (15 March 2027 at 09:00)",
            "has the same program, cohort and module as sessions[0]; "
            "each needs its own UID (use another cohort label for a repeat)",
        )
    ]


def test_an_unknown_locale_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        to_ical(_plan(), stamp=STAMP, locale="de_DE")
    assert [p.path for p in error.value.problems] == ["locale"]


# -- a rollout plan --------------------------------------------------------------------------


def _rollout_plan() -> RolloutPlan:
    rollout = Rollout(
        program=PROGRAM,
        units=[RolloutUnit(name="Trafikkontoret", headcount=30)],
        facilitators=[Facilitator(name="Anna Berg"), Facilitator(name="Erik Lind")],
        rooms=[Room(name="Ekoln", capacity=16)],
        calendar=WorkingCalendar.sweden(),
        slots=[SessionSlot(start=dt.time(9), end=dt.time(12, 30))],
        start=MARCH,
        cohort_size=(12, 16),
    )
    return plan_rollout(rollout)


def test_a_rollout_plan_is_exported_as_its_sessions() -> None:
    plan = _rollout_plan()
    data = to_ical(plan, stamp=STAMP)
    assert data == to_ical(plan.to_sessions(), stamp=STAMP)
    events = _events(data)
    assert len(events) == len(plan.sessions) == 6
    assert {s.cohort for s in plan.to_sessions()} == {
        "Trafikkontoret, kohort 1",
        "Trafikkontoret, kohort 2",
    }
    assert [e.decoded("dtstart") for e in events] == [s.start for s in plan.sessions]


def test_a_rollout_plans_cohorts_are_named_in_the_calendars_locale() -> None:
    plan = _rollout_plan()
    english = _events(to_ical(plan, stamp=STAMP, locale="en_GB"))
    assert {s.cohort for s in plan.to_sessions("en_GB")} == {
        "Trafikkontoret, cohort 1",
        "Trafikkontoret, cohort 2",
    }
    assert sorted(str(e["description"]).split("\n")[2] for e in english)[::3] == [
        "Cohort: Trafikkontoret, cohort 1",
        "Cohort: Trafikkontoret, cohort 2",
    ]


def test_something_else_than_sessions_or_a_plan_gets_a_short_error() -> None:
    plan = _rollout_plan()
    with pytest.raises(ValidationError) as error:
        to_ical(plan.rollout, stamp=STAMP)  # type: ignore[arg-type]
    assert str(error.value) == (
        "sessions: must be a list of Session objects, or a plan with to_sessions() "
        "(a RolloutPlan), got '<Rollout>'"
    )
    with pytest.raises(ValidationError) as error:
        to_ical([plan], stamp=STAMP)  # type: ignore[list-item]
    assert str(error.value) == "sessions[0]: must be a Session, got '<RolloutPlan>'"
