"""The command line: the real entry point in a subprocess, and every branch in process."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import icalendar
import pendulum
import pytest
from ical.calendar_stream import IcsCalendarStream

from ledarutveckling import Audience, Catalogue, serialization
from ledarutveckling._cli import console as cli_console
from ledarutveckling._cli import demo as cli_demo
from ledarutveckling._cli import main
from ledarutveckling._cli import parser as cli_parser
from ledarutveckling._cli import report as cli_report
from ledarutveckling._cli import scheduling as cli_scheduling
from ledarutveckling._cli import texts as cli_texts
from ledarutveckling.examples import stockholm_catalogue, stockholm_ledger
from ledarutveckling.serialization import dump, load

EXAMPLES = Path(__file__).parent.parent / "examples"
SCRIPT = Path(sys.executable).with_name("ledarutveckling")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ledarutveckling ARGS`` as a user would, in *cwd*."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"}
    env.pop("COV_CORE_SOURCE", None)
    return subprocess.run(
        [sys.executable, "-m", "ledarutveckling", *args],
        capture_output=True,
        check=False,
        cwd=cwd,
        env=env,
        encoding="utf-8",
        timeout=120,
    )


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_heading = tag in ("h1", "h2")

    def handle_endtag(self, tag: str) -> None:
        self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.headings.append(data)


# -- the real entry point ---------------------------------------------------------------------


def test_the_demo_runs_end_to_end_and_writes_its_files(tmp_path: Path) -> None:
    result = run("demo", "--out", "ut", "--on", "2026-11-27", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = tmp_path / "ut"
    assert "Statusrapport: Ramavtal ledar- och medarbetarutveckling" in result.stdout
    assert "Validerat: 0 problem." in result.stdout
    assert "Demons filer finns i ut\n" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "avropslogg.toml",
        "leveranser.toml",
        "statusrapport.html",
        "takbelopp.png",
        "traffar.ics",
        "utrullning.ics",
        "utrullning.png",
    ]
    page = _Page()
    page.feed((out / "statusrapport.html").read_text(encoding="utf-8"))
    assert page.headings[:3] == [
        "Statusrapport: Ramavtal ledar- och medarbetarutveckling",
        "Varningar",
        "Parter",
    ]
    assert "Kommande träffar" in page.headings
    assert "Utvärderingar" in page.headings
    assert page.tags.count("table") == 9
    for name in ("traffar.ics", "utrullning.ics"):
        data = (out / name).read_bytes()
        calendar = icalendar.Calendar.from_ical(data)
        events = calendar.walk("VEVENT")
        assert events
        assert all(e.decoded("DTSTART").tzinfo is not None for e in events)
        assert len(IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events) == len(events)
    # A self-paced module is a to-do in the calendar, not an event (issue 17); the demo's
    # sessions keep to their call-offs' delivery periods and days (issue 18).
    coming = icalendar.Calendar.from_ical((out / "traffar.ics").read_bytes())
    assert (len(coming.walk("VEVENT")), len(coming.walk("VTODO"))) == (6, 1)
    rollout = icalendar.Calendar.from_ical((out / "utrullning.ics").read_bytes())
    assert (len(rollout.walk("VEVENT")), len(rollout.walk("VTODO"))) == (10, 5)
    lines = result.stdout.splitlines()
    assert "Skrev 6 kommande träffar och 1 självstudieuppgift till ut/traffar.ics" in lines
    assert lines[lines.index("Kontrollerade träffarna mot deras avrop: 0 problem.") + 1] == (
        "Skrev utrullningens 10 träffar och 5 självstudieuppgifter till ut/utrullning.ics"
    )
    assert (
        "Flytten till ett aktivitetsbaserat kontor: 137 deltagare i 5 kohorter, 10 träffar."
        in lines
    )
    for png in ("takbelopp.png", "utrullning.png"):
        assert (out / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_console_script_is_installed() -> None:
    result = subprocess.run(
        [str(SCRIPT), "--version"], capture_output=True, check=False, encoding="utf-8"
    )
    assert result.returncode == 0
    assert result.stdout.startswith("ledarutveckling ")


def test_validate_in_a_subprocess_sets_the_exit_code(tmp_path: Path) -> None:
    good = EXAMPLES / "stockholm-ledger.toml"
    bad = tmp_path / "bad.toml"
    bad.write_text(
        good.read_text(encoding="utf-8").replace('"212000-0142"', '"212000-0143"'),
        encoding="utf-8",
    )
    result = run("validate", str(good), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{good}: giltig (avropslogg)\n"
    result = run("validate", str(good), "bad.toml", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[1] == "bad.toml: ogiltig, 8 problem:"
    assert lines[2] == (
        "  agreement.buyer.org_number: organisationsnumret 212000-0143 har fel kontrollsiffra"
    )
    result = run("validate", "bad.toml", "--locale", "en_GB", cwd=tmp_path)
    assert result.stdout.splitlines()[1] == (
        "  agreement.buyer.org_number: the organisation number 212000-0143 has a wrong check digit"
    )
    result = run("validate", "missing.toml", str(good), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "ledarutveckling validate: fel: missing.toml: filen finns inte\n"
    assert "Traceback" not in result.stderr


def test_a_usage_error_exits_2_with_the_usage_on_stderr(tmp_path: Path) -> None:
    result = run("report", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("användning: ledarutveckling report [-h]")
    assert result.stderr.endswith("ledarutveckling report: fel: följande argument krävs: FILE\n")
    result = run("report", "--locale", "en_GB", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: ledarutveckling report [-h]")
    assert result.stderr.endswith(
        "ledarutveckling report: error: the following arguments are required: FILE\n"
    )


def test_a_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = run("report", "x.toml", "--on", "27/11/2026", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "argumentet --on: inte ett datum på formen ÅÅÅÅ-MM-DD: '27/11/2026'\n"
    )
    result = run("report", "x.toml", "--on", "27/11/2026", "--locale", "en_GB", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "argument --on: not a date in the form YYYY-MM-DD: '27/11/2026'\n"
    )


# -- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["demo", "validate", "report", "schedule", "plan-rollout"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"användning: ledarutveckling {command} [-h]")
    assert "flaggor:\n  -h, --help " in out


def test_the_help_lists_the_commands_and_says_how_dates_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("demo", "validate", "report", "schedule", "plan-rollout", "invoice"):
        assert f"    {command} " in out or f"    {command}\n" in out
    with pytest.raises(SystemExit):
        main(["report", "--help", "--locale", "en_GB"])
    assert "today's date in Europe/Stockholm" in capsys.readouterr().out.replace("\n", " ")


# -- demo ---------------------------------------------------------------------------------


def test_the_demo_makes_a_new_folder_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli_demo, "_today", lambda: pendulum.date(2026, 11, 27))
    assert main(["demo"]) == 0
    assert main(["demo", "--locale", "en_GB"]) == 0
    out = capsys.readouterr().out
    assert f"Demons filer finns i {tmp_path / 'ledarutveckling-demo'}\n" in out
    assert f"Demo output is in {tmp_path / 'ledarutveckling-demo-2'}\n" in out
    # The next step writes the report under the name the demo gave it in the reader's language.
    sv_out, en_out = tmp_path / "ledarutveckling-demo", tmp_path / "ledarutveckling-demo-2"
    assert (
        f"Nästa steg: ledarutveckling report {sv_out / 'avropslogg.toml'} --on 2026-11-27 "
        "--format html -o statusrapport.html\n"
    ) in out
    assert (
        f"Next: ledarutveckling report {en_out / 'ledger.toml'} --on 2026-11-27 "
        "--format html -o status-report.html\n"
    ) in out
    assert "Status report: Ramavtal" in out
    assert (tmp_path / "ledarutveckling-demo-2" / "status-report.html").exists()
    assert (tmp_path / "ledarutveckling-demo-2" / "rollout.ics").exists()
    english = sorted(p.name for p in (tmp_path / "ledarutveckling-demo-2").iterdir())
    assert english == [
        "ceiling.png",
        "delivery.toml",
        "ledger.toml",
        "rollout.ics",
        "rollout.png",
        "sessions.ics",
        "status-report.html",
    ]


def test_the_demo_skips_the_charts_without_matplotlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    assert main(["demo", "--out", str(tmp_path), "--on", "2030-01-07"]) == 0
    out = capsys.readouterr().out
    assert (
        "(Diagrammen hoppades över: installera dem med pip install 'ledarutveckling[plot]'.)" in out
    )
    assert not (tmp_path / "takbelopp.png").exists()
    assert not (tmp_path / "traffar.ics").exists()  # nothing in force in 2030


def test_the_demo_reports_a_folder_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["demo", "--out", str(blocker / "ut"), "--on", "2026-11-27"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"ledarutveckling demo: fel: {blocker / 'ut'}: mappen kan inte skapas (är inte en mapp)\n"
    )


def test_a_chart_that_is_a_folder_is_refused_before_anything_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    (tmp_path / "takbelopp.png").mkdir()
    assert main(["demo", "--out", str(tmp_path), "--on", "2026-11-27", "--force"]) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling demo: fel: {tmp_path / 'takbelopp.png'}: är en mapp; ange en fil\n",
    )
    assert [path.name for path in tmp_path.iterdir()] == ["takbelopp.png"]  # nothing written


# -- report -------------------------------------------------------------------------------


def test_report_prints_the_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "stockholm-ledger.toml"
    assert main(["report", str(path), "--on", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Statusrapport: Ramavtal ledar- och medarbetarutveckling\n")
    assert "Utnyttjat av takbeloppet             30,4\xa0%" in out


def test_report_uses_today_in_stockholm_without_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli_report, "_today", lambda: pendulum.date(2027, 7, 4))
    assert main(["report", str(EXAMPLES / "stockholm-ledger.toml"), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "KS 2024/0815 · per 4 juli 2027" in out
    assert "- **Sista dag att påkalla nästa option är 2 oktober 2027, om 90 dagar.**" in out


def test_the_demo_rollout_starts_late_enough_for_the_leading_self_paced_window() -> None:
    catalogue = stockholm_catalogue()
    # ABW-1 (self-paced) is due 7 days (ABW-2's gap) before ABW-2 and opens 14 days earlier.
    assert cli_demo._lead_days(catalogue.program("ABW"), 14) == 21
    assert cli_demo._lead_days(catalogue.program("FOR-LED"), 14) == 0  # starts with a session
    request = cli_demo._demo_rollout(pendulum.date(2026, 11, 27))
    # The first working day after the call-off's 11 January + 21 days (1 February).
    assert request.start == pendulum.date(2027, 2, 2)


def test_today_is_a_stockholm_date() -> None:
    assert isinstance(cli_console._today(), pendulum.Date)
    assert cli_console._now().timezone_name == "UTC"


def test_report_writes_html_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    path = EXAMPLES / "stockholm-ledger.toml"
    args = ["report", str(path), "--on", "2026-11-27", "--format", "html", "-o", str(target)]
    assert main([*args, "--locale", "en_GB"]) == 0
    assert capsys.readouterr().out == f"Wrote the report to {target}\n"
    assert target.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')


def test_report_accepts_an_agreement_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "agreement.json"
    dump(stockholm_ledger().agreement, path)
    assert main(["report", str(path), "--on", "2026-11-27"]) == 0
    assert "Inga avrop ännu." in capsys.readouterr().out


def test_report_refuses_another_kind_of_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "catalogue.toml"
    dump(stockholm_catalogue(), path)
    assert main(["report", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling report: fel: {path}: måste vara ett ramavtal eller en avropslogg\n"
    )


def test_report_of_an_invalid_document_lists_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"document": "ledger", "schema_version": 1}', encoding="utf-8")
    assert main(["report", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"{path}: ogiltig, ")
    assert "agreement" in captured.err


@pytest.mark.parametrize(
    ("name", "content", "locale", "message"),
    [
        ("notes.txt", b"hello", "sv_SE", "fel: {path}: filnamnet måste sluta på .json eller .toml"),
        ("notes.txt", b"hello", "en_GB", "error: {path}: the file name must end in .json or .toml"),
        ("missing.toml", None, "sv_SE", "fel: {path}: filen finns inte"),
        ("missing.toml", None, "en_GB", "error: {path}: no such file"),
    ],
)
def test_unreadable_files_are_usage_errors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    locale: str,
    message: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["report", str(path), "--locale", locale]) == 2
    expected = f"ledarutveckling report: {message.format(path=path)}\n"
    assert capsys.readouterr().err == expected


NOT_UTF8 = {
    "sv_SE": "{path}: ogiltig, 1 problem:\n  dokumentet är inte text i UTF-8 (rad 1, kolumn "
    "{column}); spara det som UTF-8\n",
    "en_GB": "{path}: invalid, 1 problem:\n  the document is not UTF-8 text (line 1, column "
    "{column}); save it as UTF-8\n",
}


@pytest.mark.parametrize("locale", ["sv_SE", "en_GB"])
@pytest.mark.parametrize(
    ("name", "content", "column"),
    [
        ("latin1.toml", "namn = 'Skärholmen'".encode("latin-1"), 11),
        ("latin1.json", '{"namn": "Skärholmen"}'.encode("latin-1"), 13),
        ("utf16.toml", "namn = 'Skärholmen'".encode("utf-16"), 1),
    ],
)
def test_a_file_that_is_not_utf8_is_invalid_in_the_readers_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    locale: str,
    name: str,
    content: bytes,
    column: int,
) -> None:
    # Where the first character that is not UTF-8 is (an "ä" saved by Notepad as
    # Windows-1252), and what to do about it.
    path = tmp_path / name
    path.write_bytes(content)
    expected = NOT_UTF8[locale].format(path=path, column=column)
    assert main(["validate", str(path), "--locale", locale]) == 1
    assert capsys.readouterr().out == expected
    assert main(["report", str(path), "--locale", locale]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", expected)


def test_a_folder_is_not_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling validate: fel: {tmp_path}: kan inte läsas (är en mapp)\n"
    )
    assert main(["validate", str(tmp_path), "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling validate: error: {tmp_path}: cannot be read (Is a directory)\n"
    )


def test_toml_that_does_not_parse_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("document = ", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.startswith(f"{path}: ogiltig, 1 problem:\n")


# -- schedule and plan-rollout ---------------------------------------------------------------


def example(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the example request *name* in *tmp_path*, *old* replaced, with its catalogue."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert old in text
    request = tmp_path / name
    request.write_text(text.replace(old, new), encoding="utf-8")
    dump(stockholm_catalogue(), tmp_path / "stockholm-catalogue.toml")
    return request


def test_schedule_prints_the_sessions_and_writes_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.ics"
    assert main(["schedule", str(EXAMPLES / "schedule-request.toml"), "--ics", str(target)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "FOR-LED Förändringsledarskap: 8 träffar"
    assert out[1] == "  2027-02-02 09:00–15:00  Grupp 1  FOR-1 Förändringens psykologi"
    assert out[-1] == f"Skrev kalendern till {target}"
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == 8


def test_schedule_prints_conflicts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    request = tmp_path / "clash.toml"
    request.write_text(
        """
document = "schedule_request"
schema_version = 1
program = "SVS"
[[cohorts]]
name = "Grupp 1"
first_day = 2027-02-01
start_time = "09:00"
facilitators = ["Anna"]
[[cohorts]]
name = "Grupp 2"
first_day = 2027-02-01
start_time = "09:00"
facilitators = ["Anna"]
""",
        encoding="utf-8",
    )
    target = tmp_path / "x.ics"
    # written to be looked at, but exit code 1: a script must not send the invitations
    assert main(["schedule", str(request), "--ics", str(target)]) == 1
    assert target.exists()
    # SVS-1 is self-paced: a to-do due on its day, listed without a time; SVS-2 is led by two.
    assert capsys.readouterr().out.splitlines() == [
        "SVS Svåra samtal: 2 träffar och 2 självstudieuppgifter",
        "  2027-02-01 självstudier  Grupp 1  SVS-1 Samtalsmodeller",
        "  2027-02-01 självstudier  Grupp 2  SVS-1 Samtalsmodeller",
        "  2027-02-08 09:00–12:00   Grupp 1  SVS-2 Övning i svåra samtal",
        "  2027-02-08 09:00–12:00   Grupp 2  SVS-2 Övning i svåra samtal",
        "  ! Anna leder två träffar samtidigt: SVS Grupp 1 SVS-2 (8 februari 2027 kl. 09:00) och "
        "SVS Grupp 2 SVS-2 (8 februari 2027 kl. 09:00)",
        "  ! SVS Grupp 1 SVS-2 (8 februari 2027 kl. 09:00) leds av 1 utbildningsledare; modulen "
        "ska ledas av 2 utbildningsledare",
        "  ! SVS Grupp 2 SVS-2 (8 februari 2027 kl. 09:00) leds av 1 utbildningsledare; modulen "
        "ska ledas av 2 utbildningsledare",
        f"Skrev kalendern till {target} med 3 konflikter: lös dem innan inbjudningarna skickas",
    ]
    english = ["--force", "--locale", "en_GB"]
    assert main(["schedule", str(request), "--ics", str(target), *english]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == (
        f"Wrote the calendar to {target} with 3 conflicts: resolve them before sending the "
        "invitations"
    )
    assert out[:2] == [
        "SVS Svåra samtal: 2 sessions and 2 self-paced to-dos",
        "  01/02/2027 self-paced   Grupp 1  SVS-1 Samtalsmodeller",
    ]


def test_schedule_of_an_impossible_request_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = example(tmp_path, "schedule-request.toml", "every_weeks = 4", "every_weeks = 1")
    assert main(["schedule", str(request), "--ics", str(tmp_path / "x.ics")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{request}: ogiltig, 6 problem:\n  cohorts[0].every_weeks: ")
    assert not (tmp_path / "x.ics").exists()


def test_plan_rollout_prints_the_plan_and_writes_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rollout.ics"
    request = str(EXAMPLES / "rollout-request.toml")
    assert main(["plan-rollout", request, "--ics", str(target)]) == 0
    out = capsys.readouterr().out.splitlines()
    # 295 people in cohorts of 20-40: Trafikkontoret 120 = 3 x 40, Exploateringskontoret
    # 80 = 2 x 40, Stadsbyggnadskontoret 95 = 32 + 32 + 31, so 8 cohorts. ABW-1 is self-paced
    # (a window, a to-do), ABW-2 and ABW-3 are held: 8 x 2 = 16 sessions and 8 to-dos.
    assert out[0] == (
        "Flytten till ett aktivitetsbaserat kontor: 295 deltagare i 8 kohorter, 16 träffar."
    )
    assert out[-1] == f"Skrev 16 träffar och 8 självstudieuppgifter till {target}"
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events, todos = calendar.walk("VEVENT"), calendar.walk("VTODO")
    assert (len(events), len(todos)) == (16, 8)
    assert {str(e["SUMMARY"]) for e in events} >= {
        "Flytten till ett aktivitetsbaserat kontor: Vår arbetsplats i det nya kontoret "
        "(Trafikkontoret, kohort 1)",
        "Flytten till ett aktivitetsbaserat kontor: Uppföljning efter flytten "
        "(Stadsbyggnadskontoret, kohort 3)",
    }
    assert {str(t["SUMMARY"]) for t in todos} >= {
        "Flytten till ett aktivitetsbaserat kontor: Introduktion till aktivitetsbaserat "
        "arbetssätt (Exploateringskontoret, kohort 2)"
    }


def test_plan_rollout_without_ics_only_prints(capsys: pytest.CaptureFixture[str]) -> None:
    request = str(EXAMPLES / "rollout-request.toml")
    assert main(["plan-rollout", request, "--locale", "en_GB"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Flytten till ett aktivitetsbaserat kontor: 295 participants")
    assert "Wrote" not in out


def test_a_unit_whose_deadline_is_out_of_reach_is_named_with_the_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2,400 staff, at most 40 in sessions at once: 60 workshops, one a slot, do not fit the
    # 40 slots before 1 March; the plan is made, and says which unit and why.
    request = example(
        tmp_path,
        "rollout-request.toml",
        'headcount = 120\ndeadlines = { "ABW-2" = 2027-04-30 }',
        'headcount = 2400\ndeadlines = { "ABW-2" = 2027-03-01 }\nmax_away = 40',
    )
    assert main(["plan-rollout", str(request)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Trafikkontoret: 60 träffar som tidigast får hållas 1 februari 2027 och ska hållas "
        "före 1 mars 2027 (ABW-2) ryms inte på 40 pass med högst 1 kohort och 40 personer "
        "i utbildning samtidigt (max_away); enhetens sista dagar hålls inte"
    )
    assert main(["plan-rollout", str(request), "--locale", "en_GB"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Trafikkontoret: 60 sessions that may be held from 1 February 2027 and must be held "
        "before 1 March 2027 (ABW-2) cannot fit in 40 slots with at most 1 cohort and 40 "
        "people in sessions at once (max_away); its deadlines are not kept"
    )


def test_an_impossible_rollout_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # ABW-2 due before the first day sessions may be held (2027-02-01): no plan can meet it.
    request = example(tmp_path, "rollout-request.toml", "2027-04-30", "2027-01-29")
    assert main(["plan-rollout", str(request)]) == 1
    assert capsys.readouterr().err == (
        f"{request}: ogiltig, 1 problem:\n"
        "  units[0]: Trafikkontoret: ABW-2 kan inte hållas före 29 januari 2027; starten, "
        "modulernas mellanrum och kalendern ger tidigast 1 februari 2027\n"
    )


def test_a_deadline_on_the_first_day_now_plans_and_smaller_cohorts_meet_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before issue 17 the self-paced ABW-1 took a slot 7 days before ABW-2, so ABW-2 before
    # 2027-02-02 (that is, on the start day) was refused. ABW-1 is now a window that may open
    # before the start, so a plan exists. Three cohorts of 40 cannot all have ABW-2 on
    # 1 February (one room takes 40); the planner now chooses the split, and four cohorts of
    # 30 fit both rooms in both slots that day, so the deadline is met.
    request = example(tmp_path, "rollout-request.toml", "2027-04-30", "2027-02-02")
    assert main(["plan-rollout", str(request)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Flytten till ett aktivitetsbaserat kontor: 295 deltagare i 11 kohorter, 22 träffar."
    )
    trafik = next(line for line in out if line.startswith("Trafikkontoret: "))
    assert trafik.startswith("Trafikkontoret: 4 kohorter (120 deltagare), 1 februari")
    assert trafik.endswith("; ABW-2 före 2 februari 2027: uppfyllt.")


def test_validate_checks_requests_by_running_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", *(str(p) for p in sorted(EXAMPLES.glob("*.toml")))]) == 0
    out = capsys.readouterr().out
    assert "rollout-request.toml: giltig (begäran om utrullning)" in out
    assert "schedule-request.toml: giltig (begäran om schemaläggning)" in out


def test_validate_reports_other_document_kinds_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "catalogue.json"
    dump(stockholm_catalogue(), path)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: giltig (katalog)\n"


def test_a_missing_file_and_a_bad_date_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(tmp_path / "none.toml")]) == 2
    assert capsys.readouterr().err.endswith("none.toml: filen finns inte\n")
    with pytest.raises(SystemExit) as info:
        main(["report", "x.toml", "--on", "2026-02-30", "--locale", "en_GB"])
    assert info.value.code == 2
    assert "not a date in the calendar: '2026-02-30'" in capsys.readouterr().err


def test_report_lists_the_problems_of_a_ledger_as_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import attrs

    ledger = stockholm_ledger()
    from ledarutveckling import DateRange

    late = attrs.evolve(
        ledger.call_offs[6],
        ordered_on=pendulum.date(2029, 1, 8),
        delivery=DateRange.from_iso("2029-02-01", "2029-04-30"),
    )
    path = tmp_path / "what-if.toml"
    dump(attrs.evolve(ledger, call_offs=(*ledger.call_offs[:6], late)), path)
    assert main(["validate", str(path)]) == 1
    assert "call_offs[6].ordered_on: " in capsys.readouterr().out
    assert main(["report", str(path), "--on", "2026-11-27"]) == 0
    assert (
        "! Avrop SOC 2027/0031: avropsdagen 8 januari 2029 ligger utanför den avtalstid som "
        "gäller (1 januari 2025\xa0– 31 december 2027)"
    ) in capsys.readouterr().out


def test_report_summarises_evaluation_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ledarutveckling.examples import stockholm_evaluations

    files = []
    for number, evaluation in enumerate(stockholm_evaluations()):
        files.append(tmp_path / f"evaluation-{number}.json")
        dump(evaluation, files[-1])
    ledger = tmp_path / "stockholm-ledger.toml"
    ledger.write_bytes((EXAMPLES / "stockholm-ledger.toml").read_bytes())
    args = ["report", str(ledger), "--on", "2026-11-27", "--evaluations", *map(str, files)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "Utvärderingar\n-------------" in captured.out
    assert "2025:2  för få svar (n < 5)" in captured.out
    record = tmp_path / "stockholm-ledger.audience-default.json"
    assert captured.err == f"Sparade vad ”default” har fått se i {record}\n"
    assert [p.label for p in load(record, Audience).publications] == [
        "status report 2026-11-27, SOC-LED by cohort"
    ]
    # The same report run again is audited against the record: the same figures are shown.
    assert main(args) == 0
    assert "2025:2  för få svar (n < 5)" in capsys.readouterr().out
    assert len(load(record, Audience).publications) == 2


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "{record}: rapporten visas inte för ”default”, 1 problem:\n"
            "  audience: publiceringen för default skiljer sig för lite från statusrapporten "
            "2026-11-27, SOC-LED per kohort: antalet svar för SOC-LED-2026-2 skiljer sig med "
            "färre än 5, så de nya svaren kan räknas ut\n"
            "  Rapporten utan utvärderingarna kan visas: kör den utan --evaluations.\n",
        ),
        (
            "en_GB",
            "{record}: the report is not shown to 'default', 1 problem:\n"
            "  audience: the publication for default differs too little from the status report "
            "of 2026-11-27, SOC-LED by cohort: the number of answers for SOC-LED-2026-2 differs "
            "by fewer than 5, so the new answers can be worked out\n"
            "  The report without the evaluations can be shown: run it without --evaluations.\n",
        ),
    ],
)
def test_report_refused_for_its_audience_says_so_in_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str, expected: str
) -> None:
    # The refusal was printed in Swedish under --locale en_GB, called the audience's record
    # "ogiltig", and named the earlier report "status 2026-11-27: SOC-LED by cohort".
    from ledarutveckling.examples import stockholm_evaluations

    evaluations = stockholm_evaluations()
    ledger = tmp_path / "stockholm-ledger.toml"
    ledger.write_bytes((EXAMPLES / "stockholm-ledger.toml").read_bytes())
    record = tmp_path / "stockholm-ledger.audience-default.json"
    files = []
    for number, evaluation in enumerate(evaluations):
        files.append(tmp_path / f"evaluation-{number}.json")
        # the first day, 2026:2 has two answers fewer: they come in late
        late = number == 3
        dump(
            attrs.evolve(evaluation, responses=evaluation.responses[:-2]) if late else evaluation,
            files[-1],
        )
    args = ["report", str(ledger), "--evaluations", *map(str, files)]
    # The first report is made in Swedish: its record names it in either language.
    assert main([*args, "--on", "2026-11-27"]) == 0
    capsys.readouterr()
    dump(evaluations[3], files[3])
    args += ["--locale", locale]
    assert main([*args, "--on", "2026-11-28"]) == 1
    assert capsys.readouterr().err == expected.format(record=record)


def test_report_keeps_one_record_per_audience(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ledarutveckling.examples import stockholm_evaluations

    files = []
    for number, evaluation in enumerate(stockholm_evaluations()):
        files.append(tmp_path / f"evaluation-{number}.json")
        dump(evaluation, files[-1])
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    record = tmp_path / "board.json"
    base = ["report", ledger, "--evaluations", *map(str, files), "--audience-file", str(record)]
    assert main([*base, "--on", "2026-06-10", "--audience", "styrgruppen"]) == 0
    assert load(record, Audience).name == "styrgruppen"
    # In June 2025:1 (12 invited) is hidden to protect 2025:2, as the shown cohort with the
    # fewest invited. Later the last two 2026 cohorts are in: the new total less June's would
    # give the hidden 2026:3 (3 respondents) away beside 2026:2, so 2026:2 is hidden too.
    assert "2025:1  dold för att skydda en annan grupp" in capsys.readouterr().out
    assert main([*base, "--on", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert "2026:2  dold för att skydda en annan grupp" in out
    assert "2025:1  dold för att skydda en annan grupp" in out
    assert "2026:1                              7 / 14" in out
    record.write_text('{"document": "program", "schema_version": 1}', encoding="utf-8")
    assert main([*base, "--on", "2026-11-27"]) == 1
    assert capsys.readouterr().err.startswith(f"{record}: ogiltig, ")
    # under --locale en_GB the broken record's problems were printed in Swedish
    assert main([*base, "--on", "2026-11-27", "--locale", "en_GB"]) == 1
    assert capsys.readouterr().err.startswith(f"{record}: invalid, ")
    dump(stockholm_evaluations()[0], record)
    assert main([*base, "--on", "2026-11-27"]) == 2
    assert capsys.readouterr().err.endswith("--audience-file kräver ett publiceringsregister\n")


def test_report_refuses_the_record_of_another_audience(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ledarutveckling.examples import stockholm_evaluations

    evaluation = tmp_path / "evaluation.json"
    dump(stockholm_evaluations()[0], evaluation)
    ledger = tmp_path / "stockholm-ledger.toml"
    ledger.write_bytes((EXAMPLES / "stockholm-ledger.toml").read_bytes())
    base = ["report", str(ledger), "--on", "2026-11-27", "--evaluations", str(evaluation)]
    assert main([*base, "--audience", "HR"]) == 0
    capsys.readouterr()
    record = tmp_path / "stockholm-ledger.audience-hr.json"
    kept = record.read_bytes()
    # "hr" and "HR" make the same file name: the other audience's record is not used.
    assert main([*base, "--audience", "hr"]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling report: fel: {record}: är registret för ”HR”, inte för ”hr”; "
        "ange --audience HR, eller --audience-file SÖKVÄG för en egen fil för ”hr”\n"
    )
    assert record.read_bytes() == kept
    # Nor the record named by --audience-file, nor without --audience the slug's file.
    assert main([*base, "--audience", "a b", "--audience-file", str(record)]) == 2
    assert main([*base, "--audience", "a b", "--locale", "en_GB"]) == 0
    assert main([*base, "--audience", "a-b", "--locale", "en_GB"]) == 2
    other = tmp_path / "stockholm-ledger.audience-a-b.json"
    assert capsys.readouterr().err.endswith(
        f"{other}: is the record of 'a b', not of 'a-b'; pass --audience 'a b', or "
        "--audience-file PATH to keep 'a-b' in a record of its own\n"
    )
    (tmp_path / "stockholm-ledger.audience-default.json").write_bytes(kept)
    assert main(base) == 2
    # With --audience-file alone, the record's own name is the audience.
    assert main([*base, "--audience-file", str(record)]) == 0
    assert capsys.readouterr().err.endswith(f"Sparade vad ”HR” har fått se i {record}\n")
    assert main([*base, "--audience-file", str(tmp_path / "new.json")]) == 0
    assert load(tmp_path / "new.json", Audience).name == "default"


def test_report_refuses_a_record_it_could_not_keep_before_writing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ledarutveckling.examples import stockholm_evaluations

    evaluation = tmp_path / "evaluation.json"
    dump(stockholm_evaluations()[0], evaluation)
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    out = tmp_path / "rapport.md"
    base = ["report", ledger, "--on", "2026-11-27", "--evaluations", str(evaluation)]
    (tmp_path / "elsewhere.json").write_text("{}", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(tmp_path / "elsewhere.json")
    cases = {
        str(out): "the audience's record must be a file of its own",
        str(evaluation): "the audience's record must be a file of its own",
        str(Path(ledger)): "the audience's record must be a file of its own",
        str(tmp_path / "link.json"): "is a symbolic link; keep the audience's record elsewhere",
        str(tmp_path / "no" / "board.json"): f"the folder {tmp_path / 'no'} does not exist",
    }
    for record, message in cases.items():
        assert main([*base, "--audience-file", record, "-o", str(out), "--locale", "en_GB"]) == 2
        assert capsys.readouterr().err == f"ledarutveckling report: error: {record}: {message}\n"
        assert not out.exists()
    assert (
        main(
            [
                *base,
                "--format",
                "xlsx",
                "-o",
                str(tmp_path / "r.xlsx"),
                "--audience-file",
                str(tmp_path / "board.json"),
            ]
        )
        == 0
    )
    assert load(tmp_path / "board.json", Audience).publications[0].label == (
        "status report 2026-11-27, SOC-LED by cohort"
    )


def test_report_refuses_evaluations_that_are_not_evaluations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    assert main(["report", ledger, "--evaluations", ledger]) == 2
    assert capsys.readouterr().err.endswith(
        "stockholm-ledger.toml: --evaluations kräver utvärderingar\n"
    )
    broken = tmp_path / "evaluation.json"
    broken.write_text('{"document": "evaluation", "schema_version": 1}', encoding="utf-8")
    assert main(["report", ledger, "--evaluations", str(broken)]) == 1
    assert capsys.readouterr().err.startswith(f"{broken}: ogiltig, ")


def test_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen(
        [sys.executable, "-m", "ledarutveckling", "demo", "--out", str(tmp_path / "ut")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode("utf-8")
        assert process.wait(timeout=120) == 141
    assert "Traceback" not in err


def test_a_closed_pipe_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli_parser, "cmd_validate", broken)
    assert main(["validate", "x.toml"]) == 141


# -- a catalogue of the user's own -------------------------------------------------------------

OWN_PROGRAM = attrs.evolve(
    stockholm_catalogue().program("SVS"), code="EGEN", title="Vårt eget program"
)

OWN_SCHEDULE = """
document = "schedule_request"
schema_version = 1
{catalogue}program = "EGEN"
[[cohorts]]
name = "Grupp 1"
first_day = 2027-02-01
start_time = "09:00"
"""

OWN_ROLLOUT = """
document = "rollout_request"
schema_version = 1
{catalogue}program = "EGEN"
start = 2027-02-01
[[slots]]
start = "09:00"
end = "12:00"
[[units]]
name = "Stadsarkivet"
headcount = 30
[[facilitators]]
name = "Anna"
[[facilitators]]
name = "Bo"
[[rooms]]
name = "Sal 1"
capacity = 20
"""


def own_catalogue(folder: Path) -> Path:
    """A catalogue document whose one program, EGEN, is not in the bundled example."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "katalog.toml"
    dump(Catalogue(programs=(OWN_PROGRAM,)), path)
    assert "EGEN" not in stockholm_catalogue()
    return path


def test_schedule_with_the_catalogue_the_request_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_catalogue(tmp_path / "data")
    request = tmp_path / "requests" / "schema.toml"
    request.parent.mkdir()
    request.write_text(
        OWN_SCHEDULE.format(catalogue='catalogue = "../data/katalog.toml"\n'), encoding="utf-8"
    )
    assert main(["schedule", str(request), "--ics", str(tmp_path / "x.ics")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "EGEN Vårt eget program: 1 träff och 1 självstudieuppgift"
    assert out[1] == "  2027-02-01 självstudier  Grupp 1  SVS-1 Samtalsmodeller"


def test_schedule_with_the_catalogue_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = own_catalogue(tmp_path / "data")
    request = tmp_path / "schema.toml"
    request.write_text(
        OWN_SCHEDULE.format(catalogue='catalogue = "elsewhere.toml"\n'), encoding="utf-8"
    )
    ics = tmp_path / "x.ics"
    args = ["schedule", str(request), "--ics", str(ics), "--catalogue", str(catalogue)]
    assert main(args) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "EGEN Vårt eget program: 1 träff och 1 självstudieuppgift"
    assert ics.exists()


def test_plan_rollout_with_the_catalogue_the_request_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_catalogue(tmp_path)
    request = tmp_path / "utrullning.toml"
    request.write_text(
        OWN_ROLLOUT.format(catalogue='catalogue = "katalog.toml"\n'), encoding="utf-8"
    )
    ics = tmp_path / "utrullning.ics"
    assert main(["plan-rollout", str(request), "--ics", str(ics)]) == 0
    out = capsys.readouterr().out.splitlines()
    # EGEN is SVS: SVS-1 is self-paced (a window), SVS-2 is held; 2 cohorts x 1 = 2 sessions.
    assert out[0].startswith("Vårt eget program: 30 deltagare i 2 kohorter, 2 träffar.")
    assert out[-1] == f"Skrev 2 träffar och 2 självstudieuppgifter till {ics}"


def test_plan_rollout_with_the_catalogue_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = own_catalogue(tmp_path / "data")
    request = tmp_path / "utrullning.toml"
    request.write_text(OWN_ROLLOUT.format(catalogue=""), encoding="utf-8")
    assert main(["plan-rollout", str(request), "--catalogue", str(catalogue)]) == 0
    assert capsys.readouterr().out.startswith("Vårt eget program: 30 deltagare")
    assert main(["validate", str(request), "--catalogue", str(catalogue)]) == 0
    assert capsys.readouterr().out == f"{request}: giltig (begäran om utrullning)\n"


def test_without_a_catalogue_the_bundled_example_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = tmp_path / "utrullning.toml"
    request.write_text(OWN_ROLLOUT.format(catalogue=""), encoding="utf-8")
    # A program of one's own: the request forgot to name its catalogue, and is told so.
    assert main(["plan-rollout", str(request)]) == 1
    assert capsys.readouterr().err == (
        f"{request}: ogiltig, 1 problem:\n"
        "  program: programmet EGEN finns inte i Stockholms exempelkatalog, som läses när "
        'begäran inte anger någon katalog; ange er katalog med catalogue = "katalog.toml" i '
        "begäran eller med --catalogue\n"
    )
    assert main(["plan-rollout", str(request), "--locale", "en_GB"]) == 1
    assert capsys.readouterr().err == (
        f"{request}: invalid, 1 problem:\n"
        "  program: the program EGEN is not in the bundled Stockholm example catalogue, which "
        'is read when the request names no catalogue; name yours with catalogue = "katalog.toml" '
        "in the request or with --catalogue\n"
    )
    assert main(["validate", str(request)]) == 1
    assert "programmet EGEN finns inte i Stockholms exempelkatalog" in capsys.readouterr().out
    # A program the example has is planned with it, as before requests named a catalogue.
    request.write_text(OWN_ROLLOUT.format(catalogue="").replace('"EGEN"', '"ABW"'), "utf-8")
    assert main(["validate", str(request)]) == 1
    assert capsys.readouterr().out == (
        f"{request}: ogiltig, 1 problem:\n"
        "  units[0].headcount: Stadsarkivet: 30 deltagare kan inte delas i kohorter som ryms i "
        "den största lokalen (20 platser) med minst 20 per kohort\n"
    )


def test_a_bad_request_lists_its_problems_with_paths_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_catalogue(tmp_path)
    request = tmp_path / "utrullning.toml"
    text = OWN_ROLLOUT.format(catalogue='catalogue = "katalog.toml"\n"färg" = "blå"\n')
    request.write_text(text.replace("headcount = 30", 'headcount = "30"'), encoding="utf-8")
    assert main(["plan-rollout", str(request)]) == 1
    assert capsys.readouterr().err == (
        f"{request}: ogiltig, 2 problem:\n"
        '  units[0].headcount: här ska det stå ett heltal, inte "30"\n'
        '  färg: nyckeln "färg" finns inte här; här finns "catalogue", "program", "start", '
        '"cohort_size", "calendar", "slots", "units", "facilitators", "rooms" och '
        '"self_paced_days"\n'
    )
    request.write_text(
        OWN_SCHEDULE.format(catalogue="").replace("= 1\n", "= 1\nschema = 1\n"), encoding="utf-8"
    )
    assert main(["schedule", str(request), "--ics", str(tmp_path / "x.ics")]) == 1
    assert capsys.readouterr().err == (
        f"{request}: ogiltig, 1 problem:\n"
        '  schema: nyckeln "schema" finns inte här; här finns "catalogue", "program", '
        '"calendar" och "cohorts"\n'
    )


def test_a_request_of_another_kind_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = str(EXAMPLES / "schedule-request.toml")
    assert main(["plan-rollout", request]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling plan-rollout: fel: {request}: här krävs dokumentsorten begäran om "
        "utrullning, inte begäran om schemaläggning\n"
    )
    assert main(["plan-rollout", request, "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling plan-rollout: error: {request}: needs a rollout request document, "
        "not a schedule request\n"
    )


def test_a_missing_catalogue_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = tmp_path / "utrullning.toml"
    request.write_text(
        OWN_ROLLOUT.format(catalogue='catalogue = "saknas.toml"\n'), encoding="utf-8"
    )
    assert main(["plan-rollout", str(request)]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling plan-rollout: fel: {tmp_path / 'saknas.toml'}: filen finns inte\n"
    )


def test_a_catalogue_option_that_is_not_a_catalogue_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "ledger.toml"
    dump(stockholm_ledger(), ledger)
    request = str(EXAMPLES / "schedule-request.toml")
    args = ["schedule", request, "--ics", str(tmp_path / "x.ics"), "--catalogue", str(ledger)]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling schedule: fel: {ledger}: katalogen måste vara ett katalogdokument\n"
    )


def test_an_invalid_catalogue_lists_its_own_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = own_catalogue(tmp_path)
    catalogue.write_text(
        catalogue.read_text("utf-8").replace('code = "EGEN"', "code = 7"), encoding="utf-8"
    )
    request = tmp_path / "schema.toml"
    request.write_text(
        OWN_SCHEDULE.format(catalogue='catalogue = "katalog.toml"\n'), encoding="utf-8"
    )
    assert main(["schedule", str(request), "--ics", str(tmp_path / "x.ics")]) == 1
    assert capsys.readouterr().err == (
        f"{catalogue}: ogiltig, 1 problem:\n  programs[0].code: här ska det stå text, inte 7\n"
    )
    assert main(["validate", str(request)]) == 1
    assert capsys.readouterr().out.startswith(f"{catalogue}: ogiltig, 1 problem:\n")


def test_what_the_command_line_says_has_the_same_fields_in_both_languages() -> None:
    import string

    for key, (swedish, english) in cli_texts._SAID.items():
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(text) if name}
            for text in (swedish, english)
        ]
        assert fields[0] == fields[1], key
    assert set(cli_texts._KIND_NAMES) == set(serialization.DOCUMENT_KINDS)
    assert cli_texts._kind_name(Catalogue, "sv_SE") == "katalog"
    assert cli_texts._kind_name(Catalogue, "en_GB") == "catalogue"


@pytest.mark.parametrize(
    ("locale", "count", "expected"),
    [
        ("sv_SE", 1, "1 träff och 1 självstudieuppgift"),
        ("sv_SE", 2, "2 träffar och 2 självstudieuppgifter"),
        ("en_GB", 1, "1 session and 1 self-paced to-do"),
        ("en_GB", 2, "2 sessions and 2 self-paced to-dos"),
    ],
)
def test_counts_are_written_in_the_readers_language(locale: str, count: int, expected: str) -> None:
    plan = cli_demo._demo_rollout(pendulum.date(2026, 11, 27)).plan(stockholm_catalogue())
    sessions = plan.to_sessions(locale)
    held = [s for s in sessions if s.format.is_scheduled][:count]
    self_paced = [s for s in sessions if not s.format.is_scheduled][:count]
    assert cli_scheduling._events_and_todos([*held, *self_paced], locale) == expected
    problems = "0 problem" + ("s" if locale == "en_GB" else "")
    assert cli_texts._counted(0, "problem", locale) == problems


def test_every_page_the_help_names_exists(capsys: pytest.CaptureFixture[str]) -> None:
    # `schema --help` named docs/how-to/json-schema.md, which does not exist.
    import re

    docs = EXAMPLES.parent / "docs"
    named = []
    for command in ("schema", "invoice"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        named += re.findall(r"docs/([\w./-]+\.md)", " ".join(capsys.readouterr().out.split()))
    assert named == ["json-schema.md", "invoicing.md"]
    assert all((docs / page).is_file() for page in named)


def test_a_request_with_a_bad_unit_gets_the_catalogues_problems_of_the_rest_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # units[0] does not read (headcount 0), which used to hide the problems the catalogue
    # finds in the rest until the next run: a skill and an earliest date naming no module.
    request = example(tmp_path, "rollout-request.toml", "headcount = 120", "headcount = 0")
    text = request.read_text(encoding="utf-8")
    text = text.replace(
        'name = "Stadsbyggnadskontoret"\nheadcount = 95',
        'name = "Stadsbyggnadskontoret"\nheadcount = 95\nnot_before = { "ABW-9" = 2027-05-03 }',
    ).replace('name = "Sara Nilsson"', 'name = "Sara Nilsson"\nmodules = ["ABW-2", "X"]')
    request.write_text(text, encoding="utf-8")
    expected = [
        f"{request}: ogiltig, 3 problem:",
        "  units[0].headcount: värdet 0 är för litet; det ska vara minst 1",
        "  facilitators[2].modules: X är ingen modul i programmet ABW, som har ABW-1, ABW-2 "
        "och ABW-3",
        "  units[2].not_before: ABW-9 är ingen modul i programmet ABW, som har ABW-1, ABW-2 "
        "och ABW-3",
    ]
    for command in (["plan-rollout", str(request)], ["validate", str(request)]):
        assert main(command) == 1
        captured = capsys.readouterr()
        assert (captured.err or captured.out).splitlines() == expected
    # Only the elements' problems are followed: with the start wrong too, the rest waits.
    request.write_text(text.replace("start = 2027-02-01", 'start = "1 februari"'), "utf-8")
    assert main(["plan-rollout", str(request)]) == 1
    assert capsys.readouterr().err.startswith(f"{request}: ogiltig, 2 problem:\n")


def test_the_rest_of_a_request_is_checked_only_when_it_can_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ledarutveckling._cli.files import every_problem
    from ledarutveckling.errors import Problem, ValidationError

    def problems(request: Path) -> list[str]:
        assert main(["plan-rollout", str(request)]) == 1
        return [line.split(":")[0].strip() for line in capsys.readouterr().err.splitlines()[1:]]

    # The rest checks out: nothing more.
    alone = example(tmp_path, "rollout-request.toml", "headcount = 120", "headcount = 0")
    assert problems(alone) == ["units[0].headcount"]
    # Every unit is wrong: the rest has no units, which is not told (it is what was left out).
    text = alone.read_text(encoding="utf-8")
    every = tmp_path / "every.toml"
    every.write_text(text.replace("headcount = 80", "headcount = 0").replace("= 95", "= 0"))
    assert problems(every) == ["units[0].headcount", "units[1].headcount", "units[2].headcount"]
    # The catalogue does not read: nothing more.
    lost = tmp_path / "lost.toml"
    lost.write_text(text.replace('"stockholm-catalogue.toml"', '"nowhere.toml"'), "utf-8")
    assert problems(lost) == ["units[0].headcount"]
    # A list that is not one where a problem names an element of it: nothing more.
    odd = tmp_path / "odd.toml"
    odd.write_text('document = "rollout_request"\nschema_version = 1\nunits = 3\n', "utf-8")
    named = ValidationError([Problem(path="units[0].headcount", value=0, message="m")])
    assert every_problem(odd, named, None, "sv_SE").problems == named.problems
    # A file gone since it was read, or no longer TOML: nothing more.
    assert every_problem(tmp_path / "gone.toml", named, None, "sv_SE").problems == named.problems
    (tmp_path / "broken.toml").write_text("units = [", "utf-8")
    broken = every_problem(tmp_path / "broken.toml", named, None, "sv_SE")
    assert broken.problems == named.problems
    # Not a request, or a request of the other kind (a schedule has no units): nothing more.
    for kind in ("catalogue", "schedule_request"):
        other = tmp_path / f"{kind}.toml"
        other.write_text(f'document = "{kind}"\nschema_version = 1\nunits = [1]\n', "utf-8")
        assert every_problem(other, named, None, "sv_SE").problems == named.problems


def test_a_schedule_request_with_a_bad_cohort_gets_the_rest_scheduled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = example(tmp_path, "schedule-request.toml", 'start_time = "09:00"', "start_time = 9")
    text = request.read_text(encoding="utf-8").replace("every_weeks = 4", "every_weeks = 1", 1)
    request.write_text(text, encoding="utf-8")
    assert main(["schedule", str(request), "--ics", str(tmp_path / "x.ics")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"{request}: ogiltig, {len(lines) - 1} problem:"
    assert lines[1].startswith("  cohorts[1].start_time: ")
    assert lines[2].startswith("  cohorts[0].every_weeks: ")


def test_the_same_evaluation_twice_is_told_at_its_file_not_as_the_audiences_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ledarutveckling.examples import stockholm_evaluations

    ledger = tmp_path / "stockholm-ledger.toml"
    ledger.write_bytes((EXAMPLES / "stockholm-ledger.toml").read_bytes())
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    dump(stockholm_evaluations()[0], first)
    dump(stockholm_evaluations()[0], second)
    args = ["report", str(ledger), "--on", "2026-11-27", "--evaluations", str(first), str(second)]
    assert main(args) == 1
    reference = stockholm_evaluations()[0].reference
    assert capsys.readouterr().err == (
        f"{second}: ogiltig, 1 problem:\n  {reference} förekommer mer än en gång\n"
    )
    assert not (tmp_path / "stockholm-ledger.audience-default.json").exists()
