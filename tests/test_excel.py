"""Excel workbooks, written with XlsxWriter and read back with openpyxl (a second library)."""

from __future__ import annotations

import datetime as dt
import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pendulum
import pytest

from ledarutveckling import Dimension, ValidationError, breakdown, summarise
from ledarutveckling._cli import main
from ledarutveckling._reporting.excel import Value, _record_value, _sheet_name, read_cell
from ledarutveckling.examples import stockholm_evaluations, stockholm_ledger
from ledarutveckling.records import to_records, to_workbook
from ledarutveckling.reports import (
    Document,
    Paragraph,
    Section,
    Table,
    Warnings,
    status_report,
    to_xlsx,
)

ON = pendulum.date(2026, 11, 27)
EXAMPLES = Path(__file__).parent.parent / "examples"


def _read(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _workbook(document: Document) -> Any:
    buffer = io.BytesIO()
    to_xlsx(document, buffer)
    return _read(buffer.getvalue())


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture(scope="module")
def swedish() -> Any:
    report = status_report(stockholm_ledger(), on=ON, evaluations=stockholm_evaluations())
    return _workbook(report)


def test_one_sheet_for_the_text_then_one_per_table(swedish: Any) -> None:
    assert swedish.sheetnames == [
        "Rapport",
        "Parter",
        "Avtalstid och optioner",
        "Leveransvillkor",
        "Takbelopp och utnyttjande",
        "Avrop per beställare",
        "Avrop per tjänsteområde",
        "Avrop",
        "SOC-LED resultat per grupp",
    ]
    first = [row[0] for row in _rows(swedish["Rapport"])]
    assert first[:2] == [
        "Statusrapport: Ramavtal ledar- och medarbetarutveckling",
        "KS 2024/0815 · per 27 november 2026",
    ]
    assert "Varningar" in first
    assert "Inga träffar 27 november\xa0– 24 december 2026." in first


def test_amounts_shares_counts_and_dates_are_numbers_and_dates(swedish: Any) -> None:
    ceiling = swedish["Takbelopp och utnyttjande"]
    assert _rows(ceiling)[:4] == [
        ("Post", "Belopp exkl. moms"),
        ("Takbelopp", 10000000),
        ("Uppskattat värde", 8000000),
        ("Avropat", 3037085.4),
    ]
    assert ceiling["B2"].number_format == '#,##0.00\\ "kr"'
    units = swedish["Avrop per beställare"]
    assert _rows(units)[1] == ("Trafikkontoret", 1, 2404350, 0.792)
    assert units["D2"].number_format == "0.0\\ %"
    assert units["B2"].number_format == "#,##0"
    options = swedish["Avtalstid och optioner"]
    assert _rows(options)[1] == (
        1,
        "12 månader",
        "90 dagar före avtalsslut",
        dt.datetime(2026, 10, 2),
        "påkallad 15 september 2026",
    )
    assert options["D2"].is_date
    assert options["D2"].number_format == "yyyy-mm-dd"
    call_offs = _rows(swedish["Avrop"])
    assert call_offs[0] == (
        "Diarienummer",
        "Beställare",
        "Avropat den",
        "Leverans",
        "Program",
        "Status",
        "Belopp exkl. moms",
    )
    assert call_offs[1] == (
        "SOC 2025/0142",
        "Socialförvaltningen",
        dt.datetime(2025, 2, 10),
        "3 mars\xa0– 30 september 2025",
        "SOC-CHEF",
        "fakturerad",
        209700,
    )


def test_organisation_numbers_and_references_stay_text(swedish: Any) -> None:
    assert _rows(swedish["Parter"])[1] == ("Beställare", "Stockholms stad", "212000-0142")


def test_the_evaluations_hide_what_the_report_hides(swedish: Any) -> None:
    rows = _rows(swedish["SOC-LED resultat per grupp"])
    assert rows[0] == ("Grupp", "Svar", "Svarsfrekvens", "Q1", "Q2", "Q3", "Q4")
    # the means and the NPS are numbers that the cell's format shows as the report does
    # the answers are a number too (9), the invited count (12) is in the cell's format
    assert rows[1] == ("2025:1", 9, 0.75, 4.3, 4, 3.6, 22)
    assert rows[2] == ("2025:2", "för få svar (n < 5)", "–", "–", "–", "–", "–")
    sheet = swedish["SOC-LED resultat per grupp"]
    assert sheet["D2"].number_format == '0.0\\ "av 5"'
    assert sheet["B2"].number_format == '#,##0\\ "/ 12"'
    assert isinstance(sheet["B2"].value, int)
    assert sheet["G2"].number_format == '"NPS +"0;"NPS \u2212"0;"NPS "0'


def test_an_english_report_has_english_evaluation_formats() -> None:
    report = status_report(
        stockholm_ledger(), on=ON, evaluations=stockholm_evaluations(), locale="en_GB"
    )
    sheet = _workbook(report)["SOC-LED results per cohort"]
    assert _rows(sheet)[1][3:] == (4.3, 4, 3.6, 22)
    assert _rows(sheet)[1][1] == 9
    assert sheet["B2"].number_format == '#,##0\\ "/ 12"'
    assert sheet["D2"].number_format == '0.0\\ "out of 5"'
    assert sheet["G2"].number_format == '"NPS +"0;"NPS -"0;"NPS "0'


def test_an_english_report_has_english_formats() -> None:
    book = _workbook(status_report(stockholm_ledger(), on=ON, locale="en_GB"))
    assert book.sheetnames[:3] == ["Report", "Parties", "Term and options"]
    ceiling = book["Ceiling and utilisation"]
    assert _rows(ceiling)[3] == ("Called off", 3037085.4)
    assert ceiling["B4"].number_format == '"SEK\u00a0"#,##0.00'
    assert book["Term and options"]["D2"].value == dt.datetime(2026, 10, 2)
    assert book["Term and options"]["D2"].number_format == "dd/mm/yyyy"
    assert book["Call-offs per unit"]["D2"].value == 0.792


@pytest.mark.parametrize(
    ("text", "lang", "numeric", "expected"),
    [
        ("\u221271\u00a0461,16\u00a0kr", "sv", True, Value(Decimal("-71461.16"), "money", "kr")),
        ("-71\u00a0461,16\u00a0kr", "sv", True, Value(Decimal("-71461.16"), "money", "kr")),
        ("12\u00a0500", "sv", True, Value(12500, "integer")),
        ("4,25", "sv", True, Value(Decimal("4.25"), "decimal")),
        ("12,5 %", "sv", True, Value(Decimal("0.125"), "percent")),
        ("SEK\u00a012,500.50", "en", True, Value(Decimal("12500.50"), "money", "SEK")),
        ("\u2212SEK\u00a012,500.50", "en", True, Value(Decimal("-12500.50"), "money", "SEK")),
        ("12.5%", "en", True, Value(Decimal("0.125"), "percent")),
        ("1,234", "en", True, Value(1234, "integer")),
        ("27/11/2026", "en", False, Value(dt.date(2026, 11, 27), "date")),
        ("31/02/2026", "en", False, Value("31/02/2026", "text")),
        ("2026-02-31", "sv", False, Value("2026-02-31", "text")),
        ("12\u00a0500", "sv", False, Value("12\u00a0500", "text")),
        ("2026", "sv", False, Value("2026", "text")),
        ("NPS +22", "sv", True, Value(22, "nps")),
        ("NPS \u221278", "sv", True, Value(-78, "nps")),
        ("NPS 0", "en", True, Value(0, "nps")),
        ("NPS -7", "en", True, Value(-7, "nps")),
        ("4,3 av 5", "sv", True, Value(Decimal("4.3"), "mean", "5")),
        ("5,0 av 7", "sv", True, Value(Decimal("5.0"), "mean", "7")),
        ("4.3 out of 5", "en", True, Value(Decimal("4.3"), "mean", "5")),
        ("4,3 av 5", "sv", False, Value("4,3 av 5", "text")),
    ],
)
def test_reading_a_cell(text: str, lang: str, numeric: bool, expected: Value) -> None:
    assert read_cell(text, lang, numeric=numeric) == expected


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert _sheet_name("Avrop", taken) == "Avrop"
    assert _sheet_name("avrop", taken) == "avrop (2)"
    assert _sheet_name("Avrop", taken) == "Avrop (3)"
    assert _sheet_name("a/b: [c]?*\\", taken) == "a b c"
    assert _sheet_name("x" * 40, taken) == "x" * 31
    assert _sheet_name("x" * 40, taken) == "x" * 27 + " (2)"
    assert _sheet_name("''", taken) == "Blad"


def test_captions_warnings_and_empty_tables() -> None:
    document = Document(
        title="T",
        subtitle=None,
        sections=(
            Section(
                title="S",
                blocks=(
                    Warnings(items=("Se upp",)),
                    Table(columns=("A",), rows=(), caption="Tom tabell"),
                    Table(columns=("A", "B"), rows=(("x", "1"),), align=("left", "right")),
                ),
            ),
            Section(title="Bara text", blocks=(Paragraph(text="p"),)),
            Section(title="Ingenting", blocks=()),
        ),
    )
    book = _workbook(document)
    assert book.sheetnames == ["Rapport", "Tom tabell", "S"]
    assert _rows(book["Rapport"]) == [
        ("T",),
        (None,),
        ("S",),
        ("! Se upp",),
        (None,),
        ("Bara text",),
        ("p",),
    ]
    assert _rows(book["Tom tabell"]) == [("A",)]
    assert _rows(book["S"]) == [("A", "B"), ("x", 1)]


def test_records_keep_their_exact_values_with_swedish_headers() -> None:
    ledger = stockholm_ledger()
    evaluations = stockholm_evaluations()
    by_unit = breakdown(evaluations, by=Dimension.UNIT)
    buffer = io.BytesIO()
    to_workbook(
        {"Avrop": ledger, "Per beställare": by_unit, "Totalt": summarise(evaluations)}, buffer
    )
    book = _read(buffer.getvalue())
    assert book.sheetnames == ["Avrop", "Per beställare", "Totalt"]
    call_offs = _rows(book["Avrop"])
    assert call_offs[0] == (
        "Diarienummer",
        "Beställare",
        "Typ av beställare",
        "Avropat den",
        "Leverans från",
        "Leverans till",
        "Status",
        "Avropsform",
        "Program",
        "Tjänsteområde",
        "Belopp exkl. moms",
        "Valuta",
        "Räknas",
    )
    first = to_records(ledger)[0]
    assert call_offs[1][:4] == (
        first["reference"],
        first["unit"],
        "förvaltning",
        dt.datetime(2025, 2, 10),
    )
    assert call_offs[1][10:] == (209700, "SEK", True)
    assert book["Avrop"]["K2"].number_format == '#,##0.00\\ "kr"'
    rows = _rows(book["Per beställare"])
    header = rows[0]
    expected = to_records(by_unit)
    assert len(rows) == len(expected) + 1
    hidden = [
        dict(zip(header, row, strict=True))
        for row in rows[1:]
        if row[header.index("Dold (anonymitet)")] is not None
    ]
    assert {row["Dold (anonymitet)"] for row in hidden} == {
        "för få svar",
        "dold för att skydda en annan grupp",
    }
    assert {row["Medelvärde"] for row in hidden} == {None}
    assert {row["NPS"] for row in hidden} == {None}
    for row, record in zip(rows[1:], expected, strict=True):
        assert row[header.index("Medelvärde")] == (
            None if record["mean"] is None else float(record["mean"])
        )


def test_records_show_labels_not_codes_in_the_readers_language() -> None:
    # A buyer's workbook with Swedish headers said 'invoiced', 'ranking', 'likert_5', 'too_few'
    # and left the total's group empty; the records themselves keep the codes.
    ledger = stockholm_ledger()
    by_cohort = breakdown(stockholm_evaluations(), by=Dimension.COHORT)
    buffer = io.BytesIO()
    to_workbook({"Avrop": ledger, "Per kohort": by_cohort}, buffer)
    book = _read(buffer.getvalue())
    call_offs = _rows(book["Avrop"])
    assert [row[2] for row in call_offs[1:3]] == ["förvaltning", "stadsdelsförvaltning"]
    assert [row[6:10] for row in call_offs[1:3]] == [
        ("fakturerad", "rangordning", "SOC-CHEF", "ledarskap"),
        ("avbruten", "rangordning", "FAC", "ledarskap"),
    ]
    assert call_offs[5][7] == "förnyad konkurrensutsättning"
    assert call_offs[7][6] == "utkast"
    rows = _rows(book["Per kohort"])
    assert rows[1][:2] == ("kohort", "2025:1")
    assert rows[1][8] == "instämmandeskala 1–5"
    assert rows[4][8] == "rekommendationsfråga 0–10 (NPS)"
    assert rows[5][14] == "för få svar"
    assert rows[-1][:3] == ("kohort", "Totalt", ", ".join(by_cohort.total.evaluations))
    # (the answer distributions shown for the total and the cohorts of eight or more would
    # give the hidden cohort's by subtraction: another cohort is hidden to protect it)
    assert {row[14] for row in rows[1:]} == {
        None,
        "för få svar",
        "dold för att skydda en annan grupp",
    }
    assert to_records(ledger)[0]["status"] == "invoiced"
    assert to_records(by_cohort)[4]["hidden"] == "too_few"
    english = io.BytesIO()
    to_workbook({"By cohort": by_cohort}, english, locale="en_GB")
    rows = _rows(_read(english.getvalue())["By cohort"])
    assert rows[5][:2] == ("cohort", "2025:2")
    assert (rows[5][8], rows[5][14]) == ("agreement scale 1–5", "too few responses")
    assert rows[-1][1] == "Total"


def test_records_of_sessions_hold_local_times(tmp_path: Path) -> None:
    from ledarutveckling import WorkingCalendar, schedule_cohort
    from ledarutveckling.examples import stockholm_catalogue

    sessions = schedule_cohort(
        stockholm_catalogue().program("SVS"),
        "Grupp 1",
        pendulum.date(2027, 2, 1),
        WorkingCalendar.sweden(),
        dt.time(9, 0),
    )
    path = tmp_path / "träffar.xlsx"
    to_workbook({"Träffar": sessions}, path, locale="en_GB")
    sheet = openpyxl.load_workbook(path)["Träffar"]
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["Program", "Program title", "Cohort", "Module", "Module title", "Day"]
    assert sheet["G2"].value == dt.datetime(2027, 2, 1, 9, 0)
    assert sheet["G2"].number_format == "dd/mm/yyyy hh:mm"
    assert sheet["F2"].number_format == "dd/mm/yyyy"


def test_records_refuse_nothing_to_write_and_an_unwritable_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="must name at least one table"):
        to_workbook({}, io.BytesIO())
    with pytest.raises(ValidationError) as raised:
        to_workbook({"Avrop": stockholm_ledger()}, tmp_path / "saknas" / "x.xlsx")
    assert raised.value.problems[0].path == "target"
    assert raised.value.problems[0].message.startswith("cannot be written: [Errno 2]")


def test_without_xlsxwriter_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    with pytest.raises(ImportError, match=r"pip install 'ledarutveckling\[excel\]'"):
        to_xlsx(Document(title="T", sections=()), io.BytesIO())


def test_the_cli_writes_the_report_as_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ut" / "rapport.xlsx"
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    command = ["report", ledger, "--on", "2026-11-27", "--format", "xlsx", "-o", str(out)]
    # A workbook's folder is not made for it, as no other output's is.
    assert main(command) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling report: fel: {out}: mappen {out.parent} finns inte\n"
    )
    out.parent.mkdir()
    assert main(command) == 0
    assert capsys.readouterr().out == f"Skrev rapporten till {out}\n"
    assert openpyxl.load_workbook(out).sheetnames[0] == "Rapport"
    # Nor is an existing workbook written over without --force (checked before the report).
    assert main(command) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling report: fel: {out}: finns redan; ange --force för att skriva över den\n",
    )
    assert main([*command, "--force"]) == 0
    assert capsys.readouterr().out == f"Skrev rapporten till {out}\n"
    assert main(["report", ledger, "--format", "xlsx"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling report: fel: --format xlsx kräver -o OUT, arbetsboken som ska skrivas "
        "(t.ex. rapport.xlsx)\n"
    )
    assert main(["report", ledger, "--format", "xlsx", "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling report: error: --format xlsx needs -o OUT, the workbook to write "
        "(e.g. rapport.xlsx)\n"
    )
    (tmp_path / "fil").write_text("")
    bad = str(tmp_path / "fil" / "rapport.xlsx")
    assert main(["report", ledger, "--format", "xlsx", "-o", bad]) == 2
    assert capsys.readouterr().err.endswith(f"{bad}: mappen {tmp_path / 'fil'} finns inte\n")


def test_the_cli_says_which_extra_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    out = str(tmp_path / "r.xlsx")
    assert main(["report", ledger, "--on", "2026-11-27", "--format", "xlsx", "-o", out]) == 2
    assert "pip install 'ledarutveckling[excel]'" in capsys.readouterr().err


def test_a_workbook_the_disk_refuses_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(document: object, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("ledarutveckling._cli.report.to_xlsx", full)
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    out = str(tmp_path / "r.xlsx")
    assert main(["report", ledger, "--on", "2026-11-27", "-o", out]) == 2
    assert capsys.readouterr() == ("", f"ledarutveckling report: fel: {out}: kan inte skrivas\n")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("start", dt.time(9, 30), Value(dt.time(9, 30), "time")),
        ("mean", 4.25, Value(4.25, "decimal")),
        ("top_two_box", Decimal("0.8"), Value(Decimal("0.8"), "percent")),
        ("amount", Decimal("10"), Value(Decimal("10"), "money", "kr")),
        ("amount", 10, Value(10, "money", "kr")),
        ("group", ("x",), Value("('x',)", "text")),
    ],
)
def test_record_values(key: str, value: object, expected: Value) -> None:
    assert _record_value(key, value, "SEK", "sv") == expected
    if expected.kind == "money":
        assert _record_value(key, value, "EUR", "sv").unit == "EUR"
        # the krona as CLDR writes it in English (en_GB "SEK 209,700.00"), not "kr"
        assert _record_value(key, value, "SEK", "en").unit == "SEK"
        assert _record_value(key, value, None, "en").unit == "SEK"


# --- h6-swedish: a count of a whole ("9 / 12") is a number, the whole in its format ---


@pytest.mark.parametrize(
    ("text", "lang", "count", "whole"),
    [
        ("9 / 12", "sv", 9, "12"),
        ("1\u00a0200 / 3\u00a0400", "sv", 1200, "3\u00a0400"),
        ("1\u202f200 / 3 400", "sv", 1200, "3\u00a0400"),
        ("1,200 / 3,400", "en", 1200, "3,400"),
    ],
)
def test_a_count_of_a_whole_is_read_as_the_count(
    text: str, lang: str, count: int, whole: str
) -> None:
    assert read_cell(text, lang, numeric=True) == Value(count, "fraction", whole)


def test_only_whole_counts_in_a_numeric_column_are_fractions() -> None:
    assert read_cell("1,5 / 3", "sv", numeric=True).kind == "text"
    assert read_cell("9 / 12", "sv", numeric=False).kind == "text"
    assert read_cell("TK 2026/1100", "sv", numeric=True).kind == "text"


def test_a_large_count_of_a_whole_round_trips_through_openpyxl() -> None:
    table = Table(
        columns=("Grupp", "Svar"),
        rows=(("A", "1\u00a0200 / 3\u00a0400"),),
        align=("left", "right"),
    )
    document = Document(title="T", sections=(Section(title="S", blocks=(table,)),))
    sheet = _workbook(document)["S"]
    assert sheet["B2"].value == 1200
    assert sheet["B2"].number_format == '#,##0\\ "/ 3\u00a0400"'
