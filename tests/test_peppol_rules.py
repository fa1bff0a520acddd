"""check_peppol against the identifier rules of Peppol BIS Billing 3.0 (issue 18, round 6).

OpenPeppol's Schematron checks every identifier that names scheme 0007 (a Swedish organisation
number: ten digits, Luhn check digit, PEPPOL-COMMON-R049) or 0088 (a GS1 GLN, PEPPOL-COMMON-R040),
wherever it stands: an electronic address, a legal registration or a party identification; and
an electronic address's scheme must be in Peppol's EAS code list (PEPPOL-EN16931-CL008), which
no longer has 9955, the Swedish VAT number. The seller's own legal registration must also pass
the Luhn check (SE-R-013).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import attrs
import pytest

from ledarutveckling import Buyer, ValidationError, check_peppol, to_peppol
from ledarutveckling.examples import stockholm_buyer, stockholm_credit_note, stockholm_invoice
from ledarutveckling.formatting import format_problem

SELLER_LEGAL = '<cbc:CompanyID schemeID="0007">5566771233<'
BUYER_LEGAL = '<cbc:CompanyID schemeID="0007">2120000142<'
BUYER_ENDPOINT = '<cbc:EndpointID schemeID="0007">2120000142<'
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


def _planted(*changes: tuple[str, str]) -> bytes:
    data = to_peppol(stockholm_invoice()).decode()
    for change, into in changes:
        assert data.count(change) == 1, change
        data = data.replace(change, into)
    return data.encode()


def _found(data: bytes) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as error:
        check_peppol(data)
    return [(p.path, str(p.code), format_problem(p)) for p in error.value.problems]


def test_a_buyer_registration_with_a_wrong_check_digit_breaks_r049() -> None:
    data = _planted((BUYER_LEGAL, '<cbc:CompanyID schemeID="0007">2120000143<'))
    assert _found(data) == [
        (
            "AccountingCustomerParty/Party/PartyLegalEntity/CompanyID",
            "peppol-org-number",
            "2120000143 är inget giltigt organisationsnummer med tio siffror (PEPPOL-COMMON-R049)",
        )
    ]


def test_the_sellers_registration_breaks_se_r_013_and_r049() -> None:
    data = _planted((SELLER_LEGAL, '<cbc:CompanyID schemeID="0007">5566771234<'))
    assert [(path, rule) for path, _, rule in _found(data)] == [
        (
            "Seller/PartyLegalEntity/CompanyID",
            "5566771234 är inget giltigt organisationsnummer med tio siffror (SE-R-013)",
        ),
        (
            "AccountingSupplierParty/Party/PartyLegalEntity/CompanyID",
            "5566771234 är inget giltigt organisationsnummer med tio siffror (PEPPOL-COMMON-R049)",
        ),
    ]


def test_a_party_identification_in_scheme_0007_is_checked_too() -> None:
    data = _planted(
        (
            "<cac:PartyName>\n        <cbc:Name>Stockholms stad",
            '<cac:PartyIdentification><cbc:ID schemeID="0007">212000014</cbc:ID>'
            "</cac:PartyIdentification><cac:PartyName>\n        <cbc:Name>Stockholms stad",
        )
    )
    assert [path for path, _, _ in _found(data)] == [
        "AccountingCustomerParty/Party/PartyIdentification/ID"
    ]
    # an identifier in no scheme, or in another one, is not an organisation number
    for scheme in ("", ' schemeID="0192"'):
        check_peppol(data.replace(b' schemeID="0007">212000014<', f"{scheme}>212000014<".encode()))


def test_the_swedish_vat_number_is_no_longer_an_electronic_address_scheme() -> None:
    data = _planted((BUYER_ENDPOINT, '<cbc:EndpointID schemeID="9955">SE212000014201<'))
    assert _found(data) == [
        (
            "AccountingCustomerParty/Party/EndpointID/@schemeID",
            "peppol-scheme",
            "adresstypen 9955 finns inte i Peppols lista över elektroniska adresser "
            "(PEPPOL-EN16931-CL008)",
        )
    ]


def test_a_gln_endpoint_needs_its_gs1_check_digit() -> None:
    # 7300009000005 is a well-formed GLN: GS1 Sweden's prefix 730 and a right check digit.
    check_peppol(_planted((BUYER_ENDPOINT, '<cbc:EndpointID schemeID="0088">7300009000005<')))
    for wrong in ("7300009000006", "730000900000X", "7"):
        data = _planted((BUYER_ENDPOINT, f'<cbc:EndpointID schemeID="0088">{wrong}<'))
        assert _found(data) == [
            (
                "AccountingCustomerParty/Party/EndpointID",
                "peppol-gln",
                f"{wrong} är inget giltigt GLN: kontrollsiffran stämmer inte (PEPPOL-COMMON-R040)",
            )
        ]


def test_the_bundled_documents_pass_the_identifier_rules() -> None:
    check_peppol(to_peppol(stockholm_invoice()))
    check_peppol(to_peppol(stockholm_credit_note()))


# -- a buyer at its GLN ------------------------------------------------------------------

GLN = "7300009000005"


def _buyer_at_gln(gln: str = GLN) -> Buyer:
    buyer = stockholm_buyer()
    return Buyer(organisation=buyer.organisation, address=buyer.address, gln=gln)


def test_a_buyer_registered_by_gln_gets_its_gln_as_electronic_address() -> None:
    invoice = attrs.evolve(stockholm_invoice(), buyer=_buyer_at_gln())
    root = ET.fromstring(to_peppol(invoice))
    party = root.find("cac:AccountingCustomerParty/cac:Party", NS)
    assert party is not None
    endpoint = party.find("cbc:EndpointID", NS)
    assert endpoint is not None
    assert (endpoint.get("schemeID"), endpoint.text) == ("0088", GLN)
    legal = party.find("cac:PartyLegalEntity/cbc:CompanyID", NS)
    assert legal is not None
    assert (legal.get("schemeID"), legal.text) == ("0007", "2120000142")
    seller = root.find("cac:AccountingSupplierParty/cac:Party/cbc:EndpointID", NS)
    assert seller is not None
    assert (seller.get("schemeID"), seller.text) == ("0007", "5566771233")
    credit = attrs.evolve(stockholm_credit_note(), buyer=_buyer_at_gln())
    check_peppol(to_peppol(credit))
    assert stockholm_buyer().gln is None


@pytest.mark.parametrize(
    ("gln", "code", "swedish"),
    [
        (
            "7300009000006",
            "peppol-gln",
            "7300009000006 är inget giltigt GLN: kontrollsiffran stämmer inte (PEPPOL-COMMON-R040)",
        ),
        ("730000900000", "peppol-digits", "730000900000 ska ha 13 siffror (PEPPOL-COMMON-R040)"),
        ("73000090000O5", "peppol-digits", "73000090000O5 ska ha 13 siffror (PEPPOL-COMMON-R040)"),
        ("", "empty-text", None),
    ],
)
def test_a_wrong_gln_is_refused_when_the_buyer_is_made(
    gln: str, code: str, swedish: str | None
) -> None:
    with pytest.raises(ValidationError) as error:
        _buyer_at_gln(gln)
    [problem] = error.value.problems
    assert (problem.path, str(problem.code)) == ("gln", code)
    if swedish is not None:
        assert format_problem(problem) == swedish


def test_a_seller_without_a_legal_registration_and_a_line_without_a_rate() -> None:
    # The Swedish registration rules apply to a registration that is there (SE-R-003, -004,
    # -013); a line without its VAT rate is reported, and its amount is then in no subtotal.
    check_peppol(_planted(('<cbc:CompanyID schemeID="0007">5566771233</cbc:CompanyID>', "")))
    data = to_peppol(stockholm_invoice()).decode()
    start = data.index("<cbc:Percent>", data.index("<cac:ClassifiedTaxCategory>"))
    end = data.index("</cbc:Percent>", start) + len("</cbc:Percent>")
    assert [path for path, _, _ in _found((data[:start] + data[end:]).encode())] == [
        "InvoiceLine[0]/Percent",
        "TaxSubtotal[0]/TaxableAmount",
    ]
