"""Paper cuts a new user hit writing documents by hand from the docs (session h20)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pendulum
import pytest

from ledarutveckling import Catalogue, DateRange, ValidationError, WorkingCalendar, schedule_cohort
from ledarutveckling._cli import main
from ledarutveckling._documents.converter import structure
from ledarutveckling.examples import stockholm_delivery
from ledarutveckling.formatting import format_problem as explain
from ledarutveckling.serialization import RolloutRequest, ScheduleRequest, from_toml, load

DOCS = Path(__file__).parent.parent / "docs"


def _problems(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        load(path)
    return [(p.path, explain(p), explain(p, locale="en_GB")) for p in caught.value.problems]


# -- a month written as a month key's text --------------------------------------------------


def test_a_base_month_written_as_text_says_how_to_write_it(tmp_path: Path) -> None:
    text = (DOCS / "examples" / "agreement.toml").read_text("utf-8")
    assert "base_month = [2024, 10]" in text  # the docs write a month as a list
    path = tmp_path / "avtal.toml"
    path.write_text(text.replace("base_month = [2024, 10]", 'base_month = "2025-10"'), "utf-8")
    assert _problems(path) == [
        (
            "indexation.base_month",
            "här ska det stå en månad skriven som en lista med år och månad, till exempel "
            '[2025, 10], inte "2025-10"',
            "this must be a month written as a list of year and month, e.g. [2025, 10], "
            'not "2025-10"',
        )
    ]


@pytest.mark.parametrize(
    ("value", "given"), [("8-12", '"8-12"'), ("2025-10-01", '"2025-10-01"'), (12, "12")]
)
def test_another_value_for_a_pair_of_whole_numbers_is_still_not_a_list(
    value: object, given: str
) -> None:
    # A cohort size, (8, 12), is a pair of whole numbers too: only a month's text is told how
    # to write a month.
    with pytest.raises(ValidationError) as caught:
        structure(value, tuple[int, int])
    (problem,) = caught.value.problems
    assert explain(problem) == f"här ska det stå en lista, inte {given}"


# -- a document's kind in the wrong case -----------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "near"),
    [
        ("Catalogue", "catalogue"),
        ("CALL_OFF", "call_off"),
        ("katalog", "catalogue"),
        ("faktura", ""),
    ],
)
def test_a_kind_near_a_known_one_is_offered_that_one(tmp_path: Path, kind: str, near: str) -> None:
    path = tmp_path / "katalog.toml"
    path.write_text(f'document = "{kind}"\nschema_version = 1\nprograms = []\n', "utf-8")
    kinds = (
        '"agreement", "audience", "call_off", "catalogue", "delivery", "evaluation", "ledger", '
        '"program", "rollout_request"'
    )
    assert _problems(path) == [
        (
            "document",
            f'"{kind}" kan inte stå här; menade du "{near}"?'
            if near
            else f'"{kind}" kan inte stå här; skriv något av {kinds} eller "schedule_request"',
            f'"{kind}" is not allowed here; did you mean "{near}"?'
            if near
            else f'"{kind}" is not allowed here; write one of {kinds} or "schedule_request"',
        )
    ]


# -- a date where a facilitator's absences, periods, are due ----------------------------------

ROLLOUT = """\
document = "rollout_request"
schema_version = 1
program = "ABW"
start = 2027-02-01

[[slots]]
start = "09:00"
end = "12:00"

[[units]]
name = "Trafikkontoret"
headcount = 120

[[facilitators]]
name = "Anna Lindqvist"
{absences}

[[rooms]]
name = "Tekniska nämndhuset, sal A"
capacity = 40
"""

PERIOD_SV = (
    "en period med första och sista dag (samma dag för en enda dag), till exempel "
    "{ start = 2027-03-01, end = 2027-03-12 }"
)
PERIOD_EN = (
    "a period with its first and last day (the same day for a single day), e.g. "
    "{ start = 2027-03-01, end = 2027-03-12 }"
)
PERIODS_SV = "en lista med perioder, till exempel [{ start = 2027-03-01, end = 2027-03-12 }]"
PERIODS_EN = "a list of periods, e.g. [{ start = 2027-03-01, end = 2027-03-12 }]"


@pytest.mark.parametrize(
    ("absences", "path", "swedish", "english"),
    [
        (
            "absences = [2027-03-01]",
            "facilitators[0].absences[0]",
            f"här ska det stå {PERIOD_SV}, inte 2027-03-01",
            f"this must be {PERIOD_EN}, not 2027-03-01",
        ),
        (
            'absences = ["2027-03-01"]',
            "facilitators[0].absences[0]",
            f'här ska det stå {PERIOD_SV}, inte "2027-03-01"',
            f'this must be {PERIOD_EN}, not "2027-03-01"',
        ),
        (
            "absences = 2027-03-01",
            "facilitators[0].absences",
            f"här ska det stå {PERIODS_SV}, inte 2027-03-01",
            f"this must be {PERIODS_EN}, not 2027-03-01",
        ),
        (
            "absences = { start = 2027-03-01, end = 2027-03-12 }",
            "facilitators[0].absences",
            f"här ska det stå {PERIODS_SV}, inte en tabell",
            f"this must be {PERIODS_EN}, not a table",
        ),
    ],
)
def test_an_absence_written_as_a_date_says_how_a_period_is_written(
    tmp_path: Path, absences: str, path: str, swedish: str, english: str
) -> None:
    request = tmp_path / "utrullning.toml"
    request.write_text(ROLLOUT.format(absences=absences), "utf-8")
    assert _problems(request) == [(path, swedish, english)]


def test_absences_as_the_docs_write_them_read(tmp_path: Path) -> None:
    request = tmp_path / "utrullning.toml"
    written = "absences = [{ start = 2027-03-01, end = 2027-03-12 }]"  # docs/cli.md
    assert written in (DOCS / "cli.md").read_text("utf-8")
    request.write_text(ROLLOUT.format(absences=written), "utf-8")
    (anna,) = load(request, RolloutRequest).facilitators
    assert anna.absences == (DateRange.from_iso("2027-03-01", "2027-03-12"),)


def test_a_list_of_other_tables_is_still_told_a_list_and_a_table() -> None:
    with pytest.raises(ValidationError) as caught:
        structure("M1", tuple[dict[str, int], ...])
    assert [explain(p) for p in caught.value.problems] == ['här ska det stå en lista, inte "M1"']


def test_periods_given_as_a_tuple_read_as_a_list() -> None:
    period = {"start": "2027-03-01", "end": "2027-03-12"}
    assert structure((period,), tuple[DateRange, ...]) == (
        DateRange.from_iso("2027-03-01", "2027-03-12"),
    )


# -- a date option written another way than YYYY-MM-DD ---------------------------------------

INVOICE = ["invoice", "x.toml", "--delivery", "d.toml", "--call-off", "C", "--period", "2027-03"]


@pytest.mark.parametrize(
    ("argv", "option", "given"),
    [
        (["report", "x.toml", "--on", "20261208"], "--on", "20261208"),
        (["demo", "--on", "2026-W50-2"], "--on", "2026-W50-2"),
        (["replan", "x.toml", "--plan", "p.json", "--today", "2026W502"], "--today", "2026W502"),
        (
            [*INVOICE, "--issued", "20270401"],
            "--issued",
            "20270401",
        ),
        (["report", "x.toml", "--on", "2026-12-8"], "--on", "2026-12-8"),
    ],
)
@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("sv_SE", "fel: argumentet {option}: inte ett datum på formen ÅÅÅÅ-MM-DD: '{given}'"),
        ("en_GB", "error: argument {option}: not a date in the form YYYY-MM-DD: '{given}'"),
    ],
)
def test_a_date_option_reads_only_the_form_its_help_gives(
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    option: str,
    given: str,
    locale: str,
    words: str,
) -> None:
    # date.fromisoformat reads 20261208 and 2026-W50-2 too; the help says ÅÅÅÅ-MM-DD.
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--locale", locale])
    assert exited.value.code == 2  # a usage error, as every other bad option value
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == f"ledarutveckling {argv[0]}: " + words.format(option=option, given=given)


# -- a start time with a fraction of a second -------------------------------------------------

CATALOGUE = """\
document = "catalogue"
schema_version = 1

[[programs]]
code = "INTRO-ÖG"
title = "Chefsintroduktion"
service_area = "leadership"
target_group = "managers"
kind = "long_program"

  [[programs.modules]]
  code = "IN-1"
  title = "Välkommen"
  duration = "PT3H"
  format = "digital"
"""

SCHEDULE = """\
document = "schedule_request"
schema_version = 1
program = "INTRO-ÖG"

[[cohorts]]
name = "Grupp Ö1"
first_day = 2027-02-01
start_time = {start}
"""


@pytest.mark.parametrize("start", ["09:00:00.5", '"09:00:00.5"'])
def test_a_cohorts_start_time_with_a_fraction_of_a_second_is_refused(start: str) -> None:
    # The invitation (iCalendar) writes whole seconds: the session would start at 09:00:00.5
    # in the plan and at 09:00:00 in everyone's calendar.
    catalogue = from_toml(Catalogue, CATALOGUE)
    request = from_toml(ScheduleRequest, SCHEDULE.format(start=start))
    with pytest.raises(ValidationError) as caught:
        request.schedule(catalogue)
    assert [(p.path, explain(p), explain(p, locale="en_GB")) for p in caught.value.problems] == [
        (
            "cohorts[0].start_time",
            "klockslaget 09:00:00.500000 har delar av sekunder; skriv det TT:MM",
            "the time 09:00:00.500000 has fractions of a second; write it HH:MM",
        )
    ]


def test_schedule_cohort_refuses_a_fraction_of_a_second() -> None:
    program = from_toml(Catalogue, CATALOGUE).programs[0]
    with pytest.raises(ValidationError) as caught:
        schedule_cohort(
            program, "Grupp 1", pendulum.date(2027, 2, 1), WorkingCalendar(), dt.time(9, 0, 0, 1)
        )
    assert [(p.path, p.code, explain(p)) for p in caught.value.problems] == [
        (
            "start_time",
            "time-fraction",
            "klockslaget 09:00:00.000001 har delar av sekunder; skriv det TT:MM",
        )
    ]
    (session,) = schedule_cohort(
        program, "Grupp 1", pendulum.date(2027, 2, 1), WorkingCalendar(), dt.time(9, 0, 30)
    )
    assert session.start.time() == dt.time(9, 0, 30)  # whole seconds are still read


@pytest.mark.parametrize(
    ("slot", "path", "given"),
    [
        ('start = "09:00:00.25"\nend = "12:00"', "slots[0].start", "09:00:00.250000"),
        ("start = 09:00:00\nend = 12:00:00.75", "slots[0].end", "12:00:00.750000"),
    ],
)
def test_a_rollout_slot_with_a_fraction_of_a_second_is_refused(
    tmp_path: Path, slot: str, path: str, given: str
) -> None:
    request = tmp_path / "utrullning.toml"
    written = ROLLOUT.format(absences="").replace('start = "09:00"\nend = "12:00"', slot)
    request.write_text(written, "utf-8")
    assert _problems(request) == [
        (
            path,
            f"klockslaget {given} har delar av sekunder; skriv det TT:MM",
            f"the time {given} has fractions of a second; write it HH:MM",
        )
    ]


# -- a facilitator's name with two spaces in a row --------------------------------------------


def _name_problem(name: str) -> tuple[str, str]:
    return (
        f'namnet "{name}" har två blanksteg i rad; skriv ett, annars räknas det som ett annat namn',
        f'the name "{name}" has two spaces in a row; write one, or it counts as another name',
    )


def test_a_rollout_facilitator_with_two_spaces_in_a_row_is_refused(tmp_path: Path) -> None:
    # "Åsa  Öberg" and "Åsa Öberg" would be two facilitators, each free when the other leads.
    request = tmp_path / "utrullning.toml"
    written = ROLLOUT.format(absences="").replace(
        "[[rooms]]", '[[facilitators]]\nname = "Åsa  Öberg"\n\n[[rooms]]'
    )
    request.write_text(written, "utf-8")
    assert _problems(request) == [("facilitators[1].name", *_name_problem("Åsa  Öberg"))]


def test_a_cohorts_facilitator_with_two_spaces_in_a_row_is_refused() -> None:
    text = SCHEDULE.format(start='"09:00"') + 'facilitators = ["Åsa Öberg", "Åsa\\u00a0 Öberg"]\n'
    with pytest.raises(ValidationError) as caught:
        from_toml(ScheduleRequest, text)
    assert [(p.path, explain(p), explain(p, locale="en_GB")) for p in caught.value.problems] == [
        ("cohorts[0].facilitators[1]", *_name_problem("Åsa\u00a0 Öberg"))
    ]


@pytest.mark.parametrize("name", ["Åsa Öberg", "Åsa\u00a0Öberg", "Anna-Lena Öberg Berg"])
def test_a_name_with_single_spaces_is_read(name: str) -> None:
    program = from_toml(Catalogue, CATALOGUE).programs[0]
    (session,) = schedule_cohort(
        program,
        "Grupp 1",
        pendulum.date(2027, 2, 1),
        WorkingCalendar(),
        dt.time(9),
        facilitators=[name],
    )
    assert session.facilitators == (name,)


def test_schedule_cohort_and_a_delivery_record_refuse_two_spaces_in_a_name() -> None:
    program = from_toml(Catalogue, CATALOGUE).programs[0]
    with pytest.raises(ValidationError) as caught:
        schedule_cohort(
            program,
            "Grupp 1",
            pendulum.date(2027, 2, 1),
            WorkingCalendar(),
            dt.time(9),
            facilitators=["Åsa  Öberg"],
        )
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("facilitators[0]", "spaces-in-name")
    ]
    assert [explain(p) for p in caught.value.problems] == [_name_problem("Åsa  Öberg")[0]]
    held = stockholm_delivery().sessions[0]
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(held, facilitators=("Åsa Öberg", "Åsa  Öberg"))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("facilitators[1]", "spaces-in-name")
    ]


# -- a room's name with two spaces in a row ---------------------------------------------------


def test_a_rollout_room_with_two_spaces_in_a_row_is_refused(tmp_path: Path) -> None:
    # "Sal  B" beside "Sal B" would be a second room, free whenever the first is booked.
    request = tmp_path / "utrullning.toml"
    request.write_text(
        ROLLOUT.format(absences="") + '\n[[rooms]]\nname = "Tekniska nämndhuset,  sal A"\n'
        "capacity = 40\n",
        "utf-8",
    )
    assert _problems(request) == [("rooms[1].name", *_name_problem("Tekniska nämndhuset,  sal A"))]


def test_a_cohorts_room_and_a_sessions_room_with_two_spaces_in_a_row_are_refused() -> None:
    text = SCHEDULE.format(start='"09:00"') + 'room = "Sal  A"\n'
    with pytest.raises(ValidationError) as caught:
        from_toml(ScheduleRequest, text)
    assert [(p.path, explain(p), explain(p, locale="en_GB")) for p in caught.value.problems] == [
        ("cohorts[0].room", *_name_problem("Sal  A"))
    ]
    program = from_toml(Catalogue, CATALOGUE).programs[0]
    arguments = (program, "Grupp 1", pendulum.date(2027, 2, 1), WorkingCalendar(), dt.time(9))
    (session,) = schedule_cohort(*arguments, room="Sal A")  # digital: the room is not used
    with pytest.raises(ValidationError) as caught:
        schedule_cohort(*arguments, room="Sal  A")
    assert [(p.path, p.code) for p in caught.value.problems] == [("room", "spaces-in-name")]
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(session, room="Sal\u00a0 A")
    assert [(p.path, p.code) for p in caught.value.problems] == [("room", "spaces-in-name")]
    held = stockholm_delivery().sessions[0]
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(held, room="Sal  A")
    assert [(p.path, p.code) for p in caught.value.problems] == [("room", "spaces-in-name")]
