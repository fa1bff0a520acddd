"""``ledarutveckling invoice``: a month's Peppol invoice of a call-off (private)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Final, NoReturn

import attrs
import pendulum

from ledarutveckling import (
    AgreementLedger,
    Attendance,
    DateRange,
    Invoice,
    Money,
    ProblemCode,
    invoice_basis,
    to_peppol,
)
from ledarutveckling._cli.console import PROG, InvalidError, UserError, _problems, _say, _today
from ledarutveckling._cli.files import _ledger_of, _load, _write
from ledarutveckling._cli.texts import _error, _said
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.formatting import (
    CalendarMonth,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_problem,
)
from ledarutveckling.serialization import DeliveryRecord

_MONTH: Final = re.compile(r"(?a)(\d{4})-(\d{2})")  # ASCII digits, as the help writes them


def _month(text: str) -> DateRange:
    """The days of a month written ``YYYY-MM``.

    Raises:
        ValidationError: If *text* is not such a month (path ``--period``).
    """
    found = _MONTH.fullmatch(text)
    if found is None or not 1 <= int(found[2]) <= 12 or not 1900 <= int(found[1]) <= 2999:
        raise ValidationError.single(
            "--period",
            text,
            "must be a month written YYYY-MM, e.g. 2027-03",
            ProblemCode.BAD_VALUE,
            given=text,
        )
    start = pendulum.date(int(found[1]), int(found[2]), 1)
    return DateRange(start=start, end=start.end_of("month"))


MAX_DUE_DAYS: Final = 365
"""The most days to pay ``--due-days`` takes."""


def _due_days(text: str) -> int:
    """The days to pay, ``--due-days``: a whole number from 0 to :data:`MAX_DUE_DAYS`."""
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_DUE_DAYS:
        raise argparse.ArgumentTypeError(
            f"must be a whole number from 0 to {MAX_DUE_DAYS}: {text!r}"
        )
    return days


_UNSAFE: Final = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
"""What cannot be in a file name on some system: a folder separator, a drive colon, a control."""


def _file_name(number: str) -> str:
    r"""The default file name of the invoice *number*: unsafe characters replaced by ``-``.

    >>> _file_name("2027/0042")
    'faktura-2027-0042.xml'
    >>> _file_name('A\\B:C*D?E"F<G>H|I')
    'faktura-A-B-C-D-E-F-G-H-I.xml'
    """
    return f"faktura-{_UNSAFE.sub('-', number)}.xml"


def _delivery_of(
    path: Path, ledger: AgreementLedger, locale: str
) -> tuple[DeliveryRecord, tuple[Attendance, ...]]:
    """The delivery record of *path* and its attendances, resolved against *ledger*.

    Raises:
        UserError: If the file cannot be read or is not a delivery record.
        InvalidError: If it is invalid, or does not fit the ledger (the problems are printed).
    """
    try:
        record = _load(path)
    except ValidationError as error:
        _problems(path, error, sys.stderr, locale)
        raise InvalidError from None
    if not isinstance(record, DeliveryRecord):
        raise UserError("delivery-needed", path=path)
    attendances, problems = _against_ledger(record, ledger)
    if problems:
        _problems(path, ValidationError(problems), sys.stderr, locale)
        raise InvalidError from None
    return record, attendances


def _against_ledger(
    record: DeliveryRecord, ledger: AgreementLedger
) -> tuple[tuple[Attendance, ...], list[Problem]]:
    """*record*'s attendances resolved against *ledger*, and every problem in doing so.

    Every problem at once, at its path in the delivery document: the sessions against the
    ledger (its agreement, call-offs, programs, modules and lines), and the seller's details.
    ``invoice`` and ``validate --ledger`` both check a delivery document with it.
    """
    problems: list[Problem] = []
    attendances: tuple[Attendance, ...] = ()
    try:
        attendances = record.attendances(ledger)
    except ValidationError as error:
        problems.extend(error.problems)
    if record.agreement == ledger.agreement.reference:
        try:
            record.seller_in(ledger)
        except ValidationError as error:
            problems.extend(error.problems)
    return attendances, problems


def _as_sessions(error: ValidationError) -> ValidationError:
    """*error* seen from the delivery document: ``attendances[i].session.x`` is ``sessions[i].x``.

    The attendances are the document's sessions, one each, in its order; an attendance's
    ``session.line`` is the held session's ``line``.
    """
    problems = []
    for problem in error.problems:
        path = problem.path.replace("attendances[", "sessions[", 1).replace(".session.", ".", 1)
        problems.append(attrs.evolve(problem, path=path))
    return ValidationError(problems)


_OPTIONS: Final = {
    "number": "--number",
    "buyer_reference": "--buyer-reference",
    "issued_on": "--issued",
    "due_on": "--due-days",
}
"""The options the invoice's own fields are given by: a problem there is said at the option."""


def _as_options(error: ValidationError) -> ValidationError:
    """*error* of the invoice seen from the command line, at the options the user typed.

    ``buyer_reference`` is ``--buyer-reference``, ``number`` is ``--number``.
    """
    problems = []
    for problem in error.problems:
        head, dot, rest = problem.path.partition(".")
        path = f"{_OPTIONS[head]}{dot}{rest}" if head in _OPTIONS else problem.path
        problems.append(attrs.evolve(problem, path=path))
    return ValidationError(problems)


def _refuse(key: str, locale: str, /, **fields: object) -> NoReturn:
    """Print the invalid option's error *key* as ``ledarutveckling invoice: ogiltigt: …``.

    Raises:
        InvalidError: Always (exit code 1; the error is printed).
    """
    message = _error(key, locale, **fields)
    _say(_error("invalid", locale, prog=f"{PROG} invoice", message=message), file=sys.stderr)
    raise InvalidError


def cmd_invoice(args: argparse.Namespace) -> int:
    """``invoice LEDGER --delivery FILE --call-off REF --period YYYY-MM``: a Peppol invoice."""
    path = Path(args.file)
    locale = args.locale
    try:
        ledger = _ledger_of(path, _load(path))
    except ValidationError as error:
        _problems(path, error, sys.stderr, locale)
        raise InvalidError from None
    try:
        period = _month(args.period)
    except ValidationError:
        _refuse("bad-period", locale, given=args.period)
    references = [c.reference for c in ledger.call_offs]
    call_off = next((c for c in ledger.call_offs if c.reference == args.call_off), None)
    if call_off is None and not references:
        raise ValidationError.single(
            "--call-off",
            args.call_off,
            "is not a call-off of the ledger (it has none)",
            ProblemCode.LEDGER_WITHOUT_CALL_OFFS,
            given=args.call_off,
        )
    if call_off is None:
        _refuse("unknown-call-off", locale, given=args.call_off, references=", ".join(references))
    delivery = Path(args.delivery)
    record, attendances = _delivery_of(delivery, ledger, locale)
    seller = record.seller_in(ledger)
    try:
        basis = invoice_basis(call_off, ledger.agreement, attendances, period)
    except ValidationError as error:
        # The attendances are the delivery document's sessions, one each, in its order.
        _problems(delivery, _as_sessions(error), sys.stderr, locale)
        raise InvalidError from None
    if not basis.lines:
        nothing_in = CalendarMonth(year=period.start.year, month=period.start.month)
        raise ValidationError.single(
            "--period",
            args.period,
            f"has nothing to invoice for {call_off.reference} in {nothing_in.label('en_GB')}: no "
            "held session of it falls in the month",
            ProblemCode.NOTHING_TO_INVOICE,
            call_off=call_off.reference,
            month=nothing_in,
        )
    issued = args.issued or _today()
    number = args.number if args.number is not None else f"{args.period}-1"
    try:
        invoice = Invoice(
            number=number,
            issued_on=issued,
            due_on=issued.add(days=args.due_days),
            buyer_reference=(
                args.buyer_reference if args.buyer_reference is not None else call_off.reference
            ),
            basis=basis,
            seller=seller,
            buyer=record.buyer_of(call_off),
        )
    except ValidationError as error:
        raise _as_options(error) from None
    data = to_peppol(invoice)
    target = Path(args.output or _file_name(number))
    _write(target, data, force=args.force, inputs=[path, delivery])
    month = CalendarMonth(year=period.start.year, month=period.start.month).label(locale)

    def money(amount: Money) -> str:
        return format_money(amount, precision="ore", locale=locale)

    head = _said(
        "invoice",
        locale,
        number=invoice.number,
        call_off=call_off.reference,
        unit=call_off.unit.name,
        month=month,
    )
    _say(head)
    for line in basis.lines:
        quantity = format_number(line.quantity, locale=locale)
        price = format_money(line.unit_price, precision="exact", locale=locale)
        _say(f"  {quantity} × {price} = {money(line.amount)}  {line.description}")
    _say(_said("invoice-net", locale, amount=money(invoice.line_total)))
    for subtotal in invoice.vat_breakdown():
        rate = format_percent(subtotal.rate, decimals=0, locale=locale)
        taxable, vat = money(subtotal.taxable), money(subtotal.vat)
        _say(_said("invoice-vat", locale, rate=rate, taxable=taxable, vat=vat))
    account = invoice.seller.account
    giro = account.number
    # As the giro numbers are printed: bankgiro 5050-1055, plusgiro 90200-7.
    bankgiro = account.scheme.value == "SE:BANKGIRO"
    giro = f"{giro[:-4]}-{giro[-4:]}" if bankgiro else f"{giro[:-1]}-{giro[-1]}"
    pay = _said(
        "invoice-pay",
        locale,
        total=money(invoice.total),
        due=format_date(invoice.due_on, style="long", locale=locale),
        scheme=account.scheme.label(locale),
        number=giro,
    )
    _say(pay)
    for note in _as_sessions(ValidationError(basis.notes)).problems if basis.notes else ():
        text = format_problem(note, locale=locale)
        _say(f"  {_said('invoice-note', locale, path=delivery, where=note.path, problem=text)}")
    _say(_said("invoice-wrote", locale, path=target))
    return 0
