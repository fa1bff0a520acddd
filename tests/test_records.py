"""Records and DataFrames of call-offs, sessions, rollout plans and evaluation results."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd  # type: ignore[import-untyped]
import pendulum
import pytest

from ledarutveckling import (
    CallOffLine,
    Comparison,
    Dimension,
    ValidationError,
    WorkingCalendar,
    breakdown,
    compare,
    schedule_cohort,
    summarise,
)
from ledarutveckling.examples import stockholm_catalogue, stockholm_evaluations, stockholm_ledger
from ledarutveckling.formatting import format_problem
from ledarutveckling.records import to_dataframe, to_records
from ledarutveckling.serialization import RolloutRequest, load
from tests.helpers import problems

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_one_record_per_call_off_with_exact_values() -> None:
    rows = to_records(stockholm_ledger())
    assert len(rows) == 7
    assert rows[1] == {
        "reference": "SDF-SK 2025/0412",
        "unit": "Skärholmens stadsdelsförvaltning",
        "unit_kind": "district_administration",
        "ordered_on": pendulum.date(2025, 5, 5),
        "delivery_start": pendulum.date(2025, 9, 1),
        "delivery_end": pendulum.date(2025, 10, 31),
        "status": "cancelled",
        "method": "ranking",
        "programs": "FAC",
        "service_area": "leadership",
        "amount": Decimal("27900.00"),
        "currency": "SEK",
        "counted": False,
    }


def test_the_counted_amounts_add_up_to_the_running_total() -> None:
    ledger = stockholm_ledger()
    rows = to_records(ledger)
    total = sum(r["amount"] for r in rows if r["counted"])
    assert total == ledger.running_total(pendulum.date(2100, 1, 1)).amount


def test_a_call_off_that_cannot_be_priced_has_no_amount() -> None:
    ledger = stockholm_ledger()
    broken = attrs.evolve(
        ledger.call_offs[0], lines=(CallOffLine(price_code="OKÄND", quantity=Decimal(1)),)
    )
    ledger = attrs.evolve(ledger, call_offs=(broken,))
    assert to_records(ledger)[0]["amount"] is None


def test_a_call_off_without_programs_has_no_service_area() -> None:
    ledger = stockholm_ledger()
    ledger = attrs.evolve(ledger, call_offs=(attrs.evolve(ledger.call_offs[0], programs=()),))
    assert to_records(ledger)[0]["service_area"] is None
    assert to_records(ledger)[0]["programs"] == ""


def test_one_record_per_session() -> None:
    sessions = schedule_cohort(
        stockholm_catalogue().program("SVS"),
        "Grupp 1",
        pendulum.date(2027, 2, 1),
        WorkingCalendar.sweden(),
        dt.time(9, 0),
        facilitators=["Anna", "Bo"],
        room="Sal 3",
    )
    rows = to_records(sessions)
    assert rows[1] == {
        "program": "SVS",
        "program_title": "Svåra samtal",
        "cohort": "Grupp 1",
        "module": "SVS-2",
        "module_title": "Övning i svåra samtal",
        "day": pendulum.date(2027, 2, 8),
        "start": pendulum.datetime(2027, 2, 8, 9, tz="Europe/Stockholm"),
        "end": pendulum.datetime(2027, 2, 8, 12, tz="Europe/Stockholm"),
        "hours": Decimal(3),
        "format": "in_person",
        "facilitators": "Anna, Bo",
        "room": "Sal 3",
        "uid": sessions[1].uid,
    }


def test_no_sessions_is_no_records() -> None:
    assert to_records([]) == []


def test_one_record_per_rollout_session_in_time_order() -> None:
    plan = load(EXAMPLES / "rollout-request.toml", RolloutRequest).plan(stockholm_catalogue())
    rows = to_records(plan)
    # 8 cohorts x the 2 modules held (ABW-1 is self-paced: a window, no session; issue 17).
    assert len(rows) == 16
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    assert set(rows[0]) == {
        "program",
        "unit",
        "cohort",
        "size",
        "module",
        "day",
        "start",
        "end",
        "format",
        "facilitators",
        "room",
    }
    assert [sum(r["size"] for r in rows if r["module"] == m) for m in ("ABW-2", "ABW-3")] == [
        295,
        295,
    ]
    assert not [r for r in rows if r["module"] == "ABW-1"]


def test_evaluation_results_keep_the_anonymity_of_the_breakdown() -> None:
    result = breakdown(stockholm_evaluations(), by=Dimension.COHORT)
    rows = to_records(result)
    assert len(rows) == 6 * 4
    hidden = [r for r in rows if r["group"] == "2025:2"]
    assert all(r["hidden"] == "too_few" for r in hidden)
    assert all(r["mean"] is None and r["answers"] is None for r in hidden)
    assert all(r["respondents"] is None for r in hidden)
    first = rows[0]
    assert first["dimension"] == "cohort"
    assert (first["group"], first["question"], first["answers"]) == ("2025:1", "Q1", 9)
    q1 = result.groups[0].question("Q1")
    exact = q1.exact_statistics
    assert exact is not None
    assert (exact.mean, exact.top_two_box) == (Decimal(39) / 9, Decimal(8) / 9)
    # The summary itself hands out only the published figures; exact ones only when asked.
    assert q1.statistics is not None
    assert (q1.statistics.mean, q1.statistics.top_two_box) == (Decimal("4.3"), Decimal("0.89"))
    assert q1.statistics.shares == {
        1: Decimal("0.00"),
        2: Decimal("0.00"),
        3: Decimal("0.11"),
        4: Decimal("0.44"),
        5: Decimal("0.44"),
    }
    # Figures leave rounded as shown: a mean to a tenth, a share to a whole percent.
    assert (first["mean"], first["median"], first["top_two_box"]) == (
        Decimal("4.3"),
        Decimal("4.0"),
        Decimal("0.89"),
    )
    assert first["nps"] is None
    nps = rows[3]
    assert (nps["question"], nps["scale"], nps["nps"], nps["top_two_box"]) == (
        "Q4",
        "nps",
        Decimal("22"),
        None,
    )
    total = rows[-4:]
    assert {r["group"] for r in total} == {None}


def test_a_summary_gives_one_record_per_question() -> None:
    rows = to_records(summarise(stockholm_evaluations()))
    assert [r["question"] for r in rows] == ["Q1", "Q2", "Q3", "Q4"]
    assert rows[0]["dimension"] is None
    assert rows[0]["respondents"] == 34
    assert rows[0]["level"] == 1


@pytest.mark.parametrize(
    ("bad", "path"),
    [("sessions", "obj"), (3, "obj"), ([1, 2], "obj[0]"), (None, "obj"), ({"a": 1}, "obj")],
)
def test_anything_else_is_refused_with_a_path(bad: object, path: str) -> None:
    assert problems(to_records, obj=bad) == [
        (
            path,
            "must be an AgreementLedger, a list of Session objects, a RolloutPlan, a "
            "GroupSummary, a Breakdown or a Comparison",
        )
    ]


# --- h6-swedish: a comparison is a table; anything else is refused in a line ---


def _comparison() -> Comparison:
    years = breakdown(stockholm_evaluations(), by=Dimension.YEAR)
    return compare(years.group("2025"), years.group("2026"))


def test_a_comparison_gives_one_record_per_question_with_the_published_figures() -> None:
    rows = to_records(_comparison())
    assert rows[0] == {
        "question": "Q1",
        "text": "Programmet som helhet har varit värdefullt för mig",
        "scale": "likert_5",
        "before_group": "2025",
        "after_group": "2026",
        "before": Decimal("4.2"),
        "after": Decimal("4.1"),
        "difference": Decimal("-0.1"),
        "direction": "down",
        "effect_size": Decimal("-0.11"),
        "magnitude": "negligible",
    }
    # the direction is that of the figures shown: 3,9 -> 3,9 is unchanged
    assert rows[1]["direction"] == "unchanged"
    assert (rows[3]["before"], rows[3]["after"]) == (Decimal(15), Decimal(29))
    assert (rows[3]["effect_size"], rows[3]["magnitude"]) == (None, None)


def test_a_hidden_side_of_a_comparison_gives_no_figures() -> None:
    cohorts = breakdown(stockholm_evaluations(), by=Dimension.COHORT)
    hidden = next(g for g in cohorts.groups if g.respondents is None)
    shown = next(g for g in cohorts.groups if g.respondents is not None)
    rows = to_records(compare(shown, hidden))
    assert rows
    assert {(r["after"], r["difference"], r["direction"], r["magnitude"]) for r in rows} == {
        (None, None, None, None)
    }


def test_a_comparison_has_swedish_headers_and_labels_in_a_workbook(tmp_path: Path) -> None:
    import openpyxl  # type: ignore[import-untyped]

    from ledarutveckling.records import to_workbook

    path = tmp_path / "jämförelse.xlsx"
    to_workbook({"Jämförelse": _comparison()}, path)
    rows = list(openpyxl.load_workbook(path)["Jämförelse"].iter_rows(values_only=True))
    assert rows[0] == (
        "Fråga",
        "Frågetext",
        "Skala",
        "Grupp före",
        "Grupp efter",
        "Före",
        "Efter",
        "Förändring",
        "Riktning",
        "Effektstorlek (Cohens d)",
        "Förändringens storlek",
    )
    assert rows[1][5:] == (4.2, 4.1, -0.1, "lägre", -0.11, "försumbar")
    assert rows[4][5:] == (15, 29, 14, "högre", None, None)


def test_an_unsupported_object_is_refused_in_one_short_line() -> None:
    change = _comparison().changes[0]  # a part of a comparison, with a repr of pages
    with pytest.raises(ValidationError) as caught:
        to_records(change)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "obj: must be an AgreementLedger, a list of Session objects, a RolloutPlan, a "
        "GroupSummary, a Breakdown or a Comparison, got <class 'ledarutveckling.Change'>"
    )
    assert format_problem(caught.value.problems[0]) == (
        "här ska det stå en avropslogg (AgreementLedger), en lista med träffar (Session), en "
        "utrullningsplan (RolloutPlan), en gruppsammanfattning (GroupSummary), en uppdelning "
        "(Breakdown) eller en jämförelse (Comparison)"
    )


def test_a_dataframe_has_one_column_per_key() -> None:
    frame = to_dataframe(stockholm_ledger())
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(to_records(stockholm_ledger())[0])
    assert frame.shape == (7, 13)
    assert frame.loc[frame["counted"], "amount"].sum() == Decimal("3126368.55")


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError) as info:
        to_dataframe(stockholm_ledger())
    assert str(info.value) == (
        "to_dataframe() needs pandas, which is not installed; install it with "
        "pip install 'ledarutveckling[pandas]'"
    )
