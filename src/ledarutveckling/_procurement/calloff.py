"""Call-offs (avrop) under a framework agreement, their status, and quoting a program."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date, as_tuple
from ledarutveckling._base.dates import DateRange, to_date
from ledarutveckling._base.i18n import Labelled, Words
from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._base.money import EXACT, PRECISE, Money
from ledarutveckling._procurement.agreement import CallOffMethod, FrameworkAgreement, PriceUnit
from ledarutveckling._procurement.checks import check_date, check_money
from ledarutveckling._procurement.offerings import Program, ServiceArea
from ledarutveckling._procurement.parties import OrderingUnit
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_number

__all__ = ["CallOff", "CallOffLine", "CallOffStatus", "Quote", "StatusChange", "quote"]


class CallOffStatus(Labelled, enum.Enum):
    """Where a call-off is in its life (status).

    Draft → ordered → in delivery → delivered → invoiced; a draft or an ordered call-off can
    be cancelled; a call-off in delivery can be terminated (hävd, avslutad i förtid), with what
    was delivered so far, and is then invoiced for that part. :meth:`CallOff.transition`
    enforces this.

    Examples:
        >>> CallOffStatus.IN_DELIVERY.label()
        'under leverans'
        >>> [s.value for s in CallOffStatus.ORDERED.next_statuses()]
        ['in_delivery', 'cancelled']
        >>> [s.value for s in CallOffStatus.IN_DELIVERY.next_statuses()]
        ['delivered', 'terminated']
    """

    DRAFT = "draft"
    """Utkast: being prepared, not yet placed."""
    ORDERED = "ordered"
    """Beställd: placed with the supplier."""
    IN_DELIVERY = "in_delivery"
    """Under leverans: the first session has been held."""
    DELIVERED = "delivered"
    """Levererad: every session has been held."""
    INVOICED = "invoiced"
    """Fakturerad: the supplier has invoiced it (e-faktura, Peppol)."""
    CANCELLED = "cancelled"
    """Avbruten: withdrawn before delivery started."""
    TERMINATED = "terminated"
    """Hävd (avslutad i förtid): ended during delivery; what was delivered is settled."""

    def _labels(self) -> Words[CallOffStatus]:
        return _STATUS_LABELS

    def next_statuses(self) -> tuple[CallOffStatus, ...]:
        """The statuses this one may change to."""
        return _NEXT[self]

    def can_become(self, other: CallOffStatus) -> bool:
        """Whether this status may change to *other*."""
        return other in _NEXT[self]


_STATUS_LABELS: Final[Words[CallOffStatus]] = Words(
    {
        CallOffStatus.DRAFT: ("utkast", "draft"),
        CallOffStatus.ORDERED: ("beställd", "ordered"),
        CallOffStatus.IN_DELIVERY: ("under leverans", "in delivery"),
        CallOffStatus.DELIVERED: ("levererad", "delivered"),
        CallOffStatus.INVOICED: ("fakturerad", "invoiced"),
        CallOffStatus.CANCELLED: ("avbruten", "cancelled"),
        CallOffStatus.TERMINATED: ("hävd", "terminated"),
    },
    keys=CallOffStatus,
)


_NEXT: Final[dict[CallOffStatus, tuple[CallOffStatus, ...]]] = {
    CallOffStatus.DRAFT: (CallOffStatus.ORDERED, CallOffStatus.CANCELLED),
    CallOffStatus.ORDERED: (CallOffStatus.IN_DELIVERY, CallOffStatus.CANCELLED),
    CallOffStatus.IN_DELIVERY: (CallOffStatus.DELIVERED, CallOffStatus.TERMINATED),
    CallOffStatus.DELIVERED: (CallOffStatus.INVOICED,),
    CallOffStatus.INVOICED: (),
    CallOffStatus.CANCELLED: (),
    CallOffStatus.TERMINATED: (CallOffStatus.INVOICED,),
}


_DELIVERY_STARTED: Final = frozenset(
    {CallOffStatus.IN_DELIVERY, CallOffStatus.DELIVERED, CallOffStatus.TERMINATED}
)
"""Statuses whose change must not come before the delivery period starts."""


def _as_quantities(value: object) -> object:
    """Attrs converter: a list becomes a tuple and each int a Decimal (lossless)."""
    if isinstance(value, list | tuple):
        return tuple(_as_decimal(item) for item in value)
    return value


def _is_quantity(value: object, *, zero_ok: bool = False) -> bool:
    """A finite Decimal above zero (or at least zero with *zero_ok*)."""
    return (
        isinstance(value, Decimal) and value.is_finite() and (value >= 0 if zero_ok else value > 0)
    )


def _forbidden(old: CallOffStatus, new: CallOffStatus) -> str:
    allowed = ", ".join(repr(s.value) for s in old.next_statuses()) or "nothing (it is final)"
    return f"cannot follow {old.value!r}; from {old.value!r} a call-off can go to {allowed}"


@attrs.frozen(kw_only=True)
class StatusChange:
    """One change in a call-off's status, as kept in :attr:`CallOff.history`.

    Attributes:
        from_status: The status before.
        to_status: The status after; must be allowed to follow *from_status*.
        on: The day of the change.
        delivered: With a termination (``to_status`` terminated), the quantity delivered of
            each of the call-off's lines, in their order (ints become Decimals); empty for
            every other change. The call-off checks the count and that none exceeds its line.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> StatusChange(from_status=CallOffStatus.DRAFT, to_status=CallOffStatus.ORDERED,
        ...              on=pendulum.date(2026, 2, 2)).to_status.label()
        'beställd'
    """

    from_status: CallOffStatus
    to_status: CallOffStatus
    on: pendulum.Date = attrs.field(converter=as_date)
    # Added in version 1 of the documents: left out of them while empty, so that a status
    # change written before terminations existed reads and writes the same (OMIT_IF_DEFAULT).
    delivered: tuple[Decimal, ...] = attrs.field(
        default=(), converter=_as_quantities, metadata={"ledarutveckling.omit_if_default": True}
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        old = checks.member("from_status", self.from_status, CallOffStatus)
        new = checks.member("to_status", self.to_status, CallOffStatus)
        if old and new and not self.from_status.can_become(self.to_status):
            checks.add(
                "to_status",
                self.to_status.value,
                _forbidden(self.from_status, self.to_status),
                Code.STATUS_FORBIDDEN,
                old=self.from_status,
                new=self.to_status,
            )
        check_date(checks, "on", self.on)
        if not isinstance(self.delivered, tuple):
            checks.add("delivered", self.delivered, "must be a list of quantities", Code.NOT_A_LIST)
        else:
            for index, quantity in enumerate(self.delivered):
                if not _is_quantity(quantity, zero_ok=True):
                    checks.add(
                        f"delivered[{index}]",
                        quantity,
                        "must be a Decimal or int of at least 0",
                        Code.MUST_BE,
                        expected=Expected.QUANTITY,
                    )
            terminated = new and self.to_status is CallOffStatus.TERMINATED
            if terminated and not self.delivered:
                checks.add(
                    "delivered",
                    self.delivered,
                    "must state the quantity delivered of each line when a call-off is "
                    "terminated (hävd), so that the delivered part can be settled",
                    Code.DELIVERED_MISSING,
                )
            elif new and not terminated and self.delivered:
                checks.add(
                    "delivered",
                    self.delivered,
                    "must be empty unless terminated",
                    Code.DELIVERED_NOT_TERMINATED,
                )
        checks.done()


def _as_decimal(value: Decimal | int) -> Decimal:
    """Convert an int to a Decimal (converter, lossless); leave the rest to the checks."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value  # type: ignore[return-value]  # a bool or a wrong type, refused by the checks


@attrs.frozen(kw_only=True)
class CallOffLine:
    """One line of a call-off: a quantity of one price-list item.

    Attributes:
        price_code: The code of the item in the agreement's price list.
        quantity: How many units (hours, days, participants…), greater than zero; an int is
            converted to Decimal.
        unit_price: The price per unit, excluding VAT; ``None`` takes the agreement's
            indexed list price on the call-off's order date. A call-off after renewed
            competition may state its own, lower price.
        description: What the line is for, in Swedish; may be empty.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> line = CallOffLine(price_code="KONS-TIM", quantity=Decimal("10.5"),
        ...                    unit_price=Money.sek("1450"))
        >>> line.amount()
        Money(amount=Decimal('15225.00'), currency='SEK')
    """

    price_code: str
    quantity: Decimal = attrs.field(converter=_as_decimal)
    unit_price: Money | None = None
    description: str = ""

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("price_code", self.price_code)
        if (
            not isinstance(self.quantity, Decimal)
            or not self.quantity.is_finite()
            or self.quantity <= 0
        ):
            checks.add(
                "quantity",
                self.quantity,
                "must be a Decimal or int greater than 0",
                Code.QUANTITY_NOT_POSITIVE,
            )
        if self.unit_price is not None:
            check_money(checks, "unit_price", self.unit_price)
        checks.text("description", self.description, empty_ok=True)
        checks.done()

    def amount(self, unit_price: Money | None = None) -> Money:
        """Quantity times the unit price, rounded half up to öre.

        Args:
            unit_price: The price to use when the line has none of its own.

        Raises:
            ValidationError: If the line has no price and none is given (path ``unit_price``).
        """
        price = self.unit_price if self.unit_price is not None else unit_price
        if price is None:
            raise ValidationError.single(
                "unit_price",
                None,
                "is not set; pass the list price to price the line",
                Code.UNIT_PRICE_MISSING,
            )
        return (price * self.quantity).round_to_ore()


def price_lines(
    lines: tuple[CallOffLine, ...],
    agreement: FrameworkAgreement,
    on: pendulum.Date,
    list_price: Callable[[str, pendulum.Date], Money] | None = None,
) -> tuple[Money, ...]:
    """The unit price of each line: its own, or the agreement's indexed list price on *on*.

    Raises:
        ValidationError: With every line that cannot be priced: a code not in the price list
            (``lines[j].price_code``), an own price in another currency
            (``lines[j].unit_price``), an index month missing
            (``agreement.indexation.values``, reported once).

    Args:
        lines: The lines to price.
        agreement: The agreement whose list prices apply.
        on: The order day.
        list_price: Looks up a list price, ``agreement.price_on`` by default (the ledger
            passes a memoised one).
    """
    checks = Checker()
    prices: list[Money] = []
    for index, line in enumerate(lines):
        if line.unit_price is not None:
            if line.unit_price.currency != agreement.currency:
                checks.add(
                    f"lines[{index}].unit_price",
                    line.unit_price,
                    f"must be in {agreement.currency} like the price list",
                    Code.CURRENCY_MISMATCH,
                    currency=agreement.currency,
                )
            prices.append(line.unit_price)
            continue
        if line.price_code not in agreement.price_list:
            checks.add(
                f"lines[{index}].price_code",
                line.price_code,
                f"is not in the agreement's price list (codes: "
                f"{', '.join(agreement.price_list.codes)})",
                Code.PRICE_CODE_UNKNOWN,
                price_code=line.price_code,
            )
            continue
        try:
            prices.append((list_price or agreement.price_on)(line.price_code, on))
        except ValidationError as error:
            if not any(p.path.startswith("agreement.") for p in checks.problems):
                checks.extend(error, "agreement")
    checks.done()
    return tuple(prices)


@attrs.frozen(kw_only=True)
class CallOff:
    """An order placed under a framework agreement by one unit of the buyer (avrop).

    The call-off checks itself when built; the rules that need the agreement (term, price
    list, ceiling, method) are checked by :class:`~ledarutveckling.AgreementLedger`.

    Attributes:
        reference: The call-off's own case number (diarienummer).
        agreement_reference: The reference of the agreement it is placed under.
        unit: The ordering unit (beställare).
        ordered_on: The day it is (or is to be) placed; the agreement must be in force then.
        delivery: The days the delivery runs; may end after the agreement does, must not
            start before *ordered_on*.
        lines: What is bought, at least one line.
        programs: The programs delivered, if any; all in one service area (a call-off falls
            under one of the agreement's service areas).
        method: Ranking or renewed competition (the combined method is the agreement's
            rule for choosing between the two, not a method of its own).
        status: Where the call-off is in its life; draft by default.
        history: Every status change so far, oldest first; it must lead from draft to
            *status*.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement, stockholm_ledger
        >>> call_off = stockholm_ledger().call_offs[0]
        >>> call_off.unit.name, call_off.status.label()
        ('Socialförvaltningen', 'fakturerad')
        >>> call_off.total(stockholm_agreement())
        Money(amount=Decimal('209700.00'), currency='SEK')
    """

    reference: str
    agreement_reference: str
    unit: OrderingUnit
    ordered_on: pendulum.Date = attrs.field(converter=as_date)
    delivery: DateRange
    lines: tuple[CallOffLine, ...] = attrs.field(converter=as_tuple)
    programs: tuple[Program, ...] = attrs.field(default=(), converter=as_tuple)
    method: CallOffMethod
    status: CallOffStatus = CallOffStatus.DRAFT
    history: tuple[StatusChange, ...] = attrs.field(default=(), converter=as_tuple)

    def _repr_html_(self) -> str:
        """An HTML table of the call-off, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import call_off_html

        return call_off_html(self)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("reference", self.reference)
        checks.text("agreement_reference", self.agreement_reference)
        checks.instance("unit", self.unit, OrderingUnit, "an OrderingUnit")
        day_ok = check_date(checks, "ordered_on", self.ordered_on)
        if (
            checks.instance("delivery", self.delivery, DateRange, "a DateRange")
            and day_ok
            and self.delivery.start < self.ordered_on
        ):
            checks.add(
                "delivery",
                str(self.delivery),
                f"must not start before the call-off is placed ({self.ordered_on.isoformat()})",
                Code.DELIVERY_BEFORE_ORDER,
                start=self.delivery.start,
                day=self.ordered_on,
            )
        checks.items("lines", self.lines, CallOffLine, "CallOffLine objects")
        if isinstance(self.lines, tuple) and not self.lines:
            checks.add("lines", self.lines, "must hold at least one line", Code.NO_LINES)
        programs = checks.items("programs", self.programs, Program, "Program objects")
        for index, program in enumerate(programs[1:], start=1):
            if program.service_area is not programs[0].service_area:
                checks.add(
                    f"programs[{index}].service_area",
                    program.service_area.value,
                    f"must be {programs[0].service_area.value!r} like programs[0]; a call-off "
                    "falls under one service area, so split it into one per area",
                    Code.MIXED_SERVICE_AREAS,
                    first=programs[0].service_area,
                    area=program.service_area,
                )
        if checks.member("method", self.method, CallOffMethod) and (
            self.method is CallOffMethod.COMBINED
        ):
            checks.add(
                "method",
                self.method.value,
                "must be 'ranking' or 'renewed_competition': the combined method decides "
                "between them by value",
                Code.METHOD_COMBINED,
            )
        if checks.member("status", self.status, CallOffStatus):
            self._check_history(checks)
        checks.done()

    def _check_history(self, checks: Checker) -> None:
        changes = checks.items("history", self.history, StatusChange, "StatusChange objects")
        if len(changes) != len(self.history):
            return
        current = CallOffStatus.DRAFT
        last: pendulum.Date | None = None
        for index, change in enumerate(changes):
            if change.from_status is not current:
                checks.add(
                    f"history[{index}].from_status",
                    change.from_status.value,
                    f"must be {current.value!r}, the status the previous change left",
                    Code.HISTORY_BROKEN,
                    given=change.from_status,
                    current=current,
                )
            if last is not None and change.on < last:
                checks.add(
                    f"history[{index}].on",
                    change.on,
                    f"must not be before the previous change ({last.isoformat()})",
                    Code.HISTORY_BEFORE_PREVIOUS,
                    day=change.on,
                    previous=last,
                )
            self._check_change(checks, index, change)
            current, last = change.to_status, change.on
        if self.status is not current:
            checks.add(
                "status",
                self.status.value,
                f"must be {current.value!r}, where the history leaves the call-off; "
                "change the status with transition()",
                Code.STATUS_NOT_HISTORY,
                given=self.status,
                current=current,
            )

    def _check_change(self, checks: Checker, index: int, change: StatusChange) -> None:
        """A change's day against the order day and the delivery period; what was delivered."""
        at = f"history[{index}]"
        if not isinstance(self.delivery, DateRange) or not isinstance(
            self.ordered_on, pendulum.Date
        ):
            return
        draft_dropped = change.from_status is CallOffStatus.DRAFT and (
            change.to_status is CallOffStatus.CANCELLED
        )  # a draft may be dropped before the day it was to be placed
        if change.on < self.ordered_on and not draft_dropped:
            checks.add(
                f"{at}.on",
                change.on,
                f"must not be before the call-off is placed ({self.ordered_on.isoformat()})",
                Code.CHANGE_BEFORE_ORDER,
                day=change.on,
                ordered=self.ordered_on,
            )
        elif change.to_status in _DELIVERY_STARTED and change.on < self.delivery.start:
            checks.add(
                f"{at}.on",
                change.on,
                f"must not be before the delivery period starts ({self.delivery}): "
                f"a call-off cannot be {change.to_status.label('en_GB')} before delivery",
                Code.CHANGE_BEFORE_DELIVERY,
                status=change.to_status,
                day=change.on,
                period=self.delivery,
            )
        elif change.to_status is CallOffStatus.IN_DELIVERY and change.on > self.delivery.end:
            checks.add(
                f"{at}.on",
                change.on,
                f"must fall in the delivery period ({self.delivery})",
                Code.OUTSIDE_PERIOD,
                day=change.on,
                period=self.delivery,
            )
        if change.delivered and isinstance(self.lines, tuple):
            if len(change.delivered) != len(self.lines):
                checks.add(
                    f"{at}.delivered",
                    change.delivered,
                    f"must hold one quantity per line ({len(self.lines)})",
                    Code.WRONG_LENGTH,
                    expected=len(self.lines),
                    count=len(change.delivered),
                )
                return
            for number, (done, line) in enumerate(zip(change.delivered, self.lines, strict=True)):
                if (
                    isinstance(line, CallOffLine)
                    and _is_quantity(line.quantity)
                    and done > line.quantity
                ):
                    checks.add(
                        f"{at}.delivered[{number}]",
                        done,
                        f"must not exceed the quantity ordered on lines[{number}] "
                        f"({line.quantity})",
                        Code.DELIVERED_EXCEEDS,
                        given=done,
                        ordered=line.quantity,
                        line=number,
                    )

    @property
    def delivered(self) -> tuple[Decimal, ...]:
        """The quantity delivered of each line: all of it, or what a termination recorded.

        A call-off that is neither delivered, terminated nor invoiced has delivered nothing
        that its status records (its held sessions say more: see the invoice basis).

        Examples:
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> stockholm_ledger().call_offs[0].delivered[:2]
            (Decimal('24'), Decimal('6'))
        """
        for change in reversed(self.history):
            if change.to_status is CallOffStatus.TERMINATED:
                return change.delivered
        done = self.status in (CallOffStatus.DELIVERED, CallOffStatus.INVOICED)
        return tuple(line.quantity if done else Decimal(0) for line in self.lines)

    @property
    def service_area(self) -> ServiceArea | None:
        """The service area of the call-off's programs, or ``None`` without programs."""
        return self.programs[0].service_area if self.programs else None

    @property
    def is_cancelled(self) -> bool:
        """Whether the call-off has been cancelled (it then counts for nothing)."""
        return self.status is CallOffStatus.CANCELLED

    def transition(
        self, to: CallOffStatus, on: dt.date, *, delivered: tuple[Decimal | int, ...] = ()
    ) -> CallOff:
        """Return the call-off in status *to*, with the change appended to its history.

        A termination (hävning) needs *delivered*: the quantity delivered of each line.

        Raises:
            ValidationError: If *to* may not follow the current status (path ``status``), or
                *on* is before the last change (path ``on``).

        Examples:
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> draft = stockholm_ledger().call_offs[-1]
            >>> ordered = draft.transition(CallOffStatus.ORDERED, pendulum.date(2027, 2, 1))
            >>> ordered.status.value, len(ordered.history)
            ('ordered', 1)
            >>> ordered.transition(CallOffStatus.INVOICED, pendulum.date(2027, 2, 2))
            Traceback (most recent call last):
            ...
            ledarutveckling.errors.ValidationError: status: cannot go to 'invoiced'; ...
        """
        day = to_date(on, "on")
        checks = Checker()
        if checks.member("to", to, CallOffStatus) and not self.status.can_become(to):
            allowed = ", ".join(repr(s.value) for s in self.status.next_statuses())
            checks.add(
                "status",
                self.status.value,
                f"cannot go to {to.value!r}; from {self.status.value!r} a call-off can go to "
                f"{allowed or 'nothing (it is final)'}",
                Code.STATUS_FORBIDDEN,
                old=self.status,
                new=to,
            )
        if self.history and day < self.history[-1].on:
            checks.add(
                "on",
                day,
                f"must not be before the last change ({self.history[-1].on.isoformat()})",
                Code.HISTORY_BEFORE_PREVIOUS,
                day=day,
                previous=self.history[-1].on,
            )
        checks.done()
        change = StatusChange(
            from_status=self.status,
            to_status=to,
            on=day,
            delivered=delivered,
        )
        return attrs.evolve(self, status=to, history=(*self.history, change))

    def unit_prices(self, agreement: FrameworkAgreement) -> tuple[Money, ...]:
        """Each line's unit price: its own, or the indexed list price on :attr:`ordered_on`.

        Raises:
            ValidationError: If the call-off is not under *agreement* (path
                ``agreement_reference``) or a line cannot be priced (``lines[j].price_code``).
        """
        if self.agreement_reference != agreement.reference:
            raise ValidationError.single(
                "agreement_reference",
                self.agreement_reference,
                f"must be the agreement's reference ({agreement.reference!r})",
                Code.WRONG_AGREEMENT_REFERENCE,
                given=self.agreement_reference,
                agreement=agreement.reference,
            )
        return price_lines(self.lines, agreement, self.ordered_on)

    def line_amounts(self, agreement: FrameworkAgreement) -> tuple[Money, ...]:
        """Each line's amount (quantity × unit price, rounded half up to öre), excluding VAT.

        Raises:
            ValidationError: As :meth:`unit_prices`.
        """
        prices = self.unit_prices(agreement)
        return tuple(line.amount(price) for line, price in zip(self.lines, prices, strict=True))

    def total(self, agreement: FrameworkAgreement) -> Money:
        """The call-off's value excluding VAT: the sum of its line amounts.

        Raises:
            ValidationError: As :meth:`unit_prices`.
        """
        return sum(self.line_amounts(agreement), Money.zero(agreement.currency))


@attrs.frozen(kw_only=True)
class Quote:
    """What :func:`quote` works out: the lines of a call-off for a program, and their cost.

    Attributes:
        program: The program quoted.
        cohorts: How many cohorts (grupper) go through it.
        participants: Participants per cohort.
        on: The day whose indexed list prices are used.
        lines: The call-off lines, each with its unit price set.
        total: The sum of the lines, excluding VAT.
    """

    program: Program
    cohorts: int
    participants: int
    on: pendulum.Date
    lines: tuple[CallOffLine, ...]
    total: Money

    @property
    def per_participant(self) -> Money:
        """The total divided by every participant in every cohort, rounded half up to öre."""
        count = Decimal(self.cohorts * self.participants)
        amount = PRECISE.divide(self.total.amount, count)
        return Money(amount=amount, currency=self.total.currency).round_to_ore()


def _groups(count: int) -> str:
    return f"{count} {'grupp' if count == 1 else 'grupper'}"


def quote(
    agreement: FrameworkAgreement,
    program: Program,
    cohorts: int,
    participants: int,
    on: dt.date,
    *,
    preparation: Decimal | int = Decimal("0.5"),
    hour_code: str | None = None,
    participant_codes: tuple[str, ...] | None = None,
) -> Quote:
    """Draft the call-off lines for delivering *program* to *cohorts* cohorts, and price them.

    Pricing assumptions:

    * Every module not delivered as self-study (självstudier) is led live: it costs its
      duration × its facilitators × the number of cohorts, in hours at the hourly price
      (one line per module). Self-paced modules cost no facilitator time.
    * Preparation (förberedelse) is *preparation* × all those facilitator hours, at the
      same hourly price, in one line (none if *preparation* is 0). Half an hour per hour
      led by default; set it for the assignment at hand.
    * Every per-participant item (material, platform licences…) applies to every
      participant in every cohort; choose them with *participant_codes*.
    * Prices per half day, day, session and fixed prices are not used: quote those lines
      by hand. Travel, venue and VAT are not included.
    * Every line gets the agreement's indexed list price on *on* as its unit price, so the
      quote holds if the call-off is placed before the next index adjustment.

    Args:
        agreement: The framework agreement whose price list and indexation apply.
        program: The program to deliver.
        cohorts: How many cohorts, at least 1.
        participants: Participants per cohort, within the program's cohort size.
        on: The day whose prices apply, normally the planned order date.
        preparation: Preparation hours per facilitator hour, a Decimal or int, at least 0.
        hour_code: The hourly price to use; ``None`` takes the price list's only hourly item.
        participant_codes: The per-participant items to include; ``None`` takes them all.

    Returns:
        The quote: its lines (ready for a :class:`CallOff`) and total.

    Raises:
        ValidationError: Listing every argument that is wrong, e.g. a participant count
            outside the cohort size, or an hourly price that is missing or ambiguous; or
            naming the index month the series lacks (``indexation.values``).

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement, stockholm_catalogue
        >>> offer = quote(stockholm_agreement(), stockholm_catalogue().program("SVS"),
        ...               cohorts=3, participants=20, on=pendulum.date(2026, 9, 1))
        >>> for line in offer.lines:
        ...     print(line.price_code, line.quantity, line.description)
        KONS-TIM 18 SVS-2 Övning i svåra samtal: 3 tim × 2 utbildningsledare × 3 grupper
        KONS-TIM 9.0 Förberedelse: 0,5 × 18 tim ledd tid
        MATERIAL 60 Kursmaterial per deltagare: 3 grupper × 20 deltagare
        PLATTFORM 60 Licens digital lärplattform per deltagare: 3 grupper × 20 deltagare
        >>> offer.total, offer.per_participant
        (Money(amount=Decimal('86842.80'), currency='SEK'), Money(amount=Decimal('1447.38'), ...))
    """
    checks = Checker()
    agreement_ok = checks.instance(
        "agreement", agreement, FrameworkAgreement, "a FrameworkAgreement"
    )
    program_ok = checks.instance("program", program, Program, "a Program")
    checks.integer("cohorts", cohorts, minimum=1)
    if checks.integer("participants", participants, minimum=1) and program_ok:
        low, high = program.cohort_size
        if not low <= participants <= high:
            checks.add(
                "participants",
                participants,
                f"must be within the program's cohort size, {low} to {high}",
                Code.PARTICIPANTS_OUTSIDE_COHORT,
                given=participants,
                least=low,
                most=high,
            )
    try:
        day = to_date(on, "on")
    except ValidationError as error:
        checks.extend(error)
    prep = _as_decimal(preparation) if isinstance(preparation, int) else preparation
    if isinstance(prep, bool) or not isinstance(prep, Decimal) or not prep.is_finite() or prep < 0:
        checks.add(
            "preparation",
            preparation,
            "must be a Decimal or int of at least 0",
            Code.MUST_BE,
            expected=Expected.QUANTITY,
        )
    hourly: str | None = None
    wanted: tuple[str, ...] = ()
    if agreement_ok:
        hourly = _hour_code(checks, agreement, hour_code)
        wanted = _participant_codes(checks, agreement, participant_codes)
    checks.done()
    assert hourly is not None
    lines = _draft(program, cohorts, participants, prep, hourly, wanted, agreement)
    priced = tuple(
        attrs.evolve(line, unit_price=agreement.price_on(line.price_code, day)) for line in lines
    )
    total = sum((line.amount() for line in priced), Money.zero(agreement.currency))
    return Quote(
        program=program,
        cohorts=cohorts,
        participants=participants,
        on=day,
        lines=priced,
        total=total,
    )


def _hour_code(checks: Checker, agreement: FrameworkAgreement, code: str | None) -> str | None:
    prices = agreement.price_list
    if code is None:
        hourly = prices.by_unit(PriceUnit.HOUR)
        if len(hourly) == 1:
            return hourly[0].code
        found = ", ".join(i.code for i in hourly) or "none"
        checks.add(
            "hour_code",
            None,
            f"must name the hourly price to use; the price list has {len(hourly)} "
            f"hourly items ({found})",
            Code.HOUR_CODE_MISSING,
            count=len(hourly),
            codes=[i.code for i in hourly],
        )
        return None
    if code not in prices:
        checks.add(
            "hour_code",
            code,
            f"is not in the price list (codes: {', '.join(prices.codes)})",
            Code.PRICE_CODE_UNKNOWN,
            price_code=code,
        )
        return None
    if prices.item(code).unit is not PriceUnit.HOUR:
        checks.add(
            "hour_code",
            code,
            "must be an hourly price (unit 'hour')",
            Code.PRICE_NOT_HOURLY,
            price_code=code,
        )
        return None
    return code


def _participant_codes(
    checks: Checker, agreement: FrameworkAgreement, codes: tuple[str, ...] | None
) -> tuple[str, ...]:
    prices = agreement.price_list
    if codes is None:
        return tuple(i.code for i in prices.by_unit(PriceUnit.PARTICIPANT))
    if not isinstance(codes, tuple):
        checks.add("participant_codes", codes, "must be a tuple of price codes", Code.NOT_A_LIST)
        return ()
    for index, code in enumerate(codes):
        if code not in prices:
            checks.add(
                f"participant_codes[{index}]",
                code,
                f"is not in the price list (codes: {', '.join(prices.codes)})",
                Code.PRICE_CODE_UNKNOWN,
                price_code=code,
            )
        elif prices.item(code).unit is not PriceUnit.PARTICIPANT:
            checks.add(
                f"participant_codes[{index}]",
                code,
                "must be a per-participant price",
                Code.PRICE_NOT_PER_PARTICIPANT,
                price_code=code,
            )
    return codes


def _draft(
    program: Program,
    cohorts: int,
    participants: int,
    preparation: Decimal,
    hour_code: str,
    participant_codes: tuple[str, ...],
    agreement: FrameworkAgreement,
) -> list[CallOffLine]:
    lines: list[CallOffLine] = []
    led = Decimal(0)
    for module in program.modules:
        if not module.format.is_led:
            continue
        hours = EXACT.multiply(module.facilitator_hours, cohorts)
        led = EXACT.add(led, hours)
        lines.append(
            CallOffLine(
                price_code=hour_code,
                quantity=hours,
                description=(
                    f"{module.code} {module.title}: {format_number(module.hours)} tim × "
                    f"{module.facilitators} utbildningsledare × {_groups(cohorts)}"
                ),
            )
        )
    if led and preparation:
        lines.append(
            CallOffLine(
                price_code=hour_code,
                quantity=EXACT.multiply(led, preparation),
                description=(
                    f"Förberedelse: {format_number(preparation)} × "
                    f"{format_number(led)} tim ledd tid"
                ),
            )
        )
    for code in participant_codes:
        lines.append(
            CallOffLine(
                price_code=code,
                quantity=Decimal(cohorts * participants),
                description=(
                    f"{agreement.price_list.item(code).description}: "
                    f"{_groups(cohorts)} × {participants} deltagare"
                ),
            )
        )
    if not lines:
        raise ValidationError.single(
            "program",
            program.code,
            "has nothing to price: every module is self-paced and no per-participant "
            "item applies; quote the lines by hand",
            Code.NOTHING_TO_PRICE,
            program=program.code,
        )
    return lines
