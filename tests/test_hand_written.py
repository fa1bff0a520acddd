"""Documents a Swedish user wrote by hand from the docs alone, and what broke on them."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import jsonschema
import pendulum
import pytest

from ledarutveckling import (
    CallOff,
    CallOffStatus,
    Catalogue,
    Evaluation,
    Response,
    Session,
    ValidationError,
    to_ical,
)
from ledarutveckling.formatting import format_problem as explain
from ledarutveckling.serialization import (
    CalendarRequest,
    ScheduleRequest,
    from_json,
    from_toml,
    json_schema,
    load,
    to_json,
    to_toml,
)

SUBMITTED = pendulum.datetime(2027, 3, 2, 16, 5, tz="Europe/Stockholm")

EVALUATION = '''\
document = "evaluation"
schema_version = 1
reference = "INTRO-ÖG 2027:1"
invited = 14
collected = { start = 2027-03-02, end = 2027-03-16 }
subject = { program_code = "INTRO-ÖG", cohort = "Grupp Ö1", unit = "Äldreförvaltningen" }

[[questions]]
code = "F1"
text = "Introduktionen har gett mig en bra start som chef"
scale = "likert_5"
level = 1

[[responses]]
submitted_at = "2027-03-02T16:05:00+01:00[Europe/Stockholm]"
answers = { F1 = 5 }
comment = """Bra! Men "LAS"-passet var för kort.
Mer tid nästa gång:
\t– arbetsrätt
\t– MBL"""
'''


def test_a_survey_comment_may_run_over_several_lines() -> None:
    evaluation = from_toml(Evaluation, EVALUATION)
    comment = evaluation.responses[0].comment
    assert comment == (
        'Bra! Men "LAS"-passet var för kort.\nMer tid nästa gång:\n\t– arbetsrätt\n\t– MBL'
    )
    assert from_toml(Evaluation, to_toml(evaluation)) == evaluation
    assert from_json(Evaluation, to_json(evaluation)) == evaluation


def test_a_survey_comment_exported_on_windows_keeps_its_line_breaks() -> None:
    response = from_json(
        Response,
        '{"answers": {"F1": 4}, "comment": "Rad ett\\r\\nRad två",'
        ' "submitted_at": "2027-03-02T16:05:00+01:00[Europe/Stockholm]"}',
    )
    assert response.comment == "Rad ett\r\nRad två"


@pytest.mark.parametrize("character", ["\x1b", "\x0b", "\x85", "\x00"])
def test_a_survey_comment_still_refuses_other_control_characters(character: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Response(answers={"F1": 4}, comment=f"Rad{character}ett", submitted_at=SUBMITTED)
    code = f"U+{ord(character):04X}"
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "comment",
            f"holds the control character {code} at index 3; "
            "control characters allowed here: tabs and line breaks",
        )
    ]


def test_a_name_still_refuses_a_line_break() -> None:
    with pytest.raises(ValidationError) as caught:
        from_toml(Evaluation, EVALUATION.replace('cohort = "Grupp Ö1"', 'cohort = "Grupp\\nÖ1"'))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "subject.cohort",
            "holds the control character U+000A at index 5; control characters allowed here: none",
        )
    ]


# -- a schedule request with a catalogue of one's own -----------------------------------------

CATALOGUE = """\
document = "catalogue"
schema_version = 1

[[programs]]
code = "INTRO-ÖG"
title = "Chefsintroduktion"
service_area = "leadership"
target_group = "managers"
kind = "long_program"
max_span_days = 30

  [[programs.modules]]
  code = "IN-1"
  title = "Välkommen"
  duration = "PT3H"
  format = "digital"

  [[programs.modules]]
  code = "IN-2"
  title = "Arbetsrätt"
  duration = "PT6H"
  format = "in_person"
  min_days_after_previous = 14

  [[programs.modules]]
  code = "IN-3"
  title = "Självstudier: budget och uppföljning"
  duration = "PT20H"
  format = "self_paced"
"""

SCHEDULE = """\
document = "schedule_request"
schema_version = 1
program = "INTRO-ÖG"

[[cohorts]]
name = "Grupp Ö1"
first_day = 2027-02-01
start_time = "09:00"
"""


STAMP = pendulum.datetime(2027, 1, 10, 9, tz="Europe/Stockholm")
COHORT = """
[[cohorts]]
name = "{name}"
first_day = 2027-02-01
start_time = "{start}"
{more}"""


def _schedule(cohort: str = "") -> tuple[Session, ...]:
    return from_toml(ScheduleRequest, SCHEDULE + cohort).schedule(from_toml(Catalogue, CATALOGUE))


def test_a_self_paced_module_of_twenty_hours_is_scheduled_as_plan_rollout_plans_it() -> None:
    # Its hours are self-study, a to-do: they are not a meeting that must end by midnight.
    *_, study = _schedule()
    assert (study.module.code, study.start.isoformat(), study.end.isoformat()) == (
        "IN-3",
        "2027-02-16T09:00:00+01:00",
        "2027-02-17T05:00:00+01:00",
    )
    lines = to_ical(_schedule(), stamp=STAMP).decode().split("\r\n")
    todo = lines[lines.index("BEGIN:VTODO") : lines.index("END:VTODO")]
    assert [line for line in todo if line.startswith(("DTSTART", "DUE"))] == [
        "DTSTART;VALUE=DATE:20270216",
        "DUE;VALUE=DATE:20270217",
    ]


def test_a_cohorts_session_past_midnight_is_refused_at_its_start_time() -> None:
    with pytest.raises(ValidationError) as caught:
        _schedule(COHORT.format(name="Kväll", start="19:00", more=""))
    assert [(p.path, p.value, str(p)) for p in caught.value.problems] == [
        (
            "cohorts[1].start_time",
            pendulum.time(19, 0),
            "cohorts[1].start_time: does not fit between 19:00:00 and midnight; a session must "
            "end on the day it starts, got Time(19, 0, 0)",
        )
    ]
    assert explain(caught.value.problems[0]) == (
        "modulen IN-2 ryms inte mellan 19:00 och midnatt; ett tillfälle slutar samma dag som "
        "det börjar"
    )


def test_a_cohorts_span_past_the_programs_is_refused_at_the_cohort() -> None:
    with pytest.raises(ValidationError) as caught:
        _schedule(COHORT.format(name="Gles", start="09:00", more="every_weeks = 4\n"))
    assert [(p.path, p.value) for p in caught.value.problems] == [("cohorts[1]", "Gles")]
    assert explain(caught.value.problems[0]) == (
        "programmet ska rymmas på 30 dagar, men med den här kalendern behöver modulerna "
        "57 dagar, 1 februari\xa0– 30 mars 2027"
    )


def test_a_calendar_with_no_day_left_is_refused_at_the_requests_calendar() -> None:
    with pytest.raises(ValidationError) as caught:
        _schedule(
            COHORT.format(name="Sent", start="09:00", more="").replace("2027-02-01", "2100-12-20")
        )
    assert [p.path for p in caught.value.problems] == ["calendar"]
    assert isinstance(caught.value.problems[0].value, CalendarRequest)
    assert explain(caught.value.problems[0]) == (
        "kalendern har ingen arbetsdag för modul IN-2 före slutet av 2100"
    )


def test_a_cohorts_own_value_is_refused_at_its_path_in_the_cohort() -> None:
    with pytest.raises(ValidationError) as caught:
        _schedule(COHORT.format(name="Tät", start="09:00", more="every_weeks = 1\n"))
    assert [(p.path, p.value) for p in caught.value.problems] == [("cohorts[1].every_weeks", 1)]
    assert explain(caught.value.problems[0]) == (
        "7 dagar mellan tillfällena är kortare än de 14 dagar som modul IN-2 kräver efter den förra"
    )


# -- a call-off's status written by hand ------------------------------------------------------

DOCS = Path(__file__).parent.parent / "docs"
DOCUMENTS = Path(__file__).parent / "documents" / "v1"


def test_the_status_and_history_of_the_call_off_docs_read_in_a_call_off() -> None:
    found = re.search(
        r"```toml\n(status = .*?)```", (DOCS / "call-offs.md").read_text("utf-8"), re.S
    )
    assert found is not None
    text = (DOCUMENTS / "call_off.toml").read_text("utf-8")
    call_off = from_toml(CallOff, text.replace("\n[unit]\n", f"{found.group(1)}\n[unit]\n"))
    assert call_off.status is CallOffStatus.IN_DELIVERY
    assert [c.to_status for c in call_off.history] == [
        CallOffStatus.ORDERED,
        CallOffStatus.IN_DELIVERY,
    ]


def test_a_status_without_its_history_says_how_to_write_the_history() -> None:
    text = (DOCUMENTS / "call_off.toml").read_text("utf-8")
    with pytest.raises(ValidationError) as caught:
        from_toml(CallOff, text.replace("\n[unit]\n", '\nstatus = "ordered"\n[unit]\n'))
    assert [(p.path, explain(p)) for p in caught.value.problems] == [
        (
            "status",
            "statusen är beställd, men enligt historiken har avropet statusen utkast; ange varje "
            "statusändring i history (from_status, to_status, on)",
        )
    ]


def test_the_evaluation_document_of_the_docs_reads_and_validates() -> None:
    page = (DOCS / "evaluations.md").read_text("utf-8")
    text = page.split("```toml\n", 1)[1].split("```", 1)[0]
    evaluation = from_toml(Evaluation, text)
    assert [r.given for r in evaluation.responses] == [{"F1": 5, "F2": 9}, {"F1": 4}]
    assert evaluation.responses[0].comment == ("Bra upplägg.\nMer tid för arbetsrätten nästa gång.")
    assert (evaluation.respondents, evaluation.invited) == (2, 14)


# -- TOML as a person types it ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "swedish", "english"),
    [
        (
            'name: "Åsa Öberg"',  # as in YAML
            "dokumentet är inte giltig TOML: efter en nyckel ska det stå = och värdet, som i name "
            '= "Anna Lindqvist" (rad 3, kolumn 5)',
            "the document is not valid TOML: a key is followed by = and its value, as in name = "
            '"Anna Lindqvist" (line 3, column 5)',
        ),
        (
            "end = 2027-13-01",  # day and month swapped
            "dokumentet är inte giltig TOML: 2027-13-01 är inget datum eller klockslag som finns "
            "(rad 3, kolumn 7)",
            "the document is not valid TOML: 2027-13-01 is not a date or time that exists "
            "(line 3, column 7)",
        ),
        (
            "days = [2027-01-05, 2027-01-32]",
            "dokumentet är inte giltig TOML: 2027-01-32 är inget datum eller klockslag som finns "
            "(rad 3, kolumn 21)",
            "the document is not valid TOML: 2027-01-32 is not a date or time that exists "
            "(line 3, column 21)",
        ),
        (
            "start = 24:00:00",
            "dokumentet är inte giltig TOML: 24:00:00 är inget datum eller klockslag som finns "
            "(rad 3, kolumn 9)",
            "the document is not valid TOML: 24:00:00 is not a date or time that exists "
            "(line 3, column 9)",
        ),
        (
            "start = 09:60:00",
            "dokumentet är inte giltig TOML: 09:60:00 är inget datum eller klockslag som finns "
            "(rad 3, kolumn 9)",
            "the document is not valid TOML: 09:60:00 is not a date or time that exists "
            "(line 3, column 9)",
        ),
    ],
)
def test_a_toml_slip_is_said_where_it_is_and_what_to_write(
    line: str, swedish: str, english: str
) -> None:
    text = f'document = "catalogue"\nschema_version = 1\n{line}\n'
    with pytest.raises(ValidationError) as caught:
        from_toml(Catalogue, text)
    (problem,) = caught.value.problems
    assert (explain(problem), explain(problem, locale="en_GB")) == (swedish, english)


def test_a_document_without_its_header_says_how_it_starts(tmp_path: Path) -> None:
    # A catalogue typed from the docs' tables, without `document = …` at the top.
    path = tmp_path / "katalog.toml"
    path.write_text("programs = []\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load(path)  # no class: the header must say what it is
    (problem,) = caught.value.problems
    assert (problem.path, explain(problem), explain(problem, locale="en_GB")) == (
        "document",
        "dokumentet säger inte vad det är: skriv document = och sorten överst, något av "
        '"agreement", "audience", "call_off", "catalogue", "delivery", "evaluation", "ledger", '
        '"program", "rollout_request" eller "schedule_request", och under den schema_version = 1',
        "the document does not say what it is: write document = and its kind at the top, one "
        'of "agreement", "audience", "call_off", "catalogue", "delivery", "evaluation", '
        '"ledger", "program", "rollout_request" or "schedule_request", and under it '
        "schema_version = 1",
    )


# -- durations as ISO 8601 writes them --------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read", "rewritten"),
    [
        ("PT1.5H", pendulum.duration(hours=1, minutes=30), "PT1H30M"),
        ("PT1,5H", pendulum.duration(hours=1, minutes=30), "PT1H30M"),
        ("PT0.25H", pendulum.duration(minutes=15), "PT15M"),
        ("PT2H7.5M", pendulum.duration(hours=2, minutes=7, seconds=30), "PT2H7M30S"),
        ("PT1,25S", pendulum.duration(seconds=1, microseconds=250_000), "PT1.25S"),
        ("-PT0.5H", -pendulum.duration(minutes=30), "-PT30M"),
        ("PT0.000001H", pendulum.duration(microseconds=3600), "PT0.0036S"),
    ],
)
def test_a_duration_with_a_fraction_in_its_last_part_is_read_exactly(
    written: str, read: pendulum.Duration, rewritten: str
) -> None:
    # "1,5 timmar": ISO 8601 allows a decimal fraction, with a comma or a point, in the
    # lowest-order part; the library said such a duration was no ISO 8601 duration.
    value = from_json(pendulum.Duration, f'"{written}"')
    assert value == read
    assert to_json(value) == f'"{rewritten}"'


@pytest.mark.parametrize("written", ["PT1.5H30M", "PT1.5M30S", "PT1,5H0M"])
def test_a_fraction_before_the_last_part_is_refused_as_such(written: str) -> None:
    with pytest.raises(ValidationError) as caught:
        from_json(pendulum.Duration, f'"{written}"')
    (problem,) = caught.value.problems
    assert (problem.code, explain(problem), explain(problem, locale="en_GB")) == (
        "duration-fraction",
        f'tidslängden "{written}" har en decimal före sin sista del; skriv decimalen bara i den '
        "sista delen, till exempel PT1.5H eller PT1H30M",
        f'the duration "{written}" has a fraction before its last part; write a fraction in the '
        "last part only, e.g. PT1.5H or PT1H30M",
    )


def test_a_fraction_past_a_microsecond_is_no_duration() -> None:
    with pytest.raises(ValidationError) as caught:
        from_json(pendulum.Duration, '"PT1.1234567H"')
    (problem,) = caught.value.problems
    assert explain(problem) == (
        '"PT1.1234567H" är ingen tidslängd; skriv den enligt ISO 8601, till exempel PT3H30M eller '
        "P2D"
    )


def test_a_module_of_one_and_a_half_hours_reads_and_is_valid_under_the_schema() -> None:
    text = CATALOGUE.replace('duration = "PT3H"', 'duration = "PT1,5H"')
    catalogue = from_toml(Catalogue, text)
    assert catalogue.program("INTRO-ÖG").modules[0].hours == Decimal("1.5")
    validator = jsonschema.Draft202012Validator(json_schema("catalogue", toml=True))
    assert [error.message for error in validator.iter_errors(tomllib.loads(text))] == []
