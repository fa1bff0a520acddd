"""The command line's options as the reviewer found them (round 6): each with its exact output."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledarutveckling._cli import main
from ledarutveckling._cli.invoice import _file_name

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_schema_takes_force_as_its_error_says(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "s1.json").write_text("old", "utf-8")
    assert main(["schema", "ledger", "-o", "s1.json"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling schema: fel: s1.json: finns redan; ange --force för att skriva över den\n"
    )
    assert main(["schema", "ledger", "-o", "s1.json", "--force"]) == 0
    assert (here / "s1.json").read_text("utf-8").startswith("{\n")
    assert main(["schema", "ledger", "-o", "s1.json", "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling schema: error: s1.json: exists; pass --force to overwrite it\n"
    )


def test_locale_before_the_command_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--locale", "en_GB", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: ledarutveckling [-h] [--version] [--locale {sv_SE,en_GB}]")
    assert "show this help message and exit" in out


def test_the_last_locale_decides_the_commands_output(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    assert main(["--locale", "en_GB", "validate", ledger]) == 0
    assert capsys.readouterr().out == f"{ledger}: valid (agreement ledger)\n"
    assert main(["--locale", "en_GB", "validate", ledger, "--locale", "sv_SE"]) == 0
    assert capsys.readouterr().out == f"{ledger}: giltig (avropslogg)\n"
    assert main(["--locale", "sv_SE", "validate", ledger, "--locale", "en_GB"]) == 0
    assert capsys.readouterr().out == f"{ledger}: valid (agreement ledger)\n"


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("sv_SE", "fel: argumentet --due-days: måste vara ett heltal från 0 till 365: '9999'"),
        ("en_GB", "error: argument --due-days: must be a whole number from 0 to 365: '9999'"),
    ],
)
def test_due_days_out_of_range_says_the_range(
    locale: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invoice", "l.toml", "--delivery", "d.toml", "--call-off", "X", "--period", "2027-01"]
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--due-days", "9999", "--locale", locale])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"ledarutveckling invoice: {said}"


@pytest.mark.parametrize("text", ["x", "-1", "366"])
def test_due_days_refuses_what_is_not_0_to_365(text: str) -> None:
    with pytest.raises(SystemExit):
        main(["invoice", "l", "--delivery", "d", "--call-off", "X", "--period", "2027-01",
              "--due-days", text])  # fmt: skip


def test_the_default_invoice_file_name_has_no_folder_or_drive_in_it() -> None:
    assert _file_name("2027/0042") == "faktura-2027-0042.xml"
    assert _file_name('A\\B:C*D?E"F<G>H|I\x01') == "faktura-A-B-C-D-E-F-G-H-I-.xml"
    assert _file_name("2027-03-1") == "faktura-2027-03-1.xml"


def test_plan_rollout_and_replan_help_say_utbildningsledare(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in ("plan-rollout", "replan"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert "utbildningsledare" in out
        assert "processledare" not in out


@pytest.mark.parametrize(
    ("locale", "files"),
    [
        (
            "sv_SE",
            "statusrapport.html traffar.ics utrullning.ics avropslogg.toml leveranser.toml "
            "takbelopp.png utrullning.png",
        ),
        (
            "en_GB",
            "status-report.html sessions.ics rollout.ics ledger.toml delivery.toml ceiling.png "
            "rollout.png",
        ),
    ],
)
def test_demo_help_names_every_file_it_writes(
    locale: str, files: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["demo", "--help", "--locale", locale])
    out = "".join(capsys.readouterr().out.split())  # argparse wraps at a hyphen too
    for name in files.split():
        assert name in out, name


LEDGER = str(EXAMPLES / "stockholm-ledger.toml")
REPORT = ["report", LEDGER, "--on", "2026-11-27"]


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("r.txt", b"Statusrapport: "),
        ("r.md", b"# Statusrapport: "),
        ("r.html", b"<!DOCTYPE html>"),
        ("r.HTM", b"<!DOCTYPE html>"),
        ("r.xlsx", b"PK\x03\x04"),
    ],
)
def test_report_format_follows_the_output_extension(
    here: Path, name: str, start: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*REPORT, "-o", name]) == 0
    assert capsys.readouterr().out == f"Skrev rapporten till {name}\n"
    assert (here / name).read_bytes().startswith(start)


def test_report_format_and_extension_that_agree_are_taken(here: Path) -> None:
    assert main([*REPORT, "-o", "r.txt", "--format", "markdown"]) == 0
    assert (here / "r.txt").read_text("utf-8").startswith("# Statusrapport: ")
    assert main([*REPORT, "-o", "r.out", "--format", "html"]) == 0  # an extension of no report
    assert (here / "r.out").read_text("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["-o", "r.txt", "--format", "html"],
            "ledarutveckling report: fel: r.txt: --format html passar inte filändelsen .txt\n",
        ),
        (
            ["-o", "r.xlsx", "--format", "text", "--locale", "en_GB"],
            "ledarutveckling report: error: r.xlsx: --format text does not fit the extension "
            ".xlsx\n",
        ),
        (
            ["-o", "r.pdf"],
            "ledarutveckling report: fel: r.pdf: rapportens format framgår inte av filändelsen; "
            "använd en av .txt, .md, .html, .htm, .xlsx eller ange --format\n",
        ),
        (
            ["-o", "rapport", "--locale", "en_GB"],
            "ledarutveckling report: error: rapport: the report's format does not follow from "
            "the extension; use one of .txt, .md, .html, .htm, .xlsx or pass --format\n",
        ),
    ],
)
def test_report_format_that_contradicts_or_cannot_follow_the_extension_is_refused(
    here: Path, argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*REPORT, *argv]) == 2
    assert capsys.readouterr() == ("", said)
    assert list(here.iterdir()) == []


@pytest.fixture
def invoice(here: Path) -> list[str]:
    (here / "l.toml").write_bytes((EXAMPLES / "stockholm-ledger.toml").read_bytes())
    (here / "d.toml").write_bytes((EXAMPLES / "stockholm-delivery.toml").read_bytes())
    return ["invoice", "l.toml", "--delivery", "d.toml", "--issued", "2027-04-01"]


TRAINEE = ["--call-off", "SLK 2026/0777"]
CALL_OFFS = (
    "SOC 2025/0142, SDF-SK 2025/0412, KUL 2025/1104, SDF-SK 2026/0318, TK 2026/1201, "
    "SLK 2026/0777, SOC 2027/0031"
)


@pytest.mark.parametrize(
    ("argv", "swedish", "english"),
    [
        (
            [*TRAINEE, "--period", "2027-13"],
            "--period: måste vara en månad skriven ÅÅÅÅ-MM, t.ex. 2027-03, fick '2027-13'",
            "--period: must be a month written YYYY-MM, e.g. 2027-03, got '2027-13'",
        ),
        (
            ["--call-off", "XX", "--period", "2027-03"],
            f"--call-off: är inget avrop i avropsloggen ({CALL_OFFS}), fick 'XX'",
            f"--call-off: is not a call-off of the ledger ({CALL_OFFS}), got 'XX'",
        ),
        (
            [*TRAINEE, "--period", "2027-03", "--buyer-reference", ""],
            "--buyer-reference: texten får inte vara tom",
            "--buyer-reference: the text must not be empty",
        ),
        (
            [*TRAINEE, "--period", "2027-03", "--number", ""],
            "--number: texten får inte vara tom",
            "--number: the text must not be empty",
        ),
    ],
)
def test_invoice_refusals_say_as_much_in_swedish_at_the_option_typed(
    invoice: list[str],
    here: Path,
    argv: list[str],
    swedish: str,
    english: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*invoice, *argv]) == 1
    assert capsys.readouterr() == ("", f"ledarutveckling invoice: ogiltigt: {swedish}\n")
    assert main([*invoice, *argv, "--locale", "en_GB"]) == 1
    assert capsys.readouterr() == ("", f"ledarutveckling invoice: invalid: {english}\n")
    assert sorted(p.name for p in here.iterdir()) == ["d.toml", "l.toml"]


def test_an_invoice_number_with_a_slash_is_written_to_a_file_not_a_folder(
    invoice: list[str], here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [*invoice, *TRAINEE, "--period", "2027-03", "--number", "2027/0042"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("Faktura 2027/0042 för avrop SLK 2026/0777")
    assert out.endswith("Skrev fakturan (Peppol BIS Billing 3.0) till faktura-2027-0042.xml\n")
    xml = (here / "faktura-2027-0042.xml").read_text("utf-8")
    assert "<cbc:ID>2027/0042</cbc:ID>" in xml


# 2028 is a leap year: 365 days after 1 April 2027 is 31 March 2028
@pytest.mark.parametrize(("days", "due"), [("0", "1 april 2027"), ("365", "31 mars 2028")])
def test_due_days_0_to_365_are_taken(
    invoice: list[str], days: str, due: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*invoice, *TRAINEE, "--period", "2027-03", "--due-days", days]) == 0
    assert f"Att betala: 33\xa0669,00\xa0kr senast {due} till bankgiro 5050-1055\n" in (
        capsys.readouterr().out
    )
