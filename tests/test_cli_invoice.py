"""``ledarutveckling invoice``: a month's Peppol invoice of a call-off (issue 18).

The sessions, attendance and invoicing details come from a delivery document (``--delivery``);
the example's is ``examples/stockholm-delivery.toml``, and a small ledger and delivery document
written by hand below give a total worked out by hand.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ledarutveckling import check_peppol, to_peppol
from ledarutveckling._cli import main
from ledarutveckling.examples import stockholm_invoice, stockholm_ledger
from ledarutveckling.serialization import dump

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
TRAINEE = "SLK 2026/0777"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture
def ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "avropslogg.toml"
    dump(stockholm_ledger(), path)
    (tmp_path / "leveranser.toml").write_bytes((EXAMPLES / "stockholm-delivery.toml").read_bytes())
    return path


DELIVERY = ["--delivery", "leveranser.toml"]


def test_the_march_invoice_is_written_and_summarised(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invoice", str(ledger), *DELIVERY, "--call-off", TRAINEE, "--period", "2027-03"]
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
    argv += ["--issued", "2027-04-01"]  # today's date (the default) may be before March 2027
    assert main([*argv, "-o", "f.xml"]) == 2
    assert "finns redan; ange --force" in capsys.readouterr().err
    assert main([*argv, "-o", "f.xml", "--force"]) == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--period", "2027-13"], "--period: must be a month written YYYY-MM"),
        (["--period", "mars"], "--period: must be a month written YYYY-MM"),
        (["--period", "\uff12\uff10\uff12\uff17-03"], "--period: must be a month written YYYY-MM"),
        (
            ["--period", "2027-02"],
            "--period: the call-off SLK 2026/0777 has nothing to invoice for February 2027",
        ),
        (
            ["--period", "2027-03", "--buyer-reference", ""],
            "--buyer-reference: the text must not be empty",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    ledger: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = ["invoice", str(ledger), *DELIVERY, "--call-off", TRAINEE, *extra, "--locale", "en_GB"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ledarutveckling invoice: invalid: {message}")
    assert len(err.splitlines()) == 1
    assert not list(Path().glob("faktura-*.xml"))


def test_an_unknown_call_off_names_those_there_are(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invoice", str(ledger), *DELIVERY, "--call-off", "X", "--period", "2027-03"]
    assert main([*argv, "--locale", "en_GB"]) == 1
    assert "--call-off: is not a call-off of the ledger (SOC 2025/0142, " in capsys.readouterr().err
    assert main(argv) == 1
    assert (
        capsys.readouterr().err
        == "ledarutveckling invoice: ogiltigt: --call-off: är inget avrop i avropsloggen "
        "(SOC 2025/0142, SDF-SK 2025/0412, KUL 2025/1104, SDF-SK 2026/0318, TK 2026/1201, "
        "SLK 2026/0777, SOC 2027/0031), fick 'X'\n"
    )


def test_an_invalid_ledger_and_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text('document = "ledger"\nversion = 1\n', encoding="utf-8")
    argv = ["--delivery", str(EXAMPLES / "stockholm-delivery.toml"), "--call-off", TRAINEE]
    assert main(["invoice", str(bad), *argv, "--period", "2027-03"]) == 1
    assert "invalid" in capsys.readouterr().err
    assert main(["invoice", "none.toml", *argv, "--period", "2027-03"]) == 2


def test_the_november_invoice_is_the_examples_invoice_byte_for_byte(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invoice", str(ledger), *DELIVERY, "--call-off", TRAINEE, "--period", "2026-11"]
    argv += ["--number", "2026-1187", "--buyer-reference", "SLK-4711", "--issued", "2026-12-01"]
    assert main(argv) == 0
    assert Path("faktura-2026-1187.xml").read_bytes() == to_peppol(stockholm_invoice())
    out = capsys.readouterr().out.replace("\xa0", " ")
    assert "Att betala: 52 535,25 kr senast 31 december 2026 till bankgiro 5050-1055\n" in out


# -- a ledger and a delivery document of one's own, written by hand ---------------------------

OWN_LEDGER = """
document = "ledger"
schema_version = 1

[agreement]
reference = "KS 2026/0100"
title = "Ramavtal ledarutveckling"
buyer = { name = "Exempelby kommun", org_number = "212000-0183" }
supplier = { name = "Ledarverkstaden AB", org_number = "559012-3450" }
term = { start = "2026-01-01", end = "2027-12-31" }
estimated_value = { amount = "500000" }
ceiling = { amount = "600000" }
service_areas = ["leadership"]
call_off_method = "ranking"
supplier_rank = 1

[[agreement.price_list.items]]
code = "HALVDAG"
description = "Utbildningsledare, halvdag"
unit = "half_day"
price = { amount = "5000" }

[[agreement.price_list.items]]
code = "MATERIAL"
description = "Kursmaterial per deltagare"
unit = "participant"
price = { amount = "400" }

[agreement.delivery_terms]
late_cancellation_days = 5
late_cancellation_share = "0.5"
no_show_share = "0.25"

[[call_offs]]
reference = "EK 2027/0007"
agreement_reference = "KS 2026/0100"
ordered_on = "2027-01-15"
delivery = { start = "2027-02-01", end = "2027-06-30" }
method = "ranking"
status = "ordered"
history = [{ from_status = "draft", to_status = "ordered", on = "2027-01-15" }]

[call_offs.unit]
name = "Kommunledningskontoret"
kind = "office"
organisation = { name = "Exempelby kommun", org_number = "212000-0183" }

[[call_offs.lines]]
price_code = "HALVDAG"
quantity = "2"

[[call_offs.lines]]
price_code = "MATERIAL"
quantity = "10"

[[call_offs.programs]]
code = "SJALV"
title = "Att leda sig själv"
service_area = "leadership"
target_group = "managers"
kind = "short_intervention"

[[call_offs.programs.modules]]
code = "S1"
title = "Självledarskap"
duration = "PT3H"
format = "in_person"

[[call_offs.programs.modules]]
code = "S2"
title = "Uppföljning"
duration = "PT3H"
format = "in_person"
"""

OWN_DELIVERY = """
document = "delivery"
schema_version = 1
agreement = "KS 2026/0100"

[seller]
address = { street = "Storgatan 5", postal_code = "211 34", city = "Malmö" }
account = { scheme = "SE:PLUSGIRO", number = "90200-7" }

[buyer_address]
street = "Box 100"
postal_code = "123 45"
city = "Exempelby"

[[sessions]]
call_off = "EK 2027/0007"
line = 0
program = "SJALV"
module = "S1"
cohort = "Grupp 1"
day = "2027-03-02"
start = "09:00"
end = "12:00"
registered = 10
attended = 7
late_cancellations = 2
no_shows = 1

[[sessions]]
call_off = "EK 2027/0007"
line = 0
program = "SJALV"
module = "S2"
cohort = "Grupp 1"
day = "2027-04-06"
start = "09:00"
end = "12:00"
registered = 9
attended = 9
"""

OWN = "EK 2027/0007"


@pytest.fixture
def own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    Path("avtal.toml").write_text(OWN_LEDGER, encoding="utf-8")
    Path("leveranser.toml").write_text(OWN_DELIVERY, encoding="utf-8")
    return ["invoice", "avtal.toml", "--delivery", "leveranser.toml", "--call-off", OWN]


def test_ones_own_sessions_are_invoiced_from_ones_own_company(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # By hand, March: one half day, 5 000 kr; the material for the 7 who came, 7 × 400 kr;
    # 2 late cancellations at 50 %, 2 × 200 kr; 1 no-show at 25 %, 100 kr (the agreement's
    # terms). 5 000 + 2 800 + 400 + 100 = 8 300 kr, VAT 25 % 2 075 kr, in all 10 375 kr.
    assert main([*own, "--period", "2027-03", "--issued", "2027-04-01", "-o", "mars.xml"]) == 0
    out = capsys.readouterr().out.replace("\xa0", " ")
    assert out.splitlines() == [
        "Faktura 2027-03-1 för avrop EK 2027/0007 (Kommunledningskontoret), leveranser i mars 2027",
        "  1 × 5 000,00 kr = 5 000,00 kr  S1 Självledarskap, Grupp 1, 2 mars 2027",
        "  7 × 400,00 kr = 2 800,00 kr  Kursmaterial per deltagare, Grupp 1: 7 deltagare",
        "  2 × 200,00 kr = 400,00 kr  Kursmaterial per deltagare, Grupp 1: sen avbokning, "
        "50 % av priset",
        "  1 × 100,00 kr = 100,00 kr  Kursmaterial per deltagare, Grupp 1: uteblivande, "
        "25 % av priset",
        "Summa exkl. moms: 8 300,00 kr",
        "Moms 25 % på 8 300,00 kr: 2 075,00 kr",
        "Att betala: 10 375,00 kr senast 1 maj 2027 till plusgiro 90200-7",
        "Skrev fakturan (Peppol BIS Billing 3.0) till mars.xml",
    ]
    data = Path("mars.xml").read_bytes()
    check_peppol(data)
    root = ET.fromstring(data)
    seller = "cac:AccountingSupplierParty/cac:Party/"
    buyer = "cac:AccountingCustomerParty/cac:Party/"
    assert root.findtext(f"{seller}cbc:EndpointID", namespaces=NS) == "5590123450"
    assert root.findtext(f"{seller}cac:PartyLegalEntity/cbc:RegistrationName", namespaces=NS) == (
        "Ledarverkstaden AB"
    )
    assert root.findtext(f"{seller}cac:PostalAddress/cbc:CityName", namespaces=NS) == "Malmö"
    assert root.findtext(f"{buyer}cbc:EndpointID", namespaces=NS) == "2120000183"
    assert root.findtext(f"{buyer}cac:PostalAddress/cbc:StreetName", namespaces=NS) == "Box 100"
    assert root.findtext("cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID", namespaces=NS) == (
        "902007"
    )
    assert root.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS) == "10375.00"
    # April: the second half day, and nothing more for the material (charged in March).
    assert main([*own, "--period", "2027-04", "--issued", "2027-05-03", "-o", "april.xml"]) == 0
    root = ET.fromstring(Path("april.xml").read_bytes())
    assert root.findtext("cac:LegalMonetaryTotal/cbc:PayableAmount", namespaces=NS) == "6250.00"


def test_what_the_call_off_did_not_order_is_left_out_and_said(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # 12 registered, 9 came: 9 + 2 late cancellations + 1 no-show is past the 10 ordered, so
    # one late cancellation and the no-show are left out: 5 000 + 3 600 + 200 = 8 800 kr.
    crowd = OWN_DELIVERY.replace("registered = 10", "registered = 12").replace(
        "attended = 7", "attended = 9"
    )
    Path("leveranser.toml").write_text(crowd, encoding="utf-8")
    assert main([*own, "--period", "2027-03", "--issued", "2027-04-01"]) == 0
    out = capsys.readouterr().out.replace("\xa0", " ").splitlines()
    assert out[4:] == [
        "Summa exkl. moms: 8 800,00 kr",
        "Moms 25 % på 8 800,00 kr: 2 200,00 kr",
        "Att betala: 11 000,00 kr senast 1 maj 2027 till plusgiro 90200-7",
        "  Obs: leveranser.toml: sessions[0].late_cancellations: rad 1 (MATERIAL) får faktureras "
        "för högst 10; 1 faktureras inte",
        "  Obs: leveranser.toml: sessions[0].no_shows: rad 1 (MATERIAL) får faktureras för "
        "högst 10; 1 faktureras inte",
        "Skrev fakturan (Peppol BIS Billing 3.0) till faktura-2027-03-1.xml",
    ]


def _refused(own: list[str], capsys: pytest.CaptureFixture[str], delivery: str) -> list[str]:
    Path("leveranser.toml").write_text(delivery, encoding="utf-8")
    assert main([*own, "--period", "2027-03"]) == 1
    assert not list(Path().glob("*.xml"))
    return capsys.readouterr().err.splitlines()


def test_a_delivery_document_that_does_not_fit_the_ledger_is_refused_with_every_problem(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = OWN_DELIVERY.replace('module = "S2"', 'module = "S9"').replace(
        'program = "SJALV"\nmodule = "S1"', 'program = "LEDA"\nmodule = "S1"'
    )
    assert _refused(own, capsys, wrong) == [
        "leveranser.toml: ogiltig, 2 problem:",
        "  sessions[0].program: programmet LEDA ingår inte i avropet EK 2027/0007; det köper SJALV",
        "  sessions[1].module: modulen S9 ingår inte i programmet; det har S1 och S2",
    ]
    unknown = OWN_DELIVERY.replace('call_off = "EK 2027/0007"', 'call_off = "EK 2027/0008"', 1)
    assert _refused(own, capsys, unknown) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[0].call_off: avropet EK 2027/0008 finns inte i avropsloggen; den har "
        "EK 2027/0007",
    ]
    other = OWN_DELIVERY.replace('agreement = "KS 2026/0100"', 'agreement = "KS 2024/0815"')
    assert _refused(own, capsys, other) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  agreement: leveransunderlaget gäller avtal KS 2024/0815, inte avropsloggens avtal "
        "KS 2026/0100",
    ]
    vat = OWN_DELIVERY.replace("[seller]\n", '[seller]\nvat_number = "SE556677123301"\n')
    assert _refused(own, capsys, vat) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  seller.vat_number: momsregistreringsnumret ska vara organisationens, SE559012345001",
    ]


def test_a_delivery_document_that_breaks_its_own_rules_is_refused_with_every_problem(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = (
        OWN_DELIVERY.replace("attended = 7", "attended = 11")
        .replace("registered = 9", 'registered = "9"')
        .replace('number = "90200-7"', 'number = "90200-8"')
    )
    err = _refused(own, capsys, broken)
    assert err[0] == "leveranser.toml: ogiltig, 3 problem:"
    assert [line.split(":")[0].strip() for line in err[1:]] == [
        "seller.account.number",
        "sessions[0].attended",
        "sessions[1].registered",
    ]


def test_the_delivery_document_is_needed_and_must_be_one(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["invoice", "avtal.toml", "--call-off", OWN, "--period", "2027-03"])
    assert exit_.value.code == 2
    assert "följande argument krävs: --delivery" in capsys.readouterr().err
    own[3] = "avtal.toml"
    assert main([*own, "--period", "2027-03"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling invoice: fel: avtal.toml: --delivery kräver ett leveransunderlag\n"
    )
    assert main([*own, "--period", "2027-03", "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling invoice: error: avtal.toml: --delivery needs a delivery document\n"
    )
    own[3] = "saknas.toml"
    assert main([*own, "--period", "2027-03"]) == 2
    # the delivery document is an input: the invoice is never written over it
    own[3] = "leveranser.toml"
    argv = [*own, "--period", "2027-03", "--issued", "2027-04-01"]
    assert main([*argv, "-o", "leveranser.toml", "--force"]) == 2
    assert "är en indatafil till kommandot" in capsys.readouterr().err


# -- delivery fixes (round 5): what invoice used to bill wrongly ---------------------------

SECOND = OWN_DELIVERY.index("[[sessions]]", OWN_DELIVERY.index("[[sessions]]") + 1)


def test_a_session_listed_twice_is_refused_not_invoiced_twice(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first = OWN_DELIVERY[OWN_DELIVERY.index("[[sessions]]") : SECOND]
    twice = OWN_DELIVERY[:SECOND] + first + OWN_DELIVERY[SECOND:]
    assert [line.replace("\xa0", " ") for line in _refused(own, capsys, twice)] == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[1]: S1 för Grupp 1 den 2 mars 2027 kl. 09:00 står redan som sessions[0]; "
        "ett tillfälle anges bara en gång",
    ]
    # validate says the same as invoice
    assert main(["validate", "leveranser.toml"]) == 1
    assert "sessions[1]: S1 för Grupp 1 den 2 mars" in capsys.readouterr().out


def test_a_session_outside_the_delivery_period_is_refused_at_its_day(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    late = OWN_DELIVERY.replace('day = "2027-04-06"', 'day = "2027-07-06"')
    assert [line.replace("\xa0", " ") for line in _refused(own, capsys, late)] == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[1].day: 6 juli 2027 ligger utanför perioden 1 februari – 30 juni 2027",
    ]


def test_a_line_that_is_not_the_call_offs_or_not_per_session_is_refused(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = OWN_DELIVERY.replace("line = 0", "line = 5", 1)
    assert _refused(own, capsys, missing) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[0].line: avropet har ingen rad 5; det har 2 rader",
    ]
    material = OWN_DELIVERY.replace("line = 0", "line = 1", 1)
    assert _refused(own, capsys, material) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[0].line: rad 1 (MATERIAL) prissätts per deltagare och kan inte användas av "
        "ett tillfälle",
    ]


CANCELLED = OWN_DELIVERY.replace(
    "attended = 7\nlate_cancellations = 2\nno_shows = 1", "attended = 0\ncancelled = true"
)


def test_a_cancellation_the_agreement_does_not_allow_is_refused_in_swedish(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _refused(own, capsys, CANCELLED) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[0].cancelled: avtalet ger inte leverantören rätt att ställa in tillfällen",
    ]
    terms = "[agreement.delivery_terms]\n"
    Path("avtal.toml").write_text(
        OWN_LEDGER.replace(terms, f"{terms}minimum_participants = 8\n"), encoding="utf-8"
    )
    assert _refused(own, capsys, CANCELLED) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[0].cancelled: leverantören får ställa in ett tillfälle bara när färre än 8 "
        "är anmälda; 10 var anmälda",
    ]


def test_a_refusal_of_the_invoice_basis_is_said_at_the_documents_paths(
    own: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ledarutveckling import ValidationError
    from ledarutveckling.errors import Problem

    def refuse(*args: object, **kwargs: object) -> None:
        raise ValidationError(
            [
                Problem(
                    path="attendances[1].session.line",
                    value=0,
                    message="...",
                    code="session-without-line",
                )
            ]
        )

    monkeypatch.setattr("ledarutveckling._cli.invoice.invoice_basis", refuse)
    assert _refused(own, capsys, OWN_DELIVERY) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[1].line: tillfället hör inte till någon rad i avropet; dess timmar "
        "faktureras inte",
    ]


def test_a_session_without_a_line_is_noted_at_its_own_line(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    Path("leveranser.toml").write_text(OWN_DELIVERY.replace("line = 0\n", "", 1), "utf-8")
    assert main([*own, "--period", "2027-03", "--issued", "2027-04-01"]) == 0
    assert (
        "  Obs: leveranser.toml: sessions[0].line: tillfället hör inte till någon rad i avropet; "
        "dess timmar faktureras inte" in capsys.readouterr().out.splitlines()
    )


def test_the_seller_and_the_sessions_are_refused_in_one_round_as_validate_does(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = OWN_DELIVERY.replace("[seller]\n", '[seller]\nvat_number = "SE123"\n').replace(
        'cohort = "Grupp 1"\n', 'cohort = "Grupp 1"\nfacilitators = ["", "Anna"]\nroom = ""\n', 1
    )
    expected = [
        "leveranser.toml: ogiltig, 3 problem:",
        "  seller.vat_number: momsregistreringsnumret SE123 ska skrivas SE och tolv siffror",
        "  sessions[0].facilitators[0]: texten får inte vara tom",
        "  sessions[0].room: texten får inte vara tom",
    ]
    assert _refused(own, capsys, broken) == expected
    assert main(["validate", "leveranser.toml"]) == 1
    assert capsys.readouterr().out.splitlines() == expected
    # against the ledger: the seller's VAT number and a session's program, in one round
    wrong = OWN_DELIVERY.replace("[seller]\n", '[seller]\nvat_number = "SE212000018301"\n')
    wrong = wrong.replace('program = "SJALV"', 'program = "LEDA"', 1)
    assert _refused(own, capsys, wrong) == [
        "leveranser.toml: ogiltig, 2 problem:",
        "  sessions[0].program: programmet LEDA ingår inte i avropet EK 2027/0007; det köper SJALV",
        "  seller.vat_number: momsregistreringsnumret ska vara organisationens, SE559012345001",
    ]


def test_a_self_paced_session_of_a_module_held_in_person_is_refused(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    paced = OWN_DELIVERY.replace(
        'cohort = "Grupp 1"\n', 'cohort = "Grupp 1"\nformat = "self_paced"\n', 1
    )
    assert _refused(own, capsys, paced) == [
        "leveranser.toml: ogiltig, 1 problem:",
        "  sessions[0].format: modulen S1 har formen på plats, så tillfället kan inte ha formen "
        "självstudier",
    ]


def test_a_ledger_without_call_offs_says_so(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    Path("avtal.toml").write_text(OWN_LEDGER[: OWN_LEDGER.index("[[call_offs]]")], "utf-8")
    assert main([*own, "--period", "2027-03", "--locale", "en_GB"]) == 1
    assert capsys.readouterr().err == (
        "ledarutveckling invoice: invalid: --call-off: the call-off EK 2027/0007 does not "
        "exist: the ledger has no call-offs\n"
    )
    assert main([*own, "--period", "2027-03"]) == 1
    assert capsys.readouterr().err == (
        "ledarutveckling invoice: ogiltigt: --call-off: avropet EK 2027/0007 finns inte: "
        "avropsloggen har inga avrop\n"
    )


def test_a_share_in_the_terms_gets_a_shares_example(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    shares = OWN_LEDGER.replace('late_cancellation_share = "0.5"', "late_cancellation_share = 0.5")
    Path("avtal.toml").write_text(
        shares.replace('no_show_share = "0.25"', 'no_show_share = "25 %"'), "utf-8"
    )
    assert main(["validate", "avtal.toml"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "avtal.toml: ogiltig, 2 problem:",
        "  agreement.delivery_terms.late_cancellation_share: 0.5 är ett flyttal; skriv andelen "
        'som text, till exempel "0.5" för 50 %',
        '  agreement.delivery_terms.no_show_share: "25 %" är ingen andel; skriv den som text '
        'med punkt, till exempel "0.5" för 50 %',
    ]
    Path("avtal.toml").write_text(
        OWN_LEDGER.replace('no_show_share = "0.25"', "no_show_share = true"), "utf-8"
    )
    assert main(["validate", "avtal.toml"]) == 1
    [_, problem] = capsys.readouterr().out.splitlines()
    assert problem.startswith("  agreement.delivery_terms.no_show_share: ")
    assert '"0.5"' not in problem


# -- the summary in English (--locale en_GB): the invoice itself is the same ---------------------


def test_the_march_invoice_is_summarised_in_english_and_is_the_same_invoice(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invoice", str(ledger), *DELIVERY, "--call-off", TRAINEE, "--period", "2027-03"]
    argv += ["--number", "2027-0042", "--buyer-reference", "SLK-4711", "--issued", "2027-04-01"]
    assert main([*argv, "--locale", "en_GB", "-o", "en.xml"]) == 0
    out = capsys.readouterr().out.replace("\xa0", " ")
    assert out.splitlines() == [
        "Invoice 2027-0042 for call-off SLK 2026/0777 (Stadsledningskontoret), deliveries in "
        "March 2027",
        # The lines' descriptions are the invoice's own, as the XML has them.
        "  12 × SEK 1,496.40 = SEK 17,956.80  TR-4 Att leda förändring och utveckling, "
        "Trainee 2026, 9 mars 2027",
        "  6.00 × SEK 1,496.40 = SEK 8,978.40  Förberedelse: 0,5 × 42 tim ledd tid, i takt med "
        "leveransen 9 mars 2027",
        "Total excluding VAT: SEK 26,935.20",
        "VAT 25% on SEK 26,935.20: SEK 6,733.80",
        "To pay: SEK 33,669.00 by 1 May 2027 to bankgiro 5050-1055",
        "Wrote the invoice (Peppol BIS Billing 3.0) to en.xml",
    ]
    assert main([*argv, "--locale", "sv_SE", "-o", "sv.xml"]) == 0
    assert capsys.readouterr().out.startswith("Faktura 2027-0042 för avrop SLK 2026/0777")
    assert Path("en.xml").read_bytes() == Path("sv.xml").read_bytes()


def test_the_notes_and_the_plusgiro_are_said_in_english(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    crowd = OWN_DELIVERY.replace("registered = 10", "registered = 12").replace(
        "attended = 7", "attended = 9"
    )
    Path("leveranser.toml").write_text(crowd, encoding="utf-8")
    argv = [*own, "--period", "2027-03", "--issued", "2027-04-01", "--locale", "en_GB"]
    assert main(argv) == 0
    out = capsys.readouterr().out.replace("\xa0", " ").splitlines()
    assert out[4:] == [
        "Total excluding VAT: SEK 8,800.00",
        "VAT 25% on SEK 8,800.00: SEK 2,200.00",
        "To pay: SEK 11,000.00 by 1 May 2027 to plusgiro 90200-7",
        "  Note: leveranser.toml: sessions[0].late_cancellations: line 1 (MATERIAL) may be "
        "invoiced for at most 10; 1 is left out",
        "  Note: leveranser.toml: sessions[0].no_shows: line 1 (MATERIAL) may be invoiced for at "
        "most 10; 1 is left out",
        "Wrote the invoice (Peppol BIS Billing 3.0) to faktura-2027-03-1.xml",
    ]


def test_a_delivery_document_is_refused_in_english(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    Path("leveranser.toml").write_text(CANCELLED, encoding="utf-8")
    assert main([*own, "--period", "2027-03", "--locale", "en_GB"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "leveranser.toml: invalid, 1 problem:",
        "  sessions[0].cancelled: the agreement gives the supplier no right to cancel sessions",
    ]
    assert not list(Path().glob("*.xml"))


# -- validate --ledger: a delivery document's references checked against the ledger ---------


def _validated(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["validate", *argv])
    captured = capsys.readouterr()
    return status, captured.out.replace("\xa0", " ").splitlines() + captured.err.splitlines()


def test_validate_says_a_delivery_documents_references_were_not_checked(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _validated(["leveranser.toml"], capsys) == (
        0,
        [
            "leveranser.toml: giltig (leveransunderlag)",
            "  Avtalet, avropen, programmen och modulerna som det nämner är inte kontrollerade: "
            "ange avropsloggen med --ledger LEDGER.",
        ],
    )
    assert _validated(["leveranser.toml", "--locale", "en_GB"], capsys) == (
        0,
        [
            "leveranser.toml: valid (delivery record)",
            "  The agreement, call-offs, programs and modules it names were not checked: give "
            "the ledger with --ledger LEDGER.",
        ],
    )
    # with the ledger, they are checked, and the note goes
    assert _validated(["leveranser.toml", "--ledger", str(ledger)], capsys) == (
        0,
        ["leveranser.toml: giltig (leveransunderlag)"],
    )
    # a document that is not a delivery document takes no note, with or without --ledger
    assert _validated([str(ledger), "--ledger", str(ledger)], capsys) == (
        0,
        [f"{ledger}: giltig (avropslogg)"],
    )


def _unknown_references(ledger: Path) -> None:
    example = (EXAMPLES / "stockholm-delivery.toml").read_text(encoding="utf-8")
    text = example.replace('module = "TR-1"', 'module = "TR-9"', 1)
    text = text.replace(
        'call_off = "SLK 2026/0777"\nprogram = "TRAINEE"\nmodule = "TR-2"',
        'call_off = "XX 2026/0001"\nprogram = "TRAINEE"\nmodule = "TR-2"',
        1,
    )
    text = text.replace(
        'call_off = "SLK 2026/0777"\nprogram = "TRAINEE"\nmodule = "TR-3"',
        'call_off = "SLK 2026/0777"\nprogram = "OKAND"\nmodule = "TR-3"',
        1,
    )
    (ledger.parent / "okand.toml").write_text(text, encoding="utf-8")
    (ledger.parent / "annat.toml").write_text(
        example.replace('agreement = "KS 2024/0815"', 'agreement = "KS 2099/0001"'),
        encoding="utf-8",
    )


CALL_OFFS = (
    "SOC 2025/0142, SDF-SK 2025/0412, KUL 2025/1104, SDF-SK 2026/0318, TK 2026/1201, "
    "SLK 2026/0777 {and} SOC 2027/0031"
)


def test_validate_with_the_ledger_lists_every_unknown_reference_in_swedish(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _unknown_references(ledger)
    argv = ["okand.toml", "annat.toml", "leveranser.toml", "--ledger", str(ledger)]
    assert _validated(argv, capsys) == (
        1,
        [
            "okand.toml: ogiltig, 3 problem:",
            "  sessions[0].module: modulen TR-9 ingår inte i programmet; det har TR-1, TR-2, "
            "TR-3 och TR-4",
            "  sessions[1].call_off: avropet XX 2026/0001 finns inte i avropsloggen; den har "
            + CALL_OFFS.replace("{and}", "och"),
            "  sessions[2].program: programmet OKAND ingår inte i avropet SLK 2026/0777; det "
            "köper TRAINEE",
            "annat.toml: ogiltig, 1 problem:",
            "  agreement: leveransunderlaget gäller avtal KS 2099/0001, inte avropsloggens avtal "
            "KS 2024/0815",
            "leveranser.toml: giltig (leveransunderlag)",
        ],
    )


def test_validate_with_the_ledger_lists_every_unknown_reference_in_english(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _unknown_references(ledger)
    argv = ["okand.toml", "annat.toml", "--ledger", str(ledger), "--locale", "en_GB"]
    assert _validated(argv, capsys) == (
        1,
        [
            "okand.toml: invalid, 3 problems:",
            "  sessions[0].module: the module TR-9 is not in the program; it has TR-1, TR-2, "
            "TR-3 and TR-4",
            "  sessions[1].call_off: the call-off XX 2026/0001 is not in the ledger; it has "
            + CALL_OFFS.replace("{and}", "and"),
            "  sessions[2].program: the program OKAND is not in the call-off SLK 2026/0777; it "
            "buys TRAINEE",
            "annat.toml: invalid, 1 problem:",
            "  agreement: the delivery record is for agreement KS 2099/0001, not for the "
            "ledger's KS 2024/0815",
        ],
    )


def test_validate_checks_the_seller_against_the_ledger_as_invoice_does(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = OWN_DELIVERY.replace("[seller]\n", '[seller]\nvat_number = "SE212000018301"\n')
    Path("leveranser.toml").write_text(wrong, encoding="utf-8")
    assert _validated(["leveranser.toml", "--ledger", own[1]], capsys) == (
        1,
        [
            "leveranser.toml: ogiltig, 1 problem:",
            "  seller.vat_number: momsregistreringsnumret ska vara organisationens, SE559012345001",
        ],
    )


def test_validate_ledger_that_is_invalid_missing_or_not_a_ledger(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("trasig.json").write_text('{"document": "ledger", "schema_version": 1}', "utf-8")
    status, lines = _validated(["leveranser.toml", "--ledger", "trasig.json"], capsys)
    assert (status, lines[0]) == (1, "trasig.json: ogiltig, 1 problem:")
    assert _validated(["leveranser.toml", "--ledger", "saknas.toml"], capsys) == (
        2,
        ["ledarutveckling validate: fel: saknas.toml: filen finns inte"],
    )
    assert _validated(["leveranser.toml", "--ledger", "leveranser.toml"], capsys) == (
        2,
        [
            "ledarutveckling validate: fel: leveranser.toml: --ledger kräver ett ramavtal eller "
            "en avropslogg"
        ],
    )


# -- the issue date: not before the last delivery invoiced (h15) ------------------------------


def test_an_invoice_dated_before_the_last_session_it_invoices_is_refused(
    own: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # March holds one session, on 2 March 2027: an invoice of 1 March would bill it unheld.
    argv = [*own, "--period", "2027-03", "-o", "mars.xml"]
    assert main([*argv, "--issued", "2027-03-01"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.replace("\xa0", " ").splitlines() == [
        "ledarutveckling invoice: ogiltigt: --issued: fakturadatumet 1 mars 2027 är före den sista "
        "leveransen i fakturaunderlaget (2 mars 2027); en faktura för det som levererats kan "
        "utfärdas tidigast den dagen",
    ]
    assert not Path("mars.xml").exists()
    assert main([*argv, "--issued", "2027-03-01", "--locale", "en_GB"]) == 1
    assert capsys.readouterr().err.replace("\xa0", " ").splitlines() == [
        "ledarutveckling invoice: invalid: --issued: the issue date 1 March 2027 is before the "
        "last delivery in the invoice basis (2 March 2027); an invoice for what was delivered "
        "can be issued on that day at the earliest",
    ]
    # on the day of the last session it is issued, the period running on to 31 March
    assert main([*argv, "--issued", "2027-03-02"]) == 0
    root = ET.fromstring(Path("mars.xml").read_bytes())
    assert root.findtext("cbc:IssueDate", namespaces=NS) == "2027-03-02"
    assert root.findtext("cac:InvoicePeriod/cbc:EndDate", namespaces=NS) == "2027-03-31"


def test_a_month_with_nothing_to_invoice_is_said_as_a_month(
    ledger: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invoice", str(ledger), *DELIVERY, "--call-off", TRAINEE, "--period", "2027-02"]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        "ledarutveckling invoice: ogiltigt: --period: avropet SLK 2026/0777 har inget att "
        "fakturera för februari 2027: inget genomfört tillfälle ligger i den månaden\n"
    )
    assert main([*argv, "--locale", "en_GB"]) == 1
    assert capsys.readouterr().err == (
        "ledarutveckling invoice: invalid: --period: the call-off SLK 2026/0777 has nothing to "
        "invoice for February 2027: no held session falls in that month\n"
    )
