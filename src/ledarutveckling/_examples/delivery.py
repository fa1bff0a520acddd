"""The Stockholm example's delivery: the sessions held under one call-off (private)."""

from __future__ import annotations

import datetime as dt
from typing import Final, cast

import pendulum

from ledarutveckling._base.dates import DateRange
from ledarutveckling._delivery.attendance import Attendance
from ledarutveckling._delivery.basis import ChargeKind, InvoiceBasis, invoice_basis
from ledarutveckling._delivery.invoice import (
    Address,
    Buyer,
    CreditNote,
    Invoice,
    PaymentAccount,
    PaymentScheme,
    Seller,
)
from ledarutveckling._delivery.terms import DeliveryTerms
from ledarutveckling._documents.delivery import DeliveryRecord, HeldSession, SellerDetails
from ledarutveckling._examples.stockholm import (
    example_supplier,
    stockholm_agreement,
    stockholm_catalogue,
    stockholm_ledger,
    stockholms_stad,
)
from ledarutveckling._scheduling.calendar import WorkingCalendar
from ledarutveckling._scheduling.sessions import Session, schedule_cohort

__all__ = [
    "stockholm_attendance",
    "stockholm_buyer",
    "stockholm_credit_note",
    "stockholm_delivery",
    "stockholm_delivery_terms",
    "stockholm_invoice",
    "stockholm_invoice_basis",
    "stockholm_seller",
    "stockholm_sessions",
]


TRAINEE_CALL_OFF: Final = "SLK 2026/0777"
"""The call-off whose sessions the example follows: the city's trainee program."""


def stockholm_sessions() -> tuple[Session, ...]:
    """The trainee program's four sessions under call-off ``SLK 2026/0777``, each on its line.

    One cohort, on Tuesdays six weeks apart from 3 November 2026, 09:00, two facilitators;
    each module's session draws on the call-off line of its module (lines 0–3). They pass
    :func:`~ledarutveckling.check_call_off_sessions`.

    Examples:
        >>> for session in stockholm_sessions():
        ...     print(session.day, session.module.code, session.call_off, session.line)
        2026-11-03 TR-1 SLK 2026/0777 0
        2026-12-15 TR-2 SLK 2026/0777 1
        2027-01-26 TR-3 SLK 2026/0777 2
        2027-03-09 TR-4 SLK 2026/0777 3
    """
    return schedule_cohort(
        stockholm_catalogue().program("TRAINEE"),
        "Trainee 2026",
        pendulum.date(2026, 11, 3),
        WorkingCalendar.sweden(),
        dt.time(9, 0),
        weekday=1,
        facilitators=("Anna Lindqvist", "Johan Ek"),
        room="Stadshuset, Tre Kronor",
        call_off=TRAINEE_CALL_OFF,
        lines={"TR-1": 0, "TR-2": 1, "TR-3": 2, "TR-4": 3},
    )


_ATTENDED: Final = (
    (20, tuple(range(1, 19)), 1, 1),
    (19, (*range(1, 18), 20), 0, 1),
    (19, (*range(1, 17), 20), 1, 1),
    (18, (*range(1, 16), 17, 18, 20), 0, 0),
)
"""Per session: registered, the attendees' numbers, late cancellations, no-shows."""


def stockholm_attendance() -> tuple[Attendance, ...]:
    """Attendance at the trainee program's four sessions, with pseudonymous tokens.

    Twenty trainees were registered; tokens ``TR26-01`` to ``TR26-20`` stand for them (the
    key to who is who stays with the city). At the first session 18 came, one cancelled late
    and one did not come.

    Examples:
        >>> [(a.session.module.code, a.registered, a.attended) for a in stockholm_attendance()]
        [('TR-1', 20, 18), ('TR-2', 19, 18), ('TR-3', 19, 17), ('TR-4', 18, 18)]
    """
    return tuple(
        Attendance(
            session=session,
            registered=registered,
            attended=len(numbers),
            late_cancellations=late,
            no_shows=absent,
            tokens=tuple(f"TR26-{n:02}" for n in numbers),
        )
        for session, (registered, numbers, late, absent) in zip(
            stockholm_sessions(), _ATTENDED, strict=True
        )
    )


def stockholm_delivery_terms() -> DeliveryTerms:
    """The agreement's delivery terms: 10 working days' notice, 50 %; 8 at least; no-shows 100 %.

    They are :attr:`stockholm_agreement().delivery_terms
    <ledarutveckling.FrameworkAgreement.delivery_terms>`, which the invoice basis applies.

    Examples:
        >>> stockholm_delivery_terms().minimum_participants
        8
    """
    return cast(DeliveryTerms, stockholm_agreement().delivery_terms)


_SELLER: Final = SellerDetails(
    address=Address(street="Exempelgatan 1", postal_code="111 22", city="Stockholm"),
    account=PaymentAccount(scheme=PaymentScheme.BANKGIRO, number="5050-1055"),
)
"""The supplier's invoicing details (an immutable value): Bankgirot's test number."""


_BUYER_ADDRESS: Final = Address(
    street="Fakturaservice, Box 8311", postal_code="104 20", city="Stockholm"
)
"""Stockholms stad's invoicing address (made up for the example)."""


def stockholm_seller() -> Seller:
    """The supplier as seller: its address and bankgiro (Bankgirot's test number)."""
    return Seller(
        organisation=example_supplier(),
        address=_SELLER.address,
        account=_SELLER.account,
    )


def stockholm_buyer() -> Buyer:
    """Stockholms stad as buyer, with an invoicing address (made up for the example)."""
    return Buyer(organisation=stockholms_stad(), address=_BUYER_ADDRESS)


def stockholm_delivery() -> DeliveryRecord:
    """The delivery record of the trainee call-off: its four held sessions and the seller.

    It is :func:`stockholm_attendance` and :func:`stockholm_seller` as a document, which
    ``ledarutveckling invoice`` reads (``examples/stockholm-delivery.toml``).

    Examples:
        >>> record = stockholm_delivery()
        >>> record.agreement, len(record.sessions), record.sessions[0].start
        ('KS 2024/0815', 4, datetime.time(9, 0))
        >>> from ledarutveckling.examples import stockholm_ledger
        >>> record.attendances(stockholm_ledger()) == stockholm_attendance()
        True
    """
    return DeliveryRecord(
        agreement=stockholm_agreement().reference,
        seller=_SELLER,
        buyer_address=_BUYER_ADDRESS,
        sessions=tuple(
            HeldSession(
                call_off=TRAINEE_CALL_OFF,
                line=a.session.line,
                program=a.session.program.code,
                module=a.session.module.code,
                cohort=a.session.cohort,
                day=a.session.day,
                start=dt.time(a.session.start.hour, a.session.start.minute),
                end=dt.time(a.session.end.hour, a.session.end.minute),
                facilitators=a.session.facilitators,
                room=a.session.room,
                registered=a.registered,
                attended=a.attended,
                late_cancellations=a.late_cancellations,
                no_shows=a.no_shows,
                tokens=a.tokens,
            )
            for a in stockholm_attendance()
        ),
    )


def stockholm_invoice_basis() -> InvoiceBasis:
    """The trainee call-off's invoice basis for November 2026, by the delivery terms.

    Examples:
        >>> basis = stockholm_invoice_basis()
        >>> [(line.price_code, line.kind.value, str(line.quantity)) for line in basis.lines]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('KONS-TIM', 'delivered', '12'), ('KONS-TIM', 'delivered', '6.00'),
         ('MATERIAL', 'delivered', '18'), ('MATERIAL', 'late_cancellation', '1'),
         ('MATERIAL', 'no_show', '1'), ('PLATTFORM', 'delivered', '18'),
         ('PLATTFORM', 'late_cancellation', '1'), ('PLATTFORM', 'no_show', '1')]
    """
    ledger = stockholm_ledger()
    call_off = next(c for c in ledger.call_offs if c.reference == TRAINEE_CALL_OFF)
    return invoice_basis(
        call_off,
        ledger.agreement,
        stockholm_attendance(),
        DateRange.from_iso("2026-11-01", "2026-11-30"),
    )


def stockholm_invoice() -> Invoice:
    """The invoice of :func:`stockholm_invoice_basis`: number 2026-1187, due in 30 days."""
    return Invoice(
        number="2026-1187",
        issued_on=pendulum.date(2026, 12, 1),
        due_on=pendulum.date(2026, 12, 31),
        buyer_reference="SLK-4711",
        basis=stockholm_invoice_basis(),
        seller=stockholm_seller(),
        buyer=stockholm_buyer(),
    )


def stockholm_credit_note() -> CreditNote:
    """A credit note for the no-shows on invoice 2026-1187: one trainee had been ill."""
    basis = stockholm_invoice_basis()
    no_shows = [i for i, line in enumerate(basis.lines) if line.kind is ChargeKind.NO_SHOW]
    return CreditNote(
        number="2026-1203",
        issued_on=pendulum.date(2026, 12, 10),
        buyer_reference="SLK-4711",
        basis=basis.select(*no_shows),
        seller=stockholm_seller(),
        buyer=stockholm_buyer(),
        credited_invoice="2026-1187",
        note="Uteblivande med sjukintyg krediteras",
    )
