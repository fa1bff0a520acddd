"""The framework agreement (ramavtal): prices, options and call-off method (private).

The indexation of its prices is in :mod:`._procurement.indexation`; :class:`Indexation` and
:class:`IndexAdjustment` are re-exported here, where the public face has imported them from.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date, as_tuple
from ledarutveckling._base.dates import DateRange, to_date
from ledarutveckling._base.i18n import Labelled, Words
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._base.money import Money
from ledarutveckling._procurement.checks import check_date, check_money
from ledarutveckling._procurement.indexation import IndexAdjustment, Indexation
from ledarutveckling._procurement.offerings import ServiceArea
from ledarutveckling._procurement.parties import Organisation
from ledarutveckling._procurement.terms import DeliveryTerms
from ledarutveckling.errors import NotFoundError, ValidationError

__all__ = [
    "CallOffMethod",
    "ExtensionOption",
    "FrameworkAgreement",
    "IndexAdjustment",  # re-exported from indexation
    "Indexation",  # re-exported from indexation
    "PriceItem",
    "PriceList",
    "PriceUnit",
]


_C_23_20: Final = "EU Court of Justice C-23/20, Simonsen & Weel"


_LOU_7_2: Final = "LOU (2016:1145) 7 kap. 2 §"


class PriceUnit(Labelled, enum.Enum):
    """What one price in the price list is per (prisenhet).

    Examples:
        >>> PriceUnit.HALF_DAY.label()
        'per halvdag'
        >>> PriceUnit.PARTICIPANT.label("en_GB")
        'per participant'
    """

    HOUR = "hour"
    """Timpris: per hour of a consultant's time."""
    HALF_DAY = "half_day"
    """Halvdagspris: per half day (up to four hours)."""
    DAY = "day"
    """Dagpris: per day (up to eight hours)."""
    PARTICIPANT = "participant"
    """Pris per deltagare: per participant, e.g. material or a platform licence."""
    SESSION = "session"
    """Pris per tillfälle: per session."""
    FIXED = "fixed"
    """Fast pris: once per call-off."""

    def _labels(self) -> Words[PriceUnit | CallOffMethod]:
        return _LABELS


class CallOffMethod(Labelled, enum.Enum):
    """How the buyer chooses the supplier for a call-off (avropsordning).

    Source: LOU (2016:1145) 7 kap. (ramavtal): call-offs follow the terms of the agreement —
    by ranking (rangordning, kaskad: the highest-ranked supplier first), by renewed competition
    (förnyad konkurrensutsättning) among the agreement's suppliers, or a combination.

    Examples:
        >>> CallOffMethod.RENEWED_COMPETITION.label()
        'förnyad konkurrensutsättning'
    """

    RANKING = "ranking"
    """Rangordning (kaskad): the highest-ranked supplier first, the next for a stated reason."""
    RENEWED_COMPETITION = "renewed_competition"
    """Förnyad konkurrensutsättning: the suppliers compete again for the call-off."""
    COMBINED = "combined"
    """Kombinerad: ranking below the agreement's value limit, renewed competition at or above it."""

    def _labels(self) -> Words[PriceUnit | CallOffMethod]:
        return _LABELS


_LABELS: Final[Words[PriceUnit | CallOffMethod]] = Words(
    {
        PriceUnit.HOUR: ("per timme", "per hour"),
        PriceUnit.HALF_DAY: ("per halvdag", "per half day"),
        PriceUnit.DAY: ("per dag", "per day"),
        PriceUnit.PARTICIPANT: ("per deltagare", "per participant"),
        PriceUnit.SESSION: ("per tillfälle", "per session"),
        PriceUnit.FIXED: ("fast pris", "fixed price"),
        CallOffMethod.RANKING: ("rangordning", "ranking"),
        CallOffMethod.RENEWED_COMPETITION: ("förnyad konkurrensutsättning", "renewed competition"),
        CallOffMethod.COMBINED: ("kombinerad avropsordning", "combined"),
    },
    keys=(*PriceUnit, *CallOffMethod),
)


@attrs.frozen(kw_only=True)
class PriceItem:
    """One price in the agreement's price list, excluding VAT (exkl. moms).

    Attributes:
        code: Short identifier, unique in the list, e.g. ``"KONS-TIM"``.
        description: What the price is for, in Swedish.
        unit: What the price is per: hour, half day, day, participant, session or fixed.
        price: The price before indexation, not negative.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> item = PriceItem(code="KONS-TIM", description="Konsult, timpris",
        ...                  unit=PriceUnit.HOUR, price=Money.sek("1450"))
        >>> item.unit.label()
        'per timme'
    """

    code: str
    description: str
    unit: PriceUnit
    price: Money

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("code", self.code)
        checks.text("description", self.description)
        checks.member("unit", self.unit, PriceUnit)
        check_money(checks, "price", self.price)
        checks.done()


@attrs.frozen(kw_only=True)
class PriceList:
    """The agreement's prices (prislista): at least one item, unique codes, one currency.

    Attributes:
        items: The price items in the order of the agreement.

    Raises:
        ValidationError: Listing every item that breaks a rule.

    Examples:
        >>> prices = PriceList(items=(
        ...     PriceItem(code="KONS-TIM", description="Konsult, timpris",
        ...               unit=PriceUnit.HOUR, price=Money.sek("1450")),
        ...     PriceItem(code="MAT", description="Kursmaterial per deltagare",
        ...               unit=PriceUnit.PARTICIPANT, price=Money.sek("450")),
        ... ))
        >>> prices.item("MAT").price
        Money(amount=Decimal('450'), currency='SEK')
        >>> "KONS-TIM" in prices, prices.currency
        (True, 'SEK')
    """

    items: tuple[PriceItem, ...] = attrs.field(converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        good = checks.items("items", self.items, PriceItem, "PriceItem objects")
        if isinstance(self.items, tuple) and not self.items:
            checks.add(
                "items", self.items, "must hold at least one price item", Code.NO_PRICE_ITEMS
            )
        checks.unique("items", (item.code for item in good), "price code")
        if good:
            currency = good[0].price.currency
            for index, item in enumerate(self.items):
                if isinstance(item, PriceItem) and item.price.currency != currency:
                    checks.add(
                        f"items[{index}].price",
                        item.price,
                        f"must be in {currency} like the first item; one list, one currency",
                        Code.CURRENCY_OTHER,
                        currency=currency,
                        given=item.price.currency,
                    )
        checks.done()

    def __iter__(self) -> Iterator[PriceItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    @property
    def codes(self) -> tuple[str, ...]:
        """The price codes, in order."""
        return tuple(item.code for item in self.items)

    @property
    def currency(self) -> str:
        """The currency of every price in the list."""
        return self.items[0].price.currency

    def item(self, code: str) -> PriceItem:
        """The item with *code*.

        Raises:
            NotFoundError: If there is none (path ``code``); the message lists the codes.
                It is a ValidationError and a KeyError.
        """
        for item in self.items:
            if item.code == code:
                return item
        raise NotFoundError.single(
            "code", code, f"is not in the price list (codes: {', '.join(self.codes)})"
        )

    def by_unit(self, unit: PriceUnit) -> tuple[PriceItem, ...]:
        """The items priced per *unit*, in order.

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> [i.code for i in stockholm_agreement().price_list.by_unit(PriceUnit.PARTICIPANT)]
            ['MATERIAL', 'PLATTFORM']
        """
        return tuple(item for item in self.items if item.unit is unit)


MAX_OPTION_MONTHS: Final = 1200
"""The most months an option may extend a term by, or give notice in (a hundred years)."""

MAX_NOTICE_DAYS: Final = 36_525
"""The most days of notice an option may need (a hundred years)."""

FIRST_DAY: Final = pendulum.Date(1900, 1, 1)
"""The earliest day a term may start on (a notice before it must still be a date)."""

LAST_DAY: Final = pendulum.Date(2999, 12, 31)
"""The latest day a term with its options may end on: the days the model computes with."""


@attrs.frozen(kw_only=True)
class ExtensionOption:
    """The buyer's right to extend the agreement (förlängningsoption).

    Attributes:
        months: How many months the option extends the term by, at least 1.
        notice_days: How many days before the term in force ends the buyer must exercise it
            (0: up to the last day).
        notice_months: The notice in calendar months, for an agreement that says "senast tre
            månader före avtalstidens utgång" (three months are not 90 days): the deadline is
            the same day of the month that many months before the end (the month's last day
            when it has no such day), and *notice_days* more days before that if both are given.
        exercised_on: The day the buyer exercised the option, or ``None``.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> ExtensionOption(months=12, notice_days=90).exercised_on is None
        True
        >>> option = ExtensionOption(months=12, notice_months=3)
        >>> option.deadline_before(pendulum.date(2027, 12, 31))
        Date(2027, 9, 30)
        >>> ExtensionOption(months=12, notice_days=90).deadline_before(pendulum.date(2027, 12, 31))
        Date(2027, 10, 2)
    """

    months: int
    notice_days: int = 0
    # Added in version 1 of the documents: left out of them while 0 (classes.OMIT_IF_DEFAULT).
    notice_months: int = attrs.field(default=0, metadata={"ledarutveckling.omit_if_default": True})
    exercised_on: pendulum.Date | None = attrs.field(default=None, converter=as_date)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.integer("months", self.months, minimum=1, maximum=MAX_OPTION_MONTHS)
        checks.integer("notice_days", self.notice_days, minimum=0, maximum=MAX_NOTICE_DAYS)
        checks.integer("notice_months", self.notice_months, minimum=0, maximum=MAX_OPTION_MONTHS)
        if self.exercised_on is not None:
            check_date(checks, "exercised_on", self.exercised_on)
        checks.done()

    def deadline_before(self, end: dt.date) -> pendulum.Date:
        """The last day to exercise this option when the term in force ends on *end*.

        *notice_months* calendar months before *end* (pendulum keeps the day of the month, or
        takes the month's last day), then *notice_days* days before that.

        Raises:
            ValidationError: If *end* is not a date (path ``end``).
        """
        day = to_date(end, "end")
        if self.notice_months:
            day = day.subtract(months=self.notice_months)
        return day.subtract(days=self.notice_days)

    @property
    def notice(self) -> str:
        """The notice as a document says it, for messages: ``"90 days"``, ``"3 months"``.

        Examples:
            >>> ExtensionOption(months=12, notice_months=3, notice_days=10).notice
            '3 months and 10 days'
        """
        parts = []
        if self.notice_months:
            parts.append(f"{self.notice_months} month{'s' * (self.notice_months != 1)}")
        if self.notice_days or not parts:
            parts.append(f"{self.notice_days} day{'s' * (self.notice_days != 1)}")
        return " and ".join(parts)

    def period_after(self, end: dt.date) -> DateRange:
        """The days this option adds to a term in force that ends on *end*.

        The period starts the day after *end* and runs :attr:`months` months; when the last
        month has no day with the start's number (a start on the 29th–31st), it ends on that
        month's last day, so that no day is left out.

        Raises:
            ValidationError: If *end* is not a date (path ``end``).

        Examples:
            >>> option = ExtensionOption(months=1, notice_days=0)
            >>> print(option.period_after(pendulum.date(2027, 1, 30)))
            2027-01-31/2027-02-28
        """
        start = to_date(end, "end").add(days=1)
        later = start.add(months=self.months)  # pendulum clamps 31 + 1 month to the last day
        # One month from 31 January ends on 28 February (not 27 February), twelve months from
        # 29 February 2024 on 28 February 2025: no day of the last month is left out.
        return DateRange(
            start=start, end=later if later.day != start.day else later.subtract(days=1)
        )


@attrs.frozen(kw_only=True)
class FrameworkAgreement:
    """A framework agreement (ramavtal) between a public buyer and a supplier.

    The agreement fixes prices, a term with its options, and the most it may be worth;
    signing it buys nothing: units of the buyer buy by call-offs
    (:class:`~ledarutveckling.CallOff`), which :class:`~ledarutveckling.AgreementLedger`
    checks against it.

    Rules checked when it is built:

    * **Maximum value** (takbelopp): the ceiling must be stated and be at least the estimated
      value — EU Court of Justice C-23/20 (Simonsen & Weel, 2021): a framework agreement
      must state an estimated and a maximum value and ceases to have effect at the maximum.
    * **Term**: the term with every option may run past four years only with a recorded
      justification (särskilda skäl) — LOU (2016:1145) 7 kap. 2 §.
    * **Options** (förlängningsoptioner) are exercised in order, each on or before its
      notice deadline — a Swedish kammarrätt found an extension signed ten days before
      expiry, where three months' notice was required, to be a deviation from the agreement.
    * **Call-off method**: a combined method needs the value limit at which renewed
      competition takes over; ranking needs the supplier's rank.
    * One currency for the estimated value, ceiling, value limit and price list; the buyer
      and supplier are different organisations.
    * **Delivery terms**, if stated, are :class:`~ledarutveckling.DeliveryTerms` (each of
      their terms checked by them).

    Attributes:
        reference: The buyer's case number (diarienummer).
        title: The agreement's title.
        buyer: The public buyer (upphandlande myndighet).
        supplier: The supplier.
        term: The initial term, options not included.
        options: The extension options, in the order they can be exercised.
        estimated_value: The buyer's estimate of all call-offs (uppskattat värde).
        ceiling: The maximum value (takbelopp); ``None`` is refused with the reason.
        service_areas: The service areas the agreement covers, at least one.
        price_list: The prices, before indexation.
        indexation: The yearly price adjustment, or ``None`` for fixed prices.
        call_off_method: How call-offs choose the supplier.
        value_limit: With the combined method, the call-off value at or above which renewed
            competition is used (ranking below it); ``None`` otherwise.
        supplier_rank: The supplier's place in the ranking (1 = first), needed with the
            ranking and combined methods.
        term_justification: The buyer's stated special reasons for a term past four years.
        delivery_terms: What the agreement says about late cancellations, the fewest
            participants and no-shows (leveransvillkor), or ``None`` when it says nothing;
            :func:`~ledarutveckling.invoice_basis` applies them unless given other terms.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement
        >>> agreement = stockholm_agreement()
        >>> agreement.end_date, agreement.latest_end_date
        (Date(2027, 12, 31), Date(2028, 12, 31))
        >>> agreement.next_option()
        ExtensionOption(months=12, notice_days=90, notice_months=0, exercised_on=None)
        >>> agreement.notice_deadline
        Date(2027, 10, 2)
        >>> agreement.price_on("KONS-TIM", pendulum.date(2026, 3, 1))
        Money(amount=Decimal('1496.40'), currency='SEK')
    """

    reference: str
    title: str
    buyer: Organisation
    supplier: Organisation
    term: DateRange
    options: tuple[ExtensionOption, ...] = attrs.field(default=(), converter=as_tuple)
    estimated_value: Money
    ceiling: Money | None
    service_areas: tuple[ServiceArea, ...] = attrs.field(converter=as_tuple)
    price_list: PriceList
    indexation: Indexation | None = None
    call_off_method: CallOffMethod
    value_limit: Money | None = None
    supplier_rank: int | None = None
    term_justification: str | None = None
    # Added in version 1 of the documents (issue 18, round 5): left out of them while None
    # (classes.OMIT_IF_DEFAULT), so agreements without terms read and write as before.
    delivery_terms: DeliveryTerms | None = attrs.field(
        default=None, metadata={"ledarutveckling.omit_if_default": True}
    )

    def _repr_html_(self) -> str:
        """An HTML table of the agreement, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import agreement_html

        return agreement_html(self)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("reference", self.reference)
        checks.text("title", self.title)
        parties_ok = checks.instance("buyer", self.buyer, Organisation, "an Organisation")
        parties_ok &= checks.instance("supplier", self.supplier, Organisation, "an Organisation")
        if parties_ok and self.buyer.org_number == self.supplier.org_number:
            checks.add("supplier", self.supplier, "must not be the buyer", Code.SUPPLIER_IS_BUYER)
        term_ok = checks.instance("term", self.term, DateRange, "a DateRange")
        options = checks.items("options", self.options, ExtensionOption, "ExtensionOption objects")
        options_ok = len(options) == len(self.options)
        self._check_money(checks)
        areas = checks.items("service_areas", self.service_areas, ServiceArea, "ServiceArea values")
        if isinstance(self.service_areas, tuple) and not self.service_areas:
            checks.add(
                "service_areas",
                self.service_areas,
                "must name at least one service area",
                Code.NO_SERVICE_AREA,
            )
        checks.unique("service_areas", areas, "service area")
        checks.instance("price_list", self.price_list, PriceList, "a PriceList")
        if self.indexation is not None:
            checks.instance("indexation", self.indexation, Indexation, "an Indexation or None")
        self._check_method(checks)
        if self.term_justification is not None:
            checks.text("term_justification", self.term_justification)
        if self.delivery_terms is not None:
            checks.instance(
                "delivery_terms", self.delivery_terms, DeliveryTerms, "DeliveryTerms or None"
            )
        if term_ok and options_ok and self._computable(checks):
            self._check_term(checks)
            self._check_options(checks)
        checks.done()

    def _check_money(self, checks: Checker) -> None:
        """Maximum value: EU Court of Justice C-23/20 (Simonsen & Weel, 2021)."""
        estimate_ok = check_money(checks, "estimated_value", self.estimated_value, positive=True)
        currency = self.estimated_value.currency if estimate_ok else None
        if self.ceiling is None:
            checks.add(
                "ceiling",
                None,
                "must be stated: a framework agreement must state its maximum value and "
                f"ceases to have effect when it is reached ({_C_23_20})",
                Code.CEILING_MISSING,
            )
        elif check_money(checks, "ceiling", self.ceiling, positive=True) and currency:
            if self.ceiling.currency != currency:
                checks.add(
                    "ceiling",
                    self.ceiling,
                    f"must be in {currency} like estimated_value",
                    Code.CURRENCY_OTHER,
                    currency=currency,
                    given=self.ceiling.currency,
                )
            elif self.ceiling < self.estimated_value:
                checks.add(
                    "ceiling",
                    self.ceiling,
                    f"must be at least the estimated value ({self.estimated_value.amount} "
                    f"{currency}); the maximum cannot be below the estimate ({_C_23_20})",
                    Code.CEILING_BELOW_ESTIMATE,
                    ceiling=self.ceiling,
                    estimate=self.estimated_value,
                )
        if (
            currency
            and isinstance(self.price_list, PriceList)
            and self.price_list.currency != currency
        ):
            checks.add(
                "price_list",
                self.price_list.currency,
                f"must be in {currency} like estimated_value",
                Code.CURRENCY_OTHER,
                currency=currency,
                given=self.price_list.currency,
            )

    def _check_method(self, checks: Checker) -> None:
        """Call-off method: LOU (2016:1145) 7 kap. (ramavtal); the terms must say how."""
        if not checks.member("call_off_method", self.call_off_method, CallOffMethod):
            return
        combined = self.call_off_method is CallOffMethod.COMBINED
        if combined and self.value_limit is None:
            checks.add(
                "value_limit",
                None,
                "must be stated with the combined method: the call-off value at or above "
                "which renewed competition replaces ranking",
                Code.VALUE_LIMIT_MISSING,
            )
        elif not combined and self.value_limit is not None:
            checks.add(
                "value_limit",
                self.value_limit,
                "must be None unless the method is combined",
                Code.VALUE_LIMIT_NOT_COMBINED,
            )
        elif (
            self.value_limit is not None
            and check_money(checks, "value_limit", self.value_limit, positive=True)
            and isinstance(self.estimated_value, Money)
            and self.value_limit.currency != self.estimated_value.currency
        ):
            checks.add(
                "value_limit",
                self.value_limit,
                f"must be in {self.estimated_value.currency} like estimated_value",
                Code.CURRENCY_OTHER,
                currency=self.estimated_value.currency,
                given=self.value_limit.currency,
            )
        if self.supplier_rank is not None:
            checks.integer("supplier_rank", self.supplier_rank, minimum=1)
        elif self.call_off_method is not CallOffMethod.RENEWED_COMPETITION:
            checks.add(
                "supplier_rank",
                None,
                "must be stated when call-offs go by ranking: the supplier's place (1 = first)",
                Code.SUPPLIER_RANK_MISSING,
            )

    def _computable(self, checks: Checker) -> bool:
        """Whether the term is within :data:`FIRST_DAY` to :data:`LAST_DAY`, its options too.

        Counted in months before any date is computed: a term ending 9999-12-31 with an
        option, or options of many months, would give no date at all.
        """
        for field in ("start", "end"):
            day = getattr(self.term, field)
            if not FIRST_DAY <= day <= LAST_DAY:
                checks.add(
                    f"term.{field}",
                    day,
                    f"must be between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()} (the "
                    "days an agreement is computed for)",
                    Code.TERM_OUT_OF_RANGE,
                    day=day,
                    first=FIRST_DAY,
                    last=LAST_DAY,
                )
                return False
        months = sum(option.months for option in self.options)
        end = self.term.end
        room = (LAST_DAY.year - end.year) * 12 + (LAST_DAY.month - end.month)
        if months <= room:
            return True
        checks.add(
            "options",
            months,
            f"extend the term past {LAST_DAY.isoformat()}, the last day computed with: "
            f"{months} months after the term's end {end.isoformat()}",
            Code.OPTIONS_PAST_LAST_DAY,
            months=months,
            end=end,
            last=LAST_DAY,
        )
        return False

    def _check_term(self, checks: Checker) -> None:
        """Four years at most, options included, unless justified: LOU (2016:1145) 7 kap. 2 §."""
        limit = self.term.start.add(years=4).subtract(days=1)
        latest = self.latest_end_date
        if latest > limit and self.term_justification is None:
            checks.add(
                "term_justification",
                None,
                f"must be stated: the term with every option ends {latest.isoformat()}, "
                f"{(latest - limit).days} days past four years ({limit.isoformat()}); a "
                f"longer term needs special reasons (särskilda skäl), {_LOU_7_2}",
                Code.TERM_TOO_LONG,
                latest=latest,
                limit=limit,
                days=pendulum.duration(days=(latest - limit).days),
            )

    def _check_options(self, checks: Checker) -> None:
        """Options in order, each before its notice deadline (kammarrätt: late = deviation)."""
        end = self.term.end
        gap: int | None = None
        previous: pendulum.Date | None = None
        for index, option in enumerate(self.options):
            path = f"options[{index}].exercised_on"
            day = option.exercised_on
            if day is not None and previous is not None and day < previous:
                checks.add(
                    path,
                    day,
                    f"must not be before options[{index - 1}] was exercised "
                    f"({previous.isoformat()}); options are exercised in order",
                    Code.OPTION_BEFORE_PREVIOUS,
                    option=index + 1,
                    earlier=index,
                    day=day,
                    previous=previous,
                )
            previous = day if day is not None else previous
            if day is None:
                gap = index if gap is None else gap
            elif gap is not None:
                checks.add(
                    path,
                    day,
                    f"must not be set while options[{gap}] is not exercised; "
                    "options are exercised in order",
                    Code.OPTION_OUT_OF_ORDER,
                    option=index + 1,
                    earlier=gap + 1,
                )
            elif day < self.term.start:
                checks.add(
                    path,
                    day,
                    f"must not be before the term starts ({self.term.start.isoformat()})",
                    Code.OPTION_BEFORE_TERM,
                    option=index + 1,
                    day=day,
                    start=self.term.start,
                )
            else:
                deadline = option.deadline_before(end)
                if day > deadline:
                    checks.add(
                        path,
                        day,
                        f"is {(day - deadline).days} days after the notice deadline "
                        f"{deadline.isoformat()} ({option.notice} before the term "
                        f"ends on {end.isoformat()}); an extension exercised late is a "
                        "deviation from the agreement, as a Swedish kammarrätt has found",
                        Code.OPTION_LATE,
                        option=index + 1,
                        day=day,
                        days=pendulum.duration(days=(day - deadline).days),
                        deadline=deadline,
                    )
            end = option.period_after(end).end

    # -- term -----------------------------------------------------------------------

    def _end_after(self, count: int) -> pendulum.Date:
        return self.option_periods[count - 1].end if count else self.term.end

    @property
    def exercised(self) -> int:
        """How many options have been exercised."""
        return sum(1 for o in self.options if o.exercised_on is not None)

    @property
    def end_date(self) -> pendulum.Date:
        """The last day of the term with the options exercised so far."""
        return self._end_after(self.exercised)

    @property
    def latest_end_date(self) -> pendulum.Date:
        """The last day the term could reach, every option exercised."""
        return self._end_after(len(self.options))

    @property
    def option_periods(self) -> tuple[DateRange, ...]:
        """The days each option adds, in the order of :attr:`options`, exercised or not.

        The first period starts the day after the initial term ends and each next one the
        day after the one before; the last one ends on :attr:`latest_end_date`.

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> for period in stockholm_agreement().option_periods:
            ...     print(period)
            2027-01-01/2027-12-31
            2028-01-01/2028-12-31
        """
        periods: list[DateRange] = []
        end = self.term.end
        for option in self.options:
            periods.append(option.period_after(end))
            end = periods[-1].end
        return tuple(periods)

    @property
    def period_in_force(self) -> DateRange:
        """The days from the term's start to :attr:`end_date`."""
        return DateRange(start=self.term.start, end=self.end_date)

    def is_in_force(self, on: dt.date) -> bool:
        """Whether *on* falls in the term with the options exercised so far.

        The agreement also ceases when its ceiling is reached; that depends on the
        call-offs and is checked by :class:`~ledarutveckling.AgreementLedger`.

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> stockholm_agreement().is_in_force(pendulum.date(2028, 1, 1))
            False
        """
        return to_date(on, "on") in self.period_in_force

    def next_option(self) -> ExtensionOption | None:
        """The first option not yet exercised, or ``None`` when none is left."""
        index = self.exercised
        return self.options[index] if index < len(self.options) else None

    @property
    def notice_deadline(self) -> pendulum.Date | None:
        """The last day to exercise :meth:`next_option`, or ``None`` when none is left."""
        option = self.next_option()
        if option is None:
            return None
        return option.deadline_before(self.end_date)

    def exercise_next_option(self, on: dt.date) -> FrameworkAgreement:
        """Return the agreement with its next option exercised on *on*.

        Raises:
            ValidationError: If no option is left (path ``options``), or *on* is after the
                option's notice deadline — the message says by how many days (path
                ``options[i].exercised_on``).

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> agreement = stockholm_agreement()
            >>> agreement.exercise_next_option(pendulum.date(2027, 9, 1)).end_date
            Date(2028, 12, 31)
            >>> agreement.exercise_next_option(pendulum.date(2027, 12, 21))
            Traceback (most recent call last):
            ...
            ledarutveckling.errors.ValidationError: options[1].exercised_on: is 80 days after ...
        """
        day = to_date(on, "on")
        index = self.exercised
        if index >= len(self.options):
            raise ValidationError.single(
                "options", len(self.options), "has no option left to exercise", Code.NO_OPTION_LEFT
            )
        options = list(self.options)
        options[index] = attrs.evolve(options[index], exercised_on=day)
        return attrs.evolve(self, options=tuple(options))

    # -- prices ---------------------------------------------------------------------

    @property
    def currency(self) -> str:
        """The agreement's currency."""
        return self.estimated_value.currency

    def price_on(self, code: str, on: dt.date) -> Money:
        """The list price of *code* on *on*, with every index adjustment due by then.

        The date is not checked against the term: a quote can be worked out for any day.

        Raises:
            ValidationError: If *code* is not in the price list (path ``code``), or the index
                series lacks a month an adjustment needs (path ``indexation.values``).
        """
        day = to_date(on, "on")
        price = self.price_list.item(code).price
        if self.indexation is None:
            return price
        try:
            return self.indexation.apply(price, day)
        except ValidationError as error:
            raise error.with_prefix("indexation") from None
