"""Attendance, delivery terms, the invoice basis and Peppol invoices (issue 18, parts 3-4)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    Address,
    Attendance,
    Buyer,
    CallOffLine,
    CallOffStatus,
    ChargeKind,
    CreditNote,
    DateRange,
    DeliveryTerms,
    Invoice,
    Organisation,
    PaymentAccount,
    PaymentScheme,
    Seller,
    ValidationError,
    WorkingCalendar,
    check_peppol,
    completed,
    delivery_statement,
    invoice_basis,
    ledger_statement,
    to_peppol,
)
from ledarutveckling.examples import (
    stockholm_agreement,
    stockholm_attendance,
    stockholm_buyer,
    stockholm_catalogue,
    stockholm_credit_note,
    stockholm_delivery_terms,
    stockholm_invoice,
    stockholm_invoice_basis,
    stockholm_ledger,
    stockholm_seller,
    stockholm_sessions,
)
from ledarutveckling.formatting import format_date, format_problem

AGREEMENT = stockholm_agreement()
TRAINEE = stockholm_ledger().call_offs[5]
TERMS = stockholm_delivery_terms()
SESSIONS = stockholm_sessions()
NOVEMBER = DateRange.from_iso("2026-11-01", "2026-11-30")
ALL = DateRange.from_iso("2026-09-01", "2027-05-31")
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.value.problems]


def paths(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [p.path for p in error.value.problems]


# -- attendance --------------------------------------------------------------------------


def test_attendance_counts_are_checked() -> None:
    with pytest.raises(ValidationError) as error:
        Attendance(session=SESSIONS[0], registered=10, attended=8, late_cancellations=2, no_shows=1)
    assert problems(error) == [
        ("registered", "must be at least attended + late_cancellations + no_shows (11)")
    ]
    with pytest.raises(ValidationError) as error:
        Attendance(session=SESSIONS[0], registered=-1, attended=True)
    assert paths(error) == ["registered", "attended"]
    with pytest.raises(ValidationError) as error:
        Attendance(session="x", registered=3, attended=1, cancelled=True)  # type: ignore[arg-type]
    assert paths(error) == ["session", "cancelled"]
    with pytest.raises(ValidationError) as error:
        Attendance(session=SESSIONS[0], registered=3, attended=0, cancelled=1)  # type: ignore[arg-type]
    assert problems(error) == [("cancelled", "must be True or False")]


def test_attended_cannot_pass_registered() -> None:
    with pytest.raises(ValidationError) as error:
        Attendance(session=SESSIONS[0], registered=2, attended=3)
    assert problems(error) == [("attended", "must not be more than registered (2)")]
    assert ChargeKind.LATE_CANCELLATION.label("en_GB") == "late cancellation"
    assert stockholm_attendance()[0].accounted == 20


def test_tokens_are_pseudonymous_unique_and_one_per_attendee() -> None:
    with pytest.raises(ValidationError) as error:
        Attendance(
            session=SESSIONS[0],
            registered=5,
            attended=4,
            tokens=["Anna Lindqvist", "anna@example.se", "198112189876", "AB12", "AB12"],
        )
    assert paths(error) == ["tokens[0]", "tokens[1]", "tokens[2]", "tokens[4]", "tokens"]
    assert error.value.problems[2].value == "(hidden)"  # the number is not echoed
    with pytest.raises(ValidationError) as error:
        Attendance(session=SESSIONS[0], registered=5, attended=1, tokens="AB12")
    assert paths(error) == ["tokens"]


def test_completion_counts_modules_by_token() -> None:
    trainee = stockholm_catalogue().program("TRAINEE")
    done = completed(stockholm_attendance(), trainee, "Trainee 2026")
    assert done == tuple(f"TR26-{n:02}" for n in range(1, 16))
    assert (
        len(completed(stockholm_attendance(), trainee, "Trainee 2026", share=Decimal("0.75"))) == 18
    )
    assert completed(stockholm_attendance(), trainee, "Other") == ()
    other = stockholm_catalogue().program("SVS")
    assert completed(stockholm_attendance(), other, "Trainee 2026") == ()
    abw = stockholm_catalogue().program("ABW")  # ABW-1 is self-study: it does not count
    own = [
        Attendance(
            session=attrs.evolve(SESSIONS[0], program=abw, module=module),
            registered=1,
            attended=1,
            tokens=["ABCD"],
        )
        for module in abw.modules[:2]
    ]
    assert completed(own, abw, SESSIONS[0].cohort, share=Decimal("0.5")) == ("ABCD",)
    assert completed(own, abw, SESSIONS[0].cohort) == ()
    with pytest.raises(ValidationError, match="share"):
        completed(stockholm_attendance(), trainee, "Trainee 2026", share=Decimal(0))


# -- terms -------------------------------------------------------------------------------


def test_terms_are_validated() -> None:
    with pytest.raises(ValidationError) as error:
        DeliveryTerms(
            late_cancellation_days=0, minimum_participants=0, no_show_share=Decimal("1.5")
        )
    assert paths(error) == [
        "late_cancellation_days",
        "late_cancellation_share",
        "minimum_participants",
        "no_show_share",
    ]
    with pytest.raises(ValidationError) as error:
        DeliveryTerms(late_cancellation_share=Decimal("0.5"))
    assert paths(error) == ["late_cancellation_days"]


def test_late_means_fewer_working_days_than_the_terms_say() -> None:
    calendar = WorkingCalendar.sweden()
    session = pendulum.date(2027, 3, 9)
    assert TERMS.notice_days(pendulum.date(2027, 3, 8), session, calendar) == 0
    assert TERMS.notice_days(pendulum.date(2027, 3, 9), session, calendar) == 0
    assert TERMS.is_late(pendulum.date(2027, 2, 23), session, calendar)
    assert not TERMS.is_late(pendulum.date(2027, 2, 22), session, calendar)
    assert not DeliveryTerms().is_late(pendulum.date(2027, 3, 8), session, calendar)
    assert TERMS.may_cancel(7)
    assert not TERMS.may_cancel(8)


# -- invoice basis -----------------------------------------------------------------------


def test_the_november_basis_charges_by_the_terms() -> None:
    basis = stockholm_invoice_basis()
    assert [
        (x.price_code, x.kind, x.quantity, x.unit_price.amount, x.amount.amount)
        for x in basis.lines
    ] == [
        ("KONS-TIM", ChargeKind.DELIVERED, 12, Decimal("1496.40"), Decimal("17956.80")),
        ("KONS-TIM", ChargeKind.DELIVERED, Decimal("6.00"), Decimal("1496.40"), Decimal("8978.40")),
        ("MATERIAL", ChargeKind.DELIVERED, 18, Decimal("464.40"), Decimal("8359.20")),
        ("MATERIAL", ChargeKind.LATE_CANCELLATION, 1, Decimal("232.20"), Decimal("232.20")),
        ("MATERIAL", ChargeKind.NO_SHOW, 1, Decimal("464.40"), Decimal("464.40")),
        ("PLATTFORM", ChargeKind.DELIVERED, 18, Decimal("309.60"), Decimal("5572.80")),
        ("PLATTFORM", ChargeKind.LATE_CANCELLATION, 1, Decimal("154.80"), Decimal("154.80")),
        ("PLATTFORM", ChargeKind.NO_SHOW, 1, Decimal("309.60"), Decimal("309.60")),
    ]
    # 1450 kr indexed on the order day (2026-08-17): +3.2 % from 1 January 2026
    assert AGREEMENT.price_on("KONS-TIM", TRAINEE.ordered_on).amount == Decimal("1496.40")
    assert (basis.net_total.amount, basis.vat_total.amount, basis.total.amount) == (
        Decimal("42028.20"),
        Decimal("10507.05"),
        Decimal("52535.25"),
    )
    assert basis.notes == ()


def test_without_terms_neither_late_cancellations_nor_no_shows_are_charged() -> None:
    bare = attrs.evolve(AGREEMENT, delivery_terms=None)
    basis = invoice_basis(TRAINEE, bare, stockholm_attendance(), NOVEMBER)
    assert {x.kind for x in basis.lines} == {ChargeKind.DELIVERED}
    # Terms given win over the agreement's; DeliveryTerms() applies none.
    basis = invoice_basis(
        TRAINEE, AGREEMENT, stockholm_attendance(), NOVEMBER, terms=DeliveryTerms()
    )
    assert {x.kind for x in basis.lines} == {ChargeKind.DELIVERED}
    free = DeliveryTerms(late_cancellation_days=5, late_cancellation_share=Decimal(0))
    basis = invoice_basis(TRAINEE, AGREEMENT, stockholm_attendance(), NOVEMBER, terms=free)
    assert {x.kind for x in basis.lines} == {ChargeKind.DELIVERED}


def test_the_agreements_own_terms_apply_unless_others_are_given() -> None:
    assert AGREEMENT.delivery_terms == TERMS
    stated = invoice_basis(TRAINEE, AGREEMENT, stockholm_attendance(), NOVEMBER)
    assert stated == invoice_basis(
        TRAINEE, AGREEMENT, stockholm_attendance(), NOVEMBER, terms=TERMS
    )
    assert stated.total.amount == Decimal("52535.25")
    # Other terms given win: no-shows at a quarter, late cancellations free.
    other = DeliveryTerms(no_show_share=Decimal("0.25"))
    basis = invoice_basis(TRAINEE, AGREEMENT, stockholm_attendance(), NOVEMBER, terms=other)
    assert [(x.price_code, x.kind, x.amount.amount) for x in basis.lines[2:]] == [
        ("MATERIAL", ChargeKind.DELIVERED, Decimal("8359.20")),
        ("MATERIAL", ChargeKind.NO_SHOW, Decimal("116.10")),
        ("PLATTFORM", ChargeKind.DELIVERED, Decimal("5572.80")),
        ("PLATTFORM", ChargeKind.NO_SHOW, Decimal("77.40")),
    ]
    # The statements take the agreement's terms too: a cancelled session it allows is fine.
    held = list(stockholm_attendance())
    held[1] = Attendance(session=SESSIONS[1], registered=6, attended=0, cancelled=True)
    rows = delivery_statement(TRAINEE, AGREEMENT, held)
    assert [row.price_code for row in rows if row.delivered][:2] == ["KONS-TIM", "KONS-TIM"]
    with pytest.raises(ValidationError):
        delivery_statement(TRAINEE, AGREEMENT, held, terms=DeliveryTerms())
    ledger = stockholm_ledger()
    assert ledger_statement(ledger, held)[5].reference == TRAINEE.reference
    with pytest.raises(ValidationError):
        ledger_statement(ledger, held, terms=DeliveryTerms())


def test_an_agreement_refuses_delivery_terms_that_are_not_delivery_terms() -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(AGREEMENT, delivery_terms={"no_show_share": "1"})  # type: ignore[arg-type]
    assert paths(error) == ["delivery_terms"]
    assert error.value.problems[0].message == "must be DeliveryTerms or None"


def test_the_whole_delivery_invoices_exactly_what_was_ordered_of_the_hours() -> None:
    basis = invoice_basis(TRAINEE, AGREEMENT, stockholm_attendance(), ALL, terms=TERMS)
    hours: dict[int, Decimal] = {}
    for line in basis.lines:
        hours[line.line] = hours.get(line.line, Decimal(0)) + line.quantity
    assert hours == {0: 12, 1: 12, 2: 6, 3: 12, 4: 21, 5: 20, 6: 20}
    assert sum((x.amount for x in basis.lines if x.line < 5), start=basis.net_total * 0) == sum(
        TRAINEE.line_amounts(AGREEMENT)[:5], start=basis.net_total * 0
    )


def test_a_supplier_cancelled_session_is_not_invoiced_and_needs_the_terms() -> None:
    held = list(stockholm_attendance())
    held[1] = Attendance(session=SESSIONS[1], registered=6, attended=0, cancelled=True)
    basis = invoice_basis(
        TRAINEE, AGREEMENT, held, DateRange.from_iso("2026-12-01", "2026-12-31"), terms=TERMS
    )
    assert basis.lines == ()
    with pytest.raises(ValidationError) as error:
        invoice_basis(TRAINEE, attrs.evolve(AGREEMENT, delivery_terms=None), held, NOVEMBER)
    assert paths(error) == ["attendances[1].cancelled"]
    held[1] = attrs.evolve(held[1], registered=8)
    with pytest.raises(ValidationError):
        invoice_basis(TRAINEE, AGREEMENT, held, NOVEMBER, terms=TERMS)


def test_the_basis_never_exceeds_the_call_off_and_notes_what_it_left_out() -> None:
    crowd = [Attendance(session=SESSIONS[0], registered=30, attended=25, no_shows=5)]
    basis = invoice_basis(TRAINEE, AGREEMENT, crowd, NOVEMBER, terms=TERMS)
    material = [x for x in basis.lines if x.price_code == "MATERIAL"]
    assert [(x.kind, x.quantity) for x in material] == [(ChargeKind.DELIVERED, Decimal(20))]
    assert [n.path for n in basis.notes] == [
        "attendances[0].attended",
        "attendances[0].no_shows",
        "attendances[0].attended",
        "attendances[0].no_shows",
    ]
    assert basis.notes[0].message.endswith("5 left out")


def test_a_terminated_call_off_is_invoiced_up_to_what_it_delivered() -> None:
    terminated = TRAINEE.transition(
        CallOffStatus.TERMINATED, pendulum.date(2027, 2, 1), delivered=(12, 12, 6, 0, 15, 18, 18)
    )
    basis = invoice_basis(terminated, AGREEMENT, stockholm_attendance(), ALL, terms=TERMS)
    total: dict[int, Decimal] = {}
    for line in basis.lines:
        total[line.line] = total.get(line.line, Decimal(0)) + line.quantity
    assert total == {0: 12, 1: 12, 2: 6, 4: 15, 5: 18, 6: 18}


def test_a_fixed_price_is_charged_at_the_first_held_session() -> None:
    lines = (*TRAINEE.lines, CallOffLine(price_code="BEHOV", quantity=1))
    needs = attrs.evolve(TRAINEE, lines=lines)
    basis = invoice_basis(needs, AGREEMENT, stockholm_attendance(), ALL)
    fixed = [x for x in basis.lines if x.price_code == "BEHOV"]
    assert [(x.on, x.quantity, x.description) for x in fixed] == [
        (pendulum.date(2026, 11, 3), Decimal(1), "Behovsanalys och uppstartsmöte")
    ]


def test_sessions_without_a_usable_line_are_noted() -> None:
    loose = [
        Attendance(session=attrs.evolve(SESSIONS[0], line=None), registered=2, attended=2),
        Attendance(session=attrs.evolve(SESSIONS[1], line=5), registered=2, attended=2),
        Attendance(session=attrs.evolve(SESSIONS[2], call_off="OTHER"), registered=2, attended=2),
    ]
    basis = invoice_basis(TRAINEE, AGREEMENT, loose, ALL)
    assert [n.path for n in basis.notes] == [
        "attendances[0].session.line",
        "attendances[1].session.line",
    ]
    assert {x.price_code for x in basis.lines} == {"MATERIAL", "PLATTFORM"}


def test_bad_arguments_are_refused() -> None:
    attendance = stockholm_attendance()
    calls: list[tuple[Any, str]] = [
        (lambda: invoice_basis("x", AGREEMENT, attendance, NOVEMBER), "call_off"),  # type: ignore[arg-type]
        (lambda: invoice_basis(TRAINEE, AGREEMENT, attendance, "2026-11"), "period"),  # type: ignore[arg-type]
        (lambda: invoice_basis(TRAINEE, AGREEMENT, attendance, NOVEMBER, terms=1), "terms"),  # type: ignore[arg-type]
        (lambda: invoice_basis(TRAINEE, AGREEMENT, attendance[0], NOVEMBER), "attendances"),  # type: ignore[arg-type]
        (lambda: invoice_basis(TRAINEE, AGREEMENT, [1], NOVEMBER), "attendances[0]"),  # type: ignore[list-item]
        (
            lambda: invoice_basis(TRAINEE, AGREEMENT, attendance, NOVEMBER, vat_rates=[1]),  # type: ignore[arg-type]
            "vat_rates",
        ),
        (
            lambda: invoice_basis(
                TRAINEE, AGREEMENT, attendance, NOVEMBER, vat_rates={"MATERIAL": Decimal(2)}
            ),
            "vat_rates['MATERIAL']",
        ),
        (lambda: stockholm_invoice_basis().select(8, -1), "indices[0]"),
    ]
    for call, path in calls:
        with pytest.raises(ValidationError) as error:
            call()
        assert paths(error)[0] == path


def test_vat_per_rate_adds_up() -> None:
    basis = invoice_basis(
        TRAINEE,
        AGREEMENT,
        stockholm_attendance(),
        NOVEMBER,
        terms=TERMS,
        vat_rates={"MATERIAL": Decimal("0.06")},
    )
    breakdown = basis.vat_breakdown()
    assert [(s.rate, s.taxable.amount, s.vat.amount) for s in breakdown] == [
        (Decimal("0.25"), Decimal("32972.40"), Decimal("8243.10")),
        (Decimal("0.06"), Decimal("9055.80"), Decimal("543.35")),
    ]
    assert basis.vat_total.amount == Decimal("8786.45")


def test_the_statement_shows_ordered_delivered_and_invoiced() -> None:
    rows = delivery_statement(
        TRAINEE,
        AGREEMENT,
        stockholm_attendance(),
        [
            stockholm_invoice_basis(),
            attrs.evolve(stockholm_invoice_basis(), call_off=stockholm_ledger().call_offs[0]),
        ],
    )
    assert [(r.ordered, r.delivered, r.invoiced, r.invoiced_amount.amount) for r in rows][5] == (
        Decimal(20),
        Decimal(18),
        Decimal(20),
        Decimal("9055.80"),
    )


def test_the_ledger_statement_sets_every_call_off_side_by_side() -> None:
    rows = ledger_statement(stockholm_ledger(), stockholm_attendance(), [stockholm_invoice_basis()])
    assert [
        (r.reference, r.called_off.amount, r.delivered.amount, r.invoiced.amount) for r in rows
    ][:2] == [
        ("SOC 2025/0142", Decimal("209700.00"), Decimal(0), Decimal(0)),
        ("SDF-SK 2025/0412", Decimal(0), Decimal(0), Decimal(0)),
    ]
    trainee = rows[5]
    assert (trainee.called_off.amount, trainee.delivered.amount, trainee.invoiced.amount) == (
        Decimal("109753.20"),
        Decimal("108205.20"),
        Decimal("42028.20"),
    )
    assert trainee.invoiced <= trainee.called_off


def test_basis_lines_are_checked() -> None:
    line = stockholm_invoice_basis().lines[2]
    with pytest.raises(ValidationError) as error:
        attrs.evolve(line, quantity=Decimal("1.5"), vat_rate=Decimal(2), line=-1)
    assert paths(error) == ["line", "quantity", "vat_rate"]
    with pytest.raises(ValidationError) as error:
        attrs.evolve(line, quantity=Decimal(-1))
    assert paths(error) == ["quantity"]
    with pytest.raises(ValidationError) as error:
        attrs.evolve(stockholm_invoice_basis(), currency="EUR")
    assert paths(error)[0] == "lines[0].unit_price"


# -- Hypothesis: the basis never exceeds the call-off; totals add up ------------------------


@st.composite
def attendances(draw: st.DrawFn) -> list[Attendance]:
    found = []
    for session in SESSIONS:
        registered = draw(st.integers(0, 40))
        attended = draw(st.integers(0, registered))
        late = draw(st.integers(0, registered - attended))
        absent = draw(st.integers(0, registered - attended - late))
        found.append(
            Attendance(
                session=session,
                registered=registered,
                attended=attended,
                late_cancellations=late,
                no_shows=absent,
            )
        )
    return found


@settings(max_examples=40, deadline=None)
@given(
    attendances(),
    st.sampled_from([None, DeliveryTerms(), TERMS]),
    st.sampled_from(["0.25", "0.12", "0.06"]),
)
def test_property_basis_within_call_off_and_totals_add_up(
    found: list[Attendance], terms: DeliveryTerms | None, rate: str
) -> None:
    rates = {"MATERIAL": Decimal(rate)}
    used: dict[int, Decimal] = {}
    for month in ALL.months():
        start = pendulum.date(*month, 1)
        period = DateRange(start=start, end=start.end_of("month"))
        basis = invoice_basis(TRAINEE, AGREEMENT, found, period, terms=terms, vat_rates=rates)
        for line in basis.lines:
            used[line.line] = used.get(line.line, Decimal(0)) + line.quantity
        assert basis.net_total == sum((x.amount for x in basis.lines), basis.net_total * 0)
        breakdown = basis.vat_breakdown()
        assert sum((s.taxable for s in breakdown), basis.net_total * 0) == basis.net_total
        for s in breakdown:
            assert s.vat == sum(
                (x.amount for x in basis.lines if x.vat_rate == s.rate), basis.net_total * 0
            ).vat(s.rate)
        assert basis.total == basis.net_total + basis.vat_total
    for j, quantity in used.items():
        assert quantity <= TRAINEE.lines[j].quantity


# -- invoices ----------------------------------------------------------------------------


def _invoice(**changes: Any) -> Invoice:
    return attrs.evolve(stockholm_invoice(), **changes)


def test_invoice_rules_refuse_planted_violations() -> None:
    basis = stockholm_invoice_basis()
    with pytest.raises(ValidationError) as error:
        _invoice(buyer_reference="", number=" ", due_on=pendulum.date(2026, 11, 30))
    assert [(p, m.split(" (")[0]) for p, m in problems(error)] == [
        ("number", "must not be empty"),
        (
            "buyer_reference",
            "must not be empty; the buyer's reference is mandatory for Swedish public buyers",
        ),
        ("due_on", "must not be before the issue date"),
    ]
    with pytest.raises(ValidationError, match=r"BR-16"):
        _invoice(basis=attrs.evolve(basis, lines=()))
    with pytest.raises(ValidationError, match=r"SE-R-006"):
        _invoice(
            basis=attrs.evolve(
                basis, lines=(attrs.evolve(basis.lines[0], vat_rate=Decimal("0.2")),)
            )
        )
    with pytest.raises(ValidationError) as error:
        _invoice(
            buyer=Buyer(
                organisation=stockholm_seller().organisation, address=stockholm_buyer().address
            )
        )
    assert paths(error) == ["buyer", "buyer"]
    with pytest.raises(ValidationError) as error:
        _invoice(seller="x", buyer="y", basis="z", note=1)
    assert paths(error) == ["seller", "buyer", "note", "basis"]


def test_a_non_swedish_currency_is_refused() -> None:
    basis = stockholm_invoice_basis()
    euros = attrs.evolve(basis, lines=(), currency="EUR")
    with pytest.raises(ValidationError) as error:
        _invoice(basis=euros)
    assert paths(error) == ["basis.lines", "basis.currency"]


def test_swedish_payment_accounts() -> None:
    for number, rule in (
        ("505010", "SE-R-009"),
        ("5050105A", "SE-R-008"),
        ("505010555", "SE-R-009"),
        ("5050-1056", "Luhn"),
    ):
        with pytest.raises(ValidationError, match=rule):
            PaymentAccount(scheme=PaymentScheme.BANKGIRO, number=number)
    for number, rule in (("1", "SE-R-010"), ("12A", "SE-R-007"), ("123456789", "SE-R-010")):
        with pytest.raises(ValidationError, match=rule):
            PaymentAccount(scheme=PaymentScheme.PLUSGIRO, number=number)
    assert PaymentAccount(scheme=PaymentScheme.PLUSGIRO, number="90 20 90-0").number == "9020900"
    with pytest.raises(ValidationError, match="scheme"):
        PaymentAccount(scheme="SE:BANKGIRO", number="50501055")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="digits only"):
        PaymentAccount(scheme=PaymentScheme.BANKGIRO, number=50501055)


def test_seller_vat_numbers_and_addresses() -> None:
    seller = stockholm_seller()
    assert seller.vat_id == "SE556677123301"
    assert attrs.evolve(seller, vat_number="SE556677123301").vat_id == "SE556677123301"
    for number, rule in (
        ("SE55667712330", "SE-R-001"),
        ("SE55667712330X", "SE-R-002"),
        ("SE212000014201", "organisation's"),
    ):
        with pytest.raises(ValidationError, match=rule):
            attrs.evolve(seller, vat_number=number)
    with pytest.raises(ValidationError) as error:
        Seller(organisation="x", address="y", account="z", f_tax="yes")  # type: ignore[arg-type]
    assert paths(error) == ["organisation", "address", "account", "f_tax"]
    with pytest.raises(ValidationError) as error:
        Address(street=" ", postal_code="1234", city="", country="se")
    assert paths(error) == ["street", "city", "country"]
    with pytest.raises(ValidationError, match="5 digits"):
        Address(street="Gatan 1", postal_code="1234", city="Stockholm")
    assert Address(street="Road 1", postal_code="N1 9GU", city="London", country="GB").city == (
        "London"
    )
    with pytest.raises(ValidationError):
        Buyer(organisation="x", address="y")  # type: ignore[arg-type]


def test_credit_notes() -> None:
    credit = stockholm_credit_note()
    assert credit.total.amount == Decimal("967.50")
    with pytest.raises(ValidationError) as error:
        attrs.evolve(credit, credited_invoice="2026-1203")
    assert paths(error) == ["credited_invoice"]


# -- the XML -----------------------------------------------------------------------------


def _amount(root: ET.Element, path: str) -> Decimal:
    found = root.find(path, NS)
    assert found is not None
    assert found.text is not None
    return Decimal(found.text)


@pytest.mark.parametrize(
    "document", [stockholm_invoice(), stockholm_credit_note()], ids=["invoice", "credit note"]
)
def test_the_xml_parses_back_and_its_totals_add_up(document: Invoice | CreditNote) -> None:
    root = ET.fromstring(to_peppol(document))
    kind = "Invoice" if isinstance(document, Invoice) else "CreditNote"
    lines = root.findall(f"cac:{kind}Line", NS)
    net = sum(_amount(line, "cbc:LineExtensionAmount") for line in lines)
    vat = sum(
        _amount(sub, "cbc:TaxAmount") for sub in root.findall("cac:TaxTotal/cac:TaxSubtotal", NS)
    )
    assert _amount(root, "cac:LegalMonetaryTotal/cbc:LineExtensionAmount") == net  # BR-CO-10
    assert _amount(root, "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount") == net  # BR-CO-13
    assert _amount(root, "cac:TaxTotal/cbc:TaxAmount") == vat  # BR-CO-14
    assert _amount(root, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount") == net + vat  # BR-CO-15
    assert _amount(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == net + vat  # BR-CO-16
    assert net == document.line_total.amount
    assert vat == document.vat_total.amount
    assert root.findtext("cac:OrderReference/cbc:ID", namespaces=NS) == "SLK 2026/0777"
    supplier = root.find("cac:AccountingSupplierParty/cac:Party", NS)
    assert supplier is not None
    endpoint = supplier.find("cbc:EndpointID", NS)
    assert endpoint is not None
    assert (endpoint.get("schemeID"), endpoint.text) == (
        "0007",
        "5566771233",
    )
    assert [
        s.findtext("cbc:CompanyID", namespaces=NS)
        for s in supplier.findall("cac:PartyTaxScheme", NS)
    ] == ["SE556677123301", "Godkänd för F-skatt"]
    assert (
        root.findtext(
            "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID",
            namespaces=NS,
        )
        == "SE:BANKGIRO"
    )
    if kind == "CreditNote":
        assert (
            root.findtext("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", namespaces=NS)
            == "2026-1187"
        )


def _planted(change: str, into: str) -> bytes:
    data = to_peppol(stockholm_invoice()).decode()
    assert change in data
    return data.replace(change, into, 1).encode()


@pytest.mark.parametrize(
    ("change", "into", "rule"),
    [
        (
            '<cbc:PayableAmount currencyID="SEK">52535.25<',
            '<cbc:PayableAmount currencyID="SEK">52535.26<',
            "BR-CO-16",
        ),
        (
            '<cbc:TaxInclusiveAmount currencyID="SEK">52535.25<',
            '<cbc:TaxInclusiveAmount currencyID="SEK">52535.24<',
            "BR-CO-15",
        ),
        (
            '<cbc:TaxAmount currencyID="SEK">10507.05</cbc:TaxAmount>\n    <cac',
            '<cbc:TaxAmount currencyID="SEK">10507.06</cbc:TaxAmount>\n    <cac',
            "BR-CO-14",
        ),
        (
            '<cbc:TaxExclusiveAmount currencyID="SEK">42028.20<',
            '<cbc:TaxExclusiveAmount currencyID="SEK">42028.21<',
            "BR-CO-13",
        ),
        (
            '<cbc:LineExtensionAmount currencyID="SEK">42028.20<',
            '<cbc:LineExtensionAmount currencyID="SEK">42028.30<',
            "BR-CO-10",
        ),
        (
            '<cbc:TaxableAmount currencyID="SEK">42028.20<',
            '<cbc:TaxableAmount currencyID="SEK">42028.00<',
            "BR-S-08",
        ),
        (
            '<cbc:LineExtensionAmount currencyID="SEK">17956.80<',
            '<cbc:LineExtensionAmount currencyID="SEK">17956.90<',
            "PEPPOL-EN16931-R120",
        ),
        (
            '<cbc:LineExtensionAmount currencyID="SEK">17956.80<',
            '<cbc:LineExtensionAmount currencyID="SEK">17956.801<',
            "BR-DEC",
        ),
        (
            "<cbc:Percent>25</cbc:Percent>\n        <cac",
            "<cbc:Percent>20</cbc:Percent>\n        <cac",
            "SE-R-006",
        ),
        ("SE556677123301", "SE55667712330", "SE-R-001"),
        ("SE556677123301", "SE5566771233AB", "SE-R-002"),
        ("Godkänd för F-skatt", "F-skatt", "SE-R-005"),
        ("<cbc:ID>50501055</cbc:ID>", "<cbc:ID>505010</cbc:ID>", "SE-R-009"),
        ("<cbc:ID>50501055</cbc:ID>", "<cbc:ID>5050105A</cbc:ID>", "SE-R-008"),
        (
            '<cbc:CompanyID schemeID="0007">5566771233<',
            '<cbc:CompanyID schemeID="0007">556677123<',
            "SE-R-004",
        ),
        (
            '<cbc:CompanyID schemeID="0007">5566771233<',
            '<cbc:CompanyID schemeID="0007">55667712X3<',
            "SE-R-003",
        ),
        (
            '<cbc:EndpointID schemeID="0007">5566771233<',
            '<cbc:EndpointID schemeID="0007">5566771234<',
            "PEPPOL-COMMON-R049",
        ),
        (
            "<cbc:BuyerReference>SLK-4711</cbc:BuyerReference>",
            "<cbc:BuyerReference></cbc:BuyerReference>",
            "PEPPOL-EN16931-R008",
        ),
        ('currencyID="SEK">17956.80<', 'currencyID="EUR">17956.80<', "PEPPOL-EN16931-R051"),
        ("billing:01:1.0", "billing:1.0", "PEPPOL-EN16931-R001"),
        ("billing:3.0<", "billing:2.0<", "PEPPOL-EN16931-R004"),
        (
            "<cbc:CityName>Stockholm</cbc:CityName>",
            "<cbc:CityName>Stockholm</cbc:CityName><cbc:X>1</cbc:X>",
            None,
        ),
        ("<cbc:PaymentMeansCode>30<", "<cbc:PaymentMeansCode>50<", "SE-R-011"),
        ("<cbc:PaymentMeansCode>30<", "<cbc:PaymentMeansCode>31<", None),
        ("SE:BANKGIRO", "SE:PLUSGIRO", None),
        ("SE556677123301", "DE556677123301", None),
        ('SEK">1496.40</cbc:PriceAmount>', 'SEK">-1496.40</cbc:PriceAmount>', "BR-27"),
        ('SEK">1496.40</cbc:PriceAmount>', 'SEK">abc</cbc:PriceAmount>', "must be a number"),
        (
            'SEK">17956.80</cbc:LineExtensionAmount>',
            'SEK">Infinity</cbc:LineExtensionAmount>',
            "must be a number",
        ),
        (
            '<cbc:TaxableAmount currencyID="SEK">42028.20<',
            '<cbc:TaxableAmount currencyID="SEK">x<',
            "must be a number",
        ),
        (
            '<cbc:TaxInclusiveAmount currencyID="SEK">52535.25<',
            '<cbc:TaxInclusiveAmount currencyID="SEK">x<',
            "must be a number",
        ),
    ],
)
def test_check_peppol_finds_planted_violations(change: str, into: str, rule: str | None) -> None:
    data = _planted(change, into)
    if rule is None:
        check_peppol(data)
        return
    with pytest.raises(ValidationError) as error:
        check_peppol(data)
    assert any(rule in p.message for p in error.value.problems), error.value


def test_a_line_at_a_rate_sweden_does_not_have_is_found() -> None:
    data = to_peppol(stockholm_invoice()).replace(b">25</cbc:Percent>", b">20</cbc:Percent>")
    with pytest.raises(ValidationError) as error:
        check_peppol(data)
    assert "InvoiceLine[0]/Percent" in paths(error)


def test_a_plusgiro_account_with_too_many_digits_is_found() -> None:
    data = _planted("SE:BANKGIRO", "SE:PLUSGIRO").replace(b">50501055<", b">505010555<")
    with pytest.raises(ValidationError, match="SE-R-010"):
        check_peppol(data)


def test_prices_keep_their_decimals_and_f_tax_can_be_left_out() -> None:
    basis = stockholm_invoice_basis()
    priced = attrs.evolve(
        basis.lines[0],
        unit_price=attrs.evolve(basis.lines[0].unit_price, amount=Decimal("1496.405")),
    )
    invoice = attrs.evolve(
        stockholm_invoice(),
        basis=attrs.evolve(basis, lines=(priced,)),
        seller=attrs.evolve(stockholm_seller(), f_tax=False),
    )
    root = ET.fromstring(to_peppol(invoice))
    assert root.findtext("cac:InvoiceLine/cac:Price/cbc:PriceAmount", namespaces=NS) == "1496.405"
    assert root.findtext("cac:InvoiceLine/cbc:LineExtensionAmount", namespaces=NS) == "17956.86"
    assert len(root.findall("cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme", NS)) == 1


def test_check_peppol_refuses_what_is_not_an_invoice() -> None:
    with pytest.raises(ValidationError, match="well-formed"):
        check_peppol(b"<Invoice")
    with pytest.raises(ValidationError, match=r"UBL 2\.1"):
        check_peppol(b"<Order/>")
    empty = (
        b'<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">'
        b"<x>1</x></Invoice>"
    )
    with pytest.raises(ValidationError) as error:
        check_peppol(empty)
    rules = " ".join(p.message for p in error.value.problems)
    for rule in ("R004", "R001", "R003", "R020", "R010", "BR-09", "BR-16", "R053"):
        assert rule in rules
    with pytest.raises(ValidationError, match="Invoice or a CreditNote"):
        to_peppol(stockholm_invoice_basis())  # type: ignore[arg-type]


def test_sek_organisation_is_required_of_seller_and_buyer() -> None:
    assert isinstance(stockholm_buyer().organisation, Organisation)


# -- delivery fixes (round 5) ----------------------------------------------------------


def test_a_cancellation_without_a_minimum_in_the_terms_has_its_own_text() -> None:

    held = list(stockholm_attendance())
    held[1] = Attendance(session=SESSIONS[1], registered=6, attended=0, cancelled=True)
    with pytest.raises(ValidationError) as error:
        invoice_basis(TRAINEE, AGREEMENT, held, NOVEMBER, terms=DeliveryTerms())
    [problem] = error.value.problems
    assert (problem.path, problem.code) == ("attendances[1].cancelled", "cancellation-no-right")
    assert format_problem(problem) == "avtalet ger inte leverantören rätt att ställa in tillfällen"
    assert format_problem(problem, locale="en_GB") == (
        "the agreement gives the supplier no right to cancel sessions"
    )


def test_an_attendance_listed_twice_for_one_session_is_refused() -> None:
    from ledarutveckling.formatting import format_problem

    held = list(stockholm_attendance())
    held.append(held[0])
    with pytest.raises(ValidationError) as error:
        invoice_basis(TRAINEE, AGREEMENT, held, NOVEMBER, terms=TERMS)
    [problem] = error.value.problems
    assert (problem.path, problem.code) == (f"attendances[{len(held) - 1}]", "session-listed-twice")
    session = held[0].session
    assert format_problem(problem).replace("\xa0", " ") == (
        f"{session.module.code} för {session.cohort} den "
        f"{format_date(session.day)} kl. {session.start.strftime('%H:%M')} står redan som "
        "attendances[0]; ett tillfälle anges bara en gång"
    )


@pytest.mark.parametrize(
    ("share", "text"),
    [("0.3333", "33,33 %"), ("0.333", "33,3 %"), ("0.5", "50 %"), ("0.50", "50 %"), ("1", "100 %")],
)
def test_the_share_is_written_as_given(share: str, text: str) -> None:
    terms = attrs.evolve(TERMS, late_cancellation_share=Decimal(share))
    basis = invoice_basis(TRAINEE, AGREEMENT, stockholm_attendance(), NOVEMBER, terms=terms)
    late = [x for x in basis.lines if x.kind is ChargeKind.LATE_CANCELLATION]
    assert late
    assert all(
        x.description.replace("\xa0", " ").endswith(f"sen avbokning, {text} av priset")
        for x in late
    )


# -- the issue date: not before the last delivery invoiced (h15) ------------------------------


def test_an_invoice_or_credit_note_before_the_last_delivery_it_bills_is_refused() -> None:
    invoice = stockholm_invoice()  # November 2026: its last session is held on 3 November
    assert max(line.on for line in invoice.basis.lines) == pendulum.date(2026, 11, 3)
    with pytest.raises(ValidationError) as error:
        attrs.evolve(invoice, issued_on=pendulum.date(2026, 11, 2))
    [problem] = error.value.problems
    assert (problem.path, problem.code, problem.value, dict(problem.params)) == (
        "issued_on",
        "issued-before-delivery",
        pendulum.date(2026, 11, 2),
        {"issued": pendulum.date(2026, 11, 2), "last": pendulum.date(2026, 11, 3)},
    )
    assert problem.message == (
        "must not be before the last delivery invoiced (2026-11-03): an invoice for what was "
        "delivered is issued on that day at the earliest"
    )
    assert format_problem(problem) == (
        "fakturadatumet 2 november 2026 är före den sista leveransen i fakturaunderlaget "
        "(3 november 2026); en faktura för det som levererats kan utfärdas tidigast den dagen"
    )
    assert format_problem(problem, locale="en_GB") == (
        "the issue date 2 November 2026 is before the last delivery in the invoice basis "
        "(3 November 2026); an invoice for what was delivered can be issued on that day at the "
        "earliest"
    )
    # the day of the last session is the first day it may be issued; the period runs on
    same_day = attrs.evolve(invoice, issued_on=pendulum.date(2026, 11, 3))
    assert same_day.basis.period.end == pendulum.date(2026, 11, 30)
    with pytest.raises(ValidationError) as error:
        attrs.evolve(stockholm_credit_note(), issued_on=pendulum.date(2026, 10, 1))
    assert [(p.path, p.code) for p in error.value.problems] == [
        ("issued_on", "issued-before-delivery")
    ]


def test_the_issue_date_is_checked_with_every_other_rule() -> None:
    invoice = stockholm_invoice()
    with pytest.raises(ValidationError) as error:
        attrs.evolve(
            invoice,
            issued_on=pendulum.date(2026, 11, 1),
            due_on=pendulum.date(2026, 10, 31),
            buyer_reference="",
        )
    assert [(p.path, p.code) for p in error.value.problems] == [
        ("buyer_reference", "empty-text"),
        ("issued_on", "issued-before-delivery"),
        ("due_on", "due-before-issue"),
    ]


def test_an_issue_date_that_is_not_a_date_is_refused_once() -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(stockholm_invoice(), issued_on="2026-12-01")
    assert [(p.path, p.code) for p in error.value.problems] == [("issued_on", "not-date")]
