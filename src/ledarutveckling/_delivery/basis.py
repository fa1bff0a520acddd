"""The invoice basis (fakturaunderlag) of a call-off for a period (private).

:func:`invoice_basis` turns the attendance of a call-off's held sessions into the lines that
may be invoiced for a period (typically a month): what was delivered at the agreed prices,
and late cancellations and no-shows by the delivery terms, with VAT per rate. Invoiced
quantities never exceed what the call-off ordered (nor, after a termination, what it
recorded as delivered); :func:`~ledarutveckling.delivery_statement` (in ``statement.py``)
shows ordered, delivered and invoiced side by side.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._base.money import EXACT, PRECISE, SWEDISH_VAT_RATE, Money
from ledarutveckling._delivery.attendance import Attendance, cancellation_problem
from ledarutveckling._delivery.sessions import NOT_PLACED, line_use
from ledarutveckling._delivery.terms import DeliveryTerms
from ledarutveckling._procurement.agreement import FrameworkAgreement, PriceUnit
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.checks import check_date, check_money
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.formatting import format_date, format_number, format_percent

__all__ = [
    "BasisLine",
    "ChargeKind",
    "InvoiceBasis",
    "VatSubtotal",
    "collect_charges",
    "invoice_basis",
    "terms_in_force",
]


_HUNDREDTH: Final = Decimal("0.01")


class ChargeKind(Labelled, enum.Enum):
    """Why a line of an invoice basis is charged.

    Examples:
        >>> ChargeKind.NO_SHOW.label()
        'uteblivande'
    """

    DELIVERED = "delivered"
    """Levererat: held sessions, participants who came, fixed and preparation lines."""
    LATE_CANCELLATION = "late_cancellation"
    """Sen avbokning: a participant who cancelled too late, at the terms' share."""
    NO_SHOW = "no_show"
    """Uteblivande: a registered participant who did not come, at the terms' share."""

    def _labels(self) -> Words[ChargeKind]:
        return _KIND_LABELS


_KIND_LABELS: Final[Words[ChargeKind]] = Words(
    {
        ChargeKind.DELIVERED: ("levererat", "delivered"),
        ChargeKind.LATE_CANCELLATION: ("sen avbokning", "late cancellation"),
        ChargeKind.NO_SHOW: ("uteblivande", "no-show"),
    },
    keys=ChargeKind,
)


_TEXTS: Final[Words[str]] = Words(
    {
        "session": ("{module} {title}, {cohort}, {day}", "{module} {title}, {cohort}, {day}"),
        "participants": (
            "{item}, {cohort}: {count} deltagare",
            "{item}, {cohort}: {count} participants",
        ),
        "late": (
            "{item}, {cohort}: sen avbokning, {share} av priset",
            "{item}, {cohort}: late cancellation, {share} of the price",
        ),
        "no_show": (
            "{item}, {cohort}: uteblivande, {share} av priset",
            "{item}, {cohort}: no-show, {share} of the price",
        ),
        "pro_rata": ("{item}, i takt med leveransen {day}", "{item}, pro rata to delivery {day}"),
    }
)


def _rate_ok(value: object) -> bool:
    return (
        isinstance(value, Decimal)
        and not isinstance(value, bool)
        and value.is_finite()
        and Decimal(0) <= value <= Decimal(1)
    )


@attrs.frozen(kw_only=True)
class BasisLine:
    """One line of an invoice basis: a quantity of one call-off line at one price.

    Attributes:
        line: The index of the call-off line it charges (``call_off.lines[line]``).
        price_code: The price-list code of that line.
        description: What is charged, in the invoice's language.
        kind: Delivered, late cancellation or no-show.
        on: The day of the delivery charged (the session's day).
        quantity: How many units, at least 0; whole for counted units.
        unit: What the price is per.
        unit_price: The price per unit excluding VAT: the call-off line's price, or the
            terms' share of it for late cancellations and no-shows (rounded to öre).
        vat_rate: The VAT rate, a fraction from 0 to 1 (``Decimal("0.25")``).

    Raises:
        ValidationError: Listing every field that breaks a rule.
    """

    line: int
    price_code: str
    description: str
    kind: ChargeKind
    on: pendulum.Date
    quantity: Decimal
    unit: PriceUnit
    unit_price: Money
    vat_rate: Decimal = SWEDISH_VAT_RATE

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.integer("line", self.line, minimum=0)
        checks.text("price_code", self.price_code)
        checks.text("description", self.description)
        checks.member("kind", self.kind, ChargeKind)
        check_date(checks, "on", self.on)
        quantity_ok = (
            isinstance(self.quantity, Decimal) and self.quantity.is_finite() and self.quantity >= 0
        )
        if not quantity_ok:
            checks.add(
                "quantity",
                self.quantity,
                "must be a Decimal of at least 0",
                ProblemCode.MUST_BE,
                expected=Expected.QUANTITY,
            )
        if checks.member("unit", self.unit, PriceUnit) and quantity_ok:
            counted = self.unit is not PriceUnit.HOUR
            if counted and self.quantity != self.quantity.to_integral_value():
                checks.add(
                    "quantity",
                    self.quantity,
                    f"must be a whole number: {self.unit.label('en_GB')} is counted",
                    ProblemCode.QUANTITY_NOT_WHOLE,
                    given=self.quantity,
                    price_code=self.price_code,
                    unit=self.unit,
                )
        check_money(checks, "unit_price", self.unit_price)
        if not _rate_ok(self.vat_rate):
            checks.add(
                "vat_rate",
                self.vat_rate,
                "must be a Decimal from 0 to 1, e.g. 0.25",
                ProblemCode.MUST_BE,
                expected=Expected.SHARE,
            )
        checks.done()

    @property
    def amount(self) -> Money:
        """Quantity × unit price, rounded half up to öre (the line's net amount)."""
        return (self.unit_price * self.quantity).round_to_ore()


@attrs.frozen(kw_only=True)
class VatSubtotal:
    """The VAT of one rate: the amount it is charged on and the VAT, rounded to öre.

    Attributes:
        rate: The rate, a fraction (``Decimal("0.25")``).
        taxable: The sum of the net amounts of the lines at this rate.
        vat: ``taxable × rate``, rounded half up to öre.
    """

    rate: Decimal
    taxable: Money
    vat: Money


@attrs.frozen(kw_only=True)
class InvoiceBasis:
    """What may be invoiced for one call-off and period (fakturaunderlag).

    Build it with :func:`invoice_basis`; every total is computed from the lines.

    Attributes:
        call_off: The call-off invoiced.
        period: The days whose deliveries are invoiced, typically a month.
        lines: The lines, in the order of delivery.
        currency: The currency of every line (the agreement's).
        notes: What was left out and why (a quantity past what was ordered, a session that
            names no line…), as problems with paths into the attendances.

    Raises:
        ValidationError: If a line is not a :class:`BasisLine` or is in another currency.

    Examples:
        >>> from ledarutveckling.examples import stockholm_invoice_basis
        >>> basis = stockholm_invoice_basis()
        >>> basis.net_total.amount, basis.vat_total.amount, basis.total.amount
        (Decimal('42028.20'), Decimal('10507.05'), Decimal('52535.25'))
    """

    call_off: CallOff
    period: DateRange
    lines: tuple[BasisLine, ...] = attrs.field(converter=as_tuple)
    currency: str = "SEK"
    notes: tuple[Problem, ...] = attrs.field(default=(), converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("call_off", self.call_off, CallOff, "a CallOff")
        checks.instance("period", self.period, DateRange, "a DateRange")
        for index, line in enumerate(checks.items("lines", self.lines, BasisLine, "BasisLine")):
            if line.unit_price.currency != self.currency:
                checks.add(
                    f"lines[{index}].unit_price",
                    line.unit_price,
                    f"must be in {self.currency}",
                    ProblemCode.CURRENCY_OTHER,
                    currency=self.currency,
                    given=line.unit_price.currency,
                )
        checks.items("notes", self.notes, Problem, "Problem objects")
        checks.done()

    @property
    def net_total(self) -> Money:
        """The sum of the lines' net amounts, excluding VAT."""
        return sum((line.amount for line in self.lines), Money.zero(self.currency))

    def vat_breakdown(self) -> tuple[VatSubtotal, ...]:
        """The VAT per rate, highest rate first; each rounded to öre once, on its sum.

        Examples:
            >>> from ledarutveckling.examples import stockholm_invoice_basis
            >>> [(s.rate, s.vat) for s in stockholm_invoice_basis().vat_breakdown()]
            [(Decimal('0.25'), Money(amount=Decimal('10507.05'), currency='SEK'))]
        """
        taxable: dict[Decimal, Money] = {}
        for line in self.lines:
            taxable[line.vat_rate] = taxable.get(line.vat_rate, Money.zero(self.currency)) + (
                line.amount
            )
        return tuple(
            VatSubtotal(rate=rate, taxable=amount, vat=amount.vat(rate))
            for rate, amount in sorted(taxable.items(), key=lambda item: -item[0])
        )

    @property
    def vat_total(self) -> Money:
        """The sum of the VAT of every rate."""
        return sum((s.vat for s in self.vat_breakdown()), Money.zero(self.currency))

    @property
    def total(self) -> Money:
        """The net total plus VAT: what the buyer pays."""
        return self.net_total + self.vat_total

    def select(self, *indices: int) -> InvoiceBasis:
        """The basis with only the lines at *indices* (for a credit note of some lines).

        Raises:
            ValidationError: If an index is not a line's (path ``indices[i]``).
        """
        checks = Checker()
        for position, index in enumerate(indices):
            if checks.integer(f"indices[{position}]", index, minimum=0) and index >= len(
                self.lines
            ):
                checks.add(
                    f"indices[{position}]",
                    index,
                    f"must be below {len(self.lines)} (lines)",
                    ProblemCode.POSITION_OUT_OF_RANGE,
                    given=index,
                    count=len(self.lines),
                )
        checks.done()
        return attrs.evolve(self, lines=tuple(self.lines[i] for i in indices))


# -- working out the charges -----------------------------------------------------------


@attrs.frozen
class _Charges:
    """Every charge of a call-off's attendance, over all time, capped; with notes.

    *delivered* and *delivered_value* are per call-off line what the attendance shows
    delivered (:attr:`ChargeKind.DELIVERED`), before the cap: also what went beyond the
    quantity that may be invoiced, so that a statement shows it beside what was ordered.
    """

    lines: tuple[BasisLine, ...]
    notes: tuple[Problem, ...]
    delivered: tuple[Decimal, ...]
    delivered_value: tuple[Money, ...]


def _check_attendances(
    attendances: object, reference: str, terms: DeliveryTerms | None
) -> list[tuple[int, Attendance]]:
    checks = Checker()
    if isinstance(attendances, Attendance) or not isinstance(attendances, Iterable):
        raise ValidationError.single(
            "attendances", attendances, "must be a list of Attendance", ProblemCode.NOT_A_LIST
        )
    mine: list[tuple[int, Attendance]] = []
    first: dict[tuple[object, ...], int] = {}
    for index, attendance in enumerate(attendances):
        if not isinstance(attendance, Attendance):
            checks.add(
                f"attendances[{index}]", attendance, "must be an Attendance", ProblemCode.WRONG_TYPE
            )
            continue
        if attendance.session.call_off != reference:
            continue
        if attendance.cancelled and not (
            terms is not None and terms.may_cancel(attendance.registered)
        ):
            cancellation_problem(
                checks, f"attendances[{index}].cancelled", terms, attendance.registered
            )
        session = attendance.session
        key = (session.program.code, session.module.code, session.cohort, session.start)
        earlier = first.setdefault(key, index)
        if earlier != index:
            checks.add(
                f"attendances[{index}]",
                f"{session.module.code}, {session.cohort}, {session.start}",
                f"repeats attendances[{earlier}]: an attendance per session",
                ProblemCode.SESSION_LISTED_TWICE,
                module=session.module.code,
                cohort=session.cohort,
                day=session.day,
                start=session.start.strftime("%H:%M"),
                first=f"attendances[{earlier}]",
            )
        mine.append((index, attendance))
    checks.done()
    return sorted(mine, key=lambda pair: (pair[1].session.start.timestamp(), pair[0]))


def _caps(call_off: CallOff) -> tuple[Decimal, ...]:
    """The most each line may be invoiced: its quantity, or what a termination recorded."""
    terminated = any(c.to_status is CallOffStatus.TERMINATED for c in call_off.history)
    if terminated:
        return tuple(
            min(line.quantity, done)
            for line, done in zip(call_off.lines, call_off.delivered, strict=True)
        )
    return tuple(line.quantity for line in call_off.lines)


def collect_charges(
    call_off: CallOff,
    agreement: FrameworkAgreement,
    attendances: Iterable[Attendance],
    terms: DeliveryTerms | None,
    vat_rates: Mapping[str, Decimal] | None,
    locale: str,
) -> _Charges:
    prices = call_off.unit_prices(agreement)
    price_list = agreement.price_list
    units = tuple(price_list.item(line.price_code).unit for line in call_off.lines)
    rates = _rates(call_off, vat_rates)
    mine = _check_attendances(attendances, call_off.reference, terms)
    remaining = list(_caps(call_off))
    notes: list[Problem] = []
    out: list[BasisLine] = []
    delivered = [Decimal(0)] * len(call_off.lines)
    delivered_value = [Money.zero(agreement.currency)] * len(call_off.lines)
    held = [(i, a) for i, a in mine if not a.cancelled]

    named: set[int] = set()
    for index, attendance in held:
        line = attendance.session.line
        if line is None:
            notes.append(
                Problem(
                    path=f"attendances[{index}].session.line",
                    value=None,
                    message="names no call-off line; its hours are not invoiced",
                    code=ProblemCode.SESSION_WITHOUT_LINE,
                )
            )
        elif line >= len(call_off.lines) or line_use(units[line], attendance.session) is None:
            notes.append(
                Problem(
                    path=f"attendances[{index}].session.line",
                    value=line,
                    message="is not a line a session can draw on; not invoiced",
                    code=ProblemCode.SESSION_LINE_NOT_INVOICED,
                    params={"line": line},
                )
            )
        else:
            named.add(line)
    pro_rata = [j for j, unit in enumerate(units) if unit is PriceUnit.HOUR and j not in named]
    named_ordered = sum((call_off.lines[j].quantity for j in named), Decimal(0))
    drawn = Decimal(0)
    started: set[tuple[str, str]] = set()
    fixed_done = False

    def charge(
        j: int,
        kind: ChargeKind,
        quantity: Decimal,
        price: Money,
        text: str,
        day: pendulum.Date,
        path: str,
    ) -> Decimal:
        take = min(quantity, remaining[j])
        if kind is ChargeKind.DELIVERED:
            delivered[j] = EXACT.add(delivered[j], quantity)
            delivered_value[j] = delivered_value[j] + (price * quantity).round_to_ore()
        if take < quantity:
            notes.append(
                Problem(
                    path=path,
                    value=str(quantity),
                    message=f"takes line {j} ({call_off.lines[j].price_code}) past what may be "
                    f"invoiced ({_caps(call_off)[j]}); {quantity - take} left out",
                    code=ProblemCode.INVOICE_CAP,
                    params={
                        "line": j,
                        "price_code": call_off.lines[j].price_code,
                        "cap": _caps(call_off)[j],
                        "left": quantity - take,
                    },
                )
            )
        remaining[j] = EXACT.subtract(remaining[j], take)
        if take > 0:
            out.append(
                BasisLine(
                    line=j,
                    price_code=call_off.lines[j].price_code,
                    description=text,
                    kind=kind,
                    on=day,
                    quantity=take,
                    unit=units[j],
                    unit_price=price,
                    vat_rate=rates[j],
                )
            )
        return take

    for index, attendance in held:
        session = attendance.session
        day = session.day
        path = f"attendances[{index}]"
        when = format_date(day, locale=locale)
        if not fixed_done:
            fixed_done = True
            for j, unit in enumerate(units):
                if unit is PriceUnit.FIXED:
                    item = price_list.item(call_off.lines[j].price_code)
                    charge(
                        j,
                        ChargeKind.DELIVERED,
                        call_off.lines[j].quantity,
                        prices[j],
                        item.description,
                        day,
                        path,
                    )
        line = session.line
        # a session that cannot draw on its line (self-paced on a line of a facilitator's
        # time) is noted above, even where other sessions draw on that line
        use = line_use(units[line], session) if line is not None and line in named else None
        if line is not None and use is not None:
            taken = charge(
                line,
                ChargeKind.DELIVERED,
                use,
                prices[line],
                _TEXTS.format(
                    "session",
                    locale,
                    module=session.module.code,
                    title=session.module.title,
                    cohort=session.cohort,
                    day=when,
                ),
                day,
                f"{path}.session.line",
            )
            before = _share_of(drawn, named_ordered)
            drawn = EXACT.add(drawn, taken)
            after = _share_of(drawn, named_ordered)
            for j in pro_rata:
                quantity = call_off.lines[j].quantity
                step = EXACT.subtract(_part(quantity, after), _part(quantity, before))
                item = price_list.item(call_off.lines[j].price_code)
                charge(
                    j,
                    ChargeKind.DELIVERED,
                    step,
                    prices[j],
                    _TEXTS.format(
                        "pro_rata",
                        locale,
                        item=call_off.lines[j].description or item.description,
                        day=when,
                    ),
                    day,
                    path,
                )
        cohort = (session.program.code, session.cohort)
        if cohort in started:
            continue
        started.add(cohort)
        for j, unit in enumerate(units):
            if unit is not PriceUnit.PARTICIPANT:
                continue
            what = price_list.item(call_off.lines[j].price_code).description
            names = {"item": what, "cohort": session.cohort}
            charge(
                j,
                ChargeKind.DELIVERED,
                Decimal(attendance.attended),
                prices[j],
                _TEXTS.format(
                    "participants",
                    locale,
                    count=format_number(attendance.attended, locale=locale),
                    **names,
                ),
                day,
                f"{path}.attended",
            )
            if terms is None:
                continue
            for kind, count, share, key in (
                (
                    ChargeKind.LATE_CANCELLATION,
                    attendance.late_cancellations,
                    terms.late_cancellation_share,
                    "late",
                ),
                (ChargeKind.NO_SHOW, attendance.no_shows, terms.no_show_share, "no_show"),
            ):
                if share is None or not count or not share:
                    continue
                # the share of the price as it is, not rounded per participant: the line's
                # amount (quantity × price) is what is rounded, once
                price = _as_priced(prices[j] * share)
                text = _TEXTS.format(key, locale, share=_percent(share, locale), **names)
                charge(j, kind, Decimal(count), price, text, day, f"{path}.{kind.value}s")
    return _Charges(
        lines=tuple(out),
        notes=tuple(notes),
        delivered=tuple(delivered),
        delivered_value=tuple(delivered_value),
    )


def _as_priced(price: Money) -> Money:
    """*price* exactly, written with öre and no trailing zeros beyond them.

    50 % of 464,40 kr is 232,20 kr (not 232,200), 33 % of it 153,252 kr: the value is never
    rounded, only its trailing zeros past the öre are left out.

    Examples:
        >>> _as_priced(Money.sek("232.200")).amount, _as_priced(Money.sek("153.2520")).amount
        (Decimal('232.20'), Decimal('153.252'))
    """
    amount = price.amount.normalize()
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite price: prices and shares are checked
    if exponent > -2:
        amount = amount.quantize(_HUNDREDTH)
    return Money(amount=amount, currency=price.currency)


def _percent(share: Decimal, locale: str) -> str:
    """*share* as a percentage with the decimals it was given (0.3333: "33,33 %")."""
    exponent = share.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # a finite share: the terms check it
    return format_percent(share, decimals=max(0, -exponent - 2), locale=locale)


def _share_of(done: Decimal, total: Decimal) -> Decimal:
    """*done* of *total* (above 0: the quantity of lines sessions name), at most 1."""
    return min(Decimal(1), PRECISE.divide(done, total))


def _part(quantity: Decimal, share: Decimal) -> Decimal:
    """*share* of *quantity*, to the hundredth (all of it when the share is 1)."""
    if share == 1:
        return quantity
    return PRECISE.multiply(quantity, share).quantize(_HUNDREDTH, ROUND_HALF_UP)


def terms_in_force(
    agreement: FrameworkAgreement, terms: DeliveryTerms | None
) -> DeliveryTerms | None:
    """The terms given, else the agreement's own: an explicit argument wins."""
    if terms is None and isinstance(agreement, FrameworkAgreement):
        return agreement.delivery_terms
    return terms


def _rates(call_off: CallOff, vat_rates: Mapping[str, Decimal] | None) -> tuple[Decimal, ...]:
    if vat_rates is None:
        return tuple(SWEDISH_VAT_RATE for _ in call_off.lines)
    checks = Checker()
    if not isinstance(vat_rates, Mapping):
        raise ValidationError.single(
            "vat_rates", vat_rates, "must map price codes to rates", ProblemCode.WRONG_TYPE
        )
    for code, rate in vat_rates.items():
        if not _rate_ok(rate):
            checks.add(
                f"vat_rates[{code!r}]",
                rate,
                "must be a Decimal from 0 to 1, e.g. 0.25",
                ProblemCode.MUST_BE,
                expected=Expected.SHARE,
            )
    checks.done()
    return tuple(vat_rates.get(line.price_code, SWEDISH_VAT_RATE) for line in call_off.lines)


def invoice_basis(
    call_off: CallOff,
    agreement: FrameworkAgreement,
    attendances: Iterable[Attendance],
    period: DateRange,
    *,
    terms: DeliveryTerms | None = None,
    vat_rates: Mapping[str, Decimal] | None = None,
    locale: str = DEFAULT_LOCALE,
) -> InvoiceBasis:
    """Work out what may be invoiced for *call_off* for the deliveries in *period*.

    The attendances of the call-off's sessions (those whose session names the call-off; the
    rest are skipped) are taken in the order the sessions were held, over all time, so that
    what earlier periods used counts against what the call-off ordered; then the charges of
    the sessions held in *period* make the basis. The rules:

    * **Prices**: each line's own price, or the agreement's list price indexed as of the
      call-off's order date (:meth:`~ledarutveckling.CallOff.unit_prices`) — the prices the
      call-off's value was worked out at, so that the invoices add up to it.
    * **Held sessions**: a session that names a line draws on it as
      :func:`~ledarutveckling.check_call_off_sessions` counts it (an hourly line its
      facilitator hours, a line per session, half day or day one). A session the supplier
      cancelled is not charged.
    * **Hourly lines no session names** (preparation): invoiced in step with the delivery of
      the lines the sessions name, to the hundredth of an hour, all of it when they are all
      delivered.
    * **Per-participant lines**: at each cohort's first held session, the participants who
      came; by the delivery terms (*terms*, else the agreement's), late cancellations and
      no-shows at the terms' share of the price.
    * **Fixed lines**: in full, at the call-off's first held session.
    * **Never more than ordered**: a line is invoiced at most its quantity (after a
      termination, at most what it recorded as delivered); what is left out is in
      :attr:`InvoiceBasis.notes`.
    * **VAT**: 25 % unless *vat_rates* maps a price code to another rate (the decision and
      its reasons are in docs/invoicing.md).

    Args:
        call_off: The call-off.
        agreement: The agreement it is placed under.
        attendances: The attendances of its held sessions (others are skipped).
        period: The days to invoice, e.g. ``DateRange.from_iso("2027-03-01", "2027-03-31")``.
        terms: The delivery terms to apply; ``None`` (the default) applies the agreement's
            own (:attr:`~ledarutveckling.FrameworkAgreement.delivery_terms`), and with
            neither, late cancellations and no-shows are not charged. Terms given here win
            over the agreement's; ``DeliveryTerms()`` applies none.
        vat_rates: VAT rates by price code, for lines not at 25 %.
        locale: The language of the lines' descriptions.

    Returns:
        The invoice basis.

    Raises:
        ValidationError: If the call-off is a draft or cancelled (``call_off.status``: nothing
            is invoiced under a call-off that is not placed), cannot be priced
            (``lines[j].price_code``…), an
            attendance is not one (``attendances[i]``) or is of the same session as an earlier
            one (``attendances[i]``), a session was cancelled by the supplier that the terms do
            not allow to be (``attendances[i].cancelled``; without a minimum in the terms the
            supplier has no right to cancel), or a VAT rate is not a fraction
            (``vat_rates[...]``).

    Examples:
        >>> from ledarutveckling import DateRange
        >>> from ledarutveckling.examples import stockholm_agreement, stockholm_attendance
        >>> from ledarutveckling.examples import stockholm_delivery_terms, stockholm_ledger
        >>> trainee = stockholm_ledger().call_offs[5]
        >>> basis = invoice_basis(trainee, stockholm_agreement(), stockholm_attendance(),
        ...                       DateRange.from_iso("2027-03-01", "2027-03-31"),
        ...                       terms=stockholm_delivery_terms())
        >>> for line in basis.lines:
        ...     print(line.price_code, line.quantity, line.unit_price.amount, line.description)
        KONS-TIM 12 1496.40 TR-4 Att leda förändring och utveckling, Trainee 2026, 9 mars 2027
        KONS-TIM 6.00 1496.40 Förberedelse: 0,5 × 42 tim ledd tid, i takt med leveransen 9 mars 2027
        >>> basis.total.amount
        Decimal('33669.00')
    """
    if not isinstance(call_off, CallOff):
        raise ValidationError.single(
            "call_off", call_off, "must be a CallOff", ProblemCode.WRONG_TYPE
        )
    if not isinstance(period, DateRange):
        raise ValidationError.single(
            "period", period, "must be a DateRange", ProblemCode.MUST_BE, expected=Expected.PERIOD
        )
    if call_off.status in NOT_PLACED:
        raise ValidationError.single(
            "call_off.status",
            call_off.status,
            f"is {call_off.status.value}: nothing is invoiced under a call-off not placed",
            ProblemCode.CALL_OFF_NOT_PLACED,
            reference=call_off.reference,
            status=call_off.status,
        )
    if terms is not None and not isinstance(terms, DeliveryTerms):
        raise ValidationError.single(
            "terms", terms, "must be DeliveryTerms or None", ProblemCode.WRONG_TYPE
        )
    terms = terms_in_force(agreement, terms)
    charges = collect_charges(call_off, agreement, attendances, terms, vat_rates, locale)
    lines = tuple(line for line in charges.lines if line.on in period)
    return InvoiceBasis(
        call_off=call_off,
        period=period,
        lines=lines,
        currency=agreement.currency,
        notes=charges.notes,
    )
