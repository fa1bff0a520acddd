"""What was ordered, delivered and invoiced, side by side (private).

:func:`delivery_statement` per line of a call-off, :func:`ledger_statement` per call-off of a
ledger. Both count delivery as the invoice basis does (``basis.py``); moved out of it in
issue 16.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from ledarutveckling._base.i18n import DEFAULT_LOCALE
from ledarutveckling._base.money import EXACT, Money
from ledarutveckling._delivery.attendance import Attendance
from ledarutveckling._delivery.basis import (
    InvoiceBasis,
    collect_charges,
    terms_in_force,
)
from ledarutveckling._delivery.terms import DeliveryTerms
from ledarutveckling._procurement.agreement import FrameworkAgreement
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.status import CallOffStatus

__all__ = ["CallOffStatement", "StatementRow", "delivery_statement", "ledger_statement"]


@attrs.frozen(kw_only=True)
class StatementRow:
    """One call-off line: ordered, delivered and invoiced side by side.

    Attributes:
        line: The index of the call-off line.
        price_code: Its price-list code.
        ordered: The quantity ordered.
        delivered: The quantity delivered so far, as the invoice basis counts it (late
            cancellations and no-shows not included), also what went beyond the quantity
            ordered: the invoice basis invoices at most that and notes the rest, and the
            statement shows it here beside :attr:`ordered`.
        invoiced: The quantity on the invoice bases given, every kind of charge.
        ordered_amount: The line's value on the call-off, excluding VAT.
        invoiced_amount: The net amount of the invoiced quantity, excluding VAT.
    """

    line: int
    price_code: str
    ordered: Decimal
    delivered: Decimal
    invoiced: Decimal
    ordered_amount: Money
    invoiced_amount: Money


def delivery_statement(
    call_off: CallOff,
    agreement: FrameworkAgreement,
    attendances: Iterable[Attendance],
    invoiced: Iterable[InvoiceBasis] = (),
    *,
    terms: DeliveryTerms | None = None,
) -> tuple[StatementRow, ...]:
    """Per line of *call_off*: what was ordered, delivered and invoiced, side by side.

    Args:
        call_off: The call-off.
        agreement: Its agreement.
        attendances: The attendances of its held sessions.
        invoiced: The invoice bases invoiced so far (those of other call-offs are skipped).
        terms: The delivery terms, as for :func:`invoice_basis` (the agreement's by default).

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement, stockholm_attendance
        >>> from ledarutveckling.examples import stockholm_invoice_basis, stockholm_ledger
        >>> trainee = stockholm_ledger().call_offs[5]
        >>> for row in delivery_statement(trainee, stockholm_agreement(), stockholm_attendance(),
        ...                               [stockholm_invoice_basis()]):
        ...     print(row.price_code, row.ordered, row.delivered, row.invoiced)
        KONS-TIM 12 12 12
        KONS-TIM 12 12 0
        KONS-TIM 6 6 0
        KONS-TIM 12 12 0
        KONS-TIM 21.0 21.00 6.00
        MATERIAL 20 18 20
        PLATTFORM 20 18 20
    """
    charges = collect_charges(
        call_off, agreement, attendances, terms_in_force(agreement, terms), None, DEFAULT_LOCALE
    )
    amounts = call_off.line_amounts(agreement)
    delivered = charges.delivered
    quantity = [Decimal(0)] * len(call_off.lines)
    money = [Money.zero(agreement.currency)] * len(call_off.lines)
    for basis in invoiced:
        if basis.call_off.reference != call_off.reference:
            continue
        for line in basis.lines:
            quantity[line.line] = EXACT.add(quantity[line.line], line.quantity)
            money[line.line] = money[line.line] + line.amount
    return tuple(
        StatementRow(
            line=j,
            price_code=line.price_code,
            ordered=line.quantity,
            delivered=delivered[j],
            invoiced=quantity[j],
            ordered_amount=amounts[j],
            invoiced_amount=money[j],
        )
        for j, line in enumerate(call_off.lines)
    )


@attrs.frozen(kw_only=True)
class CallOffStatement:
    """One call-off of a ledger: called off, delivered and invoiced, excluding VAT.

    Attributes:
        reference: The call-off's reference.
        status: Its status.
        called_off: What it counts for (:meth:`~ledarutveckling.AgreementLedger.value`): its
            value, nothing once cancelled, what was delivered once terminated (hävd).
        delivered: The value of what its attendance shows delivered, at its prices (late
            cancellations and no-shows not included), also beyond what it ordered.
        invoiced: The net total of the invoice bases given for it.
    """

    reference: str
    status: CallOffStatus
    called_off: Money
    delivered: Money
    invoiced: Money


def ledger_statement(
    ledger: AgreementLedger,
    attendances: Iterable[Attendance],
    invoiced: Iterable[InvoiceBasis] = (),
    *,
    terms: DeliveryTerms | None = None,
) -> tuple[CallOffStatement, ...]:
    """Every call-off of *ledger*: called off, delivered and invoiced side by side.

    Args:
        ledger: The agreement and its call-offs; each must be priceable.
        attendances: The attendances of the held sessions (each names its call-off).
        invoiced: The invoice bases invoiced so far.
        terms: The delivery terms, as for :func:`invoice_basis` (the agreement's by default).

    Raises:
        ValidationError: As :meth:`~ledarutveckling.AgreementLedger.total` for a call-off
            that cannot be priced, and as :func:`invoice_basis`.

    Examples:
        >>> from ledarutveckling.examples import stockholm_attendance, stockholm_invoice_basis
        >>> from ledarutveckling.examples import stockholm_ledger
        >>> rows = ledger_statement(stockholm_ledger(), stockholm_attendance(),
        ...                         [stockholm_invoice_basis()])
        >>> for row in rows[4:6]:
        ...     print(row.reference, row.called_off.amount, row.delivered.amount,
        ...           row.invoiced.amount)
        TK 2026/1201 2404350.00 0 0
        SLK 2026/0777 109753.20 108205.20 42028.20
    """
    held = list(attendances)
    bases = list(invoiced)
    zero = Money.zero(ledger.agreement.currency)
    rows: list[CallOffStatement] = []
    for index, call_off in enumerate(ledger.call_offs):
        charges = collect_charges(
            call_off,
            ledger.agreement,
            held,
            terms_in_force(ledger.agreement, terms),
            None,
            DEFAULT_LOCALE,
        )
        delivered = sum(charges.delivered_value, zero)
        billed = sum(
            (b.net_total for b in bases if b.call_off.reference == call_off.reference), zero
        )
        rows.append(
            CallOffStatement(
                reference=call_off.reference,
                status=call_off.status,
                called_off=ledger.value(index),
                delivered=delivered,
                invoiced=billed,
            )
        )
    return tuple(rows)
