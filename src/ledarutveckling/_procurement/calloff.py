"""Call-offs (avrop) under a framework agreement: their lines, prices and status history."""

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
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._base.money import Money
from ledarutveckling._procurement.agreement import CallOffMethod, FrameworkAgreement
from ledarutveckling._procurement.checks import as_decimal, check_date, check_money, is_quantity
from ledarutveckling._procurement.offerings import Program, ServiceArea
from ledarutveckling._procurement.parties import OrderingUnit
from ledarutveckling._procurement.status import (
    DELIVERY_STARTED,
    CallOffStatus,
    StatusChange,
)
from ledarutveckling.errors import ValidationError

__all__ = [
    "CallOff",
    "CallOffLine",
    "CallOffStatus",
    "RankingReason",
    "StatusChange",
    "price_lines",
]


class RankingReason(Labelled, enum.Enum):
    """Why a call-off by ranking passed over the suppliers ranked above the one it went to.

    Under ranking (rangordning, kaskad) the buyer calls off from the highest-ranked supplier
    first and turns to the next only for a reason the agreement's call-off terms state
    (LOU (2016:1145) 7 kap., ramavtal: a call-off follows the terms of the framework
    agreement); no reply in time and no capacity are the usual ones. A call-off to a supplier
    not ranked first records which reason applied, so that the order can be shown to have
    been followed. The list is short on purpose; :attr:`CallOff.ranking_note` says more.

    Examples:
        >>> RankingReason.NO_REPLY.label(), RankingReason.NO_CAPACITY.label("en_GB")
        ('svarade inte i tid', 'no capacity')
    """

    NO_REPLY = "no_reply"
    """Svarade inte i tid: no reply within the time the call-off terms give."""
    NO_CAPACITY = "no_capacity"
    """Saknade kapacitet: could not deliver when or as much as the call-off needs."""
    DECLINED = "declined"
    """Tackade nej: declined the call-off for another reason."""
    CONFLICT_OF_INTEREST = "conflict_of_interest"
    """Jäv eller intressekonflikt: may not take this call-off (e.g. it advises the unit)."""
    EXCLUDED = "excluded"
    """Utesluten: no longer to be called off from (its agreement terminated or suspended)."""

    def _labels(self) -> Words[RankingReason]:
        return _REASONS


_REASONS: Final[Words[RankingReason]] = Words(
    {
        RankingReason.NO_REPLY: ("svarade inte i tid", "no reply in time"),
        RankingReason.NO_CAPACITY: ("saknade kapacitet", "no capacity"),
        RankingReason.DECLINED: ("tackade nej", "declined"),
        RankingReason.CONFLICT_OF_INTEREST: (
            "jäv eller intressekonflikt",
            "conflict of interest",
        ),
        RankingReason.EXCLUDED: (
            "utesluten eller avtalet hävt",
            "excluded or its agreement terminated",
        ),
    },
    keys=RankingReason,
)


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
    quantity: Decimal = attrs.field(converter=as_decimal)
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
                    Code.CURRENCY_OTHER,
                    currency=agreement.currency,
                    given=line.unit_price.currency,
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
                codes=list(agreement.price_list.codes),
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
        ranking_reason: By ranking, why the suppliers ranked above this agreement's
            supplier were passed over; required when the call-off goes by ranking and the
            agreement's ``supplier_rank`` is above 1 (the ledger checks that), refused with
            renewed competition and with the first-ranked supplier. ``None`` by default.
        ranking_note: A note to the reason, e.g. ``"Leverantör 1 svarade inte inom fem
            arbetsdagar"``; may be empty; refused with renewed competition too.

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
    # Added in version 1 of the documents (h15): left out of them while at their defaults
    # (classes.OMIT_IF_DEFAULT), so call-offs without a reason read and write as before.
    ranking_reason: RankingReason | None = attrs.field(
        default=None, metadata={"ledarutveckling.omit_if_default": True}
    )
    ranking_note: str = attrs.field(default="", metadata={"ledarutveckling.omit_if_default": True})

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
        self._check_ranking_reason(checks)
        checks.done()

    def _check_ranking_reason(self, checks: Checker) -> None:
        """A reason is a member and its note text; neither goes with renewed competition.

        Whether a reason is needed depends on the agreement's rank of its supplier: the ledger
        checks that (:meth:`~ledarutveckling.AgreementLedger.problems`).
        """
        reason = self.ranking_reason
        reason_ok = reason is None or checks.member("ranking_reason", reason, RankingReason)
        note_ok = checks.text("ranking_note", self.ranking_note, empty_ok=True)
        if not (reason_ok and note_ok) or self.method is not CallOffMethod.RENEWED_COMPETITION:
            return
        stated = (("ranking_reason", reason), ("ranking_note", self.ranking_note or None))
        for path, value in stated:
            if value is not None:
                checks.add(
                    path,
                    value,
                    "must be left out: a call-off after renewed competition passes over no "
                    "supplier (a reason is for ranking)",
                    Code.RANKING_REASON_NOT_RANKING,
                    field=path,
                )

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
        elif change.to_status in DELIVERY_STARTED and change.on < self.delivery.start:
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
                    and is_quantity(line.quantity)
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
    def terminated_on(self) -> pendulum.Date | None:
        """The day of the termination (hävning), or ``None`` if the call-off was not terminated.

        From that day the delivery has stopped and the call-off counts for what was delivered
        (:attr:`delivered`), not for what it ordered: see
        :meth:`AgreementLedger.value <ledarutveckling.AgreementLedger.value>`.
        """
        for change in self.history:
            if change.to_status is CallOffStatus.TERMINATED:
                return change.on
        return None

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
