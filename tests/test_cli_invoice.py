"""``ledarutveckling invoice``: a month's Peppol invoice of a call-off (issue 18)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ledarutveckling import check_peppol
from ledarutveckling._cli import main
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.serialization import dump

NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
TRAINEE = "SLK 2026/0777"


@pytest.fixture
def ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "avropslogg.toml"
    dump(stockholm_ledger(), path)
    return path


def test_the_march_invoice_is_written_and_summarised(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invoice", str(ledger), "--call-off", TRAINEE, "--period", "2027-03"]
    assert (
        main(
            [
                *argv,
                "--number",
                "2027-0042",
                "--buyer-reference",
                "SLK-4711",
                "--issued",
                "2027-04-01",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.replace("\xa0", " ")
    assert out.splitlines() == [
        "Faktura 2027-0042 för avrop SLK 2026/0777 (Stadsledningskontoret), leveranser i mars 2027",
        "  12 × 1 496,40 kr = 17 956,80 kr  TR-4 Att leda förändring och utveckling, "
        "Trainee 2026, 9 mars 2027",
        "  6,00 × 1 496,40 kr = 8 978,40 kr  Förberedelse: 0,5 × 42 tim ledd tid, i takt med "
        "leveransen 9 mars 2027",
        "Summa exkl. moms: 26 935,20 kr",
        "Moms 25 % på 26 935,20 kr: 6 733,80 kr",
        "Att betala: 33 669,00 kr senast 1 maj 2027 till bankgiro 5050-1055",
        "Skrev fakturan (Peppol BIS Billing 3.0) till faktura-2027-0042.xml",
    ]
    data = Path("faktura-2027-0042.xml").read_bytes()
    check_peppol(data)
    root = ET.fromstring(data)
    assert root.findtext("cbc:BuyerReference", namespaces=NS) == "SLK-4711"
    # defaults: the number from the month, the call-off as the buyer's reference; --force
    assert main([*argv, "-o", "f.xml", "--issued", "2027-04-01"]) == 0
    root = ET.fromstring(Path("f.xml").read_bytes())
    assert root.findtext("cbc:ID", namespaces=NS) == "2027-03-1"
    assert root.findtext("cbc:BuyerReference", namespaces=NS) == TRAINEE
    assert root.findtext("cbc:DueDate", namespaces=NS) == "2027-05-01"
    capsys.readouterr()
    assert main([*argv, "-o", "f.xml"]) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert main([*argv, "-o", "f.xml", "--force"]) == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--period", "2027-13"], "--period: must be a month written YYYY-MM"),
        (["--period", "mars"], "--period: must be a month written YYYY-MM"),
        (["--period", "2027-02"], "--period: has nothing to invoice for SLK 2026/0777"),
        (["--period", "2027-03", "--buyer-reference", ""], "buyer_reference: must not be empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    ledger: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["invoice", str(ledger), "--call-off", TRAINEE, *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ledarutveckling invoice: invalid: {message}")
    assert len(err.splitlines()) == 1
    assert not list(Path().glob("faktura-*.xml"))


def test_an_unknown_call_off_names_those_there_are(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invoice", str(ledger), "--call-off", "X", "--period", "2027-03"]) == 1
    assert "--call-off: is not a call-off of the ledger (SOC 2025/0142, " in capsys.readouterr().err


def test_an_invalid_ledger_and_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text('document = "ledger"\nversion = 1\n', encoding="utf-8")
    assert main(["invoice", str(bad), "--call-off", TRAINEE, "--period", "2027-03"]) == 1
    assert "invalid" in capsys.readouterr().err
    assert main(["invoice", "none.toml", "--call-off", TRAINEE, "--period", "2027-03"]) == 2
